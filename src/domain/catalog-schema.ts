/**
 * The catalog's schemas: what `catalog/<id>.json` may hold, checked with zod when content is loaded
 * from files (the CLI, the tests, the build's content plugin) and written out as JSON Schema for
 * editors (`npm run schemas`). A module of its own, so that the browser, which starts from content
 * checked at build time, does not build these schemas on every page load. The types of the parsed
 * entries are exported from `catalog.ts` as well.
 */
import { z } from 'zod';
import { CAPACITY_METRICS, CATEGORIES, GUARANTEE_KINDS, jsonPath, lifecycleTransitionSchema, type Catalog, type ContentProblem, type PathProblem } from './catalog.ts';
import { ICON_PACKAGE, ICON_REF, ICON_SETS, type IconRef } from './icons.ts';
import { isoDate, pricingSchema, whenSchema } from './pricing.ts';
import { ROLES, type RoleId } from './roles.ts';

/** The catalog's `icon` field: an icon reference, or `null` where AWS draws no icon. */
export const iconRefSchema = z
  .string()
  .regex(ICON_REF, `expected "<set>/<FileName>" with set one of ${ICON_SETS.join(', ')} (a file of ${ICON_PACKAGE}/icons without ".svg")`)
  .transform((s) => s as IconRef)
  .nullable();

const idPattern = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id');

/** A role of the registry (`roles.ts`); anything else is refused with the file and JSON path. */
const roleSchema = z.enum(Object.keys(ROLES) as [RoleId, ...RoleId[]], { error: (issue) => `unknown role ${JSON.stringify(issue.input)}: not in the role registry (src/domain/roles.json)` });

/**
 * A figure from AWS documentation: a quota, a latency, a price. The unit is also part of the
 * figure's key (`writeMBpsPerShard`), so code that reads it cannot mistake it.
 *
 * A figure that depends on an option's value appends it after a dot (`dpuPerWorker.G.1X` for a Glue
 * worker type). Prices are not figures: they live in the entry's `pricing` section (`pricing.ts`).
 */
export const figureSchema = z.strictObject({
  value: z.number().nonnegative(),
  unit: z.string().min(1),
  source: z.url(),
  asOf: isoDate,
  note: z.string().optional(),
  /**
   * AWS publishes no such figure: it is an estimate, and `note` says how it was reached and from what
   * source. Findings, the Simulation tab and the grader say so wherever the figure is used.
   */
  estimate: z.boolean().optional(),
});
export type Figure = z.infer<typeof figureSchema>;

const enumOptionSchema = z.strictObject({
  value: z.string().min(1),
  label: z.string().min(1),
  /** Roles the node gains while this option is chosen (e.g. a Glue job of type `etl` is a `batch-processor`). */
  roles: z.array(roleSchema).optional(),
  /** Delay this option adds to data passing through the node, in milliseconds (e.g. a daily schedule). */
  latencyMs: z.number().nonnegative().optional(),
  /** Encryption at rest this option gives, for `encryption` settings. */
  atRest: z.enum(['none', 'service-key', 'kms']).optional(),
  /**
   * Name of a figure of the entry (unit `x JSON size`) giving the size of the data the node outputs and
   * stores, relative to the same records as JSON, while this option is chosen: a file format or a
   * format conversion (e.g. `parquetVolumeFactor`, 0.2). The simulation sets the data's size to JSON
   * size x this figure (it does not compound with an earlier conversion); see `simulation.ts`.
   */
  volumeFactor: z.string().min(1).optional(),
  /**
   * File formats (values of Amazon S3's `format` setting) of the objects the node writes while this
   * option is chosen, e.g. `["parquet"]` for Firehose record format conversion to Parquet, `["json",
   * "csv"]` for Firehose delivering records as received. A bucket the node writes to holds these
   * formats whatever its own `format` setting says (see `bucketFormat` in `lake.ts`).
   */
  writesFormats: z.array(z.string().min(1)).min(1).optional(),
});

const settingBase = {
  label: z.string().min(1),
  help: z.string().optional(),
  when: whenSchema.optional(),
};

/**
 * The settings a learner can change on a service, authored in the catalog. The inspector builds its
 * form from these and `settingValueSchema` builds the zod type that validates a stored value.
 */
