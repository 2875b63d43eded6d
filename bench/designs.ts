/**
 * Generated designs for the benchmarks: the IoT scenario's reference design (15 nodes, 23 edges)
 * tiled until it has the asked number of nodes, with neighbouring tiles linked (about 1.5 edges per
 * node). Tiles sit 2,000 px apart in rows of 20 (800 px between rows).
 */
import { loadContentFromDisk } from '../src/cli/content.ts';
import type { Design } from '../src/domain/design.ts';

export const { content } = loadContentFromDisk();
export const iot = content.scenarios.find((s) => s.scenario.id === 'iot-5tb-day')!;

/** The reference design tiled until it has `size` nodes; tile k's stream also feeds tile k+1's Flink. */
export function tiledDesign(size: number): Design {
  const ref = iot.reference;
  const design: Design = { format: 'archboard.design', version: 2, scenarioId: ref.scenarioId, nodes: [], edges: [] };
  for (let k = 0; design.nodes.length < size; k++) {
    const take = ref.nodes.slice(0, size - design.nodes.length);
    const ids = new Set(take.map((n) => n.id));
    design.nodes.push(
      ...take.map((n) => ({ ...n, id: `${n.id}#${k}`, ...(n.parentId ? { parentId: `${n.parentId}#${k}` } : {}), position: n.parentId ? n.position : { x: n.position.x + 2000 * (k % 20), y: n.position.y + 800 * Math.floor(k / 20) } })),
    );
    design.edges.push(...ref.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ ...e, id: `${e.id}#${k}`, source: `${e.source}#${k}`, target: `${e.target}#${k}` })));
    if (k > 0 && ids.has('flink')) design.edges.push({ id: `link#${k}`, source: `kds#${k - 1}`, target: `flink#${k}` });
  }
  return design;
}

/** `size` Amazon S3 nodes in rows of 20 (300 px apart, rows 160 px apart), each linked to the next in its row: the widest picture per node count. */
export function gridDesign(size: number): Design {
  const design: Design = { format: 'archboard.design', version: 2, scenarioId: iot.reference.scenarioId, nodes: [], edges: [] };
  for (let i = 0; i < size; i++) {
    design.nodes.push({ id: `s3-${i}`, service: 'amazon-s3', label: `Bucket ${i}`, position: { x: (i % 20) * 300, y: Math.floor(i / 20) * 160 } });
    if (i % 20) design.edges.push({ id: `e-${i}`, source: `s3-${i - 1}`, target: `s3-${i}` });
  }
  return design;
}
