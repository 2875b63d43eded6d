/**
 * A catalog entry's AWS Architecture Icon, drawn everywhere (canvas, palette, Inspector) as an `<img>`
 * of the package's SVG (theme-adjusted) as a `data:` URL: the browser rasterises it once per icon and
 * size instead of painting every path of every node on each frame (a drag repaints the nodes it
 * passes), and an SVG in an `<img>` runs no script and loads nothing, so the markup needs no DOM parse
 * or cleaning. Image exports carry icons as vector shapes (render-svg.ts). The icon files load lazily
 * (see adapters/icons-browser.ts); until one arrives, or for an entry without icon, the entry's glyph
 * badge in its category colour is drawn in the same box. Decorative: the text beside it names the service.
 */
import { createContext, memo, useContext, useEffect, useState } from 'react';
import { CATEGORY_META, type CatalogEntry } from '../domain/catalog.ts';
import { iconForTheme, type IconRef } from '../domain/icons.ts';

/** Theme-adjusted markup per `theme:ref` once loaded (undefined: the package has no such icon). */
const markups = new Map<string, string | undefined>();
let loader: Promise<typeof import('../adapters/icons-browser.ts')> | undefined;

/** Loads an icon's markup for the theme (cached per icon and theme); undefined when there is none. */
async function iconMarkup(ref: IconRef, theme: 'light' | 'dark'): Promise<string | undefined> {
  const key = `${theme}:${ref}`;
  if (markups.has(key)) return markups.get(key);
  loader ??= import('../adapters/icons-browser.ts');
  const svg = await (await loader).loadIconSvg(ref);
  const markup = svg ? iconForTheme(svg, theme) : undefined;
  markups.set(key, markup);
  return markup;
}

/**
 * Starts loading the icons of `entries` for `theme` (the stored design's services at the page's start),
 * so that they are drawn as icons from the canvas's first paint, not as glyph badges swapped for the
 * icon a moment later (a second render of every node). Failures are left to the per-icon load.
 */
export function preloadIcons(entries: Iterable<CatalogEntry>, theme: 'light' | 'dark'): void {
  const refs = new Set<IconRef>();
  for (const e of entries) if (e.icon) refs.add(e.icon);
  for (const ref of refs) void iconMarkup(ref, theme).catch(() => undefined);
}

/**
 * The theme icons are drawn for, provided once by the app shell (App.tsx): a context, not a store
 * subscription per icon (hundreds on a canvas, each run on every store update).
 */
export const IconTheme = createContext<'light' | 'dark'>('light');

/** The theme-adjusted markup of an icon once loaded (undefined until then, or when there is none), and its cache key. */
function useIconMarkup(ref: IconRef | null | undefined): { key: string; markup: string | undefined } {
  const theme = useContext(IconTheme);
  const key = ref ? `${theme}:${ref}` : '';
  const [state, setState] = useState<{ key: string; markup: string | undefined }>(() => ({ key, markup: markups.get(key) }));
  useEffect(() => {
    if (!ref) return;
    if (markups.has(key)) return setState({ key, markup: markups.get(key) });
    let live = true;
    void iconMarkup(ref, theme).then((markup) => live && setState({ key, markup }));
    return () => {
      live = false;
    };
  }, [ref, theme, key]);
  return { key, markup: state.key === key ? state.markup : markups.get(key) };
}

/**
 * Data URLs of icons drawn as images (one per icon and theme). The markup goes in as it is: an SVG
 * shown by `<img>` runs no script, loads nothing and shows no `<title>` tooltip, so it needs no
 * cleaning (and no DOM parse).
 */
const imageUrls = new Map<string, string>();

/** The icon as a `data:` URL (cached per icon and theme). */
function imageUrl(key: string, markup: string): string {
  let url = imageUrls.get(key);
  if (!url) {
    url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
    imageUrls.set(key, url);
  }
  return url;
}

function ServiceIconView({ entry, size = 32, className = '' }: { entry: CatalogEntry; size?: number; className?: string }) {
  const { key, markup } = useIconMarkup(entry.icon);
  if (markup !== undefined) return <img className={`svc-icon ${className}`} src={imageUrl(key, markup)} width={size} height={size} alt="" aria-hidden="true" draggable={false} data-icon={entry.icon ?? undefined} />;
  return (
    <span className={`svc-glyph svc-icon-fallback${entry.group ? ' is-group' : ''} ${className}`} aria-hidden="true" style={{ '--cat': CATEGORY_META[entry.category].color, width: size, height: size } as React.CSSProperties}>
      {entry.glyph}
    </span>
  );
}

/** An entry's icon as an `<img>` (or its glyph badge until the icon is loaded, or for an entry without one). */
export const ServiceIcon = memo(ServiceIconView);
