/**
 * Scrolling a panel to its top without a forced layout. Writing (or reading) `scrollTop` makes the
 * browser lay out the page at once, in the middle of a React commit: opening the Inspector at 200
 * nodes spent 7-27 ms there (the whole canvas laid out twice). A panel that has not scrolled since it
 * was last put at its top is there already, so only panels seen scrolling are written.
 */
const scrolled = new WeakSet<EventTarget>();
let listening = false;

function listen(): void {
  if (listening || typeof document === 'undefined') return;
  listening = true;
  // Scroll events do not bubble; a capturing listener on the document sees every element's (layout
  // is current when they fire, so reading scrollTop here costs nothing).
  document.addEventListener(
    'scroll',
    (e) => {
      const t = e.target;
      if (!(t instanceof Element)) return;
      if (t.scrollTop > 0) scrolled.add(t);
      else scrolled.delete(t);
    },
    { capture: true, passive: true },
  );
}

/** Puts `el` at its scroll top if it has scrolled since it was last put there (or since the page started). */
export function scrollToTop(el: Element): void {
  if (!scrolled.has(el)) return;
  scrolled.delete(el);
  el.scrollTop = 0;
}

// From the module's load on: a panel scrolled before its first scrollToTop is known.
listen();
