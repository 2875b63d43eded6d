/**
 * Group membership in the inspector, the keyboard way to do what dragging does on the canvas: a node's
 * "In group" choice (moves it into another group or out to the canvas, keeping it where it is on
 * screen when it fits in the new box), and for a group the list of what is inside it.
 */
import type { DesignNode } from '../domain/design.ts';
import { useApp, useAppStore } from '../store/context.tsx';
import { groupCaption } from './GroupNode.tsx';
import { absolutePositions, isGroupNode, nodeSize, withDescendants } from '../domain/groups.ts';
import { withDefaults } from '../domain/catalog.ts';

/** Where a member is put when its current place is outside the new group's box (below the caption). */
const INSET = { x: 24, y: 56 };

export function GroupMembership({ node }: { node: DesignNode }) {
  const store = useAppStore();
  const design = useApp((s) => s.design);
  const catalog = useApp((s) => s.content.catalog);
  const excluded = withDescendants(design, node.id);
  const groups = design.nodes.filter((n) => isGroupNode(n, catalog) && !excluded.has(n.id));
  const isGroup = isGroupNode(node, catalog);
  const members = isGroup ? design.nodes.filter((n) => n.parentId === node.id) : [];
  if (!groups.length && !isGroup) return null;

  const nameOf = (n: DesignNode) => {
    const entry = catalog.byId.get(n.service);
    if (!entry) return n.id;
    if (!entry.group) return n.label || entry.shortName;
    const { kind, detail } = groupCaption(entry, withDefaults(entry, n.settings));
    return `${n.label || kind}${detail ? ` (${detail})` : ''}`;
  };

  const move = (parentId: string | undefined) => {
    const abs = absolutePositions(design);
    const mine = abs.get(node.id) ?? node.position;
    let position = mine;
    if (parentId !== undefined) {
      const g = abs.get(parentId)!;
      const box = nodeSize(design.nodes.find((n) => n.id === parentId)!, catalog);
      const size = nodeSize(node, catalog);
      position = { x: mine.x - g.x, y: mine.y - g.y };
      if (position.x < 0 || position.y < 0 || position.x + size.width > box.width || position.y + size.height > box.height) position = INSET;
    }
    store.getState().dispatch({ type: 'setParent', nodeId: node.id, parentId, position: { x: Math.round(position.x), y: Math.round(position.y) } });
  };

  return (
    <section className="inspector-section">
      <h4>Group</h4>
      {groups.length > 0 && (
        <div className="field">
          <label className="field-label" htmlFor={`parent-${node.id}`}>
            In group
          </label>
          <select id={`parent-${node.id}`} value={node.parentId ?? ''} onChange={(e) => move(e.target.value || undefined)}>
            <option value="">None (on the canvas)</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {nameOf(g)}
              </option>
            ))}
          </select>
        </div>
      )}
      {isGroup && (
        <>
          <p className="muted small">{members.length ? `Inside this group (${members.length}):` : 'Nothing inside yet: drop services onto the box, or choose this group under “In group” in their settings.'}</p>
          {members.length > 0 && (
            <ul className="conn-list">
              {members.map((m) => (
                <li key={m.id}>{nameOf(m)}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
