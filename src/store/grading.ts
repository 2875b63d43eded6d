/**
 * Keeps the store's analyses of the design up to date: the grading `report` and the `simulation`
 * (the scenario's workload run through the design). Both are recomputed together when what they read
 * changed (services, settings, labels, edges, scenario), never for position-only changes (drags,
 * layout), and the work is deferred out of the event that caused it so typing and dragging stay
 * responsive.
 */
import type { Design } from '../domain/design.ts';
import { analyseDesign, type GradeReport } from '../domain/grade.ts';
import type { SimulationReport } from '../domain/simulation.ts';
import { applyWhatIf } from '../domain/what-if.ts';
import { activeScenario, type AppState, type AppStore } from './app-store.ts';

/** Whether two designs can grade or simulate differently (anything but node positions and group sizes changed; group membership counts). */
export function gradingInputsChanged(prev: Design, next: Design): boolean {
  if (prev === next) return false;
  if (prev.edges !== next.edges || prev.nodes.length !== next.nodes.length) return true;
  for (let i = 0; i < next.nodes.length; i++) {
    const a = prev.nodes[i]!;
    const b = next.nodes[i]!;
    if (a === b) continue;
    if (a.id !== b.id || a.service !== b.service || a.settings !== b.settings || a.label !== b.label || a.parentId !== b.parentId) return true;
  }
  return false;
}

/** The analyses the store keeps next to the design. */
export interface Analyses {
  report: GradeReport | undefined;
  simulation: SimulationReport | undefined;
}

/**
 * Grades and simulates the state's design against its active scenario (both undefined without one),
 * with the what-if applied to its workload, on one design graph. A simulation that throws (a bug,
 * never the learner's fault) leaves `simulation` undefined so that grading still shows; the error is
 * logged.
 */
export function analyse(state: Pick<AppState, 'content' | 'scenarioId' | 'design' | 'whatIf'> & Partial<Pick<AppState, 'followUps'>>): Analyses {
  const loaded = activeScenario(state);
  if (!loaded) return { report: undefined, simulation: undefined };
  const { catalog, rules } = state.content;
  const { report, simulation } = analyseDesign(state.design, applyWhatIf(loaded.scenario, state.whatIf), catalog, rules, (e) => console.error('simulation failed', e));
  return { report, simulation };
}

/**
 * Grades and simulates now, then subscribes to the store.
 * @param delayMs how long to wait after a change before recomputing (0 = next macrotask)
 * @returns unsubscribe
 */
export function startGrading(store: AppStore, delayMs = 0): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    store.setState(analyse(store.getState()));
  };
  run();
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.scenarioId === prev.scenarioId && s.whatIf === prev.whatIf && s.followUps === prev.followUps && !gradingInputsChanged(prev.design, s.design)) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  });
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
  };
}
