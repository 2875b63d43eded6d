/**
 * The design document (format `archboard.design`, version 2; version 1 files are migrated): the file users keep, export and
 * re-import. One function, `loadDesign`, reads any stored or imported design: it checks the format and
 * version (running migrations for older versions), the shape, the catalog ids, settings, and graph
 * integrity, and reports every problem with its JSON path.
 */
import { z } from 'zod';
import { jsonPath, settingValueSchema, type Catalog, type Settings, type SettingSpec } from './catalog.ts';
import { parentsFirst } from './commands.ts';
import { clip, excerpt, quote } from './excerpt.ts';
import { clampCoordinate, clampSize, edgeKey, MAX_COORDINATE, MAX_EDGE_LABEL_LENGTH, MAX_ID_LENGTH, MAX_LABEL_LENGTH, MAX_NESTING_DEPTH, MAX_SIZE, MIN_SIZE, nesting, positionInRange, sizeInRange } from './invariants.ts';

export const DESIGN_FORMAT = 'archboard.design';
export const DESIGN_VERSION = 2;

/** The largest design file read (bytes, 10 MiB): the app's Import and the CLI refuse bigger files before reading them. */
export const MAX_DESIGN_BYTES = 10 * 1024 * 1024;

const id = z.string().min(1).max(MAX_ID_LENGTH);
const settingsRecord = z.record(z.string(), z.unknown());

/**
 * A node on the canvas: an instance of a catalog entry (`service`), at `position` (canvas px; relative
 * to its group's top-left corner when `parentId` is set, as React Flow places sub-flow nodes).
 * `parentId` (version 2) names the group node it sits in; `size` (version 2) is a group's box in px.
 */
export const designNodeSchema = z.strictObject({
  id,
  service: z.string().min(1),
  label: z.string().max(MAX_LABEL_LENGTH).optional(),
  position: z.strictObject({ x: z.number().finite(), y: z.number().finite() }),
  settings: settingsRecord.optional(),
  parentId: id.optional(),
  /** A group's box, px; the range (see invariants.ts) is checked by `loadDesign`, so stored designs can be repaired. */
  size: z.strictObject({ width: z.number().finite(), height: z.number().finite() }).optional(),
});

/** A directed edge: data (or control, for KMS/CloudWatch/Lake Formation) flows from `source` to `target`. */
export const designEdgeSchema = z.strictObject({
  id,
  source: id,
  target: id,
  settings: settingsRecord.optional(),
});

/** Design document v2 with exactly the keys `format`, `version`, `scenarioId?`, `nodes`, `edges`. */
export const designDocumentSchema = z.strictObject({
  format: z.literal(DESIGN_FORMAT),
  version: z.literal(DESIGN_VERSION),
  scenarioId: z.string().min(1).optional(),
  nodes: z.array(designNodeSchema).max(50_000),
  edges: z.array(designEdgeSchema).max(100_000),
});

export type DesignNode = Omit<z.infer<typeof designNodeSchema>, 'settings'> & { settings?: Settings };
export type DesignEdge = Omit<z.infer<typeof designEdgeSchema>, 'settings'> & { settings?: EdgeSettings };
/** A design as held in memory: the same shape as the v1 document. */
export interface Design {
  format: typeof DESIGN_FORMAT;
  version: typeof DESIGN_VERSION;
  scenarioId?: string;
  nodes: DesignNode[];
  edges: DesignEdge[];
}

/** Settings every edge has: `tls` (data in transit is encrypted with TLS). Defaults apply when absent. */
export interface EdgeSettings {
  tls?: boolean;
  label?: string;
}
/** The edge settings the inspector shows, in the catalog's setting format. */
export const EDGE_SETTINGS = {
  tls: { type: 'boolean', label: 'Encrypted in transit (TLS)', default: true, help: 'HTTPS/TLS 1.2+ on the connection, as AWS endpoints require by default; MQTT over TLS for devices.' },
  label: { type: 'string', label: 'Label', default: '', maxLength: 80 },
} as const satisfies Record<keyof EdgeSettings, SettingSpec>;
const edgeSettingsSchema = z.strictObject({ tls: z.boolean().optional(), label: z.string().max(MAX_EDGE_LABEL_LENGTH).optional() });

