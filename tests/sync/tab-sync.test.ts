/** Solo tab sync (BroadcastChannel + Yjs) between two app stores, as two tabs of one browser. */
import { expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../src/store/app-store.ts';
import { startTabSync } from '../../src/store/tab-sync.ts';
import { content } from '../support/designs.ts';

const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};
const ids = (s: AppStore) =>
  s
    .getState()
    .design.nodes.map((n) => n.id)
    .sort();

it('a tab that opens later takes the open tab’s live design, not its own stale copy; edits go both ways', async () => {
  const prefix = `test-tabs-${Math.random()}:`;
  const one = createAppStore({ content, scenarioId: 'iot-5tb-day' });
  const stopOne = startTabSync(one, prefix);
  // Edited at once, before it has heard whether another tab is open (it listens for 150 ms).
  const k = one.getState().addService('amazon-kinesis-data-streams', { x: 0, y: 0 })!;
  // The second tab starts from a stale stored copy (here: something else entirely).
  const two = createAppStore({ content, scenarioId: 'iot-5tb-day' });
  two.getState().dispatch({ type: 'addNode', node: { id: 'stale', service: 'amazon-s3', position: { x: 0, y: 0 } } });
  const stopTwo = startTabSync(two, prefix);
  await until(() => ids(two).includes(k));
  expect(ids(two)).toEqual([k]);
  const s3 = two.getState().addService('amazon-s3', { x: 300, y: 0 })!;
  await until(() => ids(one).includes(s3));
  one.getState().undo();
  await until(() => !ids(two).includes(k));
  expect(ids(two)).toEqual([s3]);
  stopOne();
  stopTwo();
});
