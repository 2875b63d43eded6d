/** A node's trade-off note in the Inspector ("why Kinesis, not MSK"), kept in the attempt notes, not the design. */
import { memo, useEffect, useId, useState } from 'react';
import { MAX_NOTE_CHARS } from '../../domain/attempt-notes.ts';
import { useApp } from '../../store/context.tsx';
import { usePractice, usePracticeStore } from '../../store/practice-context.tsx';
import { readDraft, writeDraft } from '../drafts.ts';

/** Memoised: a settings change re-renders the Inspector, not this field (its props stay the same). */
export const NodeNoteField = memo(function NodeNoteField({ nodeId }: { nodeId: string }) {
  const practice = usePracticeStore();
  const scenarioId = useApp((s) => s.scenarioId);
  // Own keys only: a node named `constructor` has no note until one is written.
  const stored = usePractice((s) => (Object.hasOwn(s.notes.nodeNotes, nodeId) ? s.notes.nodeNotes[nodeId]! : ''));
  // A draft typed before a reload comes back (it is saved when the field is left).
  const [text, setText] = useState(() => readDraft('node-note', scenarioId, nodeId) ?? stored);
  const id = useId();
  // Another node's note comes with a new field (the Inspector keys NodeInspector by node id); its draft too.
  useEffect(() => setText(readDraft('node-note', scenarioId, nodeId) ?? stored), [stored, nodeId, scenarioId]);
  return (
    <div className="field node-note">
      <label htmlFor={id} className="field-label">
        Trade-off note
      </label>
      <textarea
        id={id}
        rows={3}
        maxLength={MAX_NOTE_CHARS}
        value={text}
        placeholder="Why this service and not another? (e.g. why Kinesis, not MSK)"
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          setText(e.target.value);
          writeDraft('node-note', scenarioId, nodeId, e.target.value);
        }}
        onBlur={() => {
          if (text !== stored) practice.getState().setNodeNote(nodeId, text);
          writeDraft('node-note', scenarioId, nodeId, undefined);
        }}
      />
      <p id={`${id}-help`} className="field-help">
        Saved when you leave the field (a draft survives a reload); included in the graded export.
      </p>
    </div>
  );
});
