/**
 * What a rule module is made of (`defineRule`) and what it may call while checking (`RuleContext`).
 * A rule is pure: it reads the design graph and its params and reports findings; severity and wording
 * of the requirement live with the scenario.
 */
import type { z } from 'zod';
import type { Catalog } from './catalog.ts';
import type { DesignGraph } from './graph.ts';
import type { Workload } from './scenario.ts';

/** AWS Well-Architected Framework pillars. */
export const PILLARS = ['operational-excellence', 'security', 'reliability', 'performance-efficiency', 'cost-optimization', 'sustainability'] as const;
export type Pillar = (typeof PILLARS)[number];

/** What a rule reports against the design: the elements involved, what is wrong, how to fix it. */
export interface FindingInput {
  nodeIds?: readonly string[];
  edgeIds?: readonly string[];
  message: string;
  remediation: string;
}

/** What a rule can use while checking. */
export interface RuleContext {
  readonly catalog: Catalog;
  /** The scenario's workload figures. */
  readonly workload: Workload;
  /** Report a finding; any finding makes the requirement fail. */
  fail(finding: FindingInput): void;
  /** The requirement does not apply to this design (e.g. no S3 bucket to check lifecycle on). */
  notApplicable(reason: string): void;
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
}

/** Declares a rule module; the identity function, there for type inference of `params`. */
export function defineRule<P>(rule: Rule<P>): Rule<P> {
  return rule;
}
