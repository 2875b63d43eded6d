/**
 * What a rule module is made of (`defineRule`) and what it may call while checking (`RuleContext`).
 * A rule is pure: it reads the design graph and its params and reports findings; severity and wording
 * of the requirement live with the scenario.
 */
import { z } from 'zod';
import type { Catalog } from './catalog.ts';
import type { DesignGraph } from './graph.ts';
import type { Workload } from './scenario.ts';
import type { SimulationReport } from './simulation.ts';

/** AWS Well-Architected Framework pillars. */
export const PILLARS = ['operational-excellence', 'security', 'reliability', 'performance-efficiency', 'cost-optimization', 'sustainability'] as const;
export type Pillar = (typeof PILLARS)[number];

/** What a rule reports against the design: the elements involved, what is wrong, how to fix it. */
export interface FindingInput {
  /** Stable kebab-case code of the kind of failure (`stage-overloaded`, `quota-exceeded`), for tests and tools. */
  code?: string;
  nodeIds?: readonly string[];
  edgeIds?: readonly string[];
  message: string;
  remediation: string;
  /**
   * The setting key (of the first named node's catalog entry, or `tls`/`label` of the first named
   * edge) whose change fixes the finding; the Feedback panel opens the Inspector on it. When absent,
   * the view looks for the setting the message and remediation name (view/finding-setting.ts).
   */
  setting?: string;
}

/** The outcome of a requirement checked inside another rule (`RuleContext.evaluate`). */
export interface NestedResult {
  status: 'pass' | 'fail' | 'not-applicable' | 'error';
  findings: FindingInput[];
  /** Why it does not apply, or what went wrong (`error`). */
  detail?: string;
}

/** A requirement written inside another rule's params (an alternative of `any-of`). */
export interface NestedRequirement {
  rule: string;
  params: Record<string, unknown>;
  /** Where it sits inside the outer requirement's params, for content problems (`['anyOf', 0]`). */
  path: readonly (string | number)[];
}

/** What a rule can use while checking. */
export interface RuleContext {
  readonly catalog: Catalog;
  /** The scenario's workload figures. */
  readonly workload: Workload;
  /** The simulation of this design under the scenario's workload (computed on first use, once per grading run). */
  simulation(): SimulationReport;
  /** Report a finding; any finding makes the requirement fail. */
  fail(finding: FindingInput): void;
  /** The requirement does not apply to this design (e.g. no S3 bucket to check lifecycle on). */
  notApplicable(reason: string): void;
  /**
   * Checks the same design against another rule with its params and returns the outcome without
   * reporting it (for rules that combine others, as `any-of` does). Never throws: an unknown rule,
   * refused params or a rule that throws give status `error` with a `detail`.
   */
  evaluate(rule: string, params: unknown): NestedResult;
}

/**
 * A rule: metadata plus a pure check over the design graph.
 * @typeParam P the params type, parsed by `params` from the scenario's requirement
 */
export interface Rule<P = unknown> {
  /** Stable kebab-case id; scenario requirements refer to it. */
  id: string;
  title: string;
  pillar: Pillar;
  /** AWS documentation page a learner can read to fix a failure. */
  docUrl: string;
  params: z.ZodType<P>;
  /** Checks the design; reports through `ctx`. Throwing is reported as an error of the rule. */
  check(design: DesignGraph, params: P, ctx: RuleContext): void;
  /** Requirements written inside the params (checked at content load like top-level ones). */
  nested?(params: P): NestedRequirement[];
}

/** Declares a rule module; the identity function, there for type inference of `params`. */
export function defineRule<P>(rule: Rule<P>): Rule<P> {
  return rule;
}

/** Readable names of the roles rules match on, for messages ("a stream processor"). */
export const ROLE_NAMES: Record<string, string> = {
  source: 'a data source',
  'iot-source': 'IoT devices',
  'iot-gateway': 'an IoT gateway',
  stream: 'a data stream',
  'delivery-stream': 'a delivery stream',
  'stream-processor': 'a stream processor',
  'batch-processor': 'a scheduled batch job',
  processor: 'a data processing service',
  function: 'a function',
  'data-store': 'a data store',
  'object-store': 'an object store (S3)',
  'key-value-store': 'a low-latency key-value store',
  warehouse: 'a data warehouse',
  'query-engine': 'a query engine',
  dashboard: 'a dashboard',
  consumer: 'analysts or BI users',
  'metadata-catalog': 'a metadata catalog',
  governance: 'a governance service',
  'key-management': 'a key management service',
  monitoring: 'a monitoring service',
  region: 'an AWS Region',
  'eu-region': 'an EU Region',
  vpc: 'a VPC',
  account: 'an AWS account',
  'availability-zone': 'an Availability Zone',
  cloud: 'an AWS Cloud box',
  subnet: 'a subnet',
  'public-subnet': 'a public subnet',
  'private-subnet': 'a private subnet',
  'lake-zone': 'a data-lake zone',
  cdc: 'change data capture (AWS DMS with CDC)',
  'bulk-transfer': 'a bulk transfer (AWS Snowball)',
  'relational-database': 'a relational database',
  'database-source': 'a source database',
  'dead-letter-queue': 'a dead-letter queue',
  orchestrator: 'an orchestrator',
  'private-connectivity': 'a VPC endpoint',
  alerting: 'an alerting service',
  audit: 'an audit trail',
  ml: 'a machine-learning service',
  'event-bus': 'an event bus',
  queue: 'a queue',
  'log-store': 'a log store',
  crawler: 'a crawler',
  'web-source': 'web and mobile apps',
  'inference-endpoint': 'a real-time inference endpoint',
  'anomaly-detection': 'streaming anomaly detection (Random Cut Forest)',
  'log-source': 'log producers',
  'saas-source': 'SaaS applications',
};

/**
 * A kind list in words: catalog ids become service names, roles their `ROLE_NAMES` phrase.
 * `['stream-processor', 'aws-lambda']` gives "a stream processor or AWS Lambda".
 */
export function describeKinds(kinds: readonly string[], catalog: Catalog): string {
  const words = kinds.map((k) => catalog.byId.get(k)?.name ?? ROLE_NAMES[k] ?? k);
  return words.length <= 1 ? (words[0] ?? 'nothing') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

export { formatDuration, formatNumber } from './format.ts';

/** A phrase with its first letter in upper case ("a crawler" → "A crawler"). */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** zod schema of a kind list (catalog ids or roles), at least one. */
export const kindsSchema = z.array(z.string().min(1)).min(1);
