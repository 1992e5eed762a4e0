// Bundles the browser client (web/src/main.ts, with graphql-ws's browser client) into web/public/build/app.js with
// esbuild: `npm run build:web` (`-- --watch` to rebuild on every change). npm start runs it first; the browser tests
// call buildWeb() themselves.
import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
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

/**
 * Writes the bundle; resolves once it is on disk, rejects on a compile error. Each file is written aside and renamed
 * into place, so a server reading it meanwhile (or a second build running at once, as two test files may) never
 * sees half a file.
 */
export async function buildWeb(): Promise<void> {
  const result = await esbuild.build({ ...options, write: false });
  for (const file of result.outputFiles) {
    await mkdir(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${randomUUID()}.tmp`;
    await writeFile(temporary, file.contents);
    await rename(temporary, file.path);
  }
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
