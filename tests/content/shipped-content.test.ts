/**
 * The content the app ships is assembled at build time (scripts/shipped-content-plugin.ts, the
 * virtual module read by src/adapters/content.ts): it must be exactly what the loader makes of the
 * files on disk, in the same order, with no problem.
 */
import { describe, expect, it } from 'vitest';
import { CONTENT, contentProblems } from '../../src/adapters/content.ts';
import { loadContentFromDisk } from '../../src/cli/content.ts';

/** A copy without the editors' `$schema` keys, which the build drops. */
const withoutSchemaKeys = <T>(x: T): T => JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === '$schema' ? undefined : v))) as T;

describe('shipped content assembled at build time', () => {
  const disk = loadContentFromDisk().content;
  it('has no problems', () => {
    expect(contentProblems).toEqual([]);
  });
  it("holds the catalog entries of the files on disk, in order, with the index by id (less the editors' schema key)", () => {
    expect(CONTENT.catalog.entries).toStrictEqual(withoutSchemaKeys(disk.catalog.entries));
    expect([...CONTENT.catalog.byId.keys()]).toEqual(disk.catalog.entries.map((e) => e.id));
    for (const e of CONTENT.catalog.entries) expect(CONTENT.catalog.byId.get(e.id)).toBe(e);
  });
  it('holds every scenario with its reference, alternative and common-mistake designs', () => {
    expect(CONTENT.scenarios.map((s) => s.scenario.id)).toEqual(disk.scenarios.map((s) => s.scenario.id));
    expect(CONTENT.scenarios).toStrictEqual(withoutSchemaKeys(disk.scenarios));
  });
});
