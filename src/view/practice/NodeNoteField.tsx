/** A node's trade-off note in the Inspector ("why Kinesis, not MSK"), kept in the attempt notes, not the design. */
import { useEffect, useId, useState } from 'react';
import { MAX_NOTE_CHARS } from '../../domain/attempt-notes.ts';
import { usePractice, usePracticeStore } from '../../store/practice-context.tsx';

export function NodeNoteField({ nodeId }: { nodeId: string }) {
  const practice = usePracticeStore();
  const stored = usePractice((s) => s.notes.nodeNotes[nodeId] ?? '');
  const [text, setText] = useState(stored);
  const id = useId();
  // Another node's note comes with a new field: the Inspector keys NodeInspector by node id.
  useEffect(() => setText(stored), [stored]);
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
        onChange={(e) => setText(e.target.value)}
        onBlur={() => text !== stored && practice.getState().setNodeNote(nodeId, text)}
      />
      <p id={`${id}-help`} className="field-help">
        Saved when you leave the field; included in the graded export.
      </p>
    </div>
  );
}
