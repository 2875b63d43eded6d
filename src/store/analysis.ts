/**
 * Grading and simulation of the store's design on this thread: what the analysis worker runs
 * (adapters/analysis-worker.ts), the CLI-like tests run, and the app falls back to where no worker
 * can start. The app's main thread loads this module only in that fallback, so the rules and the
 * simulation stay out of the initial bundle.
 */
import type { Content } from '../domain/content.ts';
import { analyseDesign } from '../domain/grade.ts';
import { applyWhatIf } from '../domain/what-if.ts';
import { activeScenario } from './app-store.ts';
import type { AnalysisInput, Analyser, Analyses } from './grading.ts';

/**
 * Grades and simulates a design against its active scenario (both undefined without one), with the
 * follow-ups of a room and the what-if applied to its workload, on one design graph. A simulation
 * that throws (a bug, never the learner's fault) leaves `simulation` undefined so that grading still
 * shows; the error is logged.
 */
export function analyse(content: Content, input: AnalysisInput): Analyses {
  const loaded = activeScenario({ content, scenarioId: input.scenarioId, followUps: input.followUps });
  if (!loaded) return { report: undefined, simulation: undefined };
  const { report, simulation } = analyseDesign(input.design, applyWhatIf(loaded.scenario, input.whatIf), content.catalog, content.rules, (e) => console.error('simulation failed', e));
  return { report, simulation };
}

/** An analyser that grades at once on this thread (its results are not promises). */
export function inThreadAnalyser(content: Content): Analyser {
  return (input) => analyse(content, input);
}
