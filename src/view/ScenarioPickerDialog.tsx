/**
 * The scenario picker's dialog (ScenarioPicker.tsx): every scenario with difficulty, tags and
 * progress, searchable; loaded when the picker is first opened.
 */
import { useMemo, useState, type KeyboardEvent } from 'react';
import { nowAndBest, type ScenarioProgress } from '../domain/progress.ts';
import type { GradeReport } from '../domain/grade.ts';
import { visibleReport } from '../store/app-store.ts';
import { useApp, useAppStore } from '../store/context.tsx';
import { Dialog } from './Dialog.tsx';
import { IconSearch } from './icons.tsx';

/** "7/10 now · best 9/10" for a scenario, or "Not started". */
export function progressText(progress: ScenarioProgress | undefined, live?: GradeReport): string {
  const shown = nowAndBest(progress, live && { passed: live.counts.pass, total: live.results.length });
  if (!shown) return 'Not started';
  return `${shown.now.passed}/${shown.now.total} now · best ${shown.best.passed}/${shown.best.total}`;
}

const DIFFICULTY_ORDER = { beginner: 0, intermediate: 1, advanced: 2 } as const;

/** The dialog listing every scenario; picking one switches to it. */
export function PickerDialog({ onClose }: { onClose(): void }) {
  const store = useAppStore();
  const scenarios = useApp((s) => s.content.scenarios);
  const scenarioId = useApp((s) => s.scenarioId);
  const progress = useApp((s) => s.progress);
  // During an interview the active scenario's score stays hidden, here as everywhere else.
  const report = useApp(visibleReport);
  const feedbackHidden = useApp((s) => s.feedbackHidden);
  const started = useApp((s) => s.design.nodes.length > 0);
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState<string | undefined>();

  const tags = useMemo(() => [...new Set(scenarios.flatMap((s) => s.scenario.tags))].sort(), [scenarios]);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return scenarios
      .filter(({ scenario: s }) => (!tag || s.tags.includes(tag)) && (!q || [s.title, s.summary, ...s.tags].some((t) => t.toLowerCase().includes(q))))
      .sort((a, b) => DIFFICULTY_ORDER[a.scenario.difficulty] - DIFFICULTY_ORDER[b.scenario.difficulty] || a.scenario.title.localeCompare(b.scenario.title));
  }, [scenarios, query, tag]);

  const choose = (id: string) => {
    store.getState().selectScenario(id);
    onClose();
  };
  const onItemKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
    const items = [...(e.currentTarget.closest('.picker-list')?.querySelectorAll<HTMLButtonElement>('.picker-item') ?? [])];
    const i = items.indexOf(e.currentTarget);
    const next = e.key === 'ArrowDown' ? items[i + 1] : e.key === 'ArrowUp' ? items[i - 1] : e.key === 'Home' ? items[0] : items[items.length - 1];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };

  return (
    <Dialog
      title="Scenarios"
      onClose={onClose}
      actions={
        <button type="button" className="btn btn-quiet" onClick={onClose}>
          Close
        </button>
      }
    >
      <div className="scenario-picker">
        <div className="picker-filters">
          <label className="search">
            <IconSearch />
            <span className="visually-hidden">Search scenarios</span>
            <input
              type="search"
              placeholder="Search by title, summary or tag"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              data-autofocus
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown') {
                  e.preventDefault();
                  e.currentTarget.closest('.scenario-picker')?.querySelector<HTMLButtonElement>('.picker-item')?.focus();
                }
              }}
            />
          </label>
          {tags.length > 0 && (
            <label className="picker-tag">
              <span>Tag</span>
              <select value={tag ?? ''} onChange={(e) => setTag(e.target.value || undefined)} aria-label="Filter by tag">
                <option value="">All tags</option>
                {tags.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <p className="muted small" aria-live="polite">
          {shown.length === scenarios.length ? `${scenarios.length} scenarios` : `${shown.length} of ${scenarios.length} scenarios`}
        </p>
        <ul className="picker-list" role="list" aria-label="Scenarios">
          {shown.map(({ scenario: s }) => {
            const active = s.id === scenarioId;
            const text = active && feedbackHidden ? 'Interview in progress' : progressText(progress[s.id], active && report?.scenarioId === s.id && (started || progress[s.id]) ? report : undefined);
            return (
              <li key={s.id}>
                <button type="button" className={`picker-item${active ? ' is-active' : ''}`} onClick={() => choose(s.id)} onKeyDown={onItemKeyDown} aria-current={active ? 'true' : undefined} data-scenario={s.id}>
                  <span className="picker-item-head">
                    <span className="picker-item-title">{s.title}</span>
                    <span className={`pill diff-${s.difficulty}`}>{s.difficulty}</span>
                    {active && <span className="picker-current">Current</span>}
                  </span>
                  <span className="picker-item-summary">{s.summary}</span>
                  <span className="picker-item-foot">
                    <span className="picker-item-tags">
                      {s.tags.map((t) => (
                        <span key={t} className="pill pill-quiet">
                          {t}
                        </span>
                      ))}
                    </span>
                    <span className={`picker-progress${text === 'Not started' ? ' is-none' : ''}`} data-testid="scenario-progress">
                      {text}
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
          {shown.length === 0 && <li className="empty-note">No scenario matches.</li>}
        </ul>
      </div>
    </Dialog>
  );
}
