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

/** Something that grades off the main thread (adapters/analysis-client.ts). */
export interface Analyser {
  analyse(design: Design, scenarioId: string | undefined, whatIf: AppState['whatIf']): Promise<Analyses>;
}

/**
 * Grades and simulates now, then subscribes to the store. Designs of `offThreadFromNodes` nodes or
 * more are graded by `worker` (off the main thread) when one is given; a result that comes back for a
 * design (or scenario, or what-if) that has changed meanwhile is dropped (the newer one is being
 * graded). A design whose analyses the store already holds (`analysedDesign`, e.g. an import graded
 * in the worker) is not graded again.
 * @param delayMs how long to wait after a change before recomputing (0 = next macrotask)
 * @returns unsubscribe
 */
export function startGrading(store: AppStore, delayMs = 0, worker?: Analyser, offThreadFromNodes = 1000): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let analysedWhatIf: AppState['whatIf'] = store.getState().whatIf;
  let analysedFollowUps: AppState['followUps'] = store.getState().followUps;
  const run = () => {
    timer = undefined;
    const state = store.getState();
    if (state.analysedDesign === state.design && analysedWhatIf === state.whatIf && analysedFollowUps === state.followUps) return;
    const { design, scenarioId, whatIf, followUps } = state;
    const same = () => {
      const now = store.getState();
      return !stopped && now.design === design && now.scenarioId === scenarioId && now.whatIf === whatIf && now.followUps === followUps;
    };
    // The worker grades against the written scenario; a room's follow-ups change it, so those grade here.
    if (worker && followUps === undefined && design.nodes.length >= offThreadFromNodes) {
      worker.analyse(design, scenarioId, whatIf).then(
        (analyses) => {
          if (!same()) return;
          analysedWhatIf = whatIf;
          analysedFollowUps = followUps;
          store.setState({ ...analyses, analysedDesign: design });
        },
        (e) => {
          console.error('grading in the worker failed; grading here instead', e);
          if (!same()) return;
          analysedWhatIf = whatIf;
          analysedFollowUps = followUps;
          store.setState({ ...analyse(store.getState()), analysedDesign: design });
        },
      );
      return;
    }
    analysedWhatIf = whatIf;
    analysedFollowUps = followUps;
    store.setState({ ...analyse(state), analysedDesign: design });
  };
  run();
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.analysedDesign === s.design && s.scenarioId === prev.scenarioId && s.whatIf === analysedWhatIf && s.followUps === analysedFollowUps) return;
    if (s.scenarioId === prev.scenarioId && s.whatIf === prev.whatIf && s.followUps === prev.followUps && !gradingInputsChanged(prev.design, s.design)) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  });
  return () => {
    stopped = true;
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
  };
}
