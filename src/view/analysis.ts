/**
 * The app's one analysis worker (adapters/analysis-client.ts), started on first use, and the big-work
 * path the view takes for imports and pastes: text from `WORKER_MIN_TEXT` characters is parsed,
 * validated and graded in the worker while a progress status shows; smaller text is read inline.
 */
import { createAnalysisWorker, WORKER_MIN_TEXT, type AnalysisWorker, type LoadProgress } from '../adapters/analysis-client.ts';
import type { LoadResult } from '../domain/design.ts';
import type { AppStore } from '../store/app-store.ts';
import type { Analyses } from '../store/grading.ts';
import { useEditorUi } from './editor-ui.ts';

let worker: AnalysisWorker | undefined | null = null;

/** The worker, or undefined where Web Workers are missing (then everything runs inline). */
export function analysisWorker(): AnalysisWorker | undefined {
  if (worker === null) worker = createAnalysisWorker();
  return worker;
}

/**
 * Reads design text off the main thread when it is big, showing progress ("Validating …", "Grading
 * 10,000 services …") until done.
 * @param what the file name or "clipboard", for the progress text
 * @param grade whether to grade it too (an import replaces the design; a paste adds to it, so it is graded after)
 * @returns the load result and, when graded, its analyses; undefined when the text is small or no worker runs (read it inline)
 */
export async function loadBig(store: AppStore, text: string, what: string, grade: boolean): Promise<{ result: LoadResult; analyses?: Analyses } | undefined> {
  const w = text.length >= WORKER_MIN_TEXT ? analysisWorker() : undefined;
  if (!w) return undefined;
  const ui = useEditorUi.getState();
  const show = (p: LoadProgress | { stage: 'reading' }) =>
    useEditorUi
      .getState()
      .setProgress(p.stage === 'grading' ? `Grading ${p.nodes.toLocaleString('en-US')} services from ${what}…` : p.stage === 'validating' ? `Checking ${what} (${(text.length / 1024 / 1024).toFixed(1)} MB)…` : `Reading ${what}…`);
  show({ stage: 'reading' });
  try {
    const loaded = await w.load(text, store.getState().scenarioId, store.getState().whatIf, grade, show);
    // The reply's task already spent its time decoding the message (~100 ms for 10,000 nodes): the
    // design is taken into the store, and drawn, in a task of its own.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return loaded;
  } catch (e) {
    console.error('the analysis worker failed; reading inline', e);
    return undefined;
  } finally {
    ui.setProgress(undefined);
  }
}
