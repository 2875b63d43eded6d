/**
 * The grading engine: runs each requirement's rule with its params over the design and reports, per
 * requirement, `pass | fail | not-applicable | error` with findings. Pure and synchronous.
 */
import { jsonPath, type Catalog } from './catalog.ts';
import type { Design } from './design.ts';
import { DesignGraph } from './graph.ts';
import type { FindingInput, Pillar, Rule } from './rule-kit.ts';
import type { Scenario, Severity } from './scenario.ts';
import { simulateGraph, type SimulationReport } from './simulation.ts';

export type RequirementStatus = 'pass' | 'fail' | 'not-applicable' | 'error';

/** A finding as reported to the learner: the rule's words plus the requirement's severity and the rule's docs. */
export interface Finding {
  ruleId: string;
  /** The rule's code for this kind of failure, when it gives one. */
  code?: string;
  requirementId: string;
  severity: Severity;
  message: string;
  remediation: string;
  docUrl: string;
  nodeIds: string[];
  edgeIds: string[];
  /** The setting that fixes it, when the rule names one (see `FindingInput.setting`). */
  setting?: string;
}

/** The outcome of one requirement. `detail` explains not-applicable and error outcomes. */
export interface RequirementResult {
  requirementId: string;
  text: string;
  ruleId: string;
  pillar: Pillar | undefined;
  severity: Severity;
  status: RequirementStatus;
  findings: Finding[];
  detail?: string;
}

/** The whole report. `passed` is true when every `error`-severity requirement passes (or does not apply). */
export interface GradeReport {
  scenarioId: string;
  results: RequirementResult[];
  counts: Record<RequirementStatus, number>;
  passed: boolean;
}

/** Options of `grade`. */
export interface GradeOptions {
  /** `simulate(design, scenario, catalog)` of the design being graded, if already computed. */
  simulation?: SimulationReport;
}

/** The rule set, by id. */
export type RuleSet = ReadonlyMap<string, Rule<unknown>>;

/**
 * Grades a design against a scenario's requirements. Never throws: a missing rule, params the rule
 * refuses, or a rule that throws give status `error` for that requirement only.
 * @param design a design (ideally loaded with `loadDesign`; unknown services are ignored)
 * @param scenario the scenario whose requirements apply
 * @param catalog the service catalog
 * @param rules the rules by id
 * @param options `simulation`: the simulation of this same design and scenario when the caller has it
 *   already (the app computes both on every change), so rules that read it do not simulate again
 */
export function grade(design: Design, scenario: Scenario, catalog: Catalog, rules: RuleSet, options: GradeOptions = {}): GradeReport {
  const graph = new DesignGraph(design, catalog);
  if (options.simulation) {
    const given = options.simulation;
    graph.useLatencies(latenciesOf(given));
    return gradeGraph(graph, scenario, catalog, rules, () => given);
  }
  // Path rules need the flow-aware delays and the stages' loads: simulate first, on the same graph.
  const simulation = trySimulate(graph, scenario);
  return gradeGraph(graph, scenario, catalog, rules, () => {
    if (simulation instanceof Error) throw simulation;
    return simulation;
  });
}

/** Each node's flow-aware delay from a simulation report. */
function latenciesOf(simulation: SimulationReport): Map<string, number> {
  return new Map(simulation.nodes.map((n) => [n.nodeId, n.latencyMs]));
}

