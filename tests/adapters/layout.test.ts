/**
 * Auto-layout on every shipped reference design: no two boxes overlap, groups hold their members,
 * control and governance services sit in a band above the flow, and a long flow wraps into rows for
 * a narrow view but not for a wide one.
 */
import { describe, expect, it } from 'vitest';
import { loadContentFromDisk } from '../../src/cli/content.ts';
import { layoutDesign, type LayoutResult } from '../../src/adapters/layout.ts';
import type { Design } from '../../src/domain/design.ts';

const { content } = loadContentFromDisk();
const FALLBACK = { width: 208, height: 64 };

/** Absolute boxes of every node after layout. */
function boxes(design: Design, r: LayoutResult) {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const abs = (id: string): { x: number; y: number } => {
    const n = byId.get(id)!;
    const p = r.positions.get(id)!;
    const parent = n.parentId && byId.has(n.parentId) ? abs(n.parentId) : { x: 0, y: 0 };
    return { x: parent.x + p.x, y: parent.y + p.y };
  };
  return new Map(design.nodes.map((n) => [n.id, { ...abs(n.id), ...(r.sizes.get(n.id) ?? n.size ?? FALLBACK), parentId: n.parentId }]));
}
const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('auto-layout', () => {
  for (const loaded of content.scenarios) {
    it(`${loaded.scenario.id}: boxes apart, members inside their groups, control services above the flow`, async () => {
      const d = loaded.reference;
      const r = await layoutDesign(d, new Map(), content.catalog, { view: { width: 800, height: 800 } });
      const b = boxes(d, r);
      for (const n of d.nodes) expect(r.positions.get(n.id), n.id).toBeDefined();
      const list = [...b.entries()];
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) {
          const [ia, a] = list[i]!;
          const [ib, c] = list[j]!;
          // Siblings never overlap (a member overlaps its group by design).
          if (a.parentId === c.parentId) expect(overlap(a, c), `${ia} / ${ib}`).toBe(false);
        }
      for (const [id, n] of b) {
        if (!n.parentId) continue;
        const g = b.get(n.parentId)!;
        expect(n.x >= g.x && n.y >= g.y && n.x + n.width <= g.x + g.width && n.y + n.height <= g.y + g.height, `${id} in ${n.parentId}`).toBe(true);
      }
      const band = d.nodes.filter((n) => !n.parentId && content.catalog.byId.get(n.service)?.dataFlow === false && !content.catalog.byId.get(n.service)?.group);
      const flow = d.nodes.filter((n) => !n.parentId && !band.includes(n));
      const flowTop = Math.min(...flow.map((n) => b.get(n.id)!.y));
      for (const n of band) expect(b.get(n.id)!.y + b.get(n.id)!.height, n.id).toBeLessThan(flowTop);
    });
  }

  it('wraps the IoT pipeline into rows for a narrow view, keeps one row for a very wide one', async () => {
    const d = content.scenarios.find((s) => s.scenario.id === 'iot-5tb-day')!.reference;
    const at = async (view: { width: number; height: number }) => (await layoutDesign(d, new Map(), content.catalog, { view })).positions;
    // Narrow: the last stage (analysts) is on a later row, below the first (devices).
    const narrow = await at({ width: 800, height: 800 });
    expect(narrow.get('analysts')!.y).toBeGreaterThan(narrow.get('devices')!.y + 100);
    // Very wide: one row, the last stage furthest right.
    const wide = await at({ width: 6000, height: 800 });
    for (const n of d.nodes) if (n.id !== 'analysts' && content.catalog.byId.get(n.service)?.dataFlow) expect(wide.get('analysts')!.x, n.id).toBeGreaterThan(wide.get(n.id)!.x);
  });

  it('without a catalog every node stays in the flow', async () => {
    const d = content.scenarios.find((s) => s.scenario.id === 'iot-5tb-day')!.reference;
    const r = await layoutDesign(d, new Map());
    expect([...r.positions.keys()].sort()).toEqual(d.nodes.map((n) => n.id).sort());
  });
});
