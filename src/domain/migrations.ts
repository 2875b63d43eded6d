/**
 * Numbered migrations for the records the app stores next to designs (attempt notes, the attempt
 * history, progress). Each record says what it is (`format`) and which version of that format it is
 * (`version`); reading runs the migrations from the record's version up to the current one, in order,
 * and refuses a record written by a later version, naming both versions (the caller keeps it aside,
 * never drops it). Designs have their own migrations in design.ts.
 */

/** Turns a record of version `from` into one of version `from + 1`. */
export interface Migration {
  from: number;
  /** What changed, in a few words (documentation; shown nowhere). */
  change: string;
  up(record: Record<string, unknown>): Record<string, unknown>;
}

/** A stored record kind: its format name, its current version and the migrations up to it. */
export interface RecordKind {
  format: string;
  version: number;
  migrations: readonly Migration[];
  /** The version of a record written before the kind had a `format` field (none: such a record is not this kind). */
  unversionedIs?: number;
}

/** A problem at a JSON path of the record. */
export interface MigrationProblem {
  path: string;
  message: string;
}

/**
 * Brings parsed JSON up to the kind's current version. Data that is not an object, or names another
 * format, or has no whole-number version, is returned as it is (the kind's parser reports it).
 * @returns the migrated data and, when it changed, the version it was read from; or the problem that
 *   stops it (a version newer than this app reads, or a missing step)
 */
export function migrateRecord(data: unknown, kind: RecordKind): { ok: true; data: unknown; migratedFrom?: number } | { ok: false; problems: MigrationProblem[] } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: true, data };
  let record = data as Record<string, unknown>;
  const unversioned = !Object.hasOwn(record, 'format') && !Object.hasOwn(record, 'version');
  if (!unversioned && record.format !== kind.format) return { ok: true, data };
  const version = unversioned ? kind.unversionedIs : record.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: true, data };
  if (version > kind.version) return { ok: false, problems: [{ path: '$.version', message: `written by a newer version of Archboard (${kind.format} version ${version}); this one reads up to version ${kind.version}` }] };
  for (let v = version; v < kind.version; v++) {
    const step = kind.migrations.find((m) => m.from === v);
    if (!step) return { ok: false, problems: [{ path: '$.version', message: `no migration from ${kind.format} version ${v} to ${v + 1}` }] };
    record = step.up(record);
  }
  return version === kind.version ? { ok: true, data } : { ok: true, data: record, migratedFrom: version };
}
