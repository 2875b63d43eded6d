/**
 * Scenarios (exercises) as data: `scenarios/<id>/scenario.json` holds the brief, the workload figures
 * and the requirements; `reference.design.json` passes every requirement, as do the alternative designs
 * it lists (other services, e.g. Amazon MSK for Kinesis); `common-mistake.design.json` fails the
 * requirements it names.
 */
import { z } from 'zod';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
/** How much a failed requirement matters: `error` fails the attempt, `warning` and `info` do not. */
export type Severity = (typeof SEVERITIES)[number];

/** Workload figures of the scenario's prompt. `ingestGBPerDay` uses GB = 10^9 bytes. */
export const workloadSchema = z.strictObject({
  ingestGBPerDay: z.number().positive(),
  recordBytes: z.number().int().positive(),
  /** Peak over average ingest rate (e.g. 3 for "peaks of 2-3x"). */
  peakFactor: z.number().min(1),
  /** How long data is kept, in days (e.g. 2,555 for 7 years). */
  horizonDays: z.number().int().positive().optional(),
});
export type Workload = z.infer<typeof workloadSchema>;

/** A requirement: the text a learner reads, the rule that checks it, the rule's params, and three hints. */
export const requirementSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  text: z.string().min(5),
  rule: z.string().min(1),
  params: z.record(z.string(), z.unknown()).default({}),
  severity: z.enum(SEVERITIES),
  /** From a nudge to the answer. */
  hints: z.tuple([z.string().min(3), z.string().min(3), z.string().min(3)]),
});
export type Requirement = z.infer<typeof requirementSchema>;

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.string().min(3),
  summary: z.string().min(10),
  /** The prompt as the interviewer says it; paragraphs separated by blank lines. */
  brief: z.string().min(20),
  difficulty: z.enum(['beginner', 'intermediate', 'advanced']),
  tags: z.array(z.string()).default([]),
  workload: workloadSchema,
  requirements: z.array(requirementSchema).min(1),
  /** File (next to scenario.json) of a design that passes every requirement. */
  referenceDesign: z.string().min(1),
  /** Further designs that pass every requirement, using alternative services (files next to scenario.json). */
  alternativeDesigns: z.array(z.string().min(1)).default([]),
  /** A design with a typical mistake, and the requirement ids it must fail. */
  commonMistake: z.strictObject({ design: z.string().min(1), fails: z.array(z.string()).min(1), explanation: z.string().min(10) }),
});
/**
 * A scenario as parsed (`alternativeDesigns` is always there after parsing; optional in the type so
 * scenarios built by hand, as tests do, need not list it).
 */
export type Scenario = Omit<z.infer<typeof scenarioSchema>, 'alternativeDesigns'> & { alternativeDesigns?: string[] };

/**
 * Average ingest rate of a workload in MB/s (MB = 10^6 bytes): GB/day x 10^9 / 86,400 s / 10^6.
 * 5,000 GB/day gives 57.87 MB/s.
 */
export function averageIngestMBps(workload: Workload): number {
  return (workload.ingestGBPerDay * 1e9) / 86_400 / 1e6;
}
