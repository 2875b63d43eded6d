/**
 * Service icons: which of AWS's official Architecture Icons a catalog entry is drawn with. The icons
 * come from the `aws-icons` package (3.3.0: AWS Architecture Icons of 2026-01-30 as SVG files, MIT
 * wrapper; AWS permits their use in architecture diagrams, see README "Icons"). A catalog entry names
 * its icon as `<set>/<file name without .svg>` (`architecture-service/AmazonSimpleStorageService`,
 * `resource/Users` for AWS's general icons, `architecture-group/Region` for group corner icons), or
 * `null` where AWS draws no icon (an Availability Zone is a dashed box with no icon).
 *
 * Pure: no file system, no DOM. Reading the SVG text is the adapters' job, with the same signature
 * ({@link IconSource}): `src/adapters/icons-browser.ts` (Vite lazy chunks) and
 * `src/adapters/icons-node.ts` (node_modules on disk).
 */
import type { Catalog } from './catalog.ts';

/** The registry package the SVG files come from. */
export const ICON_PACKAGE = 'aws-icons';

/** The folders of `aws-icons/icons/`: service icons (64 px), group corner icons (32 px), resource and general icons (48 px), category icons. */
export const ICON_SETS = ['architecture-service', 'architecture-group', 'resource', 'category'] as const;
export type IconSet = (typeof ICON_SETS)[number];

/** A reference to one icon file: `<set>/<FileName>`, e.g. `architecture-service/AmazonAthena`. */
export type IconRef = `${IconSet}/${string}`;

/** A well-formed icon reference: `<set>/<FileName>`. */
export const ICON_REF = new RegExp(`^(${ICON_SETS.join('|')})/[A-Za-z0-9]+$`);

/** Whether a string is a well-formed icon reference (it does not check that the file exists). */
export function isIconRef(value: string): value is IconRef {
  return ICON_REF.test(value);
}

/**
 * The file of an icon inside the package, e.g. `icons/architecture-service/AmazonAthena.svg`.
 * @throws Error when `ref` is not a well-formed reference (so no path can leave the package folder)
 */
export function iconFile(ref: IconRef): string {
  if (!isIconRef(ref)) throw new Error(`not an icon reference: "${ref}"`);
  return `icons/${ref}.svg`;
}

/** The icon of a catalog entry by id; undefined for an unknown id or an entry drawn without an icon. */
export function iconRefOf(catalog: Catalog, serviceId: string): IconRef | undefined {
  return catalog.byId.get(serviceId)?.icon ?? undefined;
}

/**
 * Reads the SVG markup of an icon. Resolves undefined when the file is not there; never rejects for a
 * missing file. Implemented by `loadIconSvg` (browser) and `readIconSvgAsync` (Node).
 */
export type IconSource = (ref: IconRef) => Promise<string | undefined>;

/**
 * The SVG markup of a catalog entry's icon, from any icon source.
 * @returns undefined for an unknown id, an entry without icon, or a missing file
 */
export async function serviceIconSvg(catalog: Catalog, serviceId: string, source: IconSource): Promise<string | undefined> {
  const ref = iconRefOf(catalog, serviceId);
  return ref ? source(ref) : undefined;
}

/** Fills AWS uses for its general (resource) icons in the light version: "Squid ink" #232F3E and its rounded neighbours. */
const SQUID_INK = /fill="#(232f3e|242f3e|232f3d|232f3f)"/gi;

/**
 * The icon as drawn on a dark background. AWS ships its general icons (users, database, client...) in
 * a light version (#232F3E strokes, for light backgrounds) and a dark version (white); this turns the
 * first into the second. Service and group icons (white on a coloured square) are returned unchanged.
 * @param theme `light` returns `svg` as it is
 */
export function iconForTheme(svg: string, theme: 'light' | 'dark'): string {
  if (theme === 'light') return svg;
  // A coloured background square (`M0 0h64v64H0z`) means a service or group icon: keep it as AWS drew it.
  if (/d="M0 0h(64|48|40|32)v\1H0z"/.test(svg)) return svg;
  return svg.replace(SQUID_INK, 'fill="#ffffff"');
}

/** A `data:` URL of SVG markup, for an `<img src>` (no markup is inserted into the page). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
