/**
 * The export and draw.io part of `npm run bench` (run after bench/grade.bench.ts, which writes
 * bench/results.json; this adds `export`). In Node, on designs tiled from the IoT reference design:
 *  - the renderer (design -> SVG) at 200 nodes: median ms and SVG size;
 *  - PNG at 2x from that SVG through @resvg/resvg-js, and the PDF holding it: median ms and size;
 *  - draw.io import (read + map + check, as the app's Import does) of files of about 5,000 and 50,000
 *    cells written by the draw.io export: median wall ms and CPU ms, and the growth exponent;
 *  - the real-diagram test set (tests/fixtures/drawio/real): per-file mapping rates.
 * Figures only: nothing here fails on a slow machine. The browser's own PNG/SVG export times are in
 * bench/browser.bench.ts.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { drawioToDesign } from '../src/adapters/drawio-design.ts';
import { readDrawioFile } from '../src/adapters/drawio-file.ts';
import { encodeInNode } from '../src/cli/renderer.ts';
import { designToDrawio } from '../src/domain/drawio-export.ts';
import { renderDesignSvg } from '../src/domain/render-svg.ts';
import { measure as rates } from '../tests/support/drawio-rates.ts';
import { content, tiledDesign } from './designs.ts';

const RESULTS = new URL('./results.json', import.meta.url);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

async function timed<T>(runs: number, task: () => T | Promise<T>): Promise<{ wallMs: number; cpuMs: number; value: T }> {
  let value = await task(); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    value = await task();
    wall.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  return { wallMs: round(median(wall)), cpuMs: round(median(cpu)), value };
}

const design200 = tiledDesign(200);
const svg = await timed(15, () => renderDesignSvg(design200, content.catalog));
const png = await timed(5, () => encodeInNode(svg.value, 'png'));
const pdf = await timed(5, () => encodeInNode(svg.value, 'pdf'));
const render = {
  nodes: design200.nodes.length,
  edges: design200.edges.length,
  svg: { wallMs: svg.wallMs, kB: round(Buffer.byteLength(svg.value.svg) / 1024) },
  png: { wallMs: png.wallMs, kB: round(png.value.length / 1024), pixels: `${svg.value.width * 2}x${svg.value.height * 2}` },
  pdf: { wallMs: pdf.wallMs, kB: round(pdf.value.length / 1024) },
};
console.log('Rendering 200 nodes in Node (median)');
console.table({ SVG: { ms: render.svg.wallMs, kB: render.svg.kB }, 'PNG (resvg, 2x)': { ms: render.png.wallMs, kB: render.png.kB }, PDF: { ms: render.pdf.wallMs, kB: render.pdf.kB } });

const imports: { cells: number; wallMs: number; cpuMs: number; growthExponent?: number }[] = [];
for (const nodes of [2000, 20000]) {
  const text = designToDrawio(tiledDesign(nodes), content.catalog);
  const read = readDrawioFile(text);
  const cells = read.ok ? read.pages[0]!.cells.length : 0;
  const r = await timed(nodes > 5000 ? 3 : 7, () => drawioToDesign(text, content.catalog));
  if (!r.value.ok) throw new Error(r.value.message);
  const row: (typeof imports)[number] = { cells, wallMs: r.wallMs, cpuMs: r.cpuMs };
  const prev = imports.at(-1);
  if (prev) row.growthExponent = round(Math.log(row.cpuMs / prev.cpuMs) / Math.log(row.cells / prev.cells), 2);
  imports.push(row);
}
console.log('draw.io import (read, map, check), median');
console.table(imports);

const dir = join(import.meta.dirname, '..', 'tests', 'fixtures', 'drawio', 'real');
const perFile = readdirSync(dir)
  .filter((f) => /\.(drawio|xml)$/.test(f))
  .sort()
  .map((file) => {
    const read = readDrawioFile(readFileSync(join(dir, file), 'utf8'));
    const sum = { file, servicesRight: 0, servicesCovered: 0, connectorsKept: 0, connectorsBetween: 0, connectors: 0, membersKept: 0, members: 0 };
    if (read.ok)
      for (const p of read.pages) {
        const r = rates(p.cells, content.catalog);
        sum.servicesRight += r.services.right;
        sum.servicesCovered += r.services.covered;
        sum.connectorsKept += r.connectors.kept;
        sum.connectorsBetween += r.connectors.between;
        sum.connectors += r.connectors.total;
        sum.membersKept += r.groups.membersKept;
        sum.members += r.groups.members;
      }
    return sum;
  });
console.log('Real draw.io diagrams: AWS service shapes the catalog covers -> right service; connectors between them -> connections; group members kept');
console.table(perFile.map((r) => ({ file: r.file, services: `${r.servicesRight}/${r.servicesCovered}`, connectors: `${r.connectorsKept}/${r.connectorsBetween} (of ${r.connectors})`, members: `${r.membersKept}/${r.members}` })));

const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>;
results.export = { render, drawioImport: imports, realDiagrams: perFile };
writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');
console.log('added export figures to bench/results.json');
