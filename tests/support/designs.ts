/**
 * Small builders for test designs (as typescript-eslint's RuleTester fixtures): `chain` wires services
 * in a line; `build` takes named nodes and `a>b` edges. Node ids are the names given.
 */
import type { Settings } from '../../src/domain/catalog.ts';
import { DESIGN_FORMAT, DESIGN_VERSION, type Design, type EdgeSettings } from '../../src/domain/design.ts';
import { grade, type RequirementResult } from '../../src/domain/grade.ts';
import type { Scenario, Workload } from '../../src/domain/scenario.ts';
import { loadContentFromDisk } from '../../src/cli/content.ts';

export const { content } = loadContentFromDisk();

/** Settings as test literals write them (storage classes as plain strings); `loadDesign` is what validates. */
export type LooseSettings = Record<string, unknown>;

/** Nodes by id: `[service, settings?]`; edges as `"a>b"` or `["a>b", settings]`. */
export function build(nodes: Record<string, string | [string, LooseSettings]>, edges: (string | [string, EdgeSettings])[] = []): Design {
  return {
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    nodes: Object.entries(nodes).map(([id, spec], i) => {
      const [service, settings] = typeof spec === 'string' ? [spec, undefined] : spec;
      return { id, service, position: { x: i * 200, y: 0 }, ...(settings ? { settings: settings as Settings } : {}) };
    }),
    edges: edges.map((e) => {
      const [pair, settings] = typeof e === 'string' ? [e, undefined] : e;
      const [source, target] = pair.split('>') as [string, string];
      return { id: `${source}>${target}`, source, target, ...(settings ? { settings } : {}) };
    }),
  };
}

/** The same design with nodes placed in groups: `{member: groupId}`. */
export function grouped(design: Design, parents: Record<string, string>): Design {
  return { ...design, nodes: design.nodes.map((n) => (parents[n.id] ? { ...n, parentId: parents[n.id]! } : n)) };
}

/** Services in a line; node ids are `n1`, `n2`, ... A `[service, settings]` pair sets settings. */
export function chain(...services: (string | [string, LooseSettings])[]): Design {
  const nodes = Object.fromEntries(services.map((s, i) => [`n${i + 1}`, s]));
  return build(
    nodes,
    services.slice(1).map((_, i) => `n${i + 1}>n${i + 2}`),
  );
}

/** The IoT scenario's workload: 5,000 GB/day, 1 KiB records, 3x peaks. */
export const IOT_WORKLOAD: Workload = { ingestGBPerDay: 5000, recordBytes: 1024, peakFactor: 3, horizonDays: 2555 };

/**
 * Runs one rule through the grading engine, as a one-requirement scenario would.
 * @returns the requirement's result (status, findings)
 */
export function runRule(rule: string, design: Design, params: Record<string, unknown> = {}, workload: Workload = IOT_WORKLOAD): RequirementResult {
  const scenario: Scenario = {
    id: 'test',
    title: 'Test scenario',
    summary: 'A scenario made for a rule test.',
    brief: 'A scenario made for a rule test, with one requirement.',
    difficulty: 'beginner',
    tags: [],
    workload,
    requirements: [{ id: 'req', text: 'The requirement under test', rule, params, severity: 'error', hints: ['one', 'two', 'three'] }],
    referenceDesign: 'x',
    commonMistake: { design: 'y', fails: ['req'], explanation: 'not used in rule tests' },
  };
  return grade(design, scenario, content.catalog, content.rules).results[0]!;
}

/** Node ids named by the findings, sorted and without repeats. */
export function flaggedNodes(result: RequirementResult): string[] {
  return [...new Set(result.findings.flatMap((f) => f.nodeIds))].sort();
}

/** One row of a rule table: a design and params, and for invalid rows the node ids the findings must name. */
export interface RuleCase {
  name: string;
  design: Design;
  params?: Record<string, unknown>;
  workload?: Workload;
}
export interface InvalidCase extends RuleCase {
  /** Node ids the findings name, sorted. */
  nodes: string[];
  /** Words the message must contain (figures a learner acts on), optional. */
  mentions?: string[];
  /**
   * The code of every finding, one entry per finding (in any order): the branches that failed and how
   * often, as RuleTester checks message ids and the error count.
   */
  codes: string[];
}

/** The code of every finding of a result, one per finding, sorted. */
export function findingCodes(result: RequirementResult): string[] {
  return result.findings.map((f) => f.code).sort();
}
