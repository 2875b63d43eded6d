/**
 * Import from draw.io / diagrams.net: maps the cells of one diagram page drawn with the AWS shape
 * libraries (`mxgraph.aws4.*`, 2019+, and the older `mxgraph.aws3.*`) to a design. Pure: the adapter
 * (src/adapters/drawio-file.ts) unpacks and parses the XML into `DrawioCell`s; this module maps them,
 * with the table in drawio-shapes.json. Runs in time linear in the cells (plus services x groups for
 * membership), never recurses, and never throws for any list of cells.
 *
 * - A vertex whose shape, `resIcon` or `prIcon` names a service in the table becomes a node of that
 *   service; a group shape (`grIcon`) becomes a group node with the same box. A plain box labelled
 *   "Availability Zone" becomes an Availability Zone group when the catalog has one.
 * - Membership by geometry: a node belongs to the smallest mapped group whose box holds its centre,
 *   whether or not draw.io nested it there (members drawn on top of an AWS Cloud or Region box).
 * - Labels: the cell's text, else the text of a text cell that is its child (a label cell); words on
 *   separate lines are separated. A Region's code is read from its label (`eu-west-1`).
 * - Connectors are resolved to the services they visually end on: an end on a service is that
 *   service; an end on a group binds to the group's member nearest the connector's other end; an end on
 *   an unmapped shape, or a loose end, binds to the service beneath it or nearest within `tolerance`.
 *   Anything else is listed. A two-way arrow becomes two connections where the catalog allows each
 *   direction; a connector whose only arrowhead is at its start is read backwards.
 * - A text cell becomes a text note when the catalog has `text-note`.
 * - Positions are kept, scaled by `scale`. Parent chains are walked iteratively; a parent cycle is
 *   reported in `warnings` and the cells in it are placed as if at top level.
 * - Everything else is listed in `unmapped` with the shape name and the cell id.
 */
import { connectionAllowed, settingValueSchema, withDefaults, type Catalog, type CatalogEntry, type SettingValue, type Settings } from './catalog.ts';
import { DESIGN_FORMAT, DESIGN_VERSION, type Design, type DesignEdge, type DesignNode, type EdgeSettings } from './design.ts';
import table from './drawio-shapes.json';

/** One `mxCell` of a draw.io diagram, as the adapter reads it. Geometry in draw.io px. */
export interface DrawioCell {
  id: string;
  /** The parent cell's id (`1` is the default layer). */
  parent?: string | undefined;
  style?: string | undefined;
  /** The cell's text; may hold HTML when the style has `html=1`. */
  value?: string | undefined;
  vertex?: boolean;
  edge?: boolean;
  source?: string | undefined;
  target?: string | undefined;
  /** Relative to the parent cell when the parent is a vertex (a group), else absolute. */
  geometry?: { x: number; y: number; width: number; height: number } | undefined;
  /** A label cell placed relative to its parent edge (draw.io `relative="1"`). */
  relativeGeometry?: { x: number; y: number } | undefined;
  /** Custom properties of the cell (draw.io "Edit Data": the attributes of its `<object>` wrapper). */
  data?: Readonly<Record<string, string>> | undefined;
  /** Loose ends of a connector not attached to a shape (in its parent's coordinates). */
  sourcePoint?: { x: number; y: number } | undefined;
  targetPoint?: { x: number; y: number } | undefined;
}

/** A cell that was not imported: its id, the shape name (or `connector`), and why. */
export interface UnmappedCell {
  cellId: string;
  shape: string;
  reason: string;
}

/** What an import made, counted apart for the dialog. */
export interface DrawioCounts {
  services: number;
  groups: number;
  notes: number;
  connections: number;
}

export interface DrawioImport {
  design: Design;
  unmapped: UnmappedCell[];
  /** Problems with the file's structure that did not stop the import (parent cycles, ...). */
  warnings: string[];
  counts: DrawioCounts;
  /** The draw.io cell each node came from: node id -> cell id. */
  cellOf: Map<string, string>;
}

export interface DrawioOptions {
  /** Factor applied to positions and group sizes (default 1). */
  scale?: number;
  scenarioId?: string;
  /** How far (draw.io px) a loose connector end may be from a service's box to bind to it (default 40). */
  tolerance?: number;
}

