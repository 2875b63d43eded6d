/**
 * A draw.io file to a design, the same way for the app's Import button and the CLI (`npm run
 * convert`, `grade`, `render`): read every page (drawio-file.ts), map the chosen page (domain
 * drawio.ts), and check the result with `loadDesign`. Never throws.
 */
import type { Catalog } from '../domain/catalog.ts';
import { loadDesign, type Design } from '../domain/design.ts';
import { mapDrawioCells, type DrawioCounts, type UnmappedCell } from '../domain/drawio.ts';
import { readDrawioFile, type DrawioPage } from './drawio-file.ts';

/** draw.io icons are 78 px wide; Archboard's nodes 208 px: positions are doubled so nodes do not overlap. */
export const DRAWIO_SCALE = 2;

/** A page as offered in the page picker: its name and how many services and groups it would give. */
export interface PageSummary {
  index: number;
  name: string;
  services: number;
  groups: number;
  connections: number;
}

export type DrawioDesign = { ok: true; design: Design; unmapped: UnmappedCell[]; warnings: string[]; counts: DrawioCounts; page: PageSummary; pages: PageSummary[] } | { ok: false; message: string; pages?: PageSummary[] };

/** Summaries of every page (maps each one; linear in the file's cells). */
export function summarisePages(pages: readonly DrawioPage[], catalog: Catalog): PageSummary[] {
  return pages.map((p, index) => {
    const { counts } = mapDrawioCells(p.cells, catalog);
    return { index, name: p.name, services: counts.services, groups: counts.groups, connections: counts.connections };
  });
}

/**
 * Reads a draw.io file's text into a design.
 * @param page the page to import: its 0-based index or its name; default the first page holding a service
 * @returns the design and the import report, or a message (no page, no service on the page, bad file)
 */
export function drawioToDesign(text: string, catalog: Catalog, options: DrawioDesignOptions = {}): DrawioDesign {
  const read = readDrawioFile(text);
  return read.ok ? pagesToDesign(read.pages, catalog, options) : read;
}

/**
 * What the app's Import makes of a draw.io file's text: a message, the pages to choose from (a file of
 * several pages with no page chosen yet), or the design with its import report. Plain data, so the
 * analysis worker can compute it for a big file (see analysis-worker.ts).
 */
export type DrawioImport = { kind: 'failed'; message: string } | { kind: 'pages'; pages: PageSummary[] } | { kind: 'design'; result: Extract<DrawioDesign, { ok: true }> };

/**
 * Reads a draw.io file's text as the app's Import does: with several pages and no `page`, only the
 * pages' summaries; otherwise the chosen page (default the first) mapped and checked. Never throws.
 * @param page 0-based page index, as the page picker gives it
 */
export function importDrawioText(text: string, catalog: Catalog, { page, scenarioId }: { page?: number; scenarioId?: string } = {}): DrawioImport {
  const read = readDrawioFile(text);
  if (!read.ok) return { kind: 'failed', message: read.message };
  if (page === undefined && read.pages.length > 1) return { kind: 'pages', pages: summarisePages(read.pages, catalog) };
  const result = pagesToDesign(read.pages, catalog, { page: page ?? 0, ...(scenarioId ? { scenarioId } : {}) });
  return result.ok ? { kind: 'design', result } : { kind: 'failed', message: result.message };
}

/** What to import from a draw.io file. */
export interface DrawioDesignOptions {
  /** The page: its 0-based index or its name; default the first page holding a service. */
  page?: number | string;
  scenarioId?: string;
  /** Default `DRAWIO_SCALE`. */
  scale?: number;
}

/** As `drawioToDesign`, for pages already read. */
export function pagesToDesign(pages: readonly DrawioPage[], catalog: Catalog, { page, scenarioId, scale = DRAWIO_SCALE }: DrawioDesignOptions = {}): DrawioDesign {
  const read = { pages };
  // One page: no need to map it twice. Several: each is mapped once for the summary.
  const single = read.pages.length === 1;
  const summaries = single ? [] : summarisePages(read.pages, catalog);
  let index: number;
  if (page === undefined)
    index = single
      ? 0
      : Math.max(
          0,
          summaries.findIndex((p) => p.services > 0),
        );
  else if (typeof page === 'number') index = page;
  else index = read.pages.findIndex((p) => p.name === page);
  const chosen = read.pages[index];
  if (!chosen) return { ok: false, message: `the file has no page ${typeof page === 'string' ? `named "${page}"` : `number ${(page ?? 0) + 1}`} (pages: ${read.pages.map((p) => `"${p.name}"`).join(', ')})`, pages: summaries };
  const mapped = mapDrawioCells(chosen.cells, catalog, { scale, ...(scenarioId ? { scenarioId } : {}) });
  if (single) summaries.push({ index: 0, name: chosen.name, services: mapped.counts.services, groups: mapped.counts.groups, connections: mapped.counts.connections });
  if (!mapped.design.nodes.length)
    return { ok: false, message: `no shape on page "${chosen.name}" is an AWS service Archboard knows (${mapped.unmapped.length} shapes not mapped; Archboard reads the AWS libraries mxgraph.aws4.* and mxgraph.aws3.*)`, pages: summaries };
  const check = loadDesign(mapped.design, catalog);
  if (!check.ok) return { ok: false, message: check.problems.map((p) => `${p.path}: ${p.message}`).join('; '), pages: summaries };
  return { ok: true, ...mapped, design: check.design, page: summaries[index]!, pages: summaries };
}
