/**
 * A polite live region that tells screen-reader users when a requirement changes status after an
 * edit ("Requirement Keep 7 years now passes"). Nothing is said for the first grading of a design or
 * after a change of scenario; several changes at once are summed up in one sentence.
 */
import { useEffect, useRef, useState } from 'react';
import type { GradeReport } from '../domain/grade.ts';
import { visibleReport } from '../store/app-store.ts';
import { useApp } from '../store/context.tsx';

/** What to announce between two gradings of the same scenario; empty when nothing changed. */
export function announcement(prev: GradeReport | undefined, next: GradeReport | undefined): string {
  if (!prev || !next || prev.scenarioId !== next.scenarioId) return '';
  const before = new Map(prev.results.map((r) => [r.requirementId, r.status]));
  const changes: string[] = [];
  for (const r of next.results) {
    const was = before.get(r.requirementId);
    if (was === undefined || was === r.status) continue;
    const now = r.status === 'pass' ? 'now passes' : r.status === 'fail' ? 'now fails' : r.status === 'not-applicable' ? 'no longer applies' : 'could not be checked';
    changes.push(`Requirement "${r.text}" ${now}.`);
  }
  if (changes.length <= 3) return changes.join(' ');
  const passes = next.results.filter((r) => before.get(r.requirementId) !== r.status && r.status === 'pass').length;
  return `${changes.length} requirements changed: ${passes} now pass, ${changes.length - passes} now fail or no longer apply. ${next.counts.pass} of ${next.results.length} pass.`;
}

export function FindingsAnnouncer() {
  const report = useApp(visibleReport);
  const prev = useRef<GradeReport | undefined>(undefined);
  const [text, setText] = useState('');
  useEffect(() => {
    const said = announcement(prev.current, report);
    prev.current = report;
    if (said) setText(said);
  }, [report]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="findings-announcer">
      {text}
    </div>
  );
}
