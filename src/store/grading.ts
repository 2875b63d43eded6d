/**
 * Keeps `report` in the store up to date: re-grades when what grading reads changed (services,
 * settings, labels, edges, scenario), never for position-only changes (drags, layout), and defers the
 * work out of the event that caused it so typing and dragging stay responsive.
 */
import type { Design } from '../domain/design.ts';
import { grade } from '../domain/grade.ts';
import { activeScenario, type AppStore } from './app-store.ts';

/** Whether two designs can grade differently (anything but node positions changed). */
export function gradingInputsChanged(prev: Design, next: Design): boolean {
  if (prev === next) return false;
  if (prev.edges !== next.edges || prev.nodes.length !== next.nodes.length) return true;
  for (let i = 0; i < next.nodes.length; i++) {
    const a = prev.nodes[i]!;
    const b = next.nodes[i]!;
    if (a === b) continue;
    if (a.id !== b.id || a.service !== b.service || a.settings !== b.settings || a.label !== b.label) return true;
  }
  return false;
}

/**
 * Grades now, then subscribes to the store.
 * @param delayMs how long to wait after a change before grading (0 = next macrotask)
 * @returns unsubscribe
 */
export function startGrading(store: AppStore, delayMs = 0): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    const state = store.getState();
    const loaded = activeScenario(state);
    const report = loaded ? grade(state.design, loaded.scenario, state.content.catalog, state.content.rules) : undefined;
    store.setState({ report });
  };
  run();
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.scenarioId === prev.scenarioId && !gradingInputsChanged(prev.design, s.design)) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  });
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
  };
}