export const settingSpecSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('enum'), ...settingBase, options: z.array(enumOptionSchema).min(1), default: z.string() }),
  z.strictObject({ type: z.literal('boolean'), ...settingBase, default: z.boolean() }),
  z.strictObject({
    type: z.literal('integer'),
    ...settingBase,
    min: z.number().int(),
    max: z.number().int(),
    unit: z.string().optional(),
    /** Each unit of this setting adds this many milliseconds of delay (e.g. a buffer interval in seconds: 1000). */
    latencyMsPerUnit: z.number().nonnegative().optional(),
    /**
     * The delay this setting adds ends early when a buffer of this other integer setting's size (in
     * MiB) fills: a Firehose stream flushes at its buffer interval or its buffer size, whichever comes
     * first, so with 58 MB/s arriving a 64 MiB buffer flushes after 1.2 s.
     */
    flushWhenFull: z.string().min(1).optional(),
    /**
     * The node outputs its input volume divided by this setting's value (an aggregation reduce factor:
     * 10 keeps one record in ten). Such a setting must have `min` >= 1.
     */
    dividesVolume: z.boolean().optional(),
    /**
     * The node sends its input as batches of this many records (readings per message): the record
     * count it outputs is divided by the value while the bytes stay the same. Such a setting needs
     * `min` >= 1.
     */
    batchesRecords: z.boolean().optional(),
    default: z.number().int(),
  }),
  z.strictObject({ type: z.literal('string'), ...settingBase, maxLength: z.number().int().positive().default(200), default: z.string() }),
  z.strictObject({ type: z.literal('string-list'), ...settingBase, default: z.array(z.string()) }),
  z.strictObject({ type: z.literal('lifecycle-transitions'), ...settingBase, default: z.array(lifecycleTransitionSchema) }),
]);
export type SettingSpec = z.infer<typeof settingSpecSchema>;

/**
 * One factor of a capacity: an integer setting's value (`{setting: 'shardCount'}`), an enum setting's
 * value read as a number (`{setting: 'taskVcpu', numeric: true}`), or a figure of the entry whose name
 * may hold `{settingKey}` placeholders filled with that setting's value (`{figure:
 * 'dpuPerWorker.{workerType}'}`). `zeroFigure`: a setting value of 0 means this figure instead (Lambda's
 * reserved concurrency 0 = the account's unreserved pool).
 */
const capacityFactorSchema = z.union([z.strictObject({ setting: z.string().min(1), numeric: z.boolean().optional(), zeroFigure: z.string().min(1).optional() }), z.strictObject({ figure: z.string().min(1) })]);
export type CapacityFactor = z.infer<typeof capacityFactorSchema>;

/**
 * A limit that binds a stage: a throughput or a quota, in one metric, in force while `when` holds
 * (a setting equal to the value, or to one of the listed values).
 * Its value is `figure` (1 when absent) x every `times` factor / every `divideBy` setting, x `scale`; for `MBPerRun`
 * also x the run time in seconds (`runMinutesSetting` x 60). Every limit whose `when` holds applies;
 * the stage's load against the tightest one is its utilisation. `quota`: an AWS service quota (with
 * `raisable`: AWS raises it on request); otherwise a throughput of the resources the settings buy.
 * `fix`: the setting that raises the limit (named in findings). `unlessInputFrom`: the limit does not
 * apply when every data edge into the stage comes from one of these catalog ids (Firehose's Direct PUT
 * quotas do not apply to a Kinesis data stream source). `per`: what the figure is per, in words
 * ("shard", "worker DPU"), for the limit's label ("1,000 records/s per shard").
 */
export const capacitySchema = z.strictObject({
  id: idPattern,
  metric: z.enum(CAPACITY_METRICS),
  when: z.record(z.string(), z.union([z.string(), z.boolean(), z.array(z.string())])).optional(),
  figure: z.string().min(1).optional(),
  /** The documented default of a limit the learner sets (a quota raised on request): cited as its source. */
  defaultFigure: z.string().min(1).optional(),
  /** Name of a figure (KB): each record counts one unit per started unit of this size. */
  recordUnitKB: z.string().min(1).optional(),
  times: z.array(capacityFactorSchema).default([]),
  divideBy: z.array(z.string().min(1)).default([]),
  scale: z.number().positive().optional(),
  runMinutesSetting: z.string().min(1).optional(),
  per: z.string().min(1).optional(),
  quota: z.boolean().default(false),
  raisable: z.boolean().optional(),
  fix: z.string().min(1).optional(),
  unlessInputFrom: z.array(z.string().min(1)).default([]),
});
export type Capacity = z.infer<typeof capacitySchema>;

