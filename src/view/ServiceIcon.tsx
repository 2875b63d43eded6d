/**
 * A catalog entry's AWS Architecture Icon as an `<img>` (a data: URL of the SVG, so no markup enters
 * the page and image exports inline it). The icon files load lazily (see adapters/icons-browser.ts);
 * until one arrives, or for an entry without icon, the entry's glyph badge in its category colour is
 * drawn in the same box. Decorative: the text beside it names the service.
 */
import { memo, useEffect, useState } from 'react';
import { CATEGORY_META, type CatalogEntry } from '../domain/catalog.ts';
import { iconForTheme, svgDataUrl, type IconRef } from '../domain/icons.ts';
import { useApp } from '../store/context.tsx';

const urls = new Map<string, string>();
let loader: Promise<typeof import('../adapters/icons-browser.ts')> | undefined;

/** Loads an icon as a data: URL for the theme (cached per icon and theme); undefined when there is none. */
export async function iconUrl(ref: IconRef, theme: 'light' | 'dark'): Promise<string | undefined> {
  const key = `${theme}:${ref}`;
  const known = urls.get(key);
  if (known) return known;
  loader ??= import('../adapters/icons-browser.ts');
  const svg = await (await loader).loadIconSvg(ref);
  if (!svg) return undefined;
  const url = svgDataUrl(iconForTheme(svg, theme));
  urls.set(key, url);
  return url;
}

/** The data: URL of an entry's icon for the current theme, once loaded. */
export function useIconUrl(ref: IconRef | null | undefined): string | undefined {
  const theme = useApp((s) => s.theme);
  const key = ref ? `${theme}:${ref}` : '';
  const [state, setState] = useState<{ key: string; url: string | undefined }>(() => ({ key, url: urls.get(key) }));
  useEffect(() => {
    if (!ref) return;
    if (urls.has(key)) return setState({ key, url: urls.get(key) });
    let live = true;
    void iconUrl(ref, theme).then((url) => live && setState({ key, url }));
    return () => {
      live = false;
    };
  }, [ref, theme, key]);
  return state.key === key ? state.url : urls.get(key);
}

function ServiceIconView({ entry, size = 32, className = '' }: { entry: CatalogEntry; size?: number; className?: string }) {
  const url = useIconUrl(entry.icon);
  if (url)
    return <img className={`svc-icon ${className}`} src={url} width={size} height={size} alt="" aria-hidden="true" draggable={false} data-icon={entry.icon ?? undefined} />;
  return (
    <span className={`svc-glyph svc-icon-fallback ${className}`} aria-hidden="true" style={{ '--cat': CATEGORY_META[entry.category].color, width: size, height: size } as React.CSSProperties}>
      {entry.glyph}
    </span>
  );
}

/** An entry's icon (or its glyph badge until the icon is loaded). */
export const ServiceIcon = memo(ServiceIconView);
