/**
 * What the design's settings imply beyond each node's own settings, for rules: the format a bucket's
 * objects really have (a Firehose converting to Parquet makes them Parquet), which query engines read
 * a bucket's records, what a service guarantees (checkpoints, idempotent writes), and scopes: the
 * nodes a requirement applies to, chosen by kind, settings and position in the data flow.
 * Pure; reads designs only through `DesignGraph`.
 */
import { z } from 'zod';
import { whenAnyHolds, type CatalogEntry, type GuaranteeKind, type Guarantee, type SettingSpec } from './catalog.ts';
import { isKind, type DesignGraph, type Kind, type ResolvedNode } from './graph.ts';
import { describeKinds, kindSchema, kindsSchema, settingKeySchema } from './rule-kit.ts';
import type { Catalog } from './catalog.ts';

/** A setting value a scope can compare with. */
const valueSchema = z.union([z.string(), z.number(), z.boolean()]);

const selectorFields = {
  /** Kinds of node (catalog ids, roles, `#id`); absent: every node that is not a group. */
  kinds: kindsSchema.optional(),
  /**
   * `{setting: [values]}`: the node's setting has one of the values. Settings are read as the design
   * makes them: a bucket's `format` is the format its writers produce (`bucketFormat`).
   */
  where: z.record(settingKeySchema, z.array(valueSchema).min(1)).optional(),
  /** The node has an edge (data or control) to a node of these kinds. */
  sendsTo: kindsSchema.optional(),
  /** The node has an edge (data or control) from a node of these kinds. */
  receivesFrom: kindsSchema.optional(),
  /** Data from a node of these kinds reaches the node, along data edges. */
  downstreamOf: kindsSchema.optional(),
  /** The node's data reaches a node of these kinds, along data edges. */
  upstreamOf: kindsSchema.optional(),
};
const selectorBase = z.strictObject(selectorFields);

const selectorSchema = z.strictObject({ ...selectorFields, except: selectorBase.optional() });
type SelectorWithExcept = z.infer<typeof selectorSchema>;

/**
 * A scope: the nodes a requirement applies to. A list whose entries are kinds (`"object-store"`) or
 * selector objects, or one selector object. A selector's conditions must all hold, and `except` (a
 * selector too) leaves nodes out; the scope is every node some entry selects:
 * `[{"kinds": ["object-store"], "downstreamOf": ["source"]}, "metadata-catalog"]` is every S3 bucket
 * holding the sources' data (not a bucket CloudTrail writes its logs to) and the Glue Data Catalog.
 */
export const scopeSchema = z.union([z.array(z.union([kindSchema, selectorSchema])).min(1), selectorSchema]);
export type Scope = z.infer<typeof scopeSchema>;
type Selector = z.infer<typeof selectorBase>;

/** The scope's selectors: plain kinds in a list become one `{kinds}` selector. */
function selectorsOf(scope: Scope): SelectorWithExcept[] {
  const entries = Array.isArray(scope) ? scope : [scope];
  const kinds = entries.filter((e): e is string => typeof e === 'string');
  return [...(kinds.length ? [{ kinds }] : []), ...entries.filter((e): e is SelectorWithExcept => typeof e !== 'string')];
}

/**
 * The nodes of the design in the scope, in design order.
 * Linear in nodes + edges per reachability condition.
 */
export function selectNodes(design: DesignGraph, scope: Scope): ResolvedNode[] {
  const chosen = new Set<string>();
  for (const selector of selectorsOf(scope)) {
    const excluded = selector.except ? new Set(matching(design, selector.except).map((n) => n.id)) : undefined;
    for (const n of matching(design, selector)) if (!excluded?.has(n.id)) chosen.add(n.id);
  }
  return design.nodes.filter((n) => chosen.has(n.id));
}

/**
 * Nodes of the scope's kinds that its other conditions leave out (an Oracle database that no change
 * data capture reads), to name them when a requirement finds nothing in scope.
 */
export function nearMisses(design: DesignGraph, scope: Scope): ResolvedNode[] {
  const inScope = new Set(selectNodes(design, scope).map((n) => n.id));
  const kinds = selectorsOf(scope).flatMap((s) => s.kinds ?? []);
  return kinds.length ? design.nodesOf(kinds).filter((n) => !inScope.has(n.id)) : [];
}

function matching(design: DesignGraph, s: Selector): ResolvedNode[] {
  let nodes = s.kinds ? design.nodesOf(s.kinds) : design.nodes.filter((n) => !n.entry.group);
  if (s.where) {
    const where = Object.entries(s.where);
    nodes = nodes.filter((n) => where.every(([key, values]) => effectiveValues(design, n, key).some((v) => values.includes(v as string | number | boolean))));
  }
  if (s.sendsTo) nodes = nodes.filter((n) => design.out(n.id).some((e) => isKind(design.node(e.target)!, s.sendsTo!)));
  if (s.receivesFrom) nodes = nodes.filter((n) => design.in(n.id).some((e) => isKind(design.node(e.source)!, s.receivesFrom!)));
  if (s.downstreamOf) {
    const reached = reachedFrom(
      design,
      design.nodesOf(s.downstreamOf).map((n) => n.id),
    );
    nodes = nodes.filter((n) => reached.has(n.id));
  }
  if (s.upstreamOf) {
    const reaching = reachingTo(
      design,
      design.nodesOf(s.upstreamOf).map((n) => n.id),
    );
    nodes = nodes.filter((n) => reaching.has(n.id));
  }
  return nodes;
}

