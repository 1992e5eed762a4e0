// The arguments `npm start` gives Node (package.json's "start" script after `node`), so that the tests and the
// benchmarks that run the service as its own process run it exactly as an operator does.
import { readFileSync } from 'node:fs';

const start = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } }).scripts.start;
const [command, ...args] = start.trim().split(/\s+/);
if (command !== 'node') throw new Error(`package.json's start script should run node, not: ${start}`);

export const START_ARGS: readonly string[] = args;
