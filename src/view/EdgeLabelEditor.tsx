/**
 * Inline editing of a connection's label on the canvas: mounted by the edge (FlowEdge.tsx) over its
 * midpoint while it is being edited (double-click the edge or its label, or select it and press Enter). Enter or leaving
 * the box keeps the text (one undo step); Escape drops the edit.
 */
import { EdgeLabelRenderer } from '@xyflow/react';
import { EDGE_SETTINGS } from '../domain/design.ts';
import type { AppStore } from '../store/app-store.ts';
import { useApp, useAppStore } from '../store/context.tsx';
import { readDraft, writeDraft } from './drafts.ts';
import { useEditorUi } from './editor-ui.ts';

export function EdgeLabelEditor({ id, x, y, label }: { id: string; x: number; y: number; label: string | undefined }) {
  const store = useAppStore();
  const scenarioId = useApp((s) => s.scenarioId);
  // Typed text is kept as a draft on every keystroke, so a reload reopens the editor with it.
  return (
    <EdgeLabelRenderer>
      <input
        className="edge-label-editor nodrag nopan"
        style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
        aria-label="Connection label (Enter to keep, Escape to cancel)"
        defaultValue={readDraft('edge-label', scenarioId, id) ?? label ?? ''}
        onChange={(e) => writeDraft('edge-label', scenarioId, id, e.currentTarget.value)}
        maxLength={EDGE_SETTINGS.label.maxLength}
        placeholder="Label"
        autoFocus
        onFocus={(e) => e.currentTarget.select()}
        onBlur={(e) => finish(store, id, e.currentTarget.value, true)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') finish(store, id, e.currentTarget.value, true);
          else if (e.key === 'Escape') finish(store, id, '', false);
        }}
      />
    </EdgeLabelRenderer>
  );
}

function finish(store: AppStore, id: string, text: string, keep: boolean) {
  if (!useEditorUi.getState().editing) return;
  useEditorUi.getState().edit(undefined);
  writeDraft('edge-label', store.getState().scenarioId, id, undefined);
  const label = text.trim().slice(0, EDGE_SETTINGS.label.maxLength);
  const before = store.getState().design.edges.find((e) => e.id === id)?.settings?.label ?? '';
  if (keep && label !== before) store.getState().dispatch({ type: 'setEdgeSettings', edgeId: id, settings: { label } });
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`.react-flow__edge[data-id="${CSS.escape(id)}"]`)?.focus());
}
