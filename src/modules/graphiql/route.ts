// GraphiQL served entirely by this server, for machines and networks that cannot reach a CDN. Yoga's default page
// loads GraphiQL from unpkg; @graphql-yoga/render-graphiql ships the same GraphiQL prebuilt (script, styles, the
// Monaco editor's workers, fonts inlined), but as one 9 MB page with inline scripts and blob: workers on every load.
// Here its parts are files under /graphiql/<version>/: cached for good (the version is their hash), gzipped once,
// and the page carries no inline script, so its Content-Security-Policy can be strict (GRAPHIQL_CSP).
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { etagMatches, sendText } from '../../http/responses.js';
import type { HttpRoute } from '../../http/routes.js';
import type { Runtime } from '../../runtime.js';
import { escapeHtml } from '../../html.js';

export const GRAPHIQL_ASSET_PREFIX = '/graphiql/';

/**
 * The page's policy: our own scripts and workers only; styles inline too (the editor injects its own at run time),
 * fonts and icons as data: URLs (how the bundle carries them); fetch and graphql-ws to this server ('self' covers
 * ws: and wss: to the same host in CSP 3).
 */
export const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

interface Asset {
  type: string;
  body: Buffer;
  gzipped: Buffer;
}

interface Bundle {
  version: string;
  assets: Map<string, Asset>;
}

/**
 * Runs before the bundle: tells Monaco where its workers are (it asks by label), and renders GraphiQL with the
 * page's options once the bundle has run.
 */
const BOOT_SCRIPT = `(function () {
  var base = document.currentScript.src.replace(/[^/]*$/, '');
  var workers = { editorWorkerService: 'editor.worker.js', json: 'json.worker.js', graphql: 'graphql.worker.js' };
  self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: function (_moduleId, label) { return base + workers[label]; } };
  document.addEventListener('DOMContentLoaded', function () {
    var options = JSON.parse(document.getElementById('graphiql-options').textContent);
    YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options);
  });
})();
`;

const JS = 'text/javascript; charset=utf-8';
const gzipAsync = promisify(gzip);
let bundle: Promise<Bundle> | undefined;

/** The prebuilt GraphiQL, read (about 9 MB) the first time GraphiQL is asked for, not at start-up. */
function loadBundle(): Promise<Bundle> {
  return (bundle ??= (async () => {
    const parts = await import('@graphql-yoga/render-graphiql/graphiql');
    const favicon = /^data:([^;]+);base64,(.*)$/s.exec(parts.favicon);
    const files: [string, string, string | Buffer][] = [
      ['boot.js', JS, BOOT_SCRIPT],
      ['graphiql.js', JS, parts.js],
      ['graphiql.css', 'text/css; charset=utf-8', parts.css],
      ['editor.worker.js', JS, parts.editorWorkerService],
      ['json.worker.js', JS, parts.jsonWorker],
      ['graphql.worker.js', JS, parts.graphqlWorker],
    ];
    if (favicon) files.push(['favicon.ico', favicon[1]!, Buffer.from(favicon[2]!, 'base64')]);
    const hash = createHash('sha256');
    const assets = new Map<string, Asset>();
    for (const [name, type, content] of files) {
      const body = Buffer.isBuffer(content) ? content : Buffer.from(content);
      hash.update(name).update(body);
      assets.set(name, { type, body, gzipped: await gzipAsync(body) });
    }
    return { version: hash.digest('base64url').slice(0, 12), assets };
  })().catch((error: unknown) => {
    bundle = undefined; // try again on the next request
    throw error;
  }));
}

/** Yoga's `renderGraphiQL`: the page, which names its parts by version and holds its options as inert JSON. */
export async function renderGraphiQLPage(options: Record<string, unknown> & { title?: string }): Promise<string> {
  const { version } = await loadBundle();
  const base = `${GRAPHIQL_ASSET_PREFIX}${version}/`;
  // In a JSON script element only "</script" could end it early; \u003c keeps the JSON the same.
  const json = JSON.stringify(options).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${base}favicon.ico" />
    <link rel="stylesheet" href="${base}graphiql.css" />
    <script type="application/json" id="graphiql-options">${json}</script>
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root"></div>
    <script src="${base}boot.js"></script>
    <script src="${base}graphiql.js"></script>
  </body>
</html>
`;
}

export function isGraphiQLAssetPath(path: string): boolean {
  return path.startsWith(GRAPHIQL_ASSET_PREFIX);
}

/** GET/HEAD /graphiql/<version>/<file>. Only the current version exists; any other is a 404. */
export async function serveGraphiQLAsset(runtime: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!runtime.config.graphql.graphiql || (req.method !== 'GET' && req.method !== 'HEAD')) return sendText(res, 404, 'Not found');
  const [version, name, ...rest] = (req.url ?? '').split('?')[0]!.slice(GRAPHIQL_ASSET_PREFIX.length).split('/');
  const { version: current, assets } = await loadBundle();
  const asset = rest.length === 0 && version === current ? assets.get(name ?? '') : undefined;
  if (!asset) return sendText(res, 404, 'Not found');
  const etag = `"${current}"`;
  const headers: Record<string, string | number> = { etag, 'cache-control': 'public, max-age=31536000, immutable', vary: 'accept-encoding' };
  if (etagMatches(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const gzipOk = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzipOk ? asset.gzipped : asset.body;
  res.writeHead(200, { ...headers, 'content-type': asset.type, 'content-length': body.length, ...(gzipOk ? { 'content-encoding': 'gzip' } : {}) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

export const graphiqlRoute: HttpRoute = { name: 'graphiql', owns: isGraphiQLAssetPath, handle: serveGraphiQLAsset };
