/**
 * The service catalog: one entry per AWS service or non-AWS source/consumer that can sit on the
 * canvas. Entries are authored as JSON in `catalog/<id>.json` and parsed with the schemas of
 * `catalog-schema.ts` (at build time for the browser, which never loads those schemas); this module
 * holds what reading the parsed catalog takes. Nothing here touches the file system, React or the DOM.
 */
import { z } from 'zod';
import type { CatalogEntry, SettingSpec } from './catalog-schema.ts';

export type { Capacity, CapacityFactor, CatalogEntry, Constraint, Figure, Guarantee, SettingSpec } from './catalog-schema.ts';

/** Categories of the palette. Each has a colour in the view (see `CATEGORY_META`). */
export const CATEGORIES = ['source', 'ingestion', 'processing', 'storage', 'analytics', 'governance', 'security', 'monitoring', 'consumer', 'group', 'annotation'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Display name and colour (CSS hex) per category; colours follow the AWS Architecture Icons palette. */
export const CATEGORY_META: Record<Category, { label: string; color: string }> = {
  source: { label: 'Sources', color: '#5A6B86' },
  ingestion: { label: 'Ingestion & streaming', color: '#8C4FFF' },
  processing: { label: 'Processing', color: '#ED7100' },
  storage: { label: 'Storage & databases', color: '#3F8624' },
  analytics: { label: 'Analytics', color: '#C925D1' },
  governance: { label: 'Governance', color: '#0972D3' },
  security: { label: 'Security', color: '#DD344C' },
  monitoring: { label: 'Monitoring', color: '#E7157B' },
  consumer: { label: 'Consumers', color: '#232F3E' },
  group: { label: 'Groups', color: '#7D8998' },
  /** Text notes: words on the canvas, not services (no data, no connections, ignored by rules). */
  annotation: { label: 'Notes', color: '#B8860B' },
};

/** S3 storage classes as the S3 API spells them. */
export const STORAGE_CLASSES = ['STANDARD', 'INTELLIGENT_TIERING', 'STANDARD_IA', 'ONEZONE_IA', 'GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE'] as const;
export type StorageClass = (typeof STORAGE_CLASSES)[number];

/** Readable names of the S3 storage classes, as AWS spells them. */
export const STORAGE_CLASS_NAMES: Record<StorageClass, string> = {
  STANDARD: 'S3 Standard',
  INTELLIGENT_TIERING: 'S3 Intelligent-Tiering',
  STANDARD_IA: 'S3 Standard-IA',
  ONEZONE_IA: 'S3 One Zone-IA',
  GLACIER_IR: 'S3 Glacier Instant Retrieval',
  GLACIER: 'S3 Glacier Flexible Retrieval',
  DEEP_ARCHIVE: 'S3 Glacier Deep Archive',
};

/** One S3 lifecycle transition: after `days` days objects move to `storageClass`. */
export const lifecycleTransitionSchema = z.strictObject({
  days: z.number().int().min(0).max(36500),
  storageClass: z.enum(STORAGE_CLASSES),
});
export type LifecycleTransition = z.infer<typeof lifecycleTransitionSchema>;

export type SettingValue = string | number | boolean | string[] | LifecycleTransition[];
export type Settings = Record<string, SettingValue>;

/** What a capacity limit bounds. */
export const CAPACITY_METRICS = ['MBps', 'readMBps', 'recordsPerSecond', 'MBPerRun'] as const;
/**
 * - `MBps`: bytes arriving per second (MB = 10^6 bytes);
 * - `readMBps`: bytes read per second by the stage's consumers: what arrives x the number of data
 *   edges leaving it (each consumer reads everything), as a Kinesis shard's 2 MB/s shared reads;
 * - `recordsPerSecond`: records (messages, events, items, rows) arriving per second; with
 *   `recordUnitKB` each record counts one unit per started unit size (DynamoDB write request units);
 * - `MBPerRun`: the data one batch run must get through, MB, within its run time.
 */
export type CapacityMetric = (typeof CAPACITY_METRICS)[number];

/**
 * The figure names a templated figure name stands for: `dpuPerWorker.{workerType}` gives one name per
 * option of the `workerType` enum setting; a name without placeholders gives itself.
 */
export function expandFigureName(name: string, entry: Pick<CatalogEntry, 'settings'>): string[] {
  const m = /\{([^}]+)\}/.exec(name);
  if (!m) return [name];
  const spec = entry.settings[m[1]!];
  if (spec?.type !== 'enum') return [name];
  return spec.options.flatMap((o) => expandFigureName(name.replace(m[0], o.value), entry));
}

/** What a service guarantees about the data it handles, read by the `exactly-once` rule. */
export const GUARANTEE_KINDS = ['checkpointing', 'idempotent-writes', 'transactional-writes', 'dedupe-store'] as const;
export type GuaranteeKind = (typeof GUARANTEE_KINDS)[number];

