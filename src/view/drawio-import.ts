/**
 * Import of a draw.io / diagrams.net file into the design: read (adapter), map (domain), replace the
 * design as one undoable command, and report what could not be mapped in a dialog.
 */
import { readDrawioFile } from '../adapters/drawio-file.ts';
import { loadDesign } from '../domain/design.ts';
import { mapDrawioCells } from '../domain/drawio.ts';
import type { AppStore } from '../store/app-store.ts';
import { useEditorUi } from './editor-ui.ts';

/** draw.io icons are 78 px wide; Archboard's nodes 208 px: positions are doubled so nodes do not overlap. */
export const DRAWIO_SCALE = 2;

/** Whether a file's text looks like a draw.io diagram rather than a JSON design. */
export function looksLikeDrawio(text: string, fileName: string): boolean {
  return /\.(drawio|xml)$/i.test(fileName) || /^\s*</.test(text);
}

/**
 * Imports a draw.io file's text in place of the design.
 * @returns whether the design was replaced
 */
export async function importDrawio(store: AppStore, text: string, fileName: string): Promise<boolean> {
  const read = await readDrawioFile(text);
  const fail = (message: string, path = '$') => {
    store.getState().showProblems({ title: `Could not import ${fileName}`, intro: 'The diagram was not imported and your design is unchanged.', problems: [{ path, message }] });
    return false;
  };
  if (!read.ok) return fail(read.message);
  const scenarioId = store.getState().scenarioId;
  const { design, unmapped } = mapDrawioCells(read.cells, store.getState().content.catalog, { scale: DRAWIO_SCALE, ...(scenarioId ? { scenarioId } : {}) });
  if (!design.nodes.length) return fail(`no shape in the diagram${read.pageName ? ` (page "${read.pageName}")` : ''} is an AWS service Archboard knows (${unmapped.length} shapes not mapped; Archboard reads the AWS 2019+ library, mxgraph.aws4.*)`);
  const check = loadDesign(design, store.getState().content.catalog);
  if (!check.ok) return fail(check.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  const before = store.getState().design;
  store.getState().dispatch({ type: 'replace', design: check.design });
  if (store.getState().design === before) return false;
  store.getState().select({ nodeIds: [], edgeIds: [] });
  useEditorUi.getState().showDialog({ kind: 'drawio', fileName, nodes: design.nodes.length, edges: design.edges.length, unmapped, pageCount: read.pageCount });
  return true;
}