/** An empty design for a scenario. */
export function emptyDesign(scenarioId?: string): Design {
  return { format: DESIGN_FORMAT, version: DESIGN_VERSION, ...(scenarioId ? { scenarioId } : {}), nodes: [], edges: [] };
}

/** A problem found while loading a design: where (JSON path such as `$.nodes[2].service`) and what. */
export interface DesignProblem {
  path: string;
  message: string;
}
/**
 * The outcome of loading. `repairs` (only with `{ repair: true }`) lists what was changed to make the
 * design valid, each at the JSON path of the original document.
 */
export type LoadResult = { ok: true; design: Design; migratedFrom?: number; repairs?: DesignProblem[] } | { ok: false; problems: DesignProblem[] };

/** How `loadDesign` treats a design that breaks an invariant it can repair. */
export interface LoadOptions {
  /**
   * `false` (the default, for files a user imports or pastes): refuse it, every problem with its JSON
   * path. `true` (for designs stored by this app): repair what can be repaired and list each repair,
   * so nothing the user made is refused for a detail: a setting the catalog no longer has is dropped,
   * an invalid setting value goes back to its default, a position or size outside the stated range
   * (see invariants.ts) is brought into it, a self-loop or a second parallel edge or an edge to a
   * missing node is dropped, a node whose parent is missing, not a group or in a loop, or that nests
   * deeper than `MAX_NESTING_DEPTH`, is lifted out to the top level at the same place on the canvas.
   * What cannot be repaired (not a design, wrong shape, unknown service, duplicate id) is refused.
   */
  repair?: boolean;
}

/**
 * Migrations from older versions: `MIGRATIONS[n]` turns a version-n document into version n+1.
 * 1 -> 2: version 2 added the optional node keys `parentId` and `size` (groups); a version-1 document
 * is a valid version-2 document once its version says so.
 */
const MIGRATIONS: ReadonlyMap<number, (doc: Record<string, unknown>) => Record<string, unknown>> = new Map([[1, (doc: Record<string, unknown>) => ({ ...doc, version: 2 })]]);

/**
 * Reads a design from parsed JSON. Never throws, for any input (a deep chain of groups, a loop of
 * parents, ids named like Object members such as `constructor` or `__proto__`): the work is linear in
 * nodes + edges, without recursion.
 * @param data the parsed JSON (anything)
 * @param catalog the catalog the design's services must come from
 * @param options `repair` for stored designs, see `LoadOptions`
 * @returns the design, or every problem with its JSON path (wrong format or version, shape, unknown
 *   service, invalid setting, duplicate id, edge to a missing node, self-loop, parallel edge, position
 *   or size out of range, a parent that is missing, not a group, in a loop of parents, or nested
 *   deeper than `MAX_NESTING_DEPTH`). Echoed values are cut to a short excerpt.
 */
export function loadDesign(data: unknown, catalog: Catalog, options: LoadOptions = {}): LoadResult {
  try {
    return load(data, catalog, options.repair === true);
  } catch (e) {
    // Not expected for any input (the fuzz tests look for one); never let it reach the user as a crash.
    return fail([{ path: '$', message: `could not be read: ${clip(e instanceof Error ? e.message : String(e))}` }]);
  }
}

