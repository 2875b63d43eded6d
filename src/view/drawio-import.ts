/**
 * Import of a draw.io / diagrams.net file into the design: read and map (adapters/drawio-design.ts),
 * replace the design as one undoable command, and report what was made and what could not be mapped
 * in a dialog. A file with several pages first asks which page to import.
 */
import { pagesToDesign, summarisePages } from '../adapters/drawio-design.ts';
import { readDrawioFile } from '../adapters/drawio-file.ts';
import type { AppStore } from '../store/app-store.ts';
import { useEditorUi } from './editor-ui.ts';

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
  const catalog = store.getState().content.catalog;
  const read = readDrawioFile(text);
  if (!read.ok) return fail(read.message);
  if (page === undefined && read.pages.length > 1) {
    useEditorUi.getState().showDialog({ kind: 'drawio-pages', fileName, text, pages: summarisePages(read.pages, catalog) });
    return false;
  }
  const scenarioId = store.getState().scenarioId;
  const result = pagesToDesign(read.pages, catalog, { page: page ?? 0, ...(scenarioId ? { scenarioId } : {}) });
  if (!result.ok) return fail(result.message);
  const before = store.getState().design;
  store.getState().replaceDesign(result.design);
  if (store.getState().design === before) return false;
  store.getState().select({ nodeIds: [], edgeIds: [] });
  useEditorUi.getState().showDialog({ kind: 'drawio', fileName, counts: result.counts, unmapped: result.unmapped, warnings: result.warnings, page: result.page.name, pageCount: result.pages.length });
  return true;
}