/** Whether a `{setting: [values]}` condition holds on a node's settings (an absent condition holds). */
export function whenAnyHolds(when: Readonly<Record<string, readonly (string | number | boolean)[]>> | undefined, settings: Settings): boolean {
  return !when || Object.entries(when).every(([k, values]) => values.includes(settings[k] as string | number | boolean));
}

/** Built schemas per setting spec: loading a design checks every node's settings (zod types are costly to build). */
const valueSchemas = new WeakMap<SettingSpec, z.ZodType<SettingValue>>();

/**
 * The zod type of one setting's value, built once per spec object.
 * @param spec the setting as authored in the catalog
 * @returns a schema accepting exactly the values the inspector can produce for it
 */
export function settingValueSchema(spec: SettingSpec): z.ZodType<SettingValue> {
  let schema = valueSchemas.get(spec);
  if (!schema) valueSchemas.set(spec, (schema = buildValueSchema(spec)));
  return schema;
}

function buildValueSchema(spec: SettingSpec): z.ZodType<SettingValue> {
  switch (spec.type) {
    case 'enum': {
      const values = spec.options.map((o) => o.value);
      return z.string().refine((v) => values.includes(v), { message: `expected one of ${values.join(', ')}` });
    }
    case 'boolean':
      return z.boolean();
    case 'integer':
      return z.number().int().min(spec.min).max(spec.max);
    case 'string':
      return z.string().max(spec.maxLength);
    case 'string-list':
      return z.array(z.string().min(1).max(100)).max(50);
    case 'lifecycle-transitions':
      return z.array(lifecycleTransitionSchema).max(20);
  }
}

/** The catalog once loaded: entries by id, in file order. */
export interface Catalog {
  readonly entries: readonly CatalogEntry[];
  readonly byId: ReadonlyMap<string, CatalogEntry>;
}

/** A content problem: the file it is in, a JSON path inside it (`$.settings.shardCount`), a message. */
export interface ContentProblem {
  file: string;
  path: string;
  message: string;
}

/**
 * Formats a zod/JSON path as `$.nodes[3].service`.
 * @param path segments as zod reports them
 */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : /^[A-Za-z_$][\w$]*$/.test(String(seg)) ? `.${String(seg)}` : `[${JSON.stringify(String(seg))}]`;
  return out;
}

/** A problem at a path inside one value (a catalog entry, a requirement's params), and what is wrong. */
export interface PathProblem {
  path: readonly (string | number)[];
  message: string;
}

/**
 * Whether a setting is in force given the node's other settings (its `when` clause holds).
 * @param spec the setting
 * @param settings the node's full settings (defaults applied)
 */
export function settingApplies(spec: SettingSpec, settings: Settings): boolean {
  if (!spec.when) return true;
  for (const [k, v] of pairsOf(spec.when)) if (settings[k] !== v) return false;
  return true;
}

/** A `when` object's [key, value] pairs, listed once per object (catalog data does not change once parsed). */
function pairsOf<V>(when: Readonly<Record<string, V>>): readonly (readonly [string, V])[] {
  let pairs = whenPairs.get(when) as (readonly [string, V])[] | undefined;
  if (!pairs) whenPairs.set(when, (pairs = Object.entries(when)));
  return pairs;
}
const whenPairs = new WeakMap<object, readonly (readonly [string, unknown])[]>();

/**
 * Settings with the catalog's defaults filled in for every key not given.
 * @param entry the node's catalog entry
 * @param given the settings stored on the node (may be partial or absent)
 */
export function withDefaults(entry: CatalogEntry, given: Settings | undefined): Settings {
  const out: Settings = {};
  for (const [key, spec] of pairsOf(entry.settings)) {
    const d = spec.default;
    out[key] = given?.[key] ?? (typeof d === 'object' && d !== null ? structuredClone(d) : d);
  }
  return out;
}

/**
 * Whether an edge from `source` to `target` is allowed, and why not when it is not.
 * @returns `{ok: true}` or `{ok: false, reason}` with a sentence a learner can act on
 */
export function connectionAllowed(source: CatalogEntry, target: CatalogEntry, catalog: Catalog): { ok: true } | { ok: false; reason: string } {
  if (source.connectsTo.includes(target.id)) return { ok: true };
  const specific = source.refusals.find((r) => r.target === target.id)?.reason;
  if (specific) return { ok: false, reason: specific };
  const allowed = source.connectsTo.map((id) => catalog.byId.get(id)?.shortName ?? id);
  return {
    ok: false,
    reason: allowed.length ? `${source.name} does not connect to ${target.name}. It can send to: ${allowed.join(', ')}.` : `${source.name} sends nothing to other services; connect it from the services that use it.`,
  };
}
