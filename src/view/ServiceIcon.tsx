/**
 * A catalog entry's AWS Architecture Icon (parsed from the package's file and cleaned, see
 * `parseIcon`): inline SVG in the palette and the Inspector; on the canvas (`image`) an `<img>` of the
 * same cleaned SVG as a `data:` URL, which the browser rasterises once per icon and size instead of
 * painting every path of every node on each frame (a drag repaints the nodes it passes). Image exports
 * carry icons as vector shapes (render-svg.ts). The icon files load lazily (see
 * adapters/icons-browser.ts); until one arrives, or for an entry without icon, the entry's glyph badge
 * in its category colour is drawn in the same box. Decorative: the text beside it names the service.
 */
import { createContext, memo, useContext, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { CATEGORY_META, type CatalogEntry } from '../domain/catalog.ts';
import { iconForTheme, type IconRef } from '../domain/icons.ts';

const templates = new Map<string, SVGSVGElement>();
let loader: Promise<typeof import('../adapters/icons-browser.ts')> | undefined;

/**
 * Parses icon markup into an SVG element fit to insert: no `<title>` (it would name and tooltip every
 * icon "Icon-Architecture/64/..."), and, defensively, no scripts, foreign objects, event handlers or
 * links out of the document. Undefined when the markup is not SVG.
 */
export function parseIcon(svg: string): SVGSVGElement | undefined {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg' || doc.getElementsByTagName('parsererror').length) return undefined;
  root.querySelectorAll('title, desc, script, foreignObject, style').forEach((el) => el.remove());
  for (const el of [root, ...root.querySelectorAll('*')]) for (const a of [...el.attributes]) if (/^on/i.test(a.name) || (/href$/i.test(a.name) && !a.value.startsWith('#'))) el.removeAttribute(a.name);
  root.setAttribute('aria-hidden', 'true');
  root.setAttribute('focusable', 'false');
  return root as unknown as SVGSVGElement;
}

/** Loads an icon as a parsed SVG element for the theme (cached per icon and theme); undefined when there is none. */
export async function iconElement(ref: IconRef, theme: 'light' | 'dark'): Promise<SVGSVGElement | undefined> {
  const key = `${theme}:${ref}`;
  const known = templates.get(key);
  if (known) return known;
  loader ??= import('../adapters/icons-browser.ts');
  const svg = await (await loader).loadIconSvg(ref);
  const el = svg ? parseIcon(iconForTheme(svg, theme)) : undefined;
  if (el) templates.set(key, el);
  return el;
}

/**
 * The theme icons are drawn for, provided once by the app shell (App.tsx): a context, not a store
 * subscription per icon (hundreds on a canvas, each run on every store update).
 */
export const IconTheme = createContext<'light' | 'dark'>('light');

/** The parsed icon of an entry for the current theme, once loaded (a shared template: clone it to insert). */
export function useIcon(ref: IconRef | null | undefined): SVGSVGElement | undefined {
  const theme = useContext(IconTheme);
  const key = ref ? `${theme}:${ref}` : '';
  const [state, setState] = useState<{ key: string; el: SVGSVGElement | undefined }>(() => ({ key, el: templates.get(key) }));
  useEffect(() => {
    if (!ref) return;
    if (templates.has(key)) return setState({ key, el: templates.get(key) });
    let live = true;
    void iconElement(ref, theme).then((el) => live && setState({ key, el }));
    return () => {
      live = false;
    };
  }, [ref, theme, key]);
  return state.key === key ? state.el : templates.get(key);
}

/** Data URLs of parsed icons (one per icon and theme), for icons drawn as images. */
const imageUrls = new WeakMap<SVGSVGElement, string>();

/** The icon as a `data:` URL of its cleaned SVG (cached per template). */
function imageUrl(template: SVGSVGElement): string {
  let url = imageUrls.get(template);
  if (!url) {
    url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(template))}`;
    imageUrls.set(template, url);
  }
  return url;
}

function ServiceIconView({ entry, size = 32, className = '', image = false }: { entry: CatalogEntry; size?: number; className?: string; image?: boolean }) {
  const template = useIcon(entry.icon);
  const box = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || !template || image) return;
    const svg = template.cloneNode(true) as SVGSVGElement;
    svg.setAttribute('width', String(size));
    svg.setAttribute('height', String(size));
    el.replaceChildren(svg);
  }, [template, size, image]);
  if (template && image) return <img className={`svc-icon ${className}`} src={imageUrl(template)} width={size} height={size} alt="" aria-hidden="true" draggable={false} data-icon={entry.icon ?? undefined} />;
  if (template) return <span ref={box} className={`svc-icon ${className}`} style={{ width: size, height: size }} aria-hidden="true" data-icon={entry.icon ?? undefined} />;
  return (
    <span className={`svc-glyph svc-icon-fallback${entry.group ? ' is-group' : ''} ${className}`} aria-hidden="true" style={{ '--cat': CATEGORY_META[entry.category].color, width: size, height: size } as React.CSSProperties}>
      {entry.glyph}
    </span>
  );
}

/** An entry's icon (or its glyph badge until the icon is loaded); `image` draws it as an `<img>` (canvas nodes). */
export const ServiceIcon = memo(ServiceIconView);
