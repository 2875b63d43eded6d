/**
 * The address fragment of a share link (`#d=...`), apart from its codec so that checking an address
 * does not load the compressor.
 */

/** The fragment's key: `#d=<compressed design>`. */
export const SHARE_KEY = 'd';

/**
 * Whether a URL fragment (`location.hash`, with or without `#`) carries a shared design.
 */
export function isShareFragment(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(`${SHARE_KEY}=`);
}
