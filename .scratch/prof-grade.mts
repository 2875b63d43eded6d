import { performance } from 'node:perf_hooks';
import { analyseDesign } from '../src/domain/grade.ts';
import { content, iot, tiledDesign } from '../bench/designs.ts';
const n = Number(process.argv[2] ?? 10000);
const d = tiledDesign(n);
for (let i = 0; i < (n < 2000 ? 60 : 3); i++) analyseDesign(d, iot.scenario, content.catalog, content.rules, () => {});
const t: number[] = [];
for (let i = 0; i < (n < 2000 ? 31 : 7); i++) { const t0 = performance.now(); analyseDesign(d, iot.scenario, content.catalog, content.rules, () => {}); t.push(performance.now() - t0); }
t.sort((a, b) => a - b);
console.log(n, 'median', t[t.length >> 1].toFixed(1), 'min', t[0].toFixed(1));