/** Node ids that data from the start nodes reaches over at least one data edge. */
export function reachedFrom(design: DesignGraph, startIds: readonly string[]): Set<string> {
  return walk(design, startIds, 'target');
}

/** Node ids whose data reaches one of the given nodes over at least one data edge. */
export function reachingTo(design: DesignGraph, targetIds: readonly string[]): Set<string> {
  return walk(design, targetIds, 'source');
}

/** Ids of the nodes met walking data edges from the start nodes, to each edge's `toward` end (`target`: downstream). */
function walk(design: DesignGraph, startIds: readonly string[], toward: 'source' | 'target'): Set<string> {
  const seen = new Set<string>();
  // Met nodes by position in `design.nodes` (the set gets their ids in the same order).
  const met = new Uint8Array(design.nodes.length);
  const stack: number[] = [];
  for (const id of startIds) {
    const i = design.indexOf(id);
    if (i !== undefined) stack.push(i);
  }
  while (stack.length) {
    const i = stack.pop()!;
    for (const e of toward === 'target' ? design.outAt(i) : design.inAt(i)) {
      if (!e.data) continue;
      const next = toward === 'target' ? e.targetIndex : e.sourceIndex;
      if (!met[next]) {
        met[next] = 1;
        seen.add(design.nodes[next]!.id);
        stack.push(next);
      }
    }
  }
  return seen;
}

/**
 * A scope in words, for messages: "an object store (S3) fed by a data source, or AWS Glue
 * Data Catalog"; "an object store (S3) but not those written by an audit trail".
 */
export function describeScope(scope: Scope, catalog: Catalog): string {
  const words = (sel: Selector): string[] => [
    ...Object.entries(sel.where ?? {}).map(([k, v]) => `with ${k} ${v.map(String).join(' or ')}`),
    ...(sel.sendsTo ? [`sending to ${describeKinds(sel.sendsTo, catalog)}`] : []),
    ...(sel.receivesFrom ? [`written by ${describeKinds(sel.receivesFrom, catalog)}`] : []),
    ...(sel.downstreamOf ? [`fed by ${describeKinds(sel.downstreamOf, catalog)}`] : []),
    ...(sel.upstreamOf ? [`feeding ${describeKinds(sel.upstreamOf, catalog)}`] : []),
  ];
  const one = (s: SelectorWithExcept): string => {
    const head = s.kinds ? describeKinds(s.kinds, catalog) : 'any service';
    const except = s.except ? [`but not ${[s.except.kinds ? describeKinds(s.except.kinds, catalog) : 'those', ...words(s.except)].join(' ')}`] : [];
    return [head, words(s).join(', '), ...except].filter(Boolean).join(' ');
  };
  return selectorsOf(scope).map(one).join(', or ');
}

/**
 * The values of a setting as the design makes them: a bucket's `format` is what its writers produce
 * (several when they disagree); any other setting is the node's own value.
 */
export function effectiveValues(design: DesignGraph, node: ResolvedNode, key: string): unknown[] {
  if (key === 'format' && node.roles.has('object-store')) return bucketFormat(design, node).formats;
  return Object.hasOwn(node.settings, key) ? [node.settings[key]] : [];
}

/** Where a writer's settings make a bucket's objects another format than the bucket's own setting says. */
export interface FormatContradiction {
  /** The node that writes the bucket. */
  writerId: string;
  /** The format it writes (a value of Amazon S3's `format` setting). */
  format: string;
  /** Label of the writer's setting that decides it ("Record format conversion"), or "Replication". */
  setting: string;
  /** The chosen option's label ("None (deliver as received)"), or the source bucket's label. */
  choice: string;
}

/** The file format of a bucket's objects, as the design's settings produce it. */
export interface BucketFormat {
  /** The bucket's own `format` setting. */
  declared: string;
  /** Formats the objects really have, one per distinct writer output; usually one. */
  formats: string[];
  /** Writers whose settings produce another format than `declared`. */
  contradictions: FormatContradiction[];
}

/**
 * The format of a bucket's objects: each writer (a node with a data edge into the bucket) writes the
 * bucket's own `format`, unless its settings decide otherwise: an enum option in force with
 * `writesFormats` (Firehose record format conversion to Parquet writes Parquet; delivering as
 * received writes JSON or CSV), or a source bucket replicating its objects as they are. A bucket no one
 * writes holds its own format.
 */
export function bucketFormat(design: DesignGraph, bucket: ResolvedNode): BucketFormat {
  let memo = formatMemo.get(design);
  if (!memo) formatMemo.set(design, (memo = new Map()));
  return formatOf(design, bucket, new Set(), memo);
}
/** Formats per bucket id, per graph: a design graph never changes, and replicas chain. */
const formatMemo = new WeakMap<DesignGraph, Map<string, BucketFormat>>();

