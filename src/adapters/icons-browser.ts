/**
 * Icon SVG markup in the browser: every icon of the `aws-icons` package is its own lazy chunk (Vite's
 * `import.meta.glob` with `?raw`), fetched the first time it is drawn and kept in memory after. Import
 * this module itself lazily (`await import('./icons-browser.ts')`): its table of chunks is not needed
 * at start, so it stays out of the initial bundle. The Node twin is `icons-node.ts`.
 */
import type { Catalog } from '../domain/catalog.ts';
import { iconFile, iconRefOf, isIconRef, type IconRef, type IconSource } from '../domain/icons.ts';

const FILES = import.meta.glob<string>('/node_modules/aws-icons/icons/*/*.svg', { query: '?raw', import: 'default' });
const cache = new Map<string, Promise<string | undefined>>();

/** `IconSource` for the browser: resolves the SVG markup, or undefined when the package has no such file. */
export const loadIconSvg: IconSource = (ref: IconRef) => {
  if (!isIconRef(ref)) return Promise.resolve(undefined);
  let hit = cache.get(ref);
  if (!hit) {
    const load = FILES[`/node_modules/aws-icons/${iconFile(ref)}`];
    hit = load ? load().catch(() => undefined) : Promise.resolve(undefined);
    // A failed fetch (offline, a new deployment) may work next time: do not keep the failure.
    void hit.then((svg) => svg === undefined && load && cache.delete(ref));
    cache.set(ref, hit);
  }
  return hit;
};

/** The SVG markup of a catalog entry's icon by catalog id; undefined for an unknown id, no icon or a missing file. */
export function loadServiceIconSvg(catalog: Catalog, serviceId: string): Promise<string | undefined> {
  const ref = iconRefOf(catalog, serviceId);
  return ref ? loadIconSvg(ref) : Promise.resolve(undefined);
}

/** How many icon files the build knows (all of the package's). */
export const ICON_FILE_COUNT = Object.keys(FILES).length;
