/**
 * The main-thread side of the analysis worker (analysis-worker.ts): loading a big design's text and
 * grading big designs off the main thread, with progress. Where Web Workers are missing (tests under
 * jsdom, very old browsers) `createAnalysisWorker` returns undefined and callers do the work inline.
 */
import type { LoadResult } from '../domain/design.ts';
import type { DrawioImport } from './drawio-design.ts';
import type { WhatIf } from '../domain/what-if.ts';
import { joinAnalyses, type AnalysesPart } from './analysis-parts.ts';
import type { AnalysisInput, Analyses } from '../store/grading.ts';

export { WORKER_MIN_NODES, WORKER_MIN_TEXT } from './analysis-limits.ts';

export type WorkerRequest =
  | { kind: 'load'; id: number; text: string; scenarioId: string | undefined; whatIf: WhatIf | undefined; grade: boolean }
  | { kind: 'analyse'; id: number; input: AnalysisInput }
  | { kind: 'drawio'; id: number; text: string; page: number | undefined; scenarioId: string | undefined };
/** A stage of loading: the text is being validated, then the design graded (with its node count). */
export type LoadProgress = { stage: 'validating' } | { stage: 'grading'; nodes: number };
export type WorkerReply =
  | ({ kind: 'progress'; id: number } & LoadProgress)
  /** `graded`: its analyses follow in an `analysed` reply of the same id (two messages, each read in a short task). */
  | { kind: 'loaded'; id: number; result: LoadResult; graded?: boolean; analyses?: Analyses }
  /** `parts`: the simulation's long arrays came before it in `part` replies of the same id, in order. */
  | { kind: 'analysed'; id: number; analyses: Analyses; parts?: boolean; computeMs?: number }
  /** A slice of the array at `path` in the simulation of the `analysed` reply that follows. */
  | ({ kind: 'part'; id: number } & AnalysesPart)
  | { kind: 'drawio'; id: number; outcome: DrawioImport }
  | { kind: 'failed'; id: number; message: string };

/** The worker, as the store and the view use it. */
export interface AnalysisWorker {
  /** Parses and validates design text (and grades it when `grade`), reporting each stage. */
  load(text: string, scenarioId: string | undefined, whatIf: WhatIf | undefined, grade: boolean, onProgress?: (p: LoadProgress) => void): Promise<{ result: LoadResult; analyses?: Analyses }>;
  /**
   * Grades and simulates a design (with a room's follow-ups and the what-if applied to the scenario).
   * @returns the analyses and the worker's own time on them, ms (without the messages' transfer)
   */
  analyse(input: AnalysisInput): Promise<{ analyses: Analyses; computeMs: number }>;
  /** Reads and maps a draw.io file's text (`importDrawioText`) off the main thread. */
  drawio(text: string, page: number | undefined, scenarioId: string | undefined): Promise<DrawioImport>;
  terminate(): void;
}

/** Starts the worker, or returns undefined where Web Workers are not available. */
export function createAnalysisWorker(): AnalysisWorker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module', name: 'archboard-analysis' });
  } catch {
    return undefined;
  }
  let nextId = 1;
  const waiting = new Map<number, { resolve(r: WorkerReply): void; reject(e: Error): void; onProgress?: (p: LoadProgress) => void }>();
  /** A graded load's design, until its analyses arrive. */
  const loadedFirst = new Map<number, WorkerReply & { kind: 'loaded' }>();
  /** The simulation's long arrays of a reply, until its `analysed` message (see analysis-worker.ts). */
  const parts = new Map<number, AnalysesPart[]>();
  worker.onmessage = (e: MessageEvent<WorkerReply>) => {
    const reply = e.data;
    const w = waiting.get(reply.id);
    if (!w) return;
    if (reply.kind === 'progress') return w.onProgress?.(reply.stage === 'grading' ? { stage: 'grading', nodes: reply.nodes } : { stage: 'validating' });
    if (reply.kind === 'loaded' && reply.graded) return void loadedFirst.set(reply.id, reply);
    if (reply.kind === 'part') {
      const got = parts.get(reply.id) ?? [];
      parts.set(reply.id, got);
      got.push({ path: reply.path, items: reply.items });
      return;
    }
    if (reply.kind === 'analysed' && reply.parts) {
      joinAnalyses(reply.analyses, parts.get(reply.id) ?? []);
      parts.delete(reply.id);
    }
    waiting.delete(reply.id);
    const first = loadedFirst.get(reply.id);
    loadedFirst.delete(reply.id);
    if (reply.kind === 'failed') {
      parts.delete(reply.id);
      w.reject(new Error(reply.message));
    } else if (first && reply.kind === 'analysed') w.resolve({ kind: 'loaded', id: reply.id, result: first.result, analyses: reply.analyses });
    else w.resolve(reply);
  };
  worker.onerror = (e) => {
    for (const w of waiting.values()) w.reject(new Error(e.message || 'the analysis worker stopped'));
    waiting.clear();
    loadedFirst.clear();
    parts.clear();
  };
  type Unsent = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
  const ask = (req: Unsent, onProgress?: (p: LoadProgress) => void) =>
    new Promise<WorkerReply>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
      worker.postMessage({ ...req, id } as WorkerRequest);
    });
  return {
    async load(text, scenarioId, whatIf, grade, onProgress) {
      const r = await ask({ kind: 'load', text, scenarioId, whatIf, grade }, onProgress);
      if (r.kind !== 'loaded') throw new Error('unexpected reply');
      return { result: r.result, ...(r.analyses ? { analyses: r.analyses } : {}) };
    },
    async analyse(input) {
      const r = await ask({ kind: 'analyse', input });
      if (r.kind !== 'analysed') throw new Error('unexpected reply');
      return { analyses: r.analyses, computeMs: r.computeMs ?? 0 };
    },
    async drawio(text, page, scenarioId) {
      const r = await ask({ kind: 'drawio', text, page, scenarioId });
      if (r.kind !== 'drawio') throw new Error('unexpected reply');
      return r.outcome;
    },
    terminate: () => worker.terminate(),
  };
}
