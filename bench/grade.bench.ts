/**
 * `npm run bench`: grading time (all requirements of the IoT scenario) and simulation time (flow,
 * latency, storage and cost under the scenario's workload) on generated designs of 100, 200, 1,000 and
 * 10,000 nodes with about 1.5 edges per node, made by tiling the scenario's reference design
 * (15 nodes, 23 edges) and linking neighbouring tiles (bench/designs.ts). Prints one table per task with the median of
 * repeated runs and the growth exponent between sizes (1.0 = linear in nodes + edges), and writes
 * bench/results.json (`grading`, `simulation` and `analysis` arrays of the same row shape; `analysis` is
 * what the app runs on every change: `analyseDesign`, one design graph shared by one simulation and
 * then grading with the rules reading that simulation, as the analysis worker does); the browser part
 * (bench/browser.bench.ts) adds `browser` and `bundle` to the same file; this bench keeps the keys it does not write.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { applyCommand } from '../src/domain/commands.ts';
import { loadDesign, type Design } from '../src/domain/design.ts';
import { pasteFragment } from '../src/domain/fragment.ts';
import { analyseDesign, grade } from '../src/domain/grade.ts';
import { simulate } from '../src/domain/simulation.ts';
import { content, iot, tiledDesign } from './designs.ts';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

type Row = { nodes: number; edges: number; medianMs: number; runs: number; growthExponent?: number };

/** Median time of `task` on tiled designs of each size, with the growth exponent from the previous size. */
function measure(task: (design: Design) => unknown): Row[] {
  const rows: Row[] = [];
  for (const size of [100, 200, 1000, 10000]) {
    const design = tiledDesign(size);
    const runs = size >= 10000 ? 15 : 25; // 10,000 nodes: a run varies by ±15 % on a 2-core machine
    task(design); // warm-up
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      task(design);
      times.push(performance.now() - t0);
    }
    const row: Row = { nodes: design.nodes.length, edges: design.edges.length, medianMs: median(times), runs };
    const prev = rows.at(-1);
    if (prev) row.growthExponent = Math.log(row.medianMs / prev.medianMs) / Math.log((row.nodes + row.edges) / (prev.nodes + prev.edges));
    rows.push(row);
  }
  return rows;
}

function print(title: string, rows: Row[]) {
  console.log(title);
  console.table(rows.map((r) => ({ nodes: r.nodes, edges: r.edges, 'median ms': r.medianMs.toFixed(2), runs: r.runs, 'growth exponent': r.growthExponent?.toFixed(2) ?? '' })));
}

const grading = measure((design) => grade(design, iot.scenario, content.catalog, content.rules));
print('Grading (all requirements of iot-5tb-day), median ms', grading);
const simulation = measure((design) => simulate(design, iot.scenario, content.catalog));
print('Simulation (flow, latency, storage and cost under the iot-5tb-day workload), median ms', simulation);
const analysis = measure((design) => analyseDesign(design, iot.scenario, content.catalog, content.rules));
print('Grading + simulation as the app runs them on every change (analyseDesign: one design graph, one simulation shared with the rules), median ms', analysis);
// Issue 15: loading hostile designs. A chain of nested groups (refused past 16 levels: the time to the
// refusal, with its JSON path), and pasting 10,000 nodes into a design (fresh ids, one addNodes).
const chain = (levels: number) => ({
  format: 'archboard.design',
  version: 2,
  nodes: Array.from({ length: levels }, (_, i) => ({ id: `g${i}`, service: 'amazon-vpc', position: { x: 10, y: 10 }, size: { width: 400, height: 300 }, ...(i ? { parentId: `g${i - 1}` } : {}) })),
  edges: [],
});
const timeIt = (task: () => unknown, runs = 9) => {
  task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    task();
    times.push(performance.now() - t0);
  }
  return median(times);
};
const nesting = [1000, 2000, 10_000].map((levels) => {
  const doc = chain(levels);
  const r = loadDesign(doc, content.catalog);
  return { levels, refused: !r.ok, path: r.ok ? '' : r.problems[0]!.path, medianMs: Number(timeIt(() => loadDesign(doc, content.catalog)).toFixed(2)) };
});
console.log('Nested groups: loadDesign refusing a chain deeper than 16 levels (median ms)');
console.table(nesting);
const big = tiledDesign(10000);
const pasteMs = timeIt(() => {
  const { nodes, edges } = pasteFragment(big, big, { x: 24, y: 24 });
  applyCommand(big, { type: 'addNodes', nodes, edges });
}, 5);
console.log(`Paste of 10,000 nodes into a 10,000-node design (fresh ids + addNodes): ${pasteMs.toFixed(1)} ms median`);
// Keep what the other benches wrote (`browser`, `bundle`, `targets`, `export`) and replace this bench's keys.
const resultsUrl = new URL('./results.json', import.meta.url);
const previous = existsSync(resultsUrl) ? (JSON.parse(readFileSync(resultsUrl, 'utf8')) as Record<string, unknown>) : {};
const results = {
  ...previous,
  machine: `${process.platform} ${process.arch}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), Node ${process.version}`,
  date: new Date().toISOString(),
  grading,
  simulation,
  analysis,
  nesting,
  paste10kMs: Number(pasteMs.toFixed(1)),
};
writeFileSync(resultsUrl, JSON.stringify(results, null, 2) + '\n');
console.log('written bench/results.json');
