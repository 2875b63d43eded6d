/**
 * The service palette: catalog entries with their AWS icons, grouped by category, or ranked by the
 * search (see palette-search.ts) while a query is typed. Each item can be dragged onto the canvas, or
 * added with Enter / a click: beside the selected node (or the node added last), in free space.
 *
 * Keyboard: the list is one tab stop (roving tabindex): arrow keys, Home and End move inside it. In
 * the search box, Enter adds the top hit and ArrowDown moves to the list. `/` or Ctrl+K (⌘K) focuses
 * the search from anywhere (the `search` commands in actions.ts).
 */
import { useReactFlow } from '@xyflow/react';
import { useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { CATEGORIES, CATEGORY_META, type CatalogEntry } from '../domain/catalog.ts';
import { useApp, useAppStore } from '../store/context.tsx';
import { SERVICE_DND_TYPE } from './Canvas.tsx';
import { absolutePositions, DEFAULT_GROUP_SIZE, freePosition, nodeSize, placement } from '../domain/groups.ts';
import { IconSearch } from './icons.tsx';
import { searchCatalog } from './palette-search.ts';
import { ServiceIcon } from './ServiceIcon.tsx';
import { NODE_HEIGHT, NODE_WIDTH } from './ServiceNode.tsx';
import { PALETTE_SEARCH_ID } from './actions.ts';
import { SidePane } from './SidePane.tsx';

export function Palette() {
  const store = useAppStore();
  const entries = useApp((s) => s.content.catalog.entries);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState<string | undefined>();
  const listRef = useRef<HTMLDivElement>(null);
  const lastAdded = useRef<string | undefined>(undefined);
  const { screenToFlowPosition, getViewport, setCenter } = useReactFlow();

  const q = query.trim();
  const hits = useMemo(() => (q ? searchCatalog(entries, q) : []), [entries, q]);
  const ranked = useMemo(() => hits.map((h) => h.entry), [hits]);
  // Name matches first; entries that only mention the query in their description are listed apart.
  const named = hits.filter((h) => h.tier < 4).map((h) => h.entry);
  const mentioned = hits.filter((h) => h.tier === 4).map((h) => h.entry);
  const groups = useMemo(() => (q ? [] : CATEGORIES.map((category) => ({ category, items: entries.filter((e) => e.category === category) })).filter((g) => g.items.length)), [entries, q]);
  const order = q ? ranked : groups.flatMap((g) => g.items);
  const count = order.length;
  // The roving tab stop: the chosen item if still listed, else the first (the top hit while searching).
  const tabStop = order.some((e) => e.id === active) ? active : order[0]?.id;

  const add = (entry: CatalogEntry) => {
    const state = store.getState();
    const { design, content, selection } = state;
    const catalog = content.catalog;
    const pane = document.querySelector('.canvas .react-flow');
    const r = pane?.getBoundingClientRect();
    const centre = r && r.width ? screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 }) : { x: 0, y: 0 };
    let topLeft: { x: number; y: number };
    if (entry.group) topLeft = { x: centre.x - DEFAULT_GROUP_SIZE.width / 2, y: centre.y - DEFAULT_GROUP_SIZE.height / 2 };
    else {
      // Beside the selected node, else the node added last, else the centre of the view: in free space.
      const byId = new Map(design.nodes.map((n) => [n.id, n]));
      const anchorId = [selection.nodeIds.length === 1 ? selection.nodeIds[0] : undefined, lastAdded.current].find((id) => id !== undefined && byId.has(id) && !catalog.byId.get(byId.get(id)!.service)?.group);
      const abs = absolutePositions(design);
      const anchor = anchorId ? { position: abs.get(anchorId)!, size: nodeSize(byId.get(anchorId)!, catalog) } : { position: centre, size: { width: 0, height: 0 } };
      topLeft = freePosition(design, catalog, anchor, { width: NODE_WIDTH, height: NODE_HEIGHT });
    }
    const place = placement(design, catalog, entry.id, topLeft);
    const id = state.addService(entry.id, place.position, place.parentId, place.size);
    if (!id) return;
    lastAdded.current = id;
    state.toast('success', `Added ${entry.shortName} to the canvas.`);
    // Keep the new node in view (the view does not move when it already is).
    if (r && r.width && !entry.group) {
      const { x, y, zoom } = getViewport();
      const sx = topLeft.x * zoom + x;
      const sy = topLeft.y * zoom + y;
      if (sx < 0 || sy < 0 || sx + NODE_WIDTH * zoom > r.width || sy + NODE_HEIGHT * zoom > r.height) void setCenter(topLeft.x + NODE_WIDTH / 2, topLeft.y + NODE_HEIGHT / 2, { zoom, duration: 200 });
    }
  };

  const focusItem = (id: string | undefined) => {
    if (!id) return;
    setActive(id);
    listRef.current?.querySelector<HTMLButtonElement>(`.palette-item[data-service="${CSS.escape(id)}"]`)?.focus();
  };

  const onItemKeyDown = (e: KeyboardEvent<HTMLButtonElement>, entry: CatalogEntry) => {
    const i = order.findIndex((x) => x.id === entry.id);
    const next = e.key === 'ArrowDown' ? order[i + 1] : e.key === 'ArrowUp' ? order[i - 1] : e.key === 'Home' ? order[0] : e.key === 'End' ? order[order.length - 1] : undefined;
    if (e.key === 'ArrowUp' && i === 0) {
      e.preventDefault();
      document.getElementById(PALETTE_SEARCH_ID)?.focus();
      return;
    }
    if (!next) return;
    e.preventDefault();
    focusItem(next.id);
  };

  const onSearchKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && order[0] && q) {
      e.preventDefault();
      add(order[0]);
    } else if (e.key === 'ArrowDown' && order[0]) {
      e.preventDefault();
      focusItem(order[0].id);
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      setQuery('');
    }
  };

  const onDragStart = (e: DragEvent<HTMLButtonElement>, entry: CatalogEntry) => {
    e.dataTransfer.setData(SERVICE_DND_TYPE, entry.id);
    e.dataTransfer.setData('text/plain', entry.name);
    e.dataTransfer.effectAllowed = 'copy';
  };

  const item = (entry: CatalogEntry, top: boolean) => (
    <li key={entry.id}>
      <button
        type="button"
        className={`palette-item${top ? ' is-top' : ''}`}
        draggable
        data-service={entry.id}
        tabIndex={entry.id === tabStop ? 0 : -1}
        onDragStart={(e) => onDragStart(e, entry)}
        onClick={() => add(entry)}
        onFocus={() => setActive(entry.id)}
        onKeyDown={(e) => onItemKeyDown(e, entry)}
        title={`${entry.name}: ${entry.description}\nDrag onto the canvas, or press Enter to add it beside the selected service.`}
      >
        <ServiceIcon entry={entry} size={28} className="small" />
        <span className="palette-item-text">
          <span className="palette-item-name">{entry.shortName}</span>
          <span className="palette-item-desc">{entry.name}</span>
        </span>
        {top && (
          // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <kbd> takes no focus; the hint is for the eye, the item's name is what is read
          <kbd className="palette-enter" aria-hidden="true">
            Enter
          </kbd>
        )}
      </button>
    </li>
  );

  return (
    <SidePane
      side="left"
      label="Services"
      title="Services"
      className="palette"
      header={
        <>
          <h2>Services</h2>
          <span className="muted small pane-count">{entries.length ? (q ? `${count} of ${entries.length}` : `${entries.length}`) : ''}</span>
        </>
      }
    >
      <label className="search">
        <IconSearch />
        <span className="visually-hidden">Search services</span>
        <input
          id={PALETTE_SEARCH_ID}
          type="search"
          placeholder="Search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKeyDown}
          aria-controls="palette-list"
          aria-describedby="palette-search-hint"
          autoComplete="off"
          spellCheck={false}
        />
        {!query && (
          // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <kbd> takes no focus; the shortcut hint is kept out of what the search box reads out
          <kbd className="search-key" aria-hidden="true" title="Press / or Ctrl+K to search">
            /
          </kbd>
        )}
      </label>
      <p id="palette-search-hint" className="visually-hidden">
        Enter adds the first match. Arrow down moves to the list.
      </p>
      <div className="palette-list" id="palette-list" ref={listRef}>
        {entries.length === 0 && <p className="empty-note">The service catalog is empty. Services appear here once catalog files are added.</p>}
        {entries.length > 0 && count === 0 && <p className="empty-note">No service matches “{query}”.</p>}
        {named.length > 0 && (
          <section className="palette-group" aria-label={`Matches for ${q}`}>
            <h3 className="palette-group-title">
              {named.length} {named.length === 1 ? 'match' : 'matches'}, best first
            </h3>
            <ul role="list">{named.map((e, i) => item(e, i === 0))}</ul>
          </section>
        )}
        {mentioned.length > 0 && (
          <section className="palette-group" aria-label={`Descriptions mentioning ${q}`}>
            <h3 className="palette-group-title">Mentioned in the description</h3>
            <ul role="list">{mentioned.map((e, i) => item(e, i === 0 && named.length === 0))}</ul>
          </section>
        )}
        {groups.map((g) => (
          <section key={g.category} className="palette-group" aria-label={CATEGORY_META[g.category].label}>
            <h3 className="palette-group-title">
              <span className="cat-dot" style={{ background: CATEGORY_META[g.category].color }} aria-hidden="true" />
              {CATEGORY_META[g.category].label}
            </h3>
            <ul role="list">{g.items.map((e) => item(e, false))}</ul>
          </section>
        ))}
      </div>
    </SidePane>
  );
}