/** The simulation, or the error it threw (a bug: rules that read it then report an error of their own). */
function trySimulate(graph: DesignGraph, scenario: Scenario): SimulationReport | Error {
  try {
    return simulateGraph(graph, scenario);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

function gradeGraph(graph: DesignGraph, scenario: Scenario, catalog: Catalog, rules: RuleSet, simulated: () => SimulationReport): GradeReport {
  const context = { catalog, workload: scenario.workload, simulation: simulated };
  /**
   * Runs one rule with raw params: the outcome, its raw findings, and why it did not run or apply.
   * `what` names the params in the detail of an `error` ("params of requirement \"retention\"").
   */
  const evaluate = (ruleId: string, rawParams: unknown, what: string, depth: number): { status: RequirementStatus; findings: FindingInput[]; detail?: string } => {
    const rule = rules.get(ruleId);
    if (!rule) return { status: 'error', findings: [], detail: `no rule "${ruleId}" in the rule set` };
    const params = rule.params.safeParse(rawParams);
    if (!params.success) {
      const issue = params.error.issues[0];
      return { status: 'error', findings: [], detail: `${what} refused at ${jsonPath(issue?.path ?? [])}: ${issue?.message}` };
    }
    const raw: FindingInput[] = [];
    let notApplicable: string | undefined;
    try {
      rule.check(graph, params.data, {
        ...context,
        fail: (f) => void raw.push(f),
        notApplicable: (reason) => void (notApplicable = reason),
        // Rules that combine others nest; a loop of nesting in authored params stops here.
        evaluate: (inner, innerParams) => (depth >= 8 ? { status: 'error', findings: [], detail: 'requirements nested more than 8 deep' } : evaluate(inner, innerParams, `params of rule "${inner}"`, depth + 1)),
      });
    } catch (e) {
      return { status: 'error', findings: [], detail: `rule "${rule.id}" failed to run: ${e instanceof Error ? e.message : String(e)}` };
    }
    if (raw.length) return { status: 'fail', findings: raw };
    if (notApplicable !== undefined) return { status: 'not-applicable', findings: [], detail: notApplicable };
    return { status: 'pass', findings: [] };
  };
  const results = scenario.requirements.map((req): RequirementResult => {
    const rule = rules.get(req.rule);
    const base = { requirementId: req.id, text: req.text, ruleId: req.rule, pillar: rule?.pillar, severity: req.severity };
    const outcome = evaluate(req.rule, req.params, `params of requirement "${req.id}"`, 0);
    const { detail } = outcome;
    const findings = outcome.findings.map((f) => ({
      ruleId: req.rule,
      ...(f.code !== undefined ? { code: f.code } : {}),
      requirementId: req.id,
      severity: req.severity,
      message: f.message,
      remediation: f.remediation,
      docUrl: rule?.docUrl ?? '',
      nodeIds: [...(f.nodeIds ?? [])],
      edgeIds: [...(f.edgeIds ?? [])],
      ...(f.setting ? { setting: f.setting } : {}),
    }));
    return { ...base, status: outcome.status, findings, ...(detail !== undefined ? { detail } : {}) };
  });
  const counts: Record<RequirementStatus, number> = { pass: 0, fail: 0, 'not-applicable': 0, error: 0 };
  for (const r of results) counts[r.status]++;
  const passed = results.every((r) => r.severity !== 'error' || r.status === 'pass' || r.status === 'not-applicable');
  return { scenarioId: scenario.id, results, counts, passed };
}

/** A design's grading report and simulation, computed on one design graph. */
export interface Analysis {
  report: GradeReport;
  /** Absent when the simulation threw (a bug, never the learner's fault); grading then still runs. */
  simulation?: SimulationReport;
}

/**
 * Simulates and grades a design on one shared design graph (the simulation sets the flow-aware delays
 * the path rules read). Never throws: a simulation that throws is left out (and passed to `onError`),
 * and grading runs without it.
 */
export function analyseDesign(design: Design, scenario: Scenario, catalog: Catalog, rules: RuleSet, onError?: (e: unknown) => void): Analysis {
  const graph = new DesignGraph(design, catalog);
  const simulation = trySimulate(graph, scenario);
  if (simulation instanceof Error) onError?.(simulation);
  const report = gradeGraph(graph, scenario, catalog, rules, () => {
    if (simulation instanceof Error) throw simulation;
    return simulation;
  });
  return { report, ...(simulation instanceof Error ? {} : { simulation }) };
}