type Table = Record<string, string>;
const norm = (name: string) => name.toLowerCase();
const squash = (name: string) => norm(name).replace(/_/g, '');
function indexTable(t: Table): { exact: Map<string, string>; loose: Map<string, string> } {
  const exact = new Map<string, string>();
  const loose = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    exact.set(norm(k), v);
    if (!loose.has(squash(k))) loose.set(squash(k), v);
  }
  return { exact, loose };
}
const SHAPES = indexTable(table.shapes);
const GROUPS = indexTable(table.groups);
const AWS3 = indexTable(table.aws3);
const lookup = (t: ReturnType<typeof indexTable>, name: string) => t.exact.get(norm(name)) ?? t.loose.get(squash(name));

const LABEL_MAX = 200;
const EDGE_LABEL_MAX = 80;
const NOTE_MAX = 2000;
const NOTE_SERVICE = 'text-note';
const ZONE_SERVICE = 'availability-zone';
const REGION_SERVICE = 'aws-region';

/** Parses a draw.io style (`key=value;flag;...`) into a map; a bare word maps to `''`. */
export function parseStyle(style: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (style ?? '').split(';')) {
    if (!part) continue;
    const i = part.indexOf('=');
    if (i < 0) out.set(part.trim(), '');
    else out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

/** The shape a style draws: its library and its name within it. */
export interface ShapeName {
  /** Without the `mxgraph.aws4.` / `mxgraph.aws3.` prefix; a shape from another library keeps its full name. */
  name: string;
  kind: 'shape' | 'group';
  library: 'aws4' | 'aws3' | 'other';
}

/**
 * The shape a style draws: the `resIcon`/`prIcon` of a resource or product icon, the `grIcon` of a
 * group, else the shape itself. Undefined for cells that draw no `mxgraph.*` shape.
 */
export function shapeName(style: string | undefined): ShapeName | undefined {
  const s = parseStyle(style);
  const shape = s.get('shape');
  const lib = (v: string): ShapeName['library'] => (/^mxgraph\.aws4\./i.test(v) ? 'aws4' : /^mxgraph\.aws3\./i.test(v) ? 'aws3' : 'other');
  const strip = (v: string) => v.replace(/^mxgraph\.aws[34]\./i, '');
  if (shape === 'mxgraph.aws4.group' || shape === 'mxgraph.aws4.groupCenter') {
    const icon = s.get('grIcon');
    return { name: icon ? strip(icon) : 'group', kind: 'group', library: 'aws4' };
  }
  if (shape === 'mxgraph.aws4.resourceIcon' || shape === 'mxgraph.aws4.productIcon') {
    const icon = s.get('resIcon') ?? s.get('prIcon');
    return icon ? { name: strip(icon), kind: 'shape', library: lib(icon) } : { name: strip(shape), kind: 'shape', library: 'aws4' };
  }
  if (shape?.startsWith('mxgraph.')) return { name: lib(shape) === 'other' ? shape : strip(shape), kind: 'shape', library: lib(shape) };
  return undefined;
}

/**
 * The catalog id a shape maps to in the table (undefined when it has none). Names match
 * case-insensitively and with or without underscores (`x_ray` = `xray`).
 */
export function serviceOfShape(shape: ShapeName): string | undefined {
  if (shape.library === 'aws3') return lookup(AWS3, shape.name);
  if (shape.library !== 'aws4') return undefined;
  return shape.kind === 'group' ? lookup(GROUPS, shape.name) : lookup(SHAPES, shape.name);
}

/** Stroke colours draw.io's AWS library gives public subnets (green) and security groups (red). */
const PUBLIC_SUBNET_COLOURS = /^#(7aa116|248814)$/i;
const SECURITY_GROUP_COLOURS = /^#(dd3522|dd344c|d13212)$/i;

/**
 * The group kind a draw.io group shape stands for, where the shape name alone does not say:
 * `group_security_group` is drawn by draw.io for public subnets (green), private subnets (blue/teal)
 * and security groups (red), `group_subnet` for a subnet of either kind; an "AWS Cloud" box labelled
 * as an account ("PROD account") is an AWS account. The label decides where colours do not
 * ("Public subnet" in grey is public).
 * @returns the refined catalog id, `undefined` for a security group (no Archboard kind), else `id`
 */
function refineGroup(id: string | undefined, shape: ShapeName, style: Map<string, string>, text: string): string | undefined {
  if (shape.kind !== 'group' || id === undefined) return id;
  const name = shape.name.toLowerCase();
  if (name === 'group_security_group' || name === 'group_subnet') {
    const stroke = style.get('strokeColor') ?? '';
    const font = style.get('fontColor') ?? '';
    if (/\bpublic\b/i.test(text)) return 'public-subnet';
    if (/\bprivate\b/i.test(text)) return 'private-subnet';
    if (SECURITY_GROUP_COLOURS.test(stroke) || /\bsecurity group\b/i.test(text)) return undefined;
    return PUBLIC_SUBNET_COLOURS.test(stroke) || PUBLIC_SUBNET_COLOURS.test(font) ? 'public-subnet' : 'private-subnet';
  }
  if ((name === 'group_aws_cloud' || name === 'group_aws_cloud_alt') && /\baccount\b/i.test(text)) return 'aws-account';
  return id;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const BLOCK = /<\/?(div|p|li|ul|ol|h\d|br|tr|td|table|blockquote|section|span\s+style="[^"]*display:\s*block[^"]*")\b[^>]*>/gi;

/** A cell's text without HTML: line breaks and block starts and ends become spaces (so words on two lines stay two words), tags go, entities are decoded, spaces collapse. */
export function textOf(value: string | undefined): string {
  if (!value) return '';
  return value
    .replace(BLOCK, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** An AWS Region code in a label (`eu-west-1`, `us-gov-west-1`), lower-cased; undefined when there is none. */
export function regionCodeIn(label: string): string | undefined {
  return /\b([a-z]{2}(?:-gov|-iso[a-z]?)?-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d)\b/i.exec(label)?.[1]?.toLowerCase();
}

type Box = { x: number; y: number; width: number; height: number };
const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
const contains = (b: Box, p: { x: number; y: number }) => p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;
/** Distance from a point to a box (0 inside). */
const distance = (b: Box, p: { x: number; y: number }) => Math.hypot(Math.max(b.x - p.x, 0, p.x - (b.x + b.width)), Math.max(b.y - p.y, 0, p.y - (b.y + b.height)));

/**
 * Walks up from `start` through its vertex parents, without recursion, until `stop` holds for a cell,
 * a cell comes round again (a cycle), or the top is reached.
 * @returns the cells walked before stopping (start first), the cell it stopped at (the known one, or
 *   the first repeated one when `looped`), and whether it went round a cycle
 */
function walkUp(start: DrawioCell, byId: ReadonlyMap<string, DrawioCell>, stop: (c: DrawioCell) => boolean): { chain: DrawioCell[]; end: DrawioCell | undefined; looped: boolean } {
  const chain: DrawioCell[] = [];
  const seen = new Set<string>();
  for (let c: DrawioCell | undefined = start; c; ) {
    if (stop(c)) return { chain, end: c, looped: false };
    if (seen.has(c.id)) return { chain, end: c, looped: true };
    seen.add(c.id);
    chain.push(c);
    const p: DrawioCell | undefined = c.parent === undefined ? undefined : byId.get(c.parent);
    c = p?.vertex ? p : undefined;
  }
  return { chain, end: undefined, looped: false };
}

/** JSON of an `archboard-settings` property, or undefined (a warning when it is not a JSON object). */
function settingsJson(c: DrawioCell, warnings: string[]): Record<string, unknown> | undefined {
  const raw = c.data?.['archboard-settings'];
  if (raw === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // reported below
  }
  warnings.push(`cell "${c.id}": its archboard-settings are not a JSON object; they were left out`);
  return undefined;
}

/** A node's settings from its `archboard-settings`, keeping only settings its service has with valid values. */
function settingsOf(c: DrawioCell, entry: CatalogEntry, warnings: string[]): Settings | undefined {
  const json = settingsJson(c, warnings);
  if (!json) return undefined;
  const out: Settings = {};
  for (const [key, value] of Object.entries(json)) {
    const spec = Object.hasOwn(entry.settings, key) ? entry.settings[key] : undefined;
    if (spec && settingValueSchema(spec).safeParse(value).success) out[key] = value as SettingValue;
    else warnings.push(`cell "${c.id}": ${entry.name} setting "${key}" was left out (${spec ? 'its value does not fit' : 'no such setting'})`);
  }
  return Object.keys(out).length ? out : undefined;
}

/** An edge's settings from its `archboard-settings` (`tls`; the label comes from the connector's text). */
function edgeSettingsOf(c: DrawioCell, warnings: string[]): EdgeSettings {
  const json = settingsJson(c, warnings);
  return typeof json?.tls === 'boolean' ? { tls: json.tls } : {};
}

/** Allocates ids `prefix-N` in constant time each, never reusing one. */
class IdAllocator {
  private next = new Map<string, number>();
  private taken = new Set<string>();
  /** Reserves `id` if it is free; returns whether it was. */
  claim(id: string): boolean {
    if (this.taken.has(id)) return false;
    this.taken.add(id);
    return true;
  }
  take(prefix: string): string {
    for (let n = this.next.get(prefix) ?? 1; ; n++) {
      const id = `${prefix}-${n}`;
      if (!this.taken.has(id)) {
        this.taken.add(id);
        this.next.set(prefix, n + 1);
        return id;
      }
    }
  }
}

/**
 * Maps the cells of one draw.io page to a design.
 * @param cells every `mxCell` of the page, in document order (ids should be unique; a repeated id keeps its first cell)
 * @returns the design (groups before their members), what could not be mapped, structural warnings, and counts
 */
export function mapDrawioCells(cells: readonly DrawioCell[], catalog: Catalog, options: DrawioOptions = {}): DrawioImport {
  const scale = Number.isFinite(options.scale) && options.scale! > 0 ? options.scale! : 1;
  const tolerance = options.tolerance ?? 40;
  const byId = new Map<string, DrawioCell>();
  for (const c of cells) if (!byId.has(c.id)) byId.set(c.id, c);
  const unmapped: UnmappedCell[] = [];
  const warnings: string[] = [];
  const design: Design = { format: DESIGN_FORMAT, version: DESIGN_VERSION, ...(options.scenarioId ? { scenarioId: options.scenarioId } : {}), nodes: [], edges: [] };
  const ids = new IdAllocator();
  const prefixOf = (service: string) =>
    (catalog.byId.get(service)?.shortName ?? 'node')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'node';

  // Absolute positions of vertices: iterative, memoised; a cycle is reported once and cut.
  const origin = new Map<string, { x: number; y: number }>();
  const inCycle = new Set<string>();
  const absOf = (start: DrawioCell): { x: number; y: number } => {
    const known = origin.get(start.id);
    if (known) return known;
    const { chain, end, looped } = walkUp(start, byId, (c) => origin.has(c.id));
    let base = end && !looped ? origin.get(end.id)! : { x: 0, y: 0 };
    if (looped && end) {
      const at = chain.findIndex((x) => x.id === end.id);
      const loop = chain.slice(at).map((x) => x.id);
      if (!loop.some((id) => inCycle.has(id))) warnings.push(`cells ${loop.map((id) => `"${id}"`).join(' → ')} are each other's parents (a cycle); they were placed as if at the top level`);
      for (const id of loop) {
        inCycle.add(id);
        const cell = byId.get(id)!;
        origin.set(id, { x: cell.geometry?.x ?? 0, y: cell.geometry?.y ?? 0 });
      }
      chain.length = at;
      base = origin.get(end.id)!;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const g = chain[i]!.geometry;
      base = { x: base.x + (g?.x ?? 0), y: base.y + (g?.y ?? 0) };
      origin.set(chain[i]!.id, base);
    }
    return base;
  };
  const boxOf = (c: DrawioCell): Box => ({ ...absOf(c), width: c.geometry?.width ?? 0, height: c.geometry?.height ?? 0 });

  // Label cells: text cells (or any unshaped text) that are children of a vertex or an edge.
  const childText = new Map<string, string[]>();
  const labelCells = new Set<string>();
  for (const c of cells) {
    if (!c.vertex || c.parent === undefined) continue;
    const parent = byId.get(c.parent);
    if (!parent || (!parent.edge && !parent.vertex) || parent === c) continue;
    const style = parseStyle(c.style);
    const text = textOf(c.value);
    if (!text || shapeName(c.style)) continue;
    const isLabel = parent.edge || style.has('text') || style.has('edgeLabel') || c.relativeGeometry !== undefined;
    if (!isLabel) continue;
    if (parent.vertex && shapeName(parent.style) === undefined) continue; // a text inside a plain box is a note of its own
    labelCells.add(c.id);
    const list = childText.get(parent.id) ?? [];
    list.push(text);
    childText.set(parent.id, list);
  }

  // First pass: which vertices map to what.
  const service = new Map<string, string>();
  for (const c of cells) {
    if (!c.vertex || labelCells.has(c.id) || byId.get(c.id) !== c) continue;
    const tagged = c.data?.['archboard-service'];
    if (tagged !== undefined && catalog.byId.has(tagged)) {
      service.set(c.id, tagged);
      continue;
    }
    const shape = shapeName(c.style);
    const style = parseStyle(c.style);
    const text = textOf(c.value);
    if (!shape) {
      if (/^availability zone\b/i.test(text) && catalog.byId.get(ZONE_SERVICE)?.group && (c.geometry?.width ?? 0) >= 80 && (c.geometry?.height ?? 0) >= 60) service.set(c.id, ZONE_SERVICE);
      else if (text && (style.has('text') || style.has('note') || style.get('shape') === 'note') && catalog.byId.has(NOTE_SERVICE)) service.set(c.id, NOTE_SERVICE);
      else if (text || style.size) unmapped.push({ cellId: c.id, shape: style.get('shape') ?? (style.has('text') ? 'text' : 'shape without a name'), reason: 'not an AWS shape (mxgraph.aws4.* or mxgraph.aws3.*)' });
      continue;
    }
    const id = refineGroup(serviceOfShape(shape), shape, style, text);
    const entry = id === undefined ? undefined : catalog.byId.get(id);
    if (!entry)
      unmapped.push({ cellId: c.id, shape: shape.name, reason: shape.library === 'other' ? 'not an AWS shape (mxgraph.aws4.* or mxgraph.aws3.*)' : shape.kind === 'group' ? 'no matching Archboard group' : 'no matching Archboard service' });
    else service.set(c.id, entry.id);
  }

  // The nearest mapped group above each cell in draw.io's own nesting, and its depth: iterative, memoised.
  const ancestor = new Map<string, { group: string | undefined; depth: number }>();
  const isGroupCell = (c: DrawioCell) => !!catalog.byId.get(service.get(c.id) ?? '')?.group;
  const climb = (start: DrawioCell) => {
    const { chain, end, looped } = walkUp(start, byId, (c) => ancestor.has(c.id));
    let above: { group: string | undefined; depth: number } = { group: undefined, depth: -1 };
    if (end && !looped) {
      const known = ancestor.get(end.id)!;
      above = { group: isGroupCell(end) ? end.id : known.group, depth: known.depth };
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const cell = chain[i]!;
      const mine = { group: above.group, depth: above.depth + 1 };
      ancestor.set(cell.id, mine);
      above = { group: isGroupCell(cell) ? cell.id : mine.group, depth: mine.depth };
    }
    return ancestor.get(start.id)!;
  };

  // Boxes of mapped cells; groups ranked outermost first (largest, then shallowest), so a group's
  // container always ranks before it and membership can never loop.
  const mapped = [...service.keys()].map((id) => ({ cell: byId.get(id)!, service: service.get(id)!, box: boxOf(byId.get(id)!), depth: climb(byId.get(id)!).depth }));
  const mappedById = new Map(mapped.map((m) => [m.cell.id, m]));
  const groups = mapped.filter((m) => catalog.byId.get(m.service)?.group).sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height || a.depth - b.depth);
  const rank = new Map(groups.map((g, i) => [g.cell.id, i]));
  const containerOf = (m: (typeof mapped)[number]): (typeof mapped)[number] | undefined => {
    const limit = rank.get(m.cell.id) ?? groups.length;
    const p = centre(m.box);
    let geometric: number | undefined;
    for (let i = limit - 1; i >= 0; i--)
      if (contains(groups[i]!.box, p)) {
        geometric = i;
        break;
      }
    const nested = ancestor.get(m.cell.id)?.group;
    const structural = nested === undefined ? undefined : rank.get(nested);
    const best = Math.max(geometric ?? -1, structural !== undefined && structural < limit ? structural : -1);
    return best >= 0 ? groups[best] : undefined;
  };

  // Second pass: nodes. Parents (larger groups) are made first so members can point at them.
  const nodeOf = new Map<string, DesignNode>();
  const cellOf = new Map<string, string>();
  const order = [...groups, ...mapped.filter((m) => !rank.has(m.cell.id))];
  const counts: DrawioCounts = { services: 0, groups: 0, notes: 0, connections: 0 };
  // Ids an Archboard export wrote (archboard-id) are kept when they are valid and unique.
  const kept = new Map<string, string>();
  for (const c of cells) {
    const own = c.data?.['archboard-id'];
    if (own && own.length <= 200 && (c.edge || service.has(c.id)) && byId.get(c.id) === c && ids.claim(own)) kept.set(c.id, own);
  }
  for (const m of order) {
    const entry = catalog.byId.get(m.service)!;
    const container = containerOf(m);
    const parent = container ? nodeOf.get(container.cell.id) : undefined;
    const base = container ? container.box : { x: 0, y: 0 };
    const own = [textOf(m.cell.value), ...(childText.get(m.cell.id) ?? [])].filter(Boolean).join(' ');
    const node: DesignNode = {
      id: kept.get(m.cell.id) ?? ids.take(prefixOf(m.service)),
      service: m.service,
      position: { x: Math.round((m.box.x - base.x) * scale), y: Math.round((m.box.y - base.y) * scale) },
    };
    const settings = settingsOf(m.cell, entry, warnings);
    if (settings) node.settings = settings;
    if (m.service === NOTE_SERVICE) {
      // Plain-text labels (no html=1) keep their line breaks.
      const plain = !parseStyle(m.cell.style).has('html') || parseStyle(m.cell.style).get('html') === '0';
      node.settings = { text: (plain && m.cell.value ? m.cell.value.trim() : own).slice(0, NOTE_MAX) };
    } else if (m.cell.data?.['archboard-label'] !== undefined && m.cell.data['archboard-label'].replace(/\s+/g, ' ').trim() === own) node.label = m.cell.data['archboard-label'].slice(0, LABEL_MAX);
    else if (own && own !== entry.name && own !== entry.shortName) node.label = own.slice(0, LABEL_MAX);
    if (m.service === REGION_SERVICE) {
      const code = regionCodeIn(own);
      const spec = entry.settings.regionCode;
      if (code && spec?.type === 'enum' && spec.options.some((o) => o.value === code)) node.settings = { ...node.settings, regionCode: code };
      else if (code) warnings.push(`Region "${own}" (cell "${m.cell.id}"): ${code} is not a Region the catalog lists; it was set to the default (${String(withDefaults(entry, undefined).regionCode)})`);
    }
    if (parent) node.parentId = parent.id;
    if (entry.group) node.size = { width: Math.max(40, Math.round(m.box.width * scale)), height: Math.max(40, Math.round(m.box.height * scale)) };
    design.nodes.push(node);
    nodeOf.set(m.cell.id, node);
    cellOf.set(node.id, m.cell.id);
    if (m.service === NOTE_SERVICE) counts.notes++;
    else if (entry.group) counts.groups++;
    else counts.services++;
  }

  // Services by box, for resolving connector ends.
  const services = mapped.filter((m) => !catalog.byId.get(m.service)?.group && m.service !== NOTE_SERVICE);
  const serviceAt = (p: { x: number; y: number }, within: number): (typeof mapped)[number] | undefined => {
    let best: (typeof mapped)[number] | undefined;
    let bestD = Infinity;
    for (const s of services) {
      const d = distance(s.box, p);
      if (d <= within && d < bestD) (best = s), (bestD = d);
    }
    return best;
  };
  const membersOf = (g: (typeof mapped)[number]) => services.filter((s) => contains(g.box, centre(s.box)));

  const edgeOrigin = (c: DrawioCell) => {
    const p = c.parent === undefined ? undefined : byId.get(c.parent);
    return p?.vertex ? absOf(p) : { x: 0, y: 0 };
  };
  type End = { node: DesignNode } | { reason: string };
  const resolveEnd = (c: DrawioCell, which: 'source' | 'target', other: { x: number; y: number } | undefined): End => {
    const endId = c[which];
    const loose = which === 'source' ? c.sourcePoint : c.targetPoint;
    const cell = endId === undefined ? undefined : byId.get(endId);
    if (cell && !cell.edge) {
      const direct = nodeOf.get(cell.id);
      const sid = service.get(cell.id);
      if (direct && sid && !catalog.byId.get(sid)?.group && sid !== NOTE_SERVICE) return { node: direct };
      const box = boxOf(cell);
      if (direct && catalog.byId.get(sid!)?.group) {
        const members = membersOf(mappedById.get(cell.id)!);
        if (!members.length) return { reason: `ends on the group "${cell.id}", which holds no service` };
        const target = other ?? centre(box);
        let best = members[0]!;
        for (const s of members) if (distance(s.box, target) < distance(best.box, target)) best = s;
        return { node: nodeOf.get(best.cell.id)! };
      }
      const near = serviceAt(centre(box), tolerance);
      if (near) return { node: nodeOf.get(near.cell.id)! };
      return { reason: `ends on "${cell.id}", which was not imported as a service` };
    }
    if (loose) {
      const o = edgeOrigin(c);
      const near = serviceAt({ x: o.x + loose.x, y: o.y + loose.y }, tolerance);
      if (near) return { node: nodeOf.get(near.cell.id)! };
      return { reason: `its ${which === 'source' ? 'start' : 'end'} is not on or near a service` };
    }
    return { reason: `its ${which === 'source' ? 'start' : 'end'} is not attached to a shape` };
  };
  const pointOf = (c: DrawioCell, which: 'source' | 'target'): { x: number; y: number } | undefined => {
    const endId = c[which];
    const cell = endId === undefined ? undefined : byId.get(endId);
    if (cell && !cell.edge) return centre(boxOf(cell));
    const loose = which === 'source' ? c.sourcePoint : c.targetPoint;
    if (!loose) return undefined;
    const o = edgeOrigin(c);
    return { x: o.x + loose.x, y: o.y + loose.y };
  };

  const pairs = new Set<string>();
  for (const c of cells) {
    if (!c.edge || byId.get(c.id) !== c) continue;
    const s = resolveEnd(c, 'source', pointOf(c, 'target'));
    const t = resolveEnd(c, 'target', pointOf(c, 'source'));
    if (!('node' in s) || !('node' in t)) {
      unmapped.push({ cellId: c.id, shape: 'connector', reason: !('node' in s) ? s.reason : (t as { reason: string }).reason });
      continue;
    }
    if (s.node === t.node) {
      unmapped.push({ cellId: c.id, shape: 'connector', reason: 'connects a service to itself' });
      continue;
    }
    const style = parseStyle(c.style);
    const arrow = (v: string | undefined, fallback: boolean) => (v === undefined ? fallback : v !== 'none' && v !== '');
    const forwardHead = arrow(style.get('endArrow'), true);
    const backHead = arrow(style.get('startArrow'), false);
    const se = catalog.byId.get(s.node.service)!;
    const te = catalog.byId.get(t.node.service)!;
    const fwd = { from: s.node, to: t.node, ok: connectionAllowed(se, te, catalog).ok };
    const rev = { from: t.node, to: s.node, ok: connectionAllowed(te, se, catalog).ok };
    let directions = forwardHead && backHead ? [fwd, rev].filter((d) => d.ok) : backHead && !forwardHead ? [rev] : [fwd];
    if (!directions.length) directions = [fwd];
    const label = [textOf(c.value), ...(childText.get(c.id) ?? [])].filter(Boolean).join(' ').slice(0, EDGE_LABEL_MAX);
    let made = 0;
    for (const d of directions) {
      const key = `${d.from.id}\u0000${d.to.id}`;
      if (pairs.has(key)) continue;
      pairs.add(key);
      const own = made === 0 ? kept.get(c.id) : undefined;
      const settings = { ...edgeSettingsOf(c, warnings), ...(label ? { label } : {}) };
      if (!label) delete settings.label;
      const edge: DesignEdge = { id: own ?? ids.take('e'), source: d.from.id, target: d.to.id, ...(Object.keys(settings).length ? { settings } : {}) };
      design.edges.push(edge);
      made++;
    }
    if (!made) unmapped.push({ cellId: c.id, shape: 'connector', reason: 'a second connector between the same two services' });
    counts.connections += made;
  }
  return { design, unmapped, warnings, counts, cellOf };
}