function load(data: unknown, catalog: Catalog, repair: boolean): LoadResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail([{ path: '$', message: 'expected a JSON object with "format": "archboard.design"' }]);
  let doc = data as Record<string, unknown>;
  const format = Object.hasOwn(doc, 'format') ? doc.format : undefined;
  if (format !== DESIGN_FORMAT) return fail([{ path: '$.format', message: `expected "${DESIGN_FORMAT}", found ${excerpt(format)}: this is not an Archboard design` }]);
  const version = Object.hasOwn(doc, 'version') ? doc.version : undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail([{ path: '$.version', message: `expected a whole version number, found ${excerpt(version)}` }]);
  if (version > DESIGN_VERSION) return fail([{ path: '$.version', message: `version ${version} was written by a newer Archboard; this one reads up to version ${DESIGN_VERSION}` }]);
  for (let v = version; v < DESIGN_VERSION; v++) {
    const migrate = MIGRATIONS.get(v);
    if (!migrate) return fail([{ path: '$.version', message: `no migration from version ${v}` }]);
    doc = migrate(doc);
  }

  const parsed = designDocumentSchema.safeParse(doc);
  if (!parsed.success) return fail(parsed.error.issues.slice(0, MAX_PROBLEMS).map((i) => ({ path: jsonPath(i.path), message: clip(i.message, 200) })));
  const rawNodes = doc.nodes as unknown[];
  const rawEdges = doc.edges as unknown[];
  const problems: DesignProblem[] = [];
  const repairs: DesignProblem[] = [];
  /** A problem that `repair` mode fixes with `fix` (and lists); otherwise refuses. */
  const fixable = (path: string, message: string, fix: () => void) => {
    if (repair) {
      repairs.push({ path, message });
      fix();
    } else problems.push({ path, message });
  };
  let nodes = parsed.data.nodes.map((n) => ({ ...n }) as DesignNode);
  const nodeIds = new Set<string>();
  nodes.forEach((node, i) => {
    if (nodeIds.has(node.id)) problems.push({ path: `$.nodes[${i}].id`, message: `duplicate node id ${quote(node.id)}` });
    nodeIds.add(node.id);
    if (!positionInRange(node.position))
      fixable(`$.nodes[${i}].position`, `position (${excerpt(node.position.x, 24)}, ${excerpt(node.position.y, 24)}) is outside the canvas: x and y must be from -${MAX_COORDINATE} to ${MAX_COORDINATE} px`, () => {
        node.position = { x: clampCoordinate(node.position.x), y: clampCoordinate(node.position.y) };
      });
    if (node.size && !sizeInRange(node.size))
      fixable(`$.nodes[${i}].size`, `size ${excerpt(node.size.width, 24)} x ${excerpt(node.size.height, 24)} px is out of range: width and height must be from ${MIN_SIZE} to ${MAX_SIZE} px`, () => {
        node.size = { width: clampSize(node.size!.width), height: clampSize(node.size!.height) };
      });
    const entry = catalog.byId.get(node.service);
    if (!entry) {
      problems.push({ path: `$.nodes[${i}].service`, message: `unknown service ${quote(node.service)} (not in the catalog)` });
      return;
    }
    // Keys as written in the file (own keys, `__proto__` included: the parsed copy cannot hold that one).
    const raw = ownRecord((rawNodes[i] as Record<string, unknown>).settings);
    if (!raw) return;
    const kept: Settings = {};
    for (const key of Object.keys(raw)) {
      const value = raw[key];
      // Own keys only: a setting named like an Object member ("valueOf", "__proto__") is not a setting.
      const spec = Object.hasOwn(entry.settings, key) ? entry.settings[key] : undefined;
      const at = `$.nodes[${i}].settings${jsonPath([key]).slice(1)}`;
      if (!spec) {
        fixable(at, `${entry.name} has no setting ${quote(key)}`, () => undefined);
        continue;
      }
      const check = settingValueSchema(spec).safeParse(value);
      if (check.success) Object.defineProperty(kept, key, { value: check.data, enumerable: true, writable: true, configurable: true });
      else if (repair) repairs.push({ path: at, message: `${quote(key)} was ${excerpt(value, 40)} (${clip(check.error.issues[0]?.message ?? 'invalid value', 200)}): set back to the default, ${excerpt(spec.default, 40)}` });
      else for (const issue of check.error.issues) problems.push({ path: `$.nodes[${i}].settings${jsonPath([key, ...issue.path]).slice(1)}`, message: clip(issue.message, 200) });
    }
    if (Object.keys(kept).length) node.settings = kept;
    else delete node.settings;
  });

  // Parents: each must be a group of this design, with no loop, at most MAX_NESTING_DEPTH deep.
  const indexOf = new Map<string, number>();
  nodes.forEach((n, i) => indexOf.has(n.id) || indexOf.set(n.id, i));
  const lift = (i: number) => {
    // Out to the top level, at the same place on the canvas.
    const abs = absoluteOf(nodes, indexOf, i);
    const { parentId: _dropped, ...rest } = nodes[i]!;
    nodes[i] = { ...rest, position: { x: clampCoordinate(abs.x), y: clampCoordinate(abs.y) } };
  };
  nodes.forEach((node, i) => {
    if (node.parentId === undefined) return;
    const p = indexOf.get(node.parentId);
    if (p === undefined) return fixable(`$.nodes[${i}].parentId`, `${quote(node.parentId)} is not a node of this design`, () => lift(i));
    const parentEntry = catalog.byId.get(nodes[p]!.service);
    if (parentEntry && !parentEntry.group) fixable(`$.nodes[${i}].parentId`, `${quote(node.parentId)} is a ${parentEntry.name}, not a group`, () => lift(i));
  });
  const first = nesting(nodes);
  nodes.forEach((node, i) => {
    if (first.inLoop.has(node.id) && node.parentId !== undefined && indexOf.get(node.id) === i)
      fixable(`$.nodes[${i}].parentId`, `groups contain each other in a loop through ${quote(node.parentId)}`, () => {
        const { parentId: _dropped, ...rest } = nodes[i]!;
        nodes[i] = rest;
      });
  });
  const { depth } = repair ? nesting(nodes) : first;
  // Reported once per chain: at the first node past the limit (those below it are deeper still).
  const tooDeep: number[] = [];
  nodes.forEach((node, i) => {
    const d = depth.get(node.id);
    if (d !== undefined && d > MAX_NESTING_DEPTH && d % (MAX_NESTING_DEPTH + 1) === 0) tooDeep.push(i);
  });
  if (tooDeep.length) {
    for (const i of tooDeep) {
      const d = depth.get(nodes[i]!.id)!;
      if (d === MAX_NESTING_DEPTH + 1 || repair) fixable(`$.nodes[${i}].parentId`, `${quote(nodes[i]!.id)} sits in ${d} nested groups; at most ${MAX_NESTING_DEPTH} levels of nesting are allowed`, () => undefined);
    }
    if (repair) {
      // Lift deepest first, so every absolute position is taken from the chain as the file has it.
      const order = tooDeep.slice().sort((a, b) => depth.get(nodes[b]!.id)! - depth.get(nodes[a]!.id)!);
      const abs = new Map(order.map((i) => [i, absoluteOf(nodes, indexOf, i)]));
      for (const i of order) {
        const { parentId: _dropped, ...rest } = nodes[i]!;
        const a = abs.get(i)!;
        nodes[i] = { ...rest, position: { x: clampCoordinate(a.x), y: clampCoordinate(a.y) } };
      }
    }
  }

  const edges: DesignEdge[] = [];
  const edgeIds = new Set<string>();
  const directions = new Map<string, string>();
  parsed.data.edges.forEach((parsedEdge, i) => {
    const edge = { ...parsedEdge } as DesignEdge;
    const at = `$.edges[${i}]`;
    let keep = true;
    if (edgeIds.has(edge.id) || nodeIds.has(edge.id)) problems.push({ path: `${at}.id`, message: `duplicate id ${quote(edge.id)}` });
    edgeIds.add(edge.id);
    const rawSettings = ownRecord((rawEdges[i] as Record<string, unknown>).settings);
    if (rawSettings) {
      const kept: EdgeSettings = {};
      for (const key of Object.keys(rawSettings)) {
        const spec = key === 'tls' || key === 'label' ? edgeSettingsSchema.shape[key] : undefined;
        const checked = spec?.safeParse(rawSettings[key]);
        if (!spec) fixable(`${at}.settings${jsonPath([key]).slice(1)}`, `a connection has no setting ${quote(key)}`, () => undefined);
        else if (!checked!.success) fixable(`${at}.settings${jsonPath([key]).slice(1)}`, clip(checked!.error!.issues[0]?.message ?? 'invalid value', 200), () => undefined);
        else (kept as Record<string, unknown>)[key] = checked!.data;
      }
      if (Object.keys(kept).length) edge.settings = kept;
      else delete edge.settings;
    }
    if (!nodeIds.has(edge.source)) fixable(`${at}.source`, `edge ${quote(edge.id)} starts at ${quote(edge.source)}, which is not a node of this design`, () => (keep = false));
    if (!nodeIds.has(edge.target)) fixable(`${at}.target`, `edge ${quote(edge.id)} ends at ${quote(edge.target)}, which is not a node of this design`, () => (keep = false));
    if (keep) {
      const key = edgeKey(edge.source, edge.target);
      if (edge.source === edge.target) fixable(at, `edge ${quote(edge.id)} starts and ends at ${quote(edge.source)}: a service cannot connect to itself`, () => (keep = false));
      else if (directions.has(key)) fixable(at, `edge ${quote(edge.id)} is a second connection from ${quote(edge.source)} to ${quote(edge.target)} (edge ${quote(directions.get(key)!)} already joins them)`, () => (keep = false));
      else directions.set(key, edge.id);
    }
    if (keep) edges.push(edge);
  });
  if (problems.length) return fail(problems.length > MAX_PROBLEMS ? [...problems.slice(0, MAX_PROBLEMS), { path: '$', message: `and ${problems.length - MAX_PROBLEMS} more problems` }] : problems);
  if (repair) nodes = parentsFirst(nodes);
  const design: Design = { format: DESIGN_FORMAT, version: DESIGN_VERSION, ...(parsed.data.scenarioId !== undefined ? { scenarioId: parsed.data.scenarioId } : {}), nodes, edges };
  return { ok: true, design, ...(version < DESIGN_VERSION ? { migratedFrom: version } : {}), ...(repairs.length ? { repairs } : {}) };
}

