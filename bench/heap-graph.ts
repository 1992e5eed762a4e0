// A V8 heap snapshot as a graph, for bench/memory-heap.ts: who retains objects of a constructor (paths to the
// root), and retained sizes (dominator tree) summed by constructor.
import { readFileSync } from 'node:fs';

export class HeapGraph {
  readonly nodeCount: number;
  readonly types: Uint8Array;
  readonly names: Uint32Array;
  readonly sizes: Float64Array;
  readonly firstEdge: Uint32Array;
  readonly edgeTo: Uint32Array;
  readonly edgeType: Uint8Array;
  readonly edgeName: Uint32Array;
  readonly strings: string[];
  readonly typeNames: string[];
  readonly edgeTypeNames: string[];
  private reverse?: { first: Uint32Array; from: Uint32Array; edge: Uint32Array };

  constructor(file: string) {
    const s = JSON.parse(readFileSync(file, 'utf8')) as {
      snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
      nodes: number[];
      edges: number[];
      strings: string[];
    };
    const nf = s.snapshot.meta.node_fields;
    const ef = s.snapshot.meta.edge_fields;
    const nw = nf.length;
    const ew = ef.length;
    this.nodeCount = s.nodes.length / nw;
    this.typeNames = s.snapshot.meta.node_types[0];
    this.edgeTypeNames = s.snapshot.meta.edge_types[0];
    this.strings = s.strings;
    const n = this.nodeCount;
    this.types = new Uint8Array(n);
    this.names = new Uint32Array(n);
    this.sizes = new Float64Array(n);
    this.firstEdge = new Uint32Array(n + 1);
    const [ti, ni, si, ci] = ['type', 'name', 'self_size', 'edge_count'].map((f) => nf.indexOf(f)) as [number, number, number, number];
    let e = 0;
    for (let i = 0; i < n; i += 1) {
      this.types[i] = s.nodes[i * nw + ti]!;
      this.names[i] = s.nodes[i * nw + ni]!;
      this.sizes[i] = s.nodes[i * nw + si]!;
      this.firstEdge[i] = e;
      e += s.nodes[i * nw + ci]!;
    }
    this.firstEdge[n] = e;
    const m = s.edges.length / ew;
    this.edgeTo = new Uint32Array(m);
    this.edgeType = new Uint8Array(m);
    this.edgeName = new Uint32Array(m);
    const [eti, eni, eto] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f)) as [number, number, number];
    for (let j = 0; j < m; j += 1) {
      this.edgeType[j] = s.edges[j * ew + eti]!;
      this.edgeName[j] = s.edges[j * ew + eni]!;
      this.edgeTo[j] = s.edges[j * ew + eto]! / nw;
    }
  }

  type(i: number): string {
    return this.typeNames[this.types[i]!]!;
  }

  name(i: number): string {
    return this.strings[this.names[i]!]!;
  }

  /** The grouping key of bench/memory-heap.ts's tables. */
  key(i: number): string {
    const type = this.type(i);
    const name = this.name(i);
    if (type === 'object' || type === 'native') return `${type === 'native' ? '(native) ' : ''}${name}`;
    if (type === 'closure') return `(closure) ${name || '(anonymous)'}`;
    if (type === 'hidden' || type === 'array' || type === 'code' || type === 'synthetic' || type === 'object shape') return `(${type}) ${name.slice(0, 60)}`;
    return `(${type})`;
  }

  edgeLabel(j: number): string {
    const t = this.edgeTypeNames[this.edgeType[j]!]!;
    return t === 'element' || t === 'hidden' ? `[${this.edgeName[j]}]` : `${t === 'property' ? '' : `${t}:`}${this.strings[this.edgeName[j]!]}`;
  }

  private isWeak(j: number): boolean {
    return this.edgeTypeNames[this.edgeType[j]!] === 'weak';
  }

  private reverseEdges() {
    if (this.reverse) return this.reverse;
    const n = this.nodeCount;
    const counts = new Uint32Array(n + 1);
    for (let j = 0; j < this.edgeTo.length; j += 1) if (!this.isWeak(j)) counts[this.edgeTo[j]! + 1]! += 1;
    for (let i = 0; i < n; i += 1) counts[i + 1]! += counts[i]!;
    const first = counts.slice();
    const fill = counts.slice();
    const from = new Uint32Array(first[n]!);
    const edge = new Uint32Array(first[n]!);
    for (let i = 0; i < n; i += 1) {
      for (let j = this.firstEdge[i]!; j < this.firstEdge[i + 1]!; j += 1) {
        if (this.isWeak(j)) continue;
        const t = this.edgeTo[j]!;
        from[fill[t]!] = i;
        edge[fill[t]!] = j;
        fill[t]! += 1;
      }
    }
    return (this.reverse = { first, from, edge });
  }

  /** Nodes whose grouping key is `key`. */
  find(key: string): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.nodeCount; i += 1) if (this.key(i) === key) out.push(i);
    return out;
  }

  /** One shortest retaining path from the root (breadth-first over strong edges) to `target`. */
  pathTo(target: number): string {
    const n = this.nodeCount;
    const parentEdge = new Int32Array(n).fill(-1);
    const parent = new Int32Array(n).fill(-1);
    const seen = new Uint8Array(n);
    const queue = new Uint32Array(n);
    let head = 0;
    let tail = 0;
    queue[tail++] = 0;
    seen[0] = 1;
    while (head < tail) {
      const i = queue[head++]!;
      if (i === target) break;
      for (let j = this.firstEdge[i]!; j < this.firstEdge[i + 1]!; j += 1) {
        if (this.isWeak(j)) continue;
        const t = this.edgeTo[j]!;
        if (seen[t]) continue;
        seen[t] = 1;
        parent[t] = i;
        parentEdge[t] = j;
        queue[tail++] = t;
      }
    }
    const steps: string[] = [];
    for (let i = target; parent[i]! >= 0; i = parent[i]!) steps.push(`${this.edgeLabel(parentEdge[i]!)} -> ${this.key(i)}`);
    return steps.reverse().join('\n    ');
  }

  /** Immediate retainers of `target` (strong edges), as "key .edge". */
  retainersOf(target: number): string[] {
    const r = this.reverseEdges();
    const out: string[] = [];
    for (let k = r.first[target]!; k < r.first[target + 1]!; k += 1) out.push(`${this.key(r.from[k]!)} .${this.edgeLabel(r.edge[k]!)}`);
    return out;
  }

  /** Retained size of every node (Cooper, Harvey and Kennedy's iterative dominators over strong edges). */
  retainedSizes(): Float64Array {
    const n = this.nodeCount;
    const r = this.reverseEdges();
    // Post-order by iterative DFS from the root.
    const order = new Uint32Array(n);
    const postIndex = new Int32Array(n).fill(-1);
    const stackNode = new Uint32Array(n);
    const stackEdge = new Uint32Array(n);
    const visited = new Uint8Array(n);
    let sp = 0;
    let count = 0;
    stackNode[sp] = 0;
    stackEdge[sp] = this.firstEdge[0]!;
    sp += 1;
    visited[0] = 1;
    while (sp > 0) {
      const i = stackNode[sp - 1]!;
      const j = stackEdge[sp - 1]!;
      if (j < this.firstEdge[i + 1]!) {
        stackEdge[sp - 1] = j + 1;
        if (this.isWeak(j)) continue;
        const t = this.edgeTo[j]!;
        if (visited[t]) continue;
        visited[t] = 1;
        stackNode[sp] = t;
        stackEdge[sp] = this.firstEdge[t]!;
        sp += 1;
      } else {
        sp -= 1;
        postIndex[i] = count;
        order[count++] = i;
      }
    }
    const UNDEF = -1;
    const idom = new Int32Array(n).fill(UNDEF); // by post index
    const rootPost = postIndex[0]!;
    idom[rootPost] = rootPost;
    let changed = true;
    while (changed) {
      changed = false;
      for (let p = count - 2; p >= 0; p -= 1) {
        const node = order[p]!;
        let newIdom = UNDEF;
        for (let k = r.first[node]!; k < r.first[node + 1]!; k += 1) {
          const pred = postIndex[r.from[k]!]!;
          if (pred < 0 || idom[pred] === UNDEF) continue;
          if (newIdom === UNDEF) {
            newIdom = pred;
            continue;
          }
          let a = pred;
          let b = newIdom;
          while (a !== b) {
            while (a < b) a = idom[a]!;
            while (b < a) b = idom[b]!;
          }
          newIdom = a;
        }
        if (newIdom !== UNDEF && idom[p] !== newIdom) {
          idom[p] = newIdom;
          changed = true;
        }
      }
    }
    const retained = new Float64Array(n);
    for (let p = 0; p < count; p += 1) retained[order[p]!] = this.sizes[order[p]!]!;
    for (let p = 0; p < count; p += 1) {
      if (p === rootPost) continue;
      const d = idom[p]!;
      if (d !== UNDEF) retained[order[d]!] = retained[order[d]!]! + retained[order[p]!]!;
    }
    this.idomCache = { idom, order, postIndex };
    return retained;
  }

  idomCache?: { idom: Int32Array; order: Uint32Array; postIndex: Int32Array };

  /** The immediate dominator of node i (after retainedSizes). */
  dominator(i: number): number {
    const c = this.idomCache!;
    const p = c.postIndex[i]!;
    return p < 0 ? -1 : c.order[c.idom[p]!]!;
  }
}