/** A connection the entry refuses, with the reason shown to the learner. */
const refusalSchema = z.strictObject({ target: z.string(), reason: z.string().min(10) });

/** `{settingKey: [values]}`: holds when every listed setting has one of its values. */
const whenAnySchema = z.record(z.string(), z.array(z.union([z.string(), z.number(), z.boolean()])).min(1));

/**
 * A limit AWS documents on a combination of settings, checked by the `service-constraints` rule:
 * while `when` holds, the integer `setting` must lie in `minimum`..`maximum` (or equal one of
 * `equals`), or the node may send data only to `dataTargets` (catalog ids or roles). E.g. Firehose
 * record format conversion needs a buffer size of at least 64 MiB and delivers only to Amazon S3.
 */
export const constraintSchema = z
  .strictObject({
    /** Stable kebab-case id; findings carry it as their code. */
    id: idPattern,
    when: whenAnySchema.optional(),
    setting: z.string().min(1).optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    equals: z
      .array(z.union([z.string(), z.number(), z.boolean()]))
      .min(1)
      .optional(),
    dataTargets: z.array(z.string().min(1)).min(1).optional(),
    /** What AWS requires, in a sentence shown to the learner. */
    reason: z.string().min(10),
    source: z.url(),
    asOf: isoDate,
  })
  .refine((c) => (c.setting !== undefined) !== (c.dataTargets !== undefined), { message: 'give either "setting" (with "minimum", "maximum" or "equals") or "dataTargets"' })
  .refine((c) => c.setting === undefined || c.minimum !== undefined || c.maximum !== undefined || c.equals !== undefined, { message: 'a setting constraint needs "minimum", "maximum" or "equals"' });
export type Constraint = z.infer<typeof constraintSchema>;

/**
 * A delivery guarantee of the service while `when` holds (always when absent):
 * - `checkpointing`: a processor that records its position and state and resumes from them after a
 *   failure, so it replays, never skips (Flink checkpoints, Glue streaming checkpoints);
 * - `idempotent-writes`: a sink where writing the same record again leaves the same result (a write
 *   keyed by the event id, a DynamoDB conditional put);
 * - `transactional-writes`: a sink that commits a batch atomically with the processor's checkpoint;
 * - `dedupe-store`: a store a processor can check event ids against before it acts.
 */
export const guaranteeSchema = z.strictObject({
  kind: z.enum(GUARANTEE_KINDS),
  when: whenAnySchema.optional(),
  /** How the guarantee is obtained, in a sentence shown in findings. */
  how: z.string().min(10),
  source: z.url(),
  asOf: isoDate,
});
export type Guarantee = z.infer<typeof guaranteeSchema>;

/** One catalog entry, as in `catalog/<id>.json`. */
/** A colour as CSS hex `#RRGGBB`. */
const hexColor = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'expected a colour as #RRGGBB');