/** Most problems one load reports (the rest are counted in a last line): a list a person can read. */
export const MAX_PROBLEMS = 200;

/** A JSON object's own keys and values, or undefined for anything else. */
function ownRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A node's absolute position: its own plus those of its ancestors (a loop or a missing parent ends the walk). */
function absoluteOf(nodes: readonly DesignNode[], indexOf: ReadonlyMap<string, number>, i: number): { x: number; y: number } {
  let { x, y } = nodes[i]!.position;
  const seen = new Set([i]);
  for (let p = nodes[i]!.parentId; p !== undefined; ) {
    const j = indexOf.get(p);
    if (j === undefined || seen.has(j)) break;
    seen.add(j);
    x += nodes[j]!.position.x;
    y += nodes[j]!.position.y;
    p = nodes[j]!.parentId;
  }
  return { x, y };
}

/**
 * Reads a design from text (a file's contents). Never throws.
 * @param options as `loadDesign`'s
 * @returns as `loadDesign`; text that is not JSON gives one problem at `$` with the parser's message
 */
export function loadDesignText(text: string, catalog: Catalog, options: LoadOptions = {}): LoadResult {
  let data: unknown;
  try {
    // A UTF-8 byte-order mark (editors on Windows write one) is not part of the JSON.
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return fail([{ path: '$', message: `not valid JSON: ${clip((e as Error).message, 200)}` }]);
  }
  return loadDesign(data, catalog, options);
}

/** The design as the text of a document of the current version (pretty-printed JSON, final newline). */
export function serializeDesign(design: Design): string {
  return JSON.stringify(design, null, 2) + '\n';
}

function fail(problems: DesignProblem[]): LoadResult {
  return { ok: false, problems };
}