function formatOf(design: DesignGraph, bucket: ResolvedNode, visiting: Set<string>, memo: Map<string, BucketFormat>): BucketFormat {
  const known = memo.get(bucket.id);
  if (known) return known;
  const declared = String(bucket.settings.format ?? '');
  visiting.add(bucket.id);
  const formats = new Set<string>();
  const contradictions: FormatContradiction[] = [];
  for (const e of design.in(bucket.id)) {
    if (!e.data) continue;
    const writer = design.node(e.source)!;
    let written: string[] = [declared];
    let decided: { setting: string; choice: string } | undefined;
    if (writer.roles.has('object-store')) {
      if (!visiting.has(writer.id)) {
        written = formatOf(design, writer, visiting, memo).formats;
        decided = { setting: 'Replication', choice: writer.label };
      }
    } else {
      for (const [key, spec] of settingListsOf(writer.entry).writesFormats) {
        const option = spec.options.find((o) => o.value === writer.settings[key]);
        if (!option?.writesFormats) continue;
        written = option.writesFormats.includes(declared) ? [declared] : [option.writesFormats[0]!];
        decided = { setting: spec.label, choice: option.label };
        break;
      }
    }
    for (const f of written) {
      formats.add(f);
      if (f !== declared && decided) contradictions.push({ writerId: writer.id, format: f, ...decided });
    }
  }
  visiting.delete(bucket.id);
  const result = { declared, formats: formats.size ? [...formats] : [declared], contradictions };
  memo.set(bucket.id, result);
  return result;
}

/**
 * Nodes of the `readers` kinds that read the bucket's records themselves: reached from the bucket
 * along data edges through services that pass the records on (not through another bucket, which is
 * a copy with its own checks, and not through a stage that aggregates: an integer setting with
 * `dividesVolume` above 1). A warehouse loaded with daily aggregates does not read the bucket.
 */
export function readersOf(design: DesignGraph, bucket: ResolvedNode, readers: readonly Kind[]): ResolvedNode[] {
  const found = new Map<string, ResolvedNode>();
  const seen = new Set([bucket.id]);
  const stack = [bucket.id];
  while (stack.length) {
    for (const e of design.out(stack.pop()!)) {
      if (!e.data || seen.has(e.target)) continue;
      seen.add(e.target);
      const next = design.node(e.target)!;
      if (isKind(next, readers)) found.set(next.id, next);
      else if (!next.roles.has('object-store') && !aggregates(next)) stack.push(next.id);
    }
  }
  return [...found.values()];
}

/** Whether the node combines records (an integer `dividesVolume` setting above 1, e.g. an aggregation factor). */
export function aggregates(node: ResolvedNode): boolean {
  return settingListsOf(node.entry).dividesVolume.some((key) => Number(node.settings[key]) > 1);
}

type EnumSpec = Extract<SettingSpec, { type: 'enum' }>;
/**
 * An entry's settings that `bucketFormat` and `aggregates` read, in catalog order, listed once per
 * entry (catalog entries do not change): enum settings with an option that `writesFormats`, and the
 * keys of integer settings that divide the volume.
 */
function settingListsOf(entry: CatalogEntry): { writesFormats: [string, EnumSpec][]; dividesVolume: string[] } {
  let lists = settingLists.get(entry);
  if (!lists) {
    lists = { writesFormats: [], dividesVolume: [] };
    for (const [key, spec] of Object.entries(entry.settings)) {
      if (spec.type === 'enum' && spec.options.some((o) => o.writesFormats)) lists.writesFormats.push([key, spec]);
      if (spec.type === 'integer' && spec.dividesVolume === true) lists.dividesVolume.push(key);
    }
    settingLists.set(entry, lists);
  }
  return lists;
}
const settingLists = new WeakMap<CatalogEntry, { writesFormats: [string, EnumSpec][]; dividesVolume: string[] }>();

/** The node's catalog guarantee of that kind in force under its settings, if any. */
export function guaranteeOf(node: ResolvedNode, kind: GuaranteeKind): Guarantee | undefined {
  return node.entry.guarantees.find((g) => g.kind === kind && whenAnyHolds(g.when, node.settings));
}

/**
 * The first node of the `to` kinds that data leaving `startId` reaches: along data edges, and at the
 * end over any edge, so a control edge to Amazon SNS (an alert published by a function) counts.
 * @returns the sink and the node that sends to it, or undefined
 */
export function sinkReachedFrom(design: DesignGraph, startId: string, to: readonly Kind[]): { sink: ResolvedNode; via: ResolvedNode } | undefined {
  const seen = new Set([startId]);
  const queue = [startId];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const e of design.out(id)) {
      const t = design.node(e.target)!;
      if (isKind(t, to) && t.id !== startId) return { sink: t, via: design.node(id)! };
      if (e.data && !seen.has(t.id)) seen.add(t.id), queue.push(t.id);
    }
  }
  return undefined;
}
