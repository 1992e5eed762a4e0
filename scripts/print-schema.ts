// Writes schema.graphql from the Pothos schema; with --check, fails instead when the file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSdl } from '../src/graphql/schema.js';

const file = fileURLToPath(new URL('../schema.graphql', import.meta.url));
const sdl = printSdl();
if (process.argv.includes('--check')) {
  const committed = readFileSync(file, 'utf8');
  if (committed !== sdl) {
    console.error('schema.graphql is out of date with the code: run `npm run schema:print` and commit the result.');
    process.exit(1);
  }
  console.log('schema.graphql matches the code.');
} else {
  writeFileSync(file, sdl);
  console.log(`Wrote ${file}`);
}
