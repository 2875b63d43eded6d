/**
 * Capacity model: the limits that bind each stage of a pipeline, computed from the catalog's
 * `capacities` (figures with their AWS source and as-of date, or marked estimates) and the node's
 * settings, and the setting value that would carry a given load. Pure; no React, no DOM.
 *
 * A limit's value is `figure x times... / divideBy... x scale` (x the run time in seconds for
 * `MBPerRun`), e.g. a provisioned Kinesis stream of 60 shards: 60 x 1,000 records/s = 60,000
 * records/s and 60 x 1 MB/s = 60 MB/s.
 */
import { settingApplies, type Capacity, type CapacityMetric, type CatalogEntry, type Figure, type Settings } from './catalog.ts';
import { flatText, formatLoad, formatNumber } from './format.ts';
import type { ResolvedNode } from './graph.ts';

/** One limit of a stage, evaluated for its settings. */
export interface StageLimit {
  /** The catalog capacity's id (`shard-write-records`), stable for tests and findings. */
  id: string;
  metric: CapacityMetric;
  /** The limit in `unit`s: MB/s, MB/s read, records/s (or write units/s), or MB per run. */
  capacity: number;
  /** Unit of `capacity` and of the load held against it (`records/s`, `MB/s`, `MB per run`). */
  unit: string;
  /** The documented figure in words: "1,000 records/s per shard", "inbound publish quota 20,000 requests/s". */
  label: string;
  /** How `capacity` follows from the settings: "60 shards x 1,000 records/s". */
  basis: string;
  /** An AWS service quota (else a throughput of what the settings buy). */
  quota: boolean;
  /** AWS raises the quota on request (Service Quotas or a support case). */
  raisable: boolean;
  /** The setting that raises the limit, with its label. */
  fix?: { setting: string; label: string };
  /** A figure behind the limit is an estimate (AWS publishes none); its note says why. */
  estimate: boolean;
  /** AWS documentation page of the main figure, and its as-of date. */
  source: string;
  asOf: string;
  /** For write-unit limits: the unit size in KB (a 1.5 KB item takes 2 units of 1 KB). */
  recordUnitKB?: number;
  /** For `MBPerRun`: the run time the limit allows, seconds. */
  runSeconds?: number;
}

const METRIC_UNIT: Record<CapacityMetric, string> = { MBps: 'MB/s', readMBps: 'MB/s read', recordsPerSecond: 'records/s', MBPerRun: 'MB per run' };

/** Whether a capacity's `when` holds for these settings (a value, or one of a list of values). */
function capacityApplies(cap: Capacity, settings: Settings): boolean {
  if (!cap.when) return true;
  let pairs = capacityWhen.get(cap);
  if (!pairs) capacityWhen.set(cap, (pairs = Object.entries(cap.when)));
  for (const [k, v] of pairs) if (Array.isArray(v) ? !v.includes(settings[k] as string) : settings[k] !== v) return false;
  return true;
}

/** Each capacity's `when` as [setting, value or values] pairs, listed once per capacity (catalog data does not change). */
const capacityWhen = new WeakMap<Capacity, [string, unknown][]>();

/** The figure a (possibly templated) name stands for under these settings: `dpuPerWorker.{workerType}`. */
function figureFor(entry: CatalogEntry, name: string, settings: Settings): Figure | undefined {
  if (!name.includes('{')) return Object.hasOwn(entry.figures, name) ? entry.figures[name] : undefined;
  // The name's text and `{setting}` keys alternate: ["dpuPerWorker.", "workerType", ""].
  let parts = templateParts.get(name);
  if (!parts) templateParts.set(name, (parts = name.split(/\{([^}]+)\}/)));
  let resolved = parts[0]!;
  for (let k = 1; k < parts.length; k += 2) {
    const v = settings[parts[k]!];
    // A value no form produces (a list, an object) names no figure.
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return undefined;
    resolved += String(v) + parts[k + 1]!;
  }
  return Object.hasOwn(entry.figures, resolved) ? entry.figures[resolved] : undefined;
}
/** Templated figure names split at their `{setting}` placeholders, once per name. */
const templateParts = new Map<string, string[]>();

