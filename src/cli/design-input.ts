/**
 * Reading the design a CLI command is given (Node only): a design document (`.json`) or a draw.io
 * diagram (`.drawio`, `.xml`, or any file starting with `<`), checked with `loadDesign` either way.
 * Failures are `InputError`s with a message that names the file and the place in it.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { drawioToDesign } from '../adapters/drawio-design.ts';
import type { Catalog } from '../domain/catalog.ts';
import { loadDesignText, MAX_DESIGN_BYTES, type Design } from '../domain/design.ts';
import { clip } from '../domain/excerpt.ts';

export { MAX_DESIGN_BYTES };

const MAX_DESIGN_MB = MAX_DESIGN_BYTES / 1024 / 1024;

/** Input the user must fix; a command prints its message with exit code 2. */
export class InputError extends Error {}

/** A design read from a file, with what a draw.io import could not map (one line each). */
export interface DesignInput {
  design: Design;
  /** Lines about a draw.io import (page used, shapes and connectors not imported, warnings); empty for JSON. */
  notes: string[];
}

/**
 * Reads a design file's text: only a regular file (a directory, a device such as /dev/zero, a FIFO are
 * refused before any byte is read) of at most MAX_DESIGN_BYTES, read through one descriptor so the
 * limit holds even if the file grows meanwhile. A UTF-8 byte-order mark is dropped, as the app does.
 * @throws InputError naming the file
 */
export function readInputFile(file: string): string {
  let fd: number;
  try {
    const kind = statSync(file);
    if (!kind.isFile()) throw new InputError(`${file}: not a regular file (${kind.isDirectory() ? 'a directory' : 'a device, pipe or socket'}); give the path of a design file`);
    fd = openSync(file, 'r');
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: cannot read the file (it does not exist or is not accessible)`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new InputError(`${file}: not a regular file; give the path of a design file`);
    if (st.size > MAX_DESIGN_BYTES) throw new InputError(`${file}: ${(st.size / 1024 / 1024).toFixed(1)} MB is over the ${MAX_DESIGN_MB} MB limit for a design`);
    // One byte more than the limit: a file that grew past it is refused, never read to its end.
    const buffer = Buffer.alloc(Math.min(MAX_DESIGN_BYTES + 1, st.size + 1));
    let length = 0;
    for (let n: number; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n;
    if (length > MAX_DESIGN_BYTES) throw new InputError(`${file}: over the ${MAX_DESIGN_MB} MB limit for a design`);
    const text = buffer.subarray(0, length).toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: cannot read the file (${clip(e instanceof Error ? e.message : String(e))})`);
  } finally {
    closeSync(fd);
  }
}

/** Whether a file is read as a draw.io diagram (by its name or its first character). */
export function isDrawioInput(file: string, text: string): boolean {
  return /\.(drawio|xml)$/i.test(file) || /^\s*</.test(text);
}

/**
 * Reads a design or a draw.io diagram.
 * @param page for draw.io files: the page (1-based number or name); default the first page holding a service
 * @throws InputError when the file cannot be read or is not a valid design / diagram
 */
export function readDesignInput(file: string, catalog: Catalog, { page, scenarioId }: { page?: string; scenarioId?: string } = {}): DesignInput {
  const text = readInputFile(file);
  if (!isDrawioInput(file, text)) {
    if (page !== undefined) throw new InputError(`--page applies to draw.io files; ${file} is a design document`);
    const loaded = loadDesignText(text, catalog);
    if (!loaded.ok) throw new InputError(`${file}: not a valid design:\n${loaded.problems.map((p) => `${file}: ${p.path}: ${p.message}`).join('\n')}`);
    return { design: loaded.design, notes: [] };
  }
  const pageArg = page === undefined ? undefined : /^\d+$/.test(page) ? Number(page) - 1 : page;
  const result = drawioToDesign(text, catalog, { ...(pageArg !== undefined ? { page: pageArg } : {}), ...(scenarioId ? { scenarioId } : {}) });
  if (!result.ok) throw new InputError(`${file}: ${result.message}`);
  const c = result.counts;
  const notes = [
    `${file}: page "${result.page.name}"${result.pages.length > 1 ? ` (${result.page.index + 1} of ${result.pages.length}; choose another with --page)` : ''}: ${c.services} services, ${c.groups} groups, ${c.notes} notes, ${c.connections} connections`,
    ...result.warnings.map((w) => `${file}: warning: ${w}`),
    ...result.unmapped.map((u) => `${file}: not imported: cell ${u.cellId} (${u.shape}): ${u.reason}`),
  ];
  return { design: result.design, notes };
}
