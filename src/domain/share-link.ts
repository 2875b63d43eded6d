/**
 * Share links: the design compressed into the URL fragment (`#d=<lz-string data>`), so it never
 * reaches a server. Pure: `encodeShareLink` turns a design into the fragment, `decodeShareLink` reads
 * one back through `loadDesign`, so a tampered link is reported with the JSON path of what is wrong.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { Catalog } from './catalog.ts';
import { loadDesign, MAX_DESIGN_BYTES, type Design, type LoadResult } from './design.ts';
import { isShareFragment, SHARE_KEY } from './share-fragment.ts';

export { isShareFragment, SHARE_KEY };
/** Longest fragment accepted (characters after `#`), so links stay usable in chat tools and browsers. */
export const MAX_SHARE_CHARS = 8000;

export type EncodeResult = { ok: true; fragment: string } | { ok: false; message: string };

/**
 * The fragment (without `#`) holding a design: `d=` and the design's compact JSON compressed with
 * lz-string's URI-safe alphabet.
 * @returns the fragment, or a message when it would be longer than `MAX_SHARE_CHARS`
 */
export function encodeShareLink(design: Design): EncodeResult {
  const fragment = `${SHARE_KEY}=${compressToEncodedURIComponent(JSON.stringify(design))}`;
  if (fragment.length > MAX_SHARE_CHARS)
    return { ok: false, message: `This design is too large for a link (${fragment.length.toLocaleString('en-US')} characters; links hold up to ${MAX_SHARE_CHARS.toLocaleString('en-US')}). Export it as JSON and share the file instead.` };
  return { ok: true, fragment };
}

/**
 * Reads a shared design from a URL fragment. Never throws.
 * @param hash `location.hash` (with or without `#`)
 * @returns the design, or problems: the path `#d` for a link that is too long, cut short or not an
 *   Archboard link; JSON paths (`$.nodes[0].service`) for a design that does not load
 */
export function decodeShareLink(hash: string, catalog: Catalog): LoadResult {
  const fragment = hash.replace(/^#/, '');
  const problem = (message: string): LoadResult => ({ ok: false, problems: [{ path: `#${SHARE_KEY}`, message }] });
  if (!isShareFragment(fragment)) return problem('this link holds no shared design (expected "#d=..." in the address)');
  if (fragment.length > MAX_SHARE_CHARS) return problem(`the link is ${fragment.length.toLocaleString('en-US')} characters long; shared designs are limited to ${MAX_SHARE_CHARS.toLocaleString('en-US')}`);
  const data = fragment.slice(SHARE_KEY.length + 1);
  if (!/^[A-Za-z0-9+\-$]*$/.test(data)) return problem('the link contains characters a shared design never has; it may have been changed or cut by the program that carried it');
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(data);
  } catch {
    text = null;
  }
  if (!text) return problem('the shared design could not be unpacked; the link may be incomplete (copy the whole address)');
  // A short link can unpack to a great deal of text (repetition packs well): the same limit as a file
  // (in characters, which is at most the file's bytes).
  if (text.length > MAX_DESIGN_BYTES) return problem(`the shared design unpacks to ${(text.length / 1024 / 1024).toFixed(1)} MB of text; designs larger than ${MAX_DESIGN_BYTES / 1024 / 1024} MB are refused`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return problem('the shared design is damaged (its text is not JSON); the link may be incomplete or changed');
  }
  return loadDesign(json, catalog);
}
