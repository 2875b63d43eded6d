/**
 * Arrange a multi-selection (Inspector): align left / centre / right / top / middle / bottom (2+
 * nodes) and distribute horizontally / vertically (3+ nodes), each one undo step; plus copy, duplicate
 * and delete. Boxes come from React Flow's measured nodes in absolute canvas px.
 */
import { useReactFlow } from '@xyflow/react';
import type { Alignment, Axis, Box } from '../domain/arrange.ts';
import { useApp, useAppStore } from '../store/context.tsx';
import { arrangeBoxes, duplicateSelection } from '../store/editor.ts';
import { SHORTCUTS } from './shortcuts.ts';

const ALIGN: { value: Alignment; label: string }[] = [
  { value: 'left', label: 'Left' },
  { value: 'centre', label: 'Centre' },
  { value: 'right', label: 'Right' },
  { value: 'top', label: 'Top' },
  { value: 'middle', label: 'Middle' },
  { value: 'bottom', label: 'Bottom' },
];

export function ArrangePanel() {
  const store = useAppStore();
  const nodeIds = useApp((s) => s.selection.nodeIds);
  const readOnly = useApp((s) => !!s.readOnly);
  const { getInternalNode } = useReactFlow();
  // Members of a selected group move with it: arrange only the outermost selected nodes.
  const design = useApp((s) => s.design);
  const selected = new Set(nodeIds);
  const ids = nodeIds.filter((id) => {
    const n = design.nodes.find((x) => x.id === id);
    return n && !(n.parentId !== undefined && selected.has(n.parentId));
  });

  const run = (op: { align: Alignment } | { distribute: Axis }) => {
    const boxes: Box[] = [];
    const offsets = new Map<string, { x: number; y: number }>();
    for (const id of ids) {
      const n = getInternalNode(id);
      if (!n) continue;
      const abs = n.internals.positionAbsolute;
      boxes.push({ id, x: abs.x, y: abs.y, width: n.measured.width ?? 0, height: n.measured.height ?? 0 });
      offsets.set(id, { x: abs.x - n.position.x, y: abs.y - n.position.y });
    }
    arrangeBoxes(store, boxes, op, offsets);
  };

  return (
    <div className="arrange">
      {ids.length >= 2 && (
        <>
          <div className="arrange-row" role="group" aria-label="Align">
            <span className="field-label">Align</span>
            {ALIGN.map((a) => (
              <button key={a.value} type="button" className="btn btn-small" disabled={readOnly} onClick={() => run({ align: a.value })} title={`Align the selected nodes: ${a.label.toLowerCase()} (one undo step)`}>
                {a.label}
              </button>
            ))}
          </div>
          <div className="arrange-row" role="group" aria-label="Distribute">
            <span className="field-label">Distribute</span>
            <button type="button" className="btn btn-small" disabled={readOnly || ids.length < 3} onClick={() => run({ distribute: 'horizontal' })} title="Equal horizontal gaps (3 or more nodes)">
              Horizontally
            </button>
            <button type="button" className="btn btn-small" disabled={readOnly || ids.length < 3} onClick={() => run({ distribute: 'vertical' })} title="Equal vertical gaps (3 or more nodes)">
              Vertically
            </button>
          </div>
        </>
      )}
      {nodeIds.length > 0 && (
        <div className="arrange-row">
          <button type="button" className="btn btn-small" disabled={readOnly} onClick={() => duplicateSelection(store)} title={`Duplicate (${SHORTCUTS.duplicate})`}>
            Duplicate
          </button>
        </div>
      )}
    </div>
  );
}