// npx tsx bench/heap-graph.ts <file> [N] [key …]: retained size by key (per N), then for each key named, how many,
// the mean retained size, immediate retainers of a sample and one path from the root to it.
if (process.argv[1]?.endsWith('heap-graph.ts')) {
  const [file, nArg, ...keys] = process.argv.slice(2);
  const per = Number(nArg ?? 1);
  const g = new HeapGraph(file!);
  const retained = g.retainedSizes();
  const byKey = new Map<string, { count: number; retained: number }>();
  for (let i = 0; i < g.nodeCount; i += 1) {
    const d = g.dominator(i);
    if (d >= 0 && g.key(d) === g.key(i)) continue;
    const k = g.key(i);
    const e = byKey.get(k) ?? { count: 0, retained: 0 };
    e.count += 1;
    e.retained += retained[i]!;
    byKey.set(k, e);
  }
  const rows = [...byKey.entries()].filter(([, e]) => e.count >= per * 0.9).sort((a, b) => b[1].retained - a[1].retained);
  console.log(`retained by outermost objects of a key, per ${per} (keys with >= 0.9 per unit only)`);
  for (const [k, e] of rows.slice(0, 50)) console.log(`${(e.retained / per).toFixed(0).padStart(10)}  ${(e.count / per).toFixed(2).padStart(8)}  ${k}`);
  for (const key of keys) {
    const found = g.find(key);
    if (found.length === 0) {
      console.log(`\n${key}: none`);
      continue;
    }
    const sample = found[Math.floor(found.length / 2)]!;
    const mean = found.reduce((s, i) => s + retained[i]!, 0) / found.length;
    console.log(`\n${key}: ${found.length}, mean retained ${mean.toFixed(0)} B; sample retained ${retained[sample]} B, dominated by ${g.key(g.dominator(sample))}`);
    console.log(`  retainers: ${g.retainersOf(sample).slice(0, 12).join('; ')}`);
    console.log(`  path: ${g.pathTo(sample)}`);
  }
}
