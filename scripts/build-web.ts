// Bundles the browser client (web/src/main.ts, with graphql-ws's browser client) into web/public/build/app.js with
// esbuild: `npm run build:web` (`-- --watch` to rebuild on every change). npm start runs it first; the browser tests
// call buildWeb() themselves.
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { loadDotEnv } from '../src/config.js';

const root = fileURLToPath(new URL('..', import.meta.url));

const options: esbuild.BuildOptions = {
  absWorkingDir: root,
  entryPoints: ['web/src/main.ts'],
  outfile: 'web/public/build/app.js',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  // Browsers of the last few years: ES2022 syntax as written, nothing down-levelled.
  target: ['es2022', 'chrome100', 'firefox100', 'safari16'],
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
};

/**
 * Source maps (the client's whole TypeScript source) are for development: a production build has none and names
 * none (no `//# sourceMappingURL`), and the server refuses .map files in production anyway (src/modules/web/route.ts).
 */
function optionsFor(production: boolean): esbuild.BuildOptions {
  return { ...options, sourcemap: production ? false : 'linked' };
}

const isProduction = () => process.env.NODE_ENV === 'production';

/** The bundle's files, in memory. */
export async function bundleWeb(production: boolean): Promise<esbuild.OutputFile[]> {
  return (await esbuild.build({ ...optionsFor(production), write: false })).outputFiles;
}

/**
 * Writes the bundle; resolves once it is on disk, rejects on a compile error. Each file is written aside and renamed
 * into place, so a server reading it meanwhile (or a second build running at once, as two test files may) never
 * sees half a file.
 */
export async function buildWeb(production = isProduction()): Promise<void> {
  const files = await bundleWeb(production);
  // A map left by an earlier development build would still be on disk beside the production bundle.
  if (production) await rm(join(root, `${options.outfile}.map`), { force: true });
  for (const file of files) {
    await mkdir(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${randomUUID()}.tmp`;
    await writeFile(temporary, file.contents);
    await rename(temporary, file.path);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // NODE_ENV as the server will read it (npm start builds first), .env included.
  loadDotEnv();
  if (process.argv.includes('--watch')) {
    const context = await esbuild.context({ ...optionsFor(isProduction()), logLevel: 'info' });
    await context.watch();
  } else {
    const started = Date.now();
    const production = isProduction();
    await buildWeb(production);
    console.log(`web/public/build/app.js built in ${Date.now() - started} ms${production ? ' (production: no source map)' : ''}`);
  }
}
