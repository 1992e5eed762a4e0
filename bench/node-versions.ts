// Issue 17, target 7: the benchmarks on the image's Node and on the current LTS (scripts/ensure-node.sh), one after
// the other on the same machine, and their summaries side by side. Each run is `npm run bench [-- parts]` as it is,
// on that Node (the service, the baselines and the load generator all run on it); the full outputs are kept in
// .data/bench/node-<version>.md. Run: `npx tsx bench/node-versions.ts [part …]` (twice as long as `npm run bench`).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { ROOT } from './support/processes.js';

const parts = process.argv.slice(2);
const lts = execFileSync('bash', ['scripts/ensure-node.sh'], { cwd: ROOT, encoding: 'utf8' }).trim();
const nodes = [{ bin: '', label: `image's Node ${process.version}` }, { bin: lts, label: '' }];
nodes[1]!.label = `LTS ${execFileSync(`${lts}/node`, ['--version'], { encoding: 'utf8' }).trim()}`;

/** The summary table's rows of one run: part → [measured, baseline, ratio, target, met]. */
function summary(output: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  const table = output.slice(output.lastIndexOf('## Summary'));
  for (const line of table.split('\n').slice(4)) {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length >= 6 && !cells[0]!.startsWith('---')) rows.set(cells[0]!, cells.slice(1));
  }
  return rows;
}

mkdirSync(`${ROOT}/.data/bench`, { recursive: true });
const runs = nodes.map(({ bin, label }) => {
  console.error(`--- npm run bench ${parts.join(' ')} on the ${label}`);
  const env = { ...process.env, PATH: bin ? `${bin}:${process.env.PATH}` : process.env.PATH };
  const run = spawnSync('bash', ['bench/run.sh', ...parts], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const file = `.data/bench/node-${label.replace(/.*v/, '')}.md`;
  writeFileSync(`${ROOT}/${file}`, run.stdout + (run.stderr ? `\n\n<!-- stderr -->\n${run.stderr}` : ''));
  console.error(`    exit ${run.status}; full output in ${file}`);
  return summary(run.stdout);
});

const cell = (row: string[] | undefined) => (row ? `${row[0]} (${row[2] || row[1]}; ${row[4]})` : 'not run');
const names = [...new Set(runs.flatMap((r) => [...r.keys()]))];
console.log(`| part | target | ${nodes.map((n) => n.label).join(' | ')} |\n| --- | --- | ${nodes.map(() => '---').join(' | ')} |`);
for (const name of names) {
  const target = runs.map((r) => r.get(name)?.[3]).find(Boolean) ?? '';
  console.log(`| ${name} | ${target} | ${runs.map((r) => cell(r.get(name))).join(' | ')} |`);
}
