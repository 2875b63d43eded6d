/**
 * Geometry and captions of a drawn design, shared by the canvas, the SVG renderer and the draw.io
 * export (pure, no DOM): box sizes of services, notes and groups, absolute positions of nested nodes,
 * and a group's caption and colour. Positions are canvas px; a member's `position` is relative to its
 * group's top-left corner, as React Flow places sub-flow nodes.
 */
import type { Catalog, CatalogEntry, Settings } from './catalog.ts';
import type { Design, DesignNode } from './design.ts';
import { formatMBps, formatRecordsPerSecond } from './format.ts';
import type { SimulationReport } from './simulation.ts';
import type { EdgeFlow } from './simulation/flow.ts';

export type Pos = { x: number; y: number };
export type Size = { width: number; height: number };

/** A service node's box on the canvas (canvas px). */
export const NODE_WIDTH = 208;
export const NODE_HEIGHT = 64;
/** Size of a group added from the palette, and of a group without `size` (canvas px). */
export const DEFAULT_GROUP_SIZE: Size = { width: 480, height: 320 };
/** Smallest size of a group (as the canvas's resizer allows), canvas px. */
export const GROUP_MIN_SIZE: Size = { width: 200, height: 120 };

/** Whether a node is a group (its catalog entry says `"group": true`). */
export function isGroupNode(node: DesignNode, catalog: Catalog): boolean {
  return catalog.byId.get(node.service)?.group === true;
}

/** The box size of a node: a group's `size` (or the default), otherwise the measured or standard service size. */
export function nodeSize(node: DesignNode, catalog: Catalog, measured?: ReadonlyMap<string, Size>): Size {
  if (isGroupNode(node, catalog)) return node.size ?? DEFAULT_GROUP_SIZE;
  const m = measured?.get(node.id);
  return m ?? { width: NODE_WIDTH, height: NODE_HEIGHT };
}

/**
 * Absolute (canvas) top-left positions of every node. Walks parent chains without recursion; a chain
 * that loops or names a missing parent stops there (the node is placed relative to what was found).
 * @param overrides positions to use instead of the design's (relative to the node's current parent), e.g. during a drag
 */
export function absolutePositions(design: Design, overrides: ReadonlyMap<string, Pos> = new Map()): Map<string, Pos> {
  const byId = new Map<string, DesignNode>();
  for (const n of design.nodes) if (!byId.has(n.id)) byId.set(n.id, n);
  const out = new Map<string, Pos>();
  for (const start of design.nodes) {
    if (out.has(start.id)) continue;
    // Climb to the first placed ancestor (or the top), then place the chain downwards.
    const chain: DesignNode[] = [];
    const onChain = new Set<string>();
    let base: Pos = { x: 0, y: 0 };
    for (let n: DesignNode | undefined = start; n && !onChain.has(n.id); n = n.parentId === undefined ? undefined : byId.get(n.parentId)) {
      const known = out.get(n.id);
      if (known) {
        base = known;
        break;
      }
      chain.push(n);
      onChain.add(n.id);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const n = chain[i]!;
      const own = overrides.get(n.id) ?? n.position;
      base = { x: base.x + own.x, y: base.y + own.y };
      out.set(n.id, base);
    }
  }
  return out;
}

/** A box on the canvas: top-left corner and size (canvas px). */
export type Box = Pos & Size;

/**
 * The smallest box around the drawn nodes: those with a catalog entry and a finite absolute position
 * in `abs` (see absolutePositions), each of its `nodeSize`.
 * @param measured measured service sizes by node id (others count at the standard size)
 * @returns the box in canvas px, or undefined when no node is drawn
 */
export function boundsOf(nodes: readonly DesignNode[], catalog: Catalog, abs: ReadonlyMap<string, Pos>, measured?: ReadonlyMap<string, Size>): Box | undefined {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const n of nodes) {
    const p = abs.get(n.id);
    if (!p || !catalog.byId.has(n.service) || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const s = nodeSize(n, catalog, measured);
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x + s.width);
    y2 = Math.max(y2, p.y + s.height);
  }
  return x1 <= x2 ? { x: x1, y: y1, width: x2 - x1, height: y2 - y1 } : undefined;
}

/**
 * The border colour of a group whose catalog entry names none: AWS's generic dashed grey group (Architecture
 * Icons deck, 2026-01-30 release). Each kind's own colour, dash and fill are catalog data (`box`).
 */
const GROUP_GREY = '#7D8998';

/** A setting's value as a caption shows it: an enum by its option's label, anything else as trimmed text. */
function settingText(entry: CatalogEntry, key: string, value: unknown): string {
  const spec = entry.settings[key];
  if (spec?.type === 'enum') return spec.options.find((o) => o.value === value)?.label ?? String(value ?? '');
  return String(value ?? '').trim();
}

/**
 * The group's caption, from the catalog entry's `box`: its kind (`box.caption`, default the short
 * name) and the settings that identify it (`box.detail`: region code and name, lake zone, account
 * name and environment, ...), joined by " · "; `detail` is undefined when they are all empty.
 */
export function groupCaption(entry: CatalogEntry, settings: Settings): { kind: string; detail: string | undefined } {
  const detail = (entry.box?.detail ?? [])
    .map((key) => settingText(entry, key, settings[key]))
    .filter(Boolean)
    .join(' · ');
  return { kind: entry.box?.caption ?? entry.shortName, detail: detail || undefined };
}

/** The colour of a group box (CSS hex), from the catalog entry's `box` (by the chosen option with `colorBy`). */
export function groupColor(entry: CatalogEntry, settings: Settings): string {
  const by = entry.box?.colorBy;
  const option = by && String(settings[by.setting]);
  // Own keys only: an option value such as "constructor" must not reach Object.prototype.
  return (by && option !== undefined && Object.hasOwn(by.colors, option) ? by.colors[option] : undefined) ?? entry.box?.color ?? GROUP_GREY;
}

/**
 * The light fill AWS puts behind a group's members (public and private subnets), as CSS hex, from the
 * catalog's `box.fill`; undefined for groups AWS draws unfilled. The dark theme draws these as a faint
 * tint of the border colour instead.
 */
export function groupFill(entry: CatalogEntry): string | undefined {
  return entry.box?.fill;
}

/** Whether AWS draws the group's border dashed (Region, Availability Zone, generic groups), from the catalog. */
export function groupDashed(entry: CatalogEntry): boolean {
  return entry.box?.dashed ?? true;
}

/**
 * The volume label of every data edge, as the canvas shows it (src/view/simulation-marks.ts): average
 * MB/s and records per second ("57.9 MB/s · 56.5k rec/s"), by edge id. Control edges carry no data
 * and get none.
 */
export function volumeLabels(sim: SimulationReport | undefined): Map<string, string> {
  return new Map((sim?.edges ?? []).filter((e) => e.data).map((e) => [e.edgeId, volumeLabel(e)]));
}

/** One data edge's volume label (see `volumeLabels`). */
export function volumeLabel(edge: Pick<EdgeFlow, 'averageMBps' | 'averageRecordsPerSecond'>): string {
  return `${formatMBps(edge.averageMBps)} · ${formatRecordsPerSecond(edge.averageRecordsPerSecond)}`;
}
