// Summarizes a V8 .cpuprofile (from BENCH_PROFILE=1 or node --cpu-prof): self time by function and by package.
// Run: npx tsx bench/profile-summary.ts <file.cpuprofile> [top]
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: bench/profile-summary.ts <file.cpuprofile> [top]');
const top = Number(topArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
// BENCH_SKIP_MS: leave out the first milliseconds (start-up, sign-ins) to look at the steady state only.
const skipUs = Number(process.env.BENCH_SKIP_MS ?? 0) * 1000;
const self = new Map<number, number>();
let clock = 0;
profile.samples.forEach((id, i) => {
  clock += profile.timeDeltas[i] ?? 0;
  if (clock >= skipUs) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);

function packageOf(url: string): string {
  if (!url) return '(native / V8)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return 'node:*';
  const src = url.indexOf('/src/');
  return src >= 0 ? url.slice(src + 1) : url;
}

const functions = new Map<string, number>();
const packages = new Map<string, number>();
for (const [id, us] of self) {
  const node = byId.get(id)!;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.startsWith('node:') ? url : packageOf(url);
  const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + us);
  packages.set(packageOf(url), (packages.get(packageOf(url)) ?? 0) + us);
}
const show = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
  }
};
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
show('self time by package', packages);
show('self time by function', functions);

// With a third argument, the call stacks (leaf first) that lead to functions whose name contains it.
const wanted = process.argv[4];
if (wanted) {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stacks = new Map<string, number>();
  for (const [id, us] of self) {
    if (!byId.get(id)!.callFrame.functionName.includes(wanted)) continue;
    const frames: string[] = [];
    for (let cur: number | undefined = id; cur !== undefined && frames.length < 14; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      frames.push(`${f.functionName || '(anon)'}@${packageOf(f.url)}:${f.lineNumber + 1}`);
    }
    const key = frames.join(' < ');
    stacks.set(key, (stacks.get(key) ?? 0) + us);
  }
  console.log(`\nstacks into *${wanted}*`);
  for (const [key, us] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`);
}

// BENCH_INCLUSIVE=1: total time (self + callees) by function, each function counted once per stack.
if (process.env.BENCH_INCLUSIVE === '1') {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^.*\/src\//, 'src/')}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  show('inclusive time by function', inclusive);
}

// BENCH_TREE=<function name>: the call tree below the first frames with that name, children by inclusive time.
const treeRoot = process.env.BENCH_TREE;
if (treeRoot) {
  const inclusiveOf = new Map<number, number>();
  const total = (id: number): number => {
    if (inclusiveOf.has(id)) return inclusiveOf.get(id)!;
    const n = byId.get(id)!;
    const t = (self.get(id) ?? 0) + (n.children ?? []).reduce((a, c) => a + total(c), 0);
    inclusiveOf.set(id, t);
    return t;
  };
  const label = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anon)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^.*\/src\//, 'src/')}:${f.lineNumber + 1}`;
  };
  // Merge the children of every node named treeRoot by label, recursively, to a depth.
  const depth = Number(process.env.BENCH_TREE_DEPTH ?? 4);
  const roots = profile.nodes.filter((n) => n.callFrame.functionName === treeRoot).map((n) => n.id);
  const print = (ids: number[], level: number) => {
    const groups = new Map<string, number[]>();
    for (const id of ids) for (const c of byId.get(id)!.children ?? []) groups.set(label(c), [...(groups.get(label(c)) ?? []), c]);
    const sorted = [...groups].map(([k, cs]) => [k, cs, cs.reduce((a, c) => a + total(c), 0)] as const).sort((a, b) => b[2] - a[2]);
    for (const [k, cs, t] of sorted.slice(0, 12)) {
      if (t < 20_000) continue;
      console.log(`${'  '.repeat(level)}${(t / 1000).toFixed(0).padStart(6)} ms  ${k}`);
      if (level < depth) print(cs, level + 1);
    }
  };
  console.log(`\ntree below ${treeRoot}: ${(roots.reduce((a, r) => a + total(r), 0) / 1000).toFixed(0)} ms`);
  print(roots, 0);
}
