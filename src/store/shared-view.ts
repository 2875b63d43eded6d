/**
 * Opening a share link: the shared design is shown read-only in place of the learner's own design,
 * which is kept aside (never saved over, never in the undo history) and put back when the shared view
 * closes. "Make a copy" puts the learner's design back and replaces it with the shared one as one
 * undoable command, so Undo returns to what the learner had.
 */
import type { Design } from '../domain/design.ts';
import type { AppStore } from './app-store.ts';

/** Shows a shared design read-only, switching to its scenario first when the bundle has it. */
export function openShared(store: AppStore, design: Design): void {
  const s = store.getState();
  if (s.readOnly) closeShared(store);
  if (design.scenarioId && design.scenarioId !== s.scenarioId && s.content.scenarios.some((x) => x.scenario.id === design.scenarioId)) s.selectScenario(design.scenarioId);
  const t = store.temporal.getState();
  t.pause();
  store.setState({ readOnly: { ownDesign: store.getState().design }, design, selection: { nodeIds: [], edgeIds: [] } });
  t.resume();
}

/** Leaves the shared view and puts the learner's own design back, unchanged. */
export function closeShared(store: AppStore): void {
  const own = store.getState().readOnly?.ownDesign;
  if (!own) return;
  const t = store.temporal.getState();
  t.pause();
  store.setState({ readOnly: undefined, design: own, selection: { nodeIds: [], edgeIds: [] } });
  t.resume();
}

/** Copies the shared design into the learner's design for the active scenario (one undo step). */
export function copyShared(store: AppStore): void {
  const s = store.getState();
  if (!s.readOnly) return;
  const shared = s.design;
  closeShared(store);
  const scenarioId = store.getState().scenarioId;
  const { scenarioId: _theirs, ...rest } = shared;
  store.getState().replaceDesign({ ...rest, ...(scenarioId ? { scenarioId } : {}) });
  store.getState().toast('success', 'Copied the shared design into your design.', 'Undo (Ctrl+Z) or "Restore previous design" brings your previous design back.');
}
