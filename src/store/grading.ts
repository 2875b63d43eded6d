/**
 * Keeps the store's analyses of the design up to date: the grading `report` and the `simulation`
 * (the scenario's workload run through the design). Both are recomputed together when what they read
 * changed (services, settings, labels, edges, scenario), never for position-only changes (drags,
 * layout), and the work is deferred out of the event that caused it so typing and dragging stay
 * responsive.
 */
import type { Design } from '../domain/design.ts';
import type { GradeReport } from '../domain/grade.ts';
import type { SimulationReport } from '../domain/simulation.ts';
import type { AppState, AppStore } from './app-store.ts';

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

/** What grading reads: the design, its scenario, the what-if on its workload, a room's follow-ups. */
export interface AnalysisInput {
  design: Design;
  scenarioId: string | undefined;
  whatIf: AppState['whatIf'];
  followUps: AppState['followUps'];
}

/** What grading reads of the store's state. */
export function analysisInputOf({ design, scenarioId, whatIf, followUps }: Pick<AppState, 'design' | 'scenarioId' | 'whatIf' | 'followUps'>): AnalysisInput {
  return { design, scenarioId, whatIf, followUps };
}

/**
 * Grades and simulates: in the app the analysis worker (a promise, off the main thread); in tests
 * and the fallback `inThreadAnalyser` (store/analysis.ts), whose results come at once.
 */
export type Analyser = (input: AnalysisInput) => Analyses | Promise<Analyses>;

/**
 * An analyser that answers in the very event that changed the design, so the change and its
 * feedback render in one commit, or declines (undefined), e.g. while its code is not loaded or when the
 * design is too big to analyse within a frame; the change then goes to the deferred `Analyser`.
 */
export type ImmediateAnalyser = (input: AnalysisInput) => Analyses | undefined;

/** Options of `startGrading`. */
export interface GradingOptions {
  /** How long to wait after a change before the deferred analysis (0 = next macrotask). */
  delayMs?: number;
  /** Tried first on every change that can alter the results; see `ImmediateAnalyser`. */
  immediate?: ImmediateAnalyser;
}

/** Per store: resolves the waiters once no grading is pending (see `whenGraded`). */
const settledWaiters = new WeakMap<AppStore, { pending: () => boolean; waiters: (() => void)[] }>();

/**
 * Resolves once the store's analyses are those of its current design (at once when no grading is
 * pending or no grading runs for the store).
 */
export function whenGraded(store: AppStore): Promise<void> {
  const entry = settledWaiters.get(store);
  if (!entry || !entry.pending()) return Promise.resolve();
  return new Promise((resolve) => entry.waiters.push(resolve));
}

/**
 * Grades and simulates now, then after each change that can alter the results: at once through
 * `options.immediate` when it answers, else deferred through `analyser`. A result that comes back
 * after the design's graded parts (or the scenario, what-if, follow-ups) changed is dropped (the newer
 * one is being graded); one moved meanwhile is kept. A design whose analyses the store already holds
 * (`analysedDesign`, e.g. an import graded in the worker) is not graded again. An analyser that fails
 * is logged and the previous analyses stay.
 * @returns unsubscribe
 */
export function startGrading(store: AppStore, analyser: Analyser, options: GradingOptions = {}): () => void {
  const { delayMs = 0, immediate } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = 0;
  let stopped = false;
  let analysedWhatIf: AppState['whatIf'] = store.getState().whatIf;
  let analysedFollowUps: AppState['followUps'] = store.getState().followUps;
  const entry = { pending: () => timer !== undefined || inFlight > 0, waiters: [] as (() => void)[] };
  settledWaiters.set(store, entry);
  const settle = () => {
    if (entry.pending()) return;
    for (const w of entry.waiters.splice(0)) w();
  };
  /** Takes the analyses of `input` into the store. */
  const apply = (input: AnalysisInput, analyses: Analyses) => {
    analysedWhatIf = input.whatIf;
    analysedFollowUps = input.followUps;
    store.setState({ ...analyses, analysedDesign: input.design });
  };
  const run = () => {
    timer = undefined;
    const state = store.getState();
    if (state.analysedDesign === state.design && analysedWhatIf === state.whatIf && analysedFollowUps === state.followUps) return settle();
    const input = analysisInputOf(state);
    let result: Analyses | Promise<Analyses>;
    try {
      result = analyser(input);
    } catch (e) {
      console.error('grading failed', e);
      return settle();
    }
    if (!(result instanceof Promise)) {
      apply(input, result);
      return settle();
    }
    inFlight++;
    result
      .then(
        (analyses) => {
          const now = store.getState();
          if (!stopped && !gradingInputsChanged(input.design, now.design) && now.scenarioId === input.scenarioId && now.whatIf === input.whatIf && now.followUps === input.followUps) apply(input, analyses);
        },
        (e) => console.error('grading failed', e),
      )
      .finally(() => {
        inFlight--;
        settle();
      });
  };
  /** The immediate analyser's answer for `state`, applied in this same update; false when it declined or failed. */
  const runImmediately = (immediate: ImmediateAnalyser, state: AppState): boolean => {
    const input = analysisInputOf(state);
    let analyses: Analyses | undefined;
    try {
      analyses = immediate(input);
    } catch (e) {
      console.error('grading failed', e);
    }
    if (analyses) apply(input, analyses);
    return analyses !== undefined;
  };
  run();
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.analysedDesign === s.design && s.scenarioId === prev.scenarioId && s.whatIf === analysedWhatIf && s.followUps === analysedFollowUps) return;
    if (s.scenarioId === prev.scenarioId && s.whatIf === prev.whatIf && s.followUps === prev.followUps && !gradingInputsChanged(prev.design, s.design)) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (immediate && runImmediately(immediate, s)) return settle();
    timer = setTimeout(run, delayMs);
  });
  return () => {
    stopped = true;
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    settledWaiters.delete(store);
    for (const w of entry.waiters.splice(0)) w();
  };
}
