/**
 * Feedback within the frame of a change: small designs are graded and simulated on the main thread,
 * in the event that changed them, so the requirement count and the marks render in the same commit as
 * the change; designs too big for that go to the analysis worker as before (typing never waits for
 * grading). Which designs are small enough is measured, not guessed: the worker's analyses record
 * their time per element; when that rate says the design fits `FRAME_ANALYSIS_BUDGET_MS`, the analysis
 * code loads on this thread and is warmed up in idle time (fresh code runs several times slower
 * until the JIT has compiled it), recording this thread's own rate; a change is analysed here only
 * when this thread's latest rate says it fits.
 */
import type { Design } from '../domain/design.ts';
import type { AnalysisInput, Analyses, ImmediateAnalyser } from './grading.ts';

/**
 * Main-thread ms an analysis may take in the event of a change. A frame is 16.7 ms at 60 Hz; at 200
 * nodes the change itself (command, React commit of the canvas and the Inspector) took about 7 ms of
 * main-thread time (Chromium trace, `npm run bench` feedback design), which leaves about 6 ms for the
 * analysis before the frame is missed. An estimate from that measurement, not a browser figure.
 */
export const FRAME_ANALYSIS_BUDGET_MS = 6;

/** What an analysis's time grows with: nodes plus edges (grading and simulation are linear in both). */
export function analysisSize(design: Design): number {
  return design.nodes.length + design.edges.length;
}

/** How many of the latest records `analysisCosts` takes the median of. */
export const COST_WINDOW = 5;

/** Measured analysis times, as ms per element (node or edge). */
export interface AnalysisCosts {
  /** Records that an analysis of `size` elements took `ms` (main thread or worker). */
  record(size: number, ms: number): void;
  /** The predicted ms for `size` elements; undefined before any record. */
  predictMs(size: number): number | undefined;
}

/**
 * Costs from the median ms per element of the latest `COST_WINDOW` records, times the size asked
 * about: one slow run (a garbage collection) or one fast one does not flip the decision. The fixed
 * part of an analysis makes a small design's rate high, so the prediction for a bigger one errs on
 * the slow side (it goes to the worker, which then records the real rate).
 */
export function analysisCosts(): AnalysisCosts {
  const rates: number[] = [];
  return {
    record(size, ms) {
      if (!Number.isFinite(ms) || ms < 0) return;
      rates.push(ms / Math.max(1, size));
      if (rates.length > COST_WINDOW) rates.shift();
    },
    predictMs(size) {
      if (!rates.length) return undefined;
      const sorted = [...rates].sort((a, b) => a - b);
      return sorted[sorted.length >> 1]! * Math.max(1, size);
    },
  };
}

/**
 * An immediate analyser (see `startGrading`) that analyses on this thread when `costs` predict it
 * fits `budgetMs`, and declines otherwise (or while `analyse` is not loaded yet).
 * @param analyse the in-thread analysis (store/analysis.ts), or undefined while its code loads
 * @param now a clock in ms (performance.now in the app)
 */
export function frameAnalyser(analyse: () => ((input: AnalysisInput) => Analyses) | undefined, costs: AnalysisCosts, now: () => number, budgetMs = FRAME_ANALYSIS_BUDGET_MS): ImmediateAnalyser {
  return (input) => {
    const run = analyse();
    const size = analysisSize(input.design);
    const predicted = costs.predictMs(size);
    if (!run || predicted === undefined || predicted > budgetMs) return undefined;
    const t0 = now();
    const analyses = run(input);
    costs.record(size, now() - t0);
    return analyses;
  };
}

/**
 * The analysis code loads on the main thread, and warms up, once the worker's rate predicts at most
 * this many times `FRAME_ANALYSIS_BUDGET_MS` for the design: the worker's own first runs are cold too
 * (measured: 2-4x its later time at 200 nodes), so waiting for it to fit the budget itself would
 * delay in-frame feedback by a dozen changes.
 */
export const WARM_UP_FROM_FACTOR = 4;

/** How many idle-time analyses at most warm the main thread's analysis code up. */
export const WARM_UP_RUNS = 12;

/**
 * Warms the main thread's analysis code up in idle time: analyses the current design, one run per idle
 * callback, recording each run in `costs`, until the rate says it fits `budgetMs` or `WARM_UP_RUNS`
 * runs were made. Each run is about one analysis of a design the worker found small.
 * @param input the current analysis input (read at each run)
 * @param whenIdle schedules a callback in idle time (requestIdleCallback in the app)
 */
export function warmUp(run: (input: AnalysisInput) => Analyses, input: () => AnalysisInput, costs: AnalysisCosts, now: () => number, whenIdle: (task: () => void) => void, budgetMs = FRAME_ANALYSIS_BUDGET_MS): void {
  let runs = 0;
  const step = () => {
    const current = input();
    const size = analysisSize(current.design);
    const predicted = costs.predictMs(size);
    if (runs >= WARM_UP_RUNS || (predicted !== undefined && predicted <= budgetMs)) return;
    runs++;
    const t0 = now();
    run(current);
    costs.record(size, now() - t0);
    whenIdle(step);
  };
  whenIdle(step);
}

/** The app's frame analysis (see the file comment), as `createFrameAnalysis` wires it. */
export interface FrameAnalysis {
  /** Tells it the worker analysed `size` elements in `ms`; may start loading and warming up the in-thread analysis. */
  workerAnalysed(size: number, ms: number): void;
  /** For `startGrading`'s `immediate` option. */
  immediate: ImmediateAnalyser;
}

/**
 * Wires the frame analysis: the worker's and this thread's costs, loading the in-thread analysis once
 * the worker's rate predicts at most `WARM_UP_FROM_FACTOR` x the budget for the design, warming it up,
 * and the immediate analyser that runs it within the budget.
 * @param load loads the in-thread analysis (memoised by the caller, who may also use it as a fallback)
 * @param current the analysis input now (what the warm-up analyses)
 * @param now a clock in ms; `whenIdle` schedules a task in idle time
 */
export function createFrameAnalysis(load: () => Promise<(input: AnalysisInput) => Analyses>, current: () => AnalysisInput, now: () => number, whenIdle: (task: () => void) => void): FrameAnalysis {
  const workerCosts = analysisCosts();
  const mainCosts = analysisCosts();
  let loading = false;
  let run: ((input: AnalysisInput) => Analyses) | undefined;
  return {
    workerAnalysed(size, ms) {
      workerCosts.record(size, ms);
      if (loading || (workerCosts.predictMs(size) ?? Infinity) > WARM_UP_FROM_FACTOR * FRAME_ANALYSIS_BUDGET_MS) return;
      loading = true;
      void load().then(
        (loaded) => {
          run = loaded;
          warmUp(loaded, current, mainCosts, now, whenIdle);
        },
        () => undefined,
      );
    },
    immediate: frameAnalyser(() => run, mainCosts, now),
  };
}
