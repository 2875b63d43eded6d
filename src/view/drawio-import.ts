/**
 * Import of a draw.io / diagrams.net file into the design: read and map (adapters/drawio-design.ts; a
 * big file in the analysis worker),
 * replace the design as one undoable command, and report what was made and what could not be mapped
 * in a dialog. A file with several pages first asks which page to import.
 */
import { WORKER_MIN_TEXT } from '../adapters/analysis-limits.ts';
import { importDrawioText, type DrawioImport } from '../adapters/drawio-design.ts';
import { analysisWorker } from './analysis.ts';
import type { AppStore } from '../store/app-store.ts';
import { useEditorUi } from './editor-ui.ts';

/**
 * Reads and maps the file: a big one (from `WORKER_MIN_TEXT` characters, about 1,000 cells) in the
 * analysis worker with a progress status, so the tab stays responsive; a small one, or where no worker
 * runs, here.
 */
async function readDrawio(store: AppStore, text: string, fileName: string, page: number | undefined, scenarioId: string | undefined): Promise<DrawioImport> {
  const catalog = store.getState().content.catalog;
  const worker = text.length >= WORKER_MIN_TEXT ? analysisWorker() : undefined;
  if (worker) {
    const ui = useEditorUi.getState();
    ui.setProgress(`Reading ${fileName} (${(text.length / 1024 / 1024).toFixed(1)} MB)…`);
    try {
      return await worker.drawio(text, page, scenarioId);
    } catch (e) {
      console.error('the analysis worker failed; reading the draw.io file here', e);
    } finally {
      ui.setProgress(undefined);
    }
  }
  return importDrawioText(text, catalog, { ...(page !== undefined ? { page } : {}), ...(scenarioId ? { scenarioId } : {}) });
}

/** Whether a file's text looks like a draw.io diagram rather than a JSON design. */
export function looksLikeDrawio(text: string, fileName: string): boolean {
  return /\.(drawio|xml)$/i.test(fileName) || /^\s*</.test(text);
}

/**
 * Imports a draw.io file's text in place of the design; with several pages, opens the page picker
 * instead (which calls this again with `page`).
 * @returns whether the design was replaced
 */
export async function importDrawio(store: AppStore, text: string, fileName: string, page?: number): Promise<boolean> {
  const fail = (message: string) => {
    store.getState().showProblems({ title: `Could not import ${fileName}`, intro: 'The diagram was not imported and your design is unchanged.', problems: [{ path: '$', message }] });
    return false;
  };
  const scenarioId = store.getState().scenarioId;
  const outcome = await readDrawio(store, text, fileName, page, scenarioId);
  if (outcome.kind === 'failed') return fail(outcome.message);
  if (outcome.kind === 'pages') {
    useEditorUi.getState().showDialog({ kind: 'drawio-pages', fileName, text, pages: outcome.pages });
    return false;
  }
  const { result } = outcome;
  const before = store.getState().design;
  store.getState().replaceDesign(result.design);
  if (store.getState().design === before) return false;
  store.getState().select({ nodeIds: [], edgeIds: [] });
  useEditorUi.getState().showDialog({ kind: 'drawio', fileName, counts: result.counts, unmapped: result.unmapped, warnings: result.warnings, page: result.page.name, pageCount: result.pages.length });
  return true;
}
