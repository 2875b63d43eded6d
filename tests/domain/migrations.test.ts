/** Numbered migrations of stored records: older versions are brought up in order, newer ones refused by name. */
import { describe, expect, it } from 'vitest';
import { ATTEMPTS_VERSION, emptyHistory, parseHistory } from '../../src/domain/attempts.ts';
import { emptyNotes, parseNotes } from '../../src/domain/attempt-notes.ts';
import { migrateRecord, type RecordKind } from '../../src/domain/migrations.ts';
import { PROGRESS_RECORD, readProgress, writeProgress } from '../../src/adapters/progress.ts';

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

describe('record migrations', () => {
  const kind: RecordKind = {
    format: 'test.kind',
    version: 3,
    migrations: [
      { from: 2, change: 'b doubled', up: (r) => ({ ...r, version: 3, b: Number(r.b) * 2 }) },
      { from: 1, change: 'a renamed b', up: ({ a, ...r }) => ({ ...r, version: 2, b: a }) },
    ],
  };

  it('runs each step from the record version up, in version order', () => {
    expect(migrateRecord({ format: 'test.kind', version: 1, a: 5 }, kind)).toEqual({ ok: true, data: { format: 'test.kind', version: 3, b: 10 }, migratedFrom: 1 });
    expect(migrateRecord({ format: 'test.kind', version: 2, b: 5 }, kind)).toEqual({ ok: true, data: { format: 'test.kind', version: 3, b: 10 }, migratedFrom: 2 });
    const current = { format: 'test.kind', version: 3, b: 1 };
    expect(migrateRecord(current, kind)).toEqual({ ok: true, data: current });
  });

  it('refuses a record from a newer version, naming both versions at $.version', () => {
    const r = migrateRecord({ format: 'test.kind', version: 4 }, kind);
    expect(r).toEqual({ ok: false, problems: [{ path: '$.version', message: expect.stringMatching(/version 4.*up to version 3/) }] });
  });

  it('leaves what it cannot place to the parser (not an object, another format, no version)', () => {
    for (const data of [null, 3, [1], { format: 'other', version: 1 }, { format: 'test.kind' }]) expect(migrateRecord(data, kind)).toEqual({ ok: true, data });
  });

  it('a notes or attempts record from a newer version is refused with a message a person can act on', () => {
    const notes = parseNotes({ ...emptyNotes('iot-5tb-day'), version: 7 });
    expect(notes).toEqual({ ok: false, problems: [{ path: '$.version', message: expect.stringContaining('newer version of Archboard') }] });
    const history = parseHistory({ ...emptyHistory('iot-5tb-day'), version: ATTEMPTS_VERSION + 1 });
    expect(history.ok).toBe(false);
    expect(parseHistory(emptyHistory('iot-5tb-day')).ok).toBe(true);
  });

  it('progress stored by version 1 (no format field) is read, and written back as the current version', () => {
    const storage = memoryStorage();
    storage.setItem('archboard:progress:iot-5tb-day', JSON.stringify({ passed: 3, total: 10, bestPassed: 7, bestTotal: 10, updatedAt: '2026-01-01T00:00:00.000Z' }));
    const p = readProgress(storage, 'iot-5tb-day');
    expect(p).toEqual({ passed: 3, total: 10, bestPassed: 7, bestTotal: 10, updatedAt: '2026-01-01T00:00:00.000Z' });
    writeProgress(storage, 'iot-5tb-day', p!);
    expect(JSON.parse(storage.getItem('archboard:progress:iot-5tb-day')!)).toMatchObject({ format: PROGRESS_RECORD.format, version: PROGRESS_RECORD.version, passed: 3 });
    expect(readProgress(storage, 'iot-5tb-day')).toEqual(p);
  });

  it('progress from a newer version is kept aside and reported with its reason, not dropped', () => {
    const storage = memoryStorage();
    const raw = JSON.stringify({ format: 'archboard.progress', version: 9, passed: 1, total: 2, bestPassed: 1, bestTotal: 2 });
    storage.setItem('archboard:progress:iot-5tb-day', raw);
    const unreadable: Parameters<typeof readProgress>[2] = [];
    expect(readProgress(storage, 'iot-5tb-day', unreadable, 1000)).toBeUndefined();
    expect(unreadable).toEqual([{ key: 'archboard:progress:iot-5tb-day', keptKey: expect.any(String), problems: [{ path: '$.version', message: expect.stringContaining('version 9') }] }]);
    expect(storage.getItem(unreadable[0]!.keptKey!)).toBe(raw);
  });
});