export const catalogEntrySchema = z.strictObject({
  $schema: z.string().optional(),
  id: idPattern,
  name: z.string().min(1),
  /** Its AWS Architecture Icon (`architecture-service/AmazonAthena`), or null where AWS draws none (every shipped entry states it; the content test checks the file exists); see `icons.ts`. */
  icon: iconRefSchema.default(null),
  /**
   * Other words a learner types for it, matched whole in the palette search like the short name:
   * abbreviations and former names (`ddb`, `kds`, `sfn`, `kinesis data analytics`).
   */
  aliases: z.array(z.string().min(1).max(40)).default([]),
  shortName: z.string().min(1),
  category: z.enum(CATEGORIES),
  description: z.string().min(10),
  /** Up to 4 characters drawn on the node when no icon is available. */
  glyph: z.string().min(1).max(4),
  /** What the service does in a pipeline: `stream`, `object-store`, `warehouse`, `dashboard`, ... */
  roles: z.array(roleSchema).min(1),
  /** Whether edges from/to this entry carry data (false for KMS, CloudWatch, Lake Formation...). */
  dataFlow: z.boolean().default(true),
  /**
   * A group (AWS Cloud, AWS account, AWS Region, VPC, Availability Zone, subnet, data-lake zone): a box on the canvas
   * that other nodes sit in (`parentId`). Groups carry no data and have no connections.
   */
  group: z.boolean().default(false),
  /**
   * How a group's box is drawn (groups only): `caption` its kind as the box's title (default the
   * short name); `detail` the settings shown after it (an enum by its option's label, text trimmed,
   * joined by " · "); `color` the border colour (CSS hex, AWS Architecture Icons group colours;
   * default grey `#7D8998`); `colorBy` a colour per option of one setting (data-lake zones);
   * `fill` the light fill AWS puts behind the members (subnets; CSS hex, default none);
   * `dashed` whether AWS draws the border dashed (default true).
   */
  box: z
    .strictObject({
      caption: z.string().min(1).optional(),
      detail: z.array(z.string()).default([]),
      color: hexColor.optional(),
      colorBy: z.strictObject({ setting: z.string(), colors: z.record(z.string(), hexColor) }).optional(),
      fill: hexColor.optional(),
      dashed: z.boolean().default(true),
    })
    .optional(),
  docUrl: z.url(),
  /** Priced items of the service's bill (`pricing.ts`); absent for what is not a service or has no public price. */
  pricing: pricingSchema.optional(),
  settings: z.record(z.string(), settingSpecSchema).default({}),
  figures: z.record(z.string(), figureSchema).default({}),
  /** The limits that bind this stage (see `capacitySchema`); none means the catalog sets no limit. */
  capacities: z.array(capacitySchema).default([]),
  /** Why the entry has no capacity limit, or what its limits leave out (shown with the stage's load). */
  capacityNote: z.string().optional(),
  /** Catalog ids this entry may send to (data) or act on (control edges). */
  connectsTo: z.array(z.string()).default([]),
  /** Targets refused with a specific reason (the generic reason is used otherwise). */
  refusals: z.array(refusalSchema).default([]),
  /** Limits AWS documents on combinations of settings (see `constraintSchema`). */
  constraints: z.array(constraintSchema).default([]),
  /** Delivery guarantees (see `guaranteeSchema`). */
  guarantees: z.array(guaranteeSchema).default([]),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

/**
 * Parses catalog files: each against its schema, ids unique and matching their file names.
 * @param files `{file, data}` with `data` the parsed JSON of `catalog/<id>.json`
 * @param check further checks of each parsed entry against the catalog (`catalogEntryProblems` in
 *   `catalog-checks.ts`: settings, figures and ids it refers to exist); none when absent
 * @returns the catalog, or every problem found with file and JSON path
 */
export function parseCatalog(files: readonly { file: string; data: unknown }[], check?: (entry: CatalogEntry, catalog: Catalog) => PathProblem[]): { catalog: Catalog; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const entries: CatalogEntry[] = [];
  for (const { file, data } of files) {
    const parsed = catalogEntrySchema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ file, path: jsonPath(issue.path), message: issue.message });
      continue;
    }
    const expected = file.replace(/^.*\//, '').replace(/\.json$/, '');
    if (expected !== parsed.data.id) problems.push({ file, path: '$.id', message: `id "${parsed.data.id}" does not match the file name "${expected}.json"` });
    if (entries.some((e) => e.id === parsed.data.id)) problems.push({ file, path: '$.id', message: `duplicate catalog id "${parsed.data.id}"` });
    else entries.push(parsed.data);
  }
  const byId = new Map(entries.map((e) => [e.id, e]));
  const catalog = { entries, byId };
  if (check)
    for (const entry of entries) {
      const file = files.find((f) => (f.data as { id?: string })?.id === entry.id)?.file ?? entry.id;
      for (const p of check(entry, catalog)) problems.push({ file, path: jsonPath(p.path), message: p.message });
    }
  return { catalog, problems };
}