function settingNumber(entry: CatalogEntry, key: string, settings: Settings, numeric = false): number | undefined {
  const spec = entry.settings[key];
  if (!spec || !settingApplies(spec, settings)) return undefined;
  const v = settings[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (numeric && typeof v === 'string' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** A count's unit in the singular for one: `1 task`, `1 DPU`, but `2 tasks`, `1 MB/s`. */
function countUnit(count: number, unit: string): string {
  return count === 1 && /^[A-Za-z]+s$/.test(unit) && !/ss$/.test(unit) ? unit.slice(0, -1) : unit;
}

function unitOf(entry: CatalogEntry, key: string): string {
  const spec = entry.settings[key];
  return spec?.type === 'integer' ? (spec.unit ?? spec.label) : (spec?.label ?? key);
}

/**
 * The value of one catalog capacity for a node's settings, with the figures it rests on; when `basis` is
 * given, the words of each factor are pushed to it (`evaluateCapacity`), else no text is built (the
 * searches of `settingToCarry`).
 * @returns `undefined` when its `when` does not hold, a factor is missing, or the value is not a
 *   positive finite number
 */
function capacityValue(entry: CatalogEntry, cap: Capacity, settings: Settings, basis?: string[]): { value: number; main: Figure | undefined; cited: Figure | undefined; estimate: boolean; runSeconds: number | undefined } | undefined {
  if (!capacityApplies(cap, settings)) return undefined;
  const main = cap.figure !== undefined ? figureFor(entry, cap.figure, settings) : undefined;
  if (cap.figure !== undefined && !main) return undefined;
  const cited = main ?? (cap.defaultFigure ? entry.figures[cap.defaultFigure] : undefined);
  let value = main?.value ?? 1;
  let estimate = main?.estimate === true;
  for (const t of cap.times) {
    if ('figure' in t) {
      const f = figureFor(entry, t.figure, settings);
      if (!f) return undefined;
      value *= f.value;
      estimate ||= f.estimate === true;
      basis?.push(`${formatNumber(f.value, 2)} ${f.unit}`);
      continue;
    }
    let v = settingNumber(entry, t.setting, settings, t.numeric);
    if (v === undefined) return undefined;
    if (v === 0 && t.zeroFigure) {
      const f = entry.figures[t.zeroFigure];
      if (!f) return undefined;
      v = f.value;
      basis?.push(`${formatNumber(v)} ${f.unit} (account default)`);
    } else basis?.push(`${formatNumber(v)} ${countUnit(v, unitOf(entry, t.setting))}`);
    value *= v;
  }
  for (const key of cap.divideBy) {
    const v = settingNumber(entry, key, settings);
    if (v === undefined || v <= 0) return undefined;
    value /= v;
    if (v !== 1) basis?.push(`/ ${formatNumber(v)} ${unitOf(entry, key)}`);
  }
  if (cap.scale !== undefined) value *= cap.scale;
  let runSeconds: number | undefined;
  if (cap.metric === 'MBPerRun') {
    const minutes = cap.runMinutesSetting ? settingNumber(entry, cap.runMinutesSetting, settings) : undefined;
    if (minutes === undefined) return undefined;
    runSeconds = minutes * 60;
    value *= runSeconds;
    basis?.push(`${formatNumber(minutes)} min run`);
  }
  if (!(Number.isFinite(value) && value > 0)) return undefined;
  return { value, main, cited, estimate, runSeconds };
}

/**
 * Evaluates one catalog capacity for a node's settings.
 * @returns the limit, or `undefined` when its `when` does not hold, a factor is missing, or the value
 *   is not a positive finite number (settings no form produces)
 */
export function evaluateCapacity(entry: CatalogEntry, cap: Capacity, settings: Settings): StageLimit | undefined {
  const basis: string[] = [];
  const evaluated = capacityValue(entry, cap, settings, basis);
  if (!evaluated) return undefined;
  const { value, main, cited, estimate, runSeconds } = evaluated;
  const unitKB = cap.recordUnitKB ? entry.figures[cap.recordUnitKB]?.value : undefined;
  const unit = cap.recordUnitKB && cited ? cited.unit : cap.metric === 'recordsPerSecond' && cited && cited.unit.endsWith('/s') ? cited.unit : METRIC_UNIT[cap.metric];
  const fixSpec = cap.fix ? entry.settings[cap.fix] : undefined;
  const factors = joinFactors(basis);
  // A single factor that is the limit itself says only how it compares with AWS's default.
  const alone = !main && basis.length <= 1;
  // Read only without a main figure.
  const defaultNote = !main && cited ? (alone && cited.value === value ? 'the AWS default' : figureWords(cited).awsDefault) : '';
  let label: string;
  if (main) label = figureLabel(cap, main);
  else if (cap.times.length === 1 && fixSpec?.type === 'integer') label = flatText(fixSpec.label, ' of ', basis[0]!);
  else label = flatText(fixSpec?.label ?? 'Limit', ': ', factors);
  const limit: StageLimit = {
    id: cap.id,
    metric: cap.metric,
    capacity: value,
    unit,
    label,
    basis: main && basis.length ? flatText(factors, figureWords(main).times) : alone ? defaultNote || factors || `${formatNumber(value)} ${unit}` : main || !defaultNote ? factors : flatText(factors, ' (', defaultNote, ')'),
    quota: cap.quota,
    raisable: cap.raisable === true,
    estimate,
    source: cited?.source ?? entry.docUrl,
    asOf: cited?.asOf ?? '',
  };
  if (cap.fix && fixSpec) limit.fix = fixOf(cap, cap.fix, fixSpec.label);
  if (unitKB !== undefined && unitKB > 0) limit.recordUnitKB = unitKB;
  if (runSeconds !== undefined) limit.runSeconds = runSeconds;
  return limit;
}

/** A limit's `fix`, one object per capacity (shared by the limits it gives: catalog data, never changed). */
function fixOf(cap: Capacity, setting: string, label: string): { setting: string; label: string } {
  let fix = fixes.get(cap);
  if (!fix) fixes.set(cap, (fix = { setting, label }));
  return fix;
}
const fixes = new WeakMap<Capacity, { setting: string; label: string }>();

/** A figure in the words of limits, worded once per figure: " x 1 MB/s" (a last factor), "AWS default 10,000 requests/s". */
function figureWords(f: Figure): { times: string; awsDefault: string } {
  let words = figureWordsCache.get(f);
  if (!words) {
    const amount = `${formatNumber(f.value, 2)} ${f.unit}`;
    figureWordsCache.set(f, (words = { times: ` x ${amount}`, awsDefault: `AWS default ${amount}` }));
  }
  return words;
}
const figureWordsCache = new WeakMap<Figure, { times: string; awsDefault: string }>();

/** "quota of 20,000 requests/s", "1,000 records/s per shard": the label of a limit with a main figure, worded once per capacity and figure. */
function figureLabel(cap: Capacity, main: Figure): string {
  let labels = figureLabels.get(cap);
  if (!labels) figureLabels.set(cap, (labels = new Map()));
  let label = labels.get(main);
  if (label === undefined) labels.set(main, (label = `${cap.quota ? `${cap.raisable ? 'quota' : 'hard limit'} of ` : ''}${formatNumber(main.value, 2)} ${main.unit}${cap.per ? ` per ${cap.per}` : ''}`));
  return label;
}
const figureLabels = new WeakMap<Capacity, Map<Figure, string>>();

/** The words of a limit's factors: `60 shards x 1,000 records/s`, a divisor as `... / 2 units`. */
function joinFactors(basis: readonly string[]): string {
  const joined = basis.join(' x ');
  // Without a `/` there is nothing to replace: skip the regular expression (it runs for every limit of every node).
  return joined.includes('/') ? joined.replace(/ x \//g, ' /') : joined;
}

/**
 * Every limit in force on a node.
 * @param inputServices catalog ids of the nodes whose data edges enter it; limits with
 *   `unlessInputFrom` are dropped when every input is one of those (and there is at least one)
 * @param out the list the limits are added to (a caller that lists every node's limits reuses one)
 * @returns `out`
 */
export function stageLimits(node: Pick<ResolvedNode, 'entry' | 'settings'>, inputServices: readonly string[], out: StageLimit[] = []): StageLimit[] {
  for (const cap of node.entry.capacities) {
    if (cap.unlessInputFrom.length && inputServices.length && inputServices.every((s) => cap.unlessInputFrom.includes(s))) continue;
    const limit = evaluateCapacity(node.entry, cap, node.settings);
    if (limit) out.push(limit);
  }
  return out;
}

/**
 * The smallest value of a limit's `fix` setting that carries `needed` (in the limit's unit) with
 * every limit of the same metric: integer settings are searched between their bounds, enum options
 * in catalog order, booleans tried as `true`.
 * @returns the value, or `undefined` when no value of that setting carries the load
 */
export function settingToCarry(node: Pick<ResolvedNode, 'entry' | 'settings'>, inputServices: readonly string[], limit: StageLimit, needed: number): number | string | boolean | undefined {
  const key = limit.fix?.setting;
  const spec = key ? node.entry.settings[key] : undefined;
  if (!key || !spec) return undefined;
  // The capacities of the limit's metric with the setting at `value` (as `stageLimits` would give
  // them, without their words), all of which must carry the load.
  const caps = node.entry.capacities.filter((cap) => cap.metric === limit.metric && !(cap.unlessInputFrom.length && inputServices.length && inputServices.every((s) => cap.unlessInputFrom.includes(s))));
  const carries = (value: number | string | boolean) => {
    const settings = { ...node.settings, [key]: value };
    let any = false;
    for (const cap of caps) {
      const c = capacityValue(node.entry, cap, settings);
      if (!c) continue;
      if (c.value < needed - 1e-9) return false;
      any = true;
    }
    return any;
  };
  if (spec.type === 'integer') {
    if (!carries(spec.max)) return undefined;
    let lo = spec.min;
    let hi = spec.max;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (carries(mid)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
  if (spec.type === 'enum') return spec.options.find((o) => carries(o.value))?.value;
  if (spec.type === 'boolean') return carries(true) ? true : undefined;
  return undefined;
}

/** What an overloaded stage is told: the finding's message and remediation. */
export interface OverloadWords {
  message: string;
  remediation: string;
}

/**
 * A finding for a stage whose load exceeds a limit: names the stage, the binding limit with its
 * figure (and whether it is an estimate), the load against the capacity, and the fix: the setting
 * value that carries the load, a quota increase (and whether AWS grants one), or another capacity
 * mode of the same service that carries it.
 * @param node the stage
 * @param inputServices catalog ids feeding it (for limits that depend on the source)
 * @param limit the exceeded limit with its load
 * @param sizedFor whether the requirement sizes for the peak or the average
 * @param peakFactor the workload's peak factor, for the words
 */
export function describeOverload(node: Pick<ResolvedNode, 'entry' | 'settings' | 'label'>, inputServices: readonly string[], limit: LimitLoadLike, sizedFor: 'peak' | 'average', peakFactor: number): OverloadWords {
  const load = sizedFor === 'peak' ? limit.peakLoad : limit.averageLoad;
  const at = sizedFor === 'peak' && limit.peakLoad !== limit.averageLoad ? ` at ${formatNumber(peakFactor)}x peak` : sizedFor === 'peak' ? '' : ' on average';
  const estimate = limit.estimate ? ' (an estimate: AWS publishes no figure for it)' : '';
  const message = `${node.label} (${node.entry.name}): ${formatLoad(load, limit.unit)}${at} against ${formatLoad(limit.capacity, limit.unit)} ` + `(${limit.basis}); the binding limit is ${limit.label}${estimate}.`;
  const fixes: string[] = [];
  const value = limit.fix ? settingToCarry(node, inputServices, limit, load) : undefined;
  const spec = limit.fix ? node.entry.settings[limit.fix.setting] : undefined;
  if (limit.fix && value !== undefined && spec) {
    const unit = spec.type === 'integer' && spec.unit && spec.unit.toLowerCase() !== spec.label.toLowerCase() ? ` ${spec.unit}` : '';
    const shown = spec.type === 'enum' ? (spec.options.find((o) => o.value === value)?.label ?? String(value)) : spec.type === 'boolean' ? 'on' : `${formatNumber(Number(value))}${unit}`;
    const verb = spec.type === 'integer' ? 'to at least' : 'to';
    // The quota asked for is the value the setting is then given, so the two figures agree.
    const asked = spec.type === 'integer' ? shown : formatLoad(load, limit.unit);
    fixes.push(limit.quota && limit.raisable ? `request a quota increase to at least ${asked} (Service Quotas; AWS raises this quota on request), then set ${limit.fix.label} ${verb} ${shown}` : `set ${limit.fix.label} ${verb} ${shown}`);
  } else if (limit.quota && limit.raisable) fixes.push(`request a quota increase to at least ${formatLoad(load, limit.unit)} (Service Quotas; AWS raises this quota on request)`);
  fixes.push(...otherModes(node, inputServices, limit, load));
  if (!fixes.length)
    fixes.push(
      limit.quota && !limit.raisable
        ? `this is a limit AWS does not raise: split the load over more ${node.entry.shortName} resources or use a service with more capacity`
        : `split the load over more ${node.entry.shortName} resources or use a service with more capacity`,
    );
  const remediation = `${fixes.join('; or ')}.`;
  return { message, remediation: remediation.charAt(0).toUpperCase() + remediation.slice(1) };
}

/** The fields of a limit with its load that `describeOverload` reads. */
export type LimitLoadLike = StageLimit & { averageLoad: number; peakLoad: number };

/** Other options of the enum settings that switch this metric's limits (capacity mode...) that carry the load. */
function otherModes(node: Pick<ResolvedNode, 'entry' | 'settings'>, inputServices: readonly string[], limit: StageLimit, load: number): string[] {
  const out: string[] = [];
  const keys = new Set(node.entry.capacities.filter((c) => c.metric === limit.metric).flatMap((c) => Object.keys(c.when ?? {})));
  for (const key of keys) {
    const spec = node.entry.settings[key];
    if (spec?.type !== 'enum' || key === limit.fix?.setting) continue;
    for (const o of spec.options) {
      if (o.value === node.settings[key]) continue;
      const limits = stageLimits({ entry: node.entry, settings: { ...node.settings, [key]: o.value } }, inputServices).filter((l) => l.metric === limit.metric);
      if (limits.length && limits.every((l) => l.capacity >= load)) out.push(`set ${spec.label} to ${o.label} (${limits.map((l) => l.label).join(', ')})`);
    }
  }
  return out;
}
