/**
 * The service palette: catalog entries grouped by category, filtered by a search box. Each item can be
 * dragged onto the canvas, or focused (Tab, arrow keys) and added at the centre of the view with Enter.
 */
import { useReactFlow } from '@xyflow/react';
import { useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { CATEGORIES, CATEGORY_META, type CatalogEntry } from '../domain/catalog.ts';
import { useApp, useAppStore } from '../store/context.tsx';
import { SERVICE_DND_TYPE } from './Canvas.tsx';
import { DEFAULT_GROUP_SIZE, placement } from './groups.ts';
import { IconSearch } from './icons.tsx';
import { ServiceIcon } from './ServiceIcon.tsx';
import { NODE_HEIGHT, NODE_WIDTH } from './ServiceNode.tsx';

function matches(entry: CatalogEntry, query: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  return [entry.name, entry.shortName, entry.description].some((t) => t.toLowerCase().includes(q));
}

export function Palette() {
  const store = useAppStore();
  const entries = useApp((s) => s.content.catalog.entries);
  const [query, setQuery] = useState('');
  const listRef = useRef<HTMLDivElement>(null);
  const { screenToFlowPosition } = useReactFlow();

  const groups = useMemo(() => {
    const q = query.trim();
    return CATEGORIES.map((category) => ({ category, items: entries.filter((e) => e.category === category && matches(e, q)) })).filter((g) => g.items.length);
  }, [entries, query]);
  const count = groups.reduce((n, g) => n + g.items.length, 0);

  const addAtCentre = (entry: CatalogEntry) => {
    const pane = document.querySelector('.canvas .react-flow');
    const r = pane?.getBoundingClientRect();
    const centre = r && r.width ? screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 }) : { x: 0, y: 0 };
    const size = entry.group ? DEFAULT_GROUP_SIZE : { width: NODE_WIDTH, height: NODE_HEIGHT };
    // At the centre of the view; inside the group there, if any (as a drop would do).
    const place = placement(store.getState().design, store.getState().content.catalog, entry.id, { x: centre.x - size.width / 2, y: centre.y - size.height / 2 });
    store.getState().addService(entry.id, place.position, place.parentId);
    store.getState().toast('success', `Added ${entry.shortName} to the canvas.`);
  };

  const onItemKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
    const items = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('.palette-item') ?? [])];
    const i = items.indexOf(e.currentTarget);
    const next = e.key === 'ArrowDown' ? items[i + 1] : e.key === 'ArrowUp' ? items[i - 1] : e.key === 'Home' ? items[0] : items[items.length - 1];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };

  const onDragStart = (e: DragEvent<HTMLButtonElement>, entry: CatalogEntry) => {
    e.dataTransfer.setData(SERVICE_DND_TYPE, entry.id);
    e.dataTransfer.setData('text/plain', entry.name);
    e.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <aside className="pane palette" aria-label="Services">
      <div className="pane-header">
        <h2>Services</h2>
        <span className="muted small">{entries.length ? `${count} of ${entries.length}` : ''}</span>
      </div>
      <label className="search">
        <IconSearch />
        <span className="visually-hidden">Search services</span>
        <input type="search" placeholder="Search services" value={query} onChange={(e) => setQuery(e.target.value)} aria-controls="palette-list" />
      </label>
      <div className="palette-list" id="palette-list" ref={listRef}>
        {entries.length === 0 && <p className="empty-note">The service catalog is empty. Services appear here once catalog files are added.</p>}
        {entries.length > 0 && count === 0 && <p className="empty-note">No service matches “{query}”.</p>}
        {groups.map((g) => (
          <section key={g.category} className="palette-group" aria-label={CATEGORY_META[g.category].label}>
            <h3 className="palette-group-title">
              <span className="cat-dot" style={{ background: CATEGORY_META[g.category].color }} aria-hidden="true" />
              {CATEGORY_META[g.category].label}
            </h3>
            <ul role="list">
              {g.items.map((entry) => (
                <li key={entry.id}>
                  <button
                    type="button"
                    className="palette-item"
                    draggable
                    data-service={entry.id}
                    onDragStart={(e) => onDragStart(e, entry)}
                    onClick={() => addAtCentre(entry)}
                    onKeyDown={onItemKeyDown}
                    title={`${entry.name}: ${entry.description}\nDrag onto the canvas, or press Enter to add it at the centre.`}
                    style={{ '--cat': CATEGORY_META[entry.category].color } as React.CSSProperties}
                  >
                    <ServiceIcon entry={entry} size={28} className="small" />
                    <span className="palette-item-text">
                      <span className="palette-item-name">{entry.shortName}</span>
                      <span className="palette-item-desc">{entry.name}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}
