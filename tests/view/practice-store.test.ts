/** The practice store: persistence per scenario, unreadable records kept aside, interviews surviving a reload. */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/app-store.ts';
import { createPracticeStore } from '../../src/store/practice-store.ts';
import { inThreadAnalyser } from '../../src/store/analysis.ts';
import { startGrading } from '../../src/store/grading.ts';
import { fixtureContent } from './fixtures.ts';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

function stores(storage: Storage, clock: { t: number }) {
  const content = fixtureContent();
  const app = createAppStore({ content, storage });
  startGrading(app, inThreadAnalyser(content));
  const practice = createPracticeStore(app, { storage, now: () => clock.t, newId: () => `a${clock.t}` });
  return { app, practice };
}

describe('practice store', () => {
  it('keeps notes, history and a running interview across a reload, with feedback still hidden', async () => {
    const storage = memoryStorage();
    const clock = { t: 1_000_000 };
    const first = stores(storage, clock);
    first.practice.getState().revealHint('ingestion');
    first.practice.getState().setNodeNote('stream', 'On-demand: no shard maths at 3x peaks');
    await first.practice.getState().submit();
    first.practice.getState().startInterview({ requirements: 1, 'high-level-design': 1, 'deep-dive': 1 });
    first.practice.getState().revealHint('ingestion');
    expect(first.app.getState().feedbackHidden).toBe(true);

    clock.t += 10 * 60_000; // the tab was closed for ten minutes: longer than the 3-minute box
    const second = stores(storage, clock);
    expect(second.app.getState().feedbackHidden).toBe(true);
    expect(second.practice.getState().notes.nodeNotes).toEqual({ stream: 'On-demand: no shard maths at 3x peaks' });
    expect(second.practice.getState().notes.hintsUsed).toEqual({ ingestion: 1 });
    expect(second.practice.getState().history.attempts.map((a) => [a.mode, a.hintsUsed])).toEqual([['practice', 1]]);
    const result = (await second.practice.getState().submit('time-up'))!;
    expect([result.attempt.mode, result.attempt.endedBy, result.attempt.timeTakenMs, result.attempt.hintsUsed]).toEqual(['interview', 'time-up', 3 * 60_000, 1]);
    expect(second.app.getState().feedbackHidden).toBe(false);
    expect(JSON.parse(storage.getItem('archboard:attempts:iot-5tb-day')!).attempts).toHaveLength(2);
  });

  it('keeps an unreadable stored record aside and says where, instead of dropping it', () => {
    const storage = memoryStorage();
    storage.setItem('archboard:notes:iot-5tb-day', JSON.stringify({ format: 'archboard.attempt-notes', version: 1, deviations: { x: { reason: 'short', acceptedAt: 'now' } }, nodeNotes: {}, hintsUsed: {} }));
    const { app, practice } = stores(storage, { t: 42 });
    expect(practice.getState().notes.deviations).toEqual({});
    const [kept] = app.getState().recovered;
    expect(kept!.key).toBe('archboard:kept-aside:archboard:notes:iot-5tb-day:42');
    expect(kept!.problems.map((p) => p.path)).toEqual(['$.deviations.x.reason']);
    expect(storage.getItem('archboard:kept-aside:archboard:notes:iot-5tb-day:42')).toContain('"short"');
    expect(storage.getItem('archboard:notes:iot-5tb-day')).toBeNull();
  });

  it('reports every unreadable record, not only the last, and keeps offering them after a reload', () => {
    const storage = memoryStorage();
    storage.setItem('archboard:notes:iot-5tb-day', '{"format":"archboard.attempt-notes"');
    storage.setItem('archboard:attempts:iot-5tb-day', '[1,2,3]');
    storage.setItem('archboard:session:iot-5tb-day', '"nope"');
    const { app } = stores(storage, { t: 7 });
    const keys = app
      .getState()
      .recovered.map((r) => r.key)
      .sort();
    expect(keys).toEqual(['archboard:kept-aside:archboard:attempts:iot-5tb-day:7', 'archboard:kept-aside:archboard:notes:iot-5tb-day:7', 'archboard:kept-aside:archboard:session:iot-5tb-day:7']);
    for (const r of app.getState().recovered) expect(r.problems.length).toBeGreaterThan(0);
    // The reload: all three still offered until downloaded or discarded.
    const again = stores(storage, { t: 8 });
    expect(
      again.app
        .getState()
        .recovered.map((r) => r.key)
        .sort(),
    ).toEqual(keys);
    again.app.getState().discardRecovered(keys[0]!);
    expect(
      stores(storage, { t: 9 })
        .app.getState()
        .recovered.map((r) => r.key)
        .sort(),
    ).toEqual(keys.slice(1));
  });

  it('stopping an interview records nothing and shows feedback again', () => {
    const { app, practice } = stores(memoryStorage(), { t: 5 });
    practice.getState().startInterview({ requirements: 5, 'high-level-design': 20, 'deep-dive': 20 });
    practice.getState().abandonInterview();
    expect(app.getState().feedbackHidden).toBe(false);
    expect(practice.getState().history.attempts).toEqual([]);
  });
});
