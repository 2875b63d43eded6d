/**
 * The design document (format `archboard.design`, version 2; version 1 files are migrated): the file users keep, export and
 * re-import. One function, `loadDesign`, reads any stored or imported design: it checks the format and
 * version (running migrations for older versions), the shape, the catalog ids, settings, and graph
 * integrity, and reports every problem with its JSON path.
 */
import { z } from 'zod';
import { jsonPath, settingValueSchema, type Catalog, type Settings, type SettingSpec } from './catalog.ts';

export const DESIGN_FORMAT = 'archboard.design';
export const DESIGN_VERSION = 2;

/** The largest design file read (bytes, 10 MiB): the app's Import and the CLI refuse bigger files before reading them. */
export const MAX_DESIGN_BYTES = 10 * 1024 * 1024;

const id = z.string().min(1).max(200);
const settingsRecord = z.record(z.string(), z.unknown());

/**
 * A node on the canvas: an instance of a catalog entry (`service`), at `position` (canvas px; relative
 * to its group's top-left corner when `parentId` is set, as React Flow places sub-flow nodes).
 * `parentId` (version 2) names the group node it sits in; `size` (version 2) is a group's box in px.
 */
export const designNodeSchema = z.strictObject({
  id,
  service: z.string().min(1),
  label: z.string().max(200).optional(),
  position: z.strictObject({ x: z.number().finite(), y: z.number().finite() }),
  settings: settingsRecord.optional(),
  parentId: id.optional(),
  size: z.strictObject({ width: z.number().finite().positive().max(100_000), height: z.number().finite().positive().max(100_000) }).optional(),
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
const edgeSettingsSchema = z.strictObject({ tls: z.boolean().optional(), label: z.string().max(80).optional() });

/** An empty design for a scenario. */
export function emptyDesign(scenarioId?: string): Design {
  return { format: DESIGN_FORMAT, version: DESIGN_VERSION, ...(scenarioId ? { scenarioId } : {}), nodes: [], edges: [] };
}

/** A problem found while loading a design: where (JSON path such as `$.nodes[2].service`) and what. */
export interface DesignProblem {
  path: string;
  message: string;
}
export type LoadResult = { ok: true; design: Design; migratedFrom?: number } | { ok: false; problems: DesignProblem[] };

/**
 * Migrations from older versions: `MIGRATIONS[n]` turns a version-n document into version n+1.
 * 1 -> 2: version 2 added the optional node keys `parentId` and `size` (groups); a version-1 document
 * is a valid version-2 document once its version says so.
 */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  1: (doc) => ({ ...doc, version: 2 }),
};

/**
 * Reads a design from parsed JSON. Never throws.
 * @param data the parsed JSON (anything)
 * @param catalog the catalog the design's services must come from
 * @returns the design, or every problem with its JSON path (wrong format or version, shape, unknown
 *   service, invalid setting, duplicate id, edge to a missing node, a parent that is missing, not a
 *   group, or a cycle of parents)
 */
export function loadDesign(data: unknown, catalog: Catalog): LoadResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return fail([{ path: '$', message: 'expected a JSON object with "format": "archboard.design"' }]);
  let doc = data as Record<string, unknown>;
  if (doc.format !== DESIGN_FORMAT)
    return fail([{ path: '$.format', message: `expected "${DESIGN_FORMAT}", found ${describe(doc.format)}: this is not an Archboard design` }]);
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail([{ path: '$.version', message: `expected a whole version number, found ${describe(version)}` }]);
  if (version > DESIGN_VERSION)
    return fail([{ path: '$.version', message: `version ${version} was written by a newer Archboard; this one reads up to version ${DESIGN_VERSION}` }]);
  for (let v = version; v < DESIGN_VERSION; v++) {
    const migrate = MIGRATIONS[v];
    if (!migrate) return fail([{ path: '$.version', message: `no migration from version ${v}` }]);
    doc = migrate(doc);
  }

  const parsed = designDocumentSchema.safeParse(doc);
  if (!parsed.success) return fail(parsed.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })));
  const design = parsed.data as Design;
  const problems: DesignProblem[] = [];
  const nodeIds = new Set<string>();
  design.nodes.forEach((node, i) => {
    if (nodeIds.has(node.id)) problems.push({ path: `$.nodes[${i}].id`, message: `duplicate node id "${node.id}"` });
    nodeIds.add(node.id);
    const entry = catalog.byId.get(node.service);
    if (!entry) {
      problems.push({ path: `$.nodes[${i}].service`, message: `unknown service "${node.service}" (not in the catalog)` });
      return;
    }
    for (const [key, value] of Object.entries(node.settings ?? {})) {
      // Own keys only: a setting named like an Object method ("valueOf") is not a setting.
      const spec = Object.hasOwn(entry.settings, key) ? entry.settings[key] : undefined;
      if (!spec) {
        problems.push({ path: `$.nodes[${i}].settings${jsonPath([key]).slice(1)}`, message: `${entry.name} has no setting "${key}"` });
        continue;
      }
      const check = settingValueSchema(spec).safeParse(value);
      if (!check.success)
        for (const issue of check.error.issues)
          problems.push({ path: `$.nodes[${i}].settings${jsonPath([key, ...issue.path]).slice(1)}`, message: issue.message });
    }
  });
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  design.nodes.forEach((node, i) => {
    if (node.parentId === undefined) return;
    const parent = byId.get(node.parentId);
    if (!parent) return void problems.push({ path: `$.nodes[${i}].parentId`, message: `"${node.parentId}" is not a node of this design` });
    const parentEntry = catalog.byId.get(parent.service);
    if (parentEntry && !parentEntry.group) problems.push({ path: `$.nodes[${i}].parentId`, message: `"${node.parentId}" is a ${parentEntry.name}, not a group` });
    const seen = new Set([node.id]);
    for (let p: DesignNode | undefined = parent; p; p = p.parentId === undefined ? undefined : byId.get(p.parentId)) {
      if (seen.has(p.id)) return void problems.push({ path: `$.nodes[${i}].parentId`, message: `groups contain each other in a loop through "${p.id}"` });
      seen.add(p.id);
    }
  });
  const edgeIds = new Set<string>();
  design.edges.forEach((edge, i) => {
    if (edgeIds.has(edge.id) || nodeIds.has(edge.id)) problems.push({ path: `$.edges[${i}].id`, message: `duplicate id "${edge.id}"` });
    edgeIds.add(edge.id);
    if (!nodeIds.has(edge.source)) problems.push({ path: `$.edges[${i}].source`, message: `edge "${edge.id}" starts at "${edge.source}", which is not a node of this design` });
    if (!nodeIds.has(edge.target)) problems.push({ path: `$.edges[${i}].target`, message: `edge "${edge.id}" ends at "${edge.target}", which is not a node of this design` });
    const settings = edgeSettingsSchema.safeParse(edge.settings ?? {});
    if (!settings.success)
      for (const issue of settings.error.issues) problems.push({ path: `$.edges[${i}].settings${jsonPath(issue.path).slice(1)}`, message: issue.message });
  });
  if (problems.length) return fail(problems);
  return version < DESIGN_VERSION ? { ok: true, design, migratedFrom: version } : { ok: true, design };
}

/**
 * Reads a design from text (a file's contents). Never throws.
 * @returns as `loadDesign`; text that is not JSON gives one problem at `$` with the parser's message
 */
export function loadDesignText(text: string, catalog: Catalog): LoadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail([{ path: '$', message: `not valid JSON: ${(e as Error).message}` }]);
  }
  return loadDesign(data, catalog);
}

/** The design as the text of a document of the current version (pretty-printed JSON, final newline). */
export function serializeDesign(design: Design): string {
  return JSON.stringify(design, null, 2) + '\n';
}

function fail(problems: DesignProblem[]): LoadResult {
  return { ok: false, problems };
}
function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
