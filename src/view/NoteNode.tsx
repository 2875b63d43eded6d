/**
 * A text note on the canvas (catalog entry `text-note`): a sticky note showing its `text` setting.
 * Double-click it, or select it and press Enter, to edit the text in place: Ctrl+Enter or leaving the
 * box keeps the text (one undo step), Escape drops the edit. The Inspector edits the same setting.
 */
import type { NodeProps } from '@xyflow/react';
import { memo, useEffect, useEffectEvent, useRef, useState } from 'react';
import { useApp, useAppStore } from '../store/context.tsx';
import { readDraft, writeDraft } from './drafts.ts';
import { useEditorUi } from './editor-ui.ts';
import type { ServiceFlowNode } from './ServiceNode.tsx';

/** Longest note text, as the catalog entry's `text` setting allows. */
export const NOTE_MAX = 2000;

function NoteNodeView({ id, selected }: NodeProps<ServiceFlowNode>) {
  const store = useAppStore();
  const text = useApp((s) => {
    const v = s.design.nodes.find((n) => n.id === id)?.settings?.text;
    return typeof v === 'string' ? v : '';
  });
  const editing = useEditorUi((s) => s.editing?.kind === 'note' && s.editing.id === id);
  const [draft, setDraft] = useState(text);
  const box = useRef<HTMLTextAreaElement>(null);
  // Opening the editor starts from the saved text (or a draft typed before a reload); a change to that
  // text while editing leaves the draft as it is.
  const startEditing = useEffectEvent(() => {
    setDraft(readDraft('note', store.getState().scenarioId, id) ?? text);
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.select();
    });
  });
  useEffect(() => {
    if (editing) startEditing();
  }, [editing]);
  const finish = (keep: boolean) => {
    if (!useEditorUi.getState().editing) return;
    useEditorUi.getState().edit(undefined);
    writeDraft('note', store.getState().scenarioId, id, undefined);
    if (keep && draft !== text) store.getState().dispatch({ type: 'setNodeSetting', nodeId: id, key: 'text', value: draft.slice(0, NOTE_MAX) });
    // Give focus back to the note on the canvas, so keyboard work goes on from there.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.focus());
  };
  return (
    <div className={`note-node${selected ? ' is-selected' : ''}`} data-service="text-note" aria-label={`Note: ${text || 'empty'}`} onDoubleClick={() => !store.getState().readOnly && useEditorUi.getState().edit({ kind: 'note', id })}>
      {editing ? (
        <textarea
          ref={box}
          className="note-editor nodrag nopan nowheel"
          aria-label="Note text (Ctrl+Enter to keep, Escape to cancel)"
          value={draft}
          maxLength={NOTE_MAX}
          onChange={(e) => {
            setDraft(e.target.value);
            writeDraft('note', store.getState().scenarioId, id, e.target.value);
          }}
          onBlur={() => finish(true)}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Escape') finish(false);
            else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) finish(true);
          }}
        />
      ) : (
        <p className={`note-text${text ? '' : ' is-empty'}`}>{text || 'Double-click to write a note'}</p>
      )}
    </div>
  );
}

export const NoteNode = memo(NoteNodeView);
