// Bundles the browser client (web/src/main.ts, with graphql-ws's browser client) into web/public/build/app.js with
// esbuild: `npm run build:web` (`-- --watch` to rebuild on every change). npm start runs it first; the browser tests
// call buildWeb() themselves.
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

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
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
};

/** Writes the bundle; resolves once it is on disk, rejects on a compile error. */
export async function buildWeb(): Promise<void> {
  await esbuild.build(options);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--watch')) {
    const context = await esbuild.context({ ...options, logLevel: 'info' });
    await context.watch();
  } else {
    const started = Date.now();
    await buildWeb();
    console.log(`web/public/build/app.js built in ${Date.now() - started} ms`);
  }
}
