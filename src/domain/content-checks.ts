/**
 * The checks of content beyond its schemas, with file and JSON path: catalog entries
 * (`catalog-checks.ts`), and requirement params: every string the params schema marks as a kind
 * (`kindSchema`) is a catalog id or a registered role, every setting key (`settingKeySchema`) is a
 * setting of some catalog entry (with a did-you-mean), and then each rule's own checks (`RuleContentCheck`: a setting the scope's services have, values that
 * are options of it). `npm run validate`, the CLI and the tests run them (`CONTENT_CHECKS` in
 * `rules/content-checks.ts`); the browser does not load this module, so its first load stays small:
 * the content it bundles is the shipped content the tests check. Pure.
 */
import type { z } from 'zod';
import type { Catalog, CatalogEntry, PathProblem } from './catalog.ts';
import { catalogEntryProblems } from './catalog-checks.ts';
import type { ContentChecks } from './content.ts';
import type { Scope } from './lake.ts';
import { isRole, ROLE_REGISTRY } from './roles.ts';
import { vocabularyRegistry, type Rule, type Vocabulary } from './rule-kit.ts';

/** One rule's own content checks: its parsed params against the catalog, problems at paths inside the params. */
export type RuleContentCheck = (params: unknown, catalog: Catalog) => PathProblem[];

/** Pairs a rule with its content check, typed by the rule's params (for `contentChecks`' map). */
export function contentCheck<P>(rule: Rule<P>, check: (params: P, catalog: Catalog) => PathProblem[]): readonly [string, RuleContentCheck] {
  return [rule.id, check as RuleContentCheck];
}

/**
 * The checks `assembleContent` takes: catalog entries by `catalogEntryProblems`; requirement params
 * for kinds and setting keys first, then the rule's own check (from `ruleChecks`, by rule id) once
 * every id in its params is known.
 */
export function contentChecks(ruleChecks: ReadonlyMap<string, RuleContentCheck>): ContentChecks {
  return {
    entry: catalogEntryProblems,
    params(catalog) {
      const vocab = vocabularyOf(catalog);
      return (rule, params, rawParams) => {
        const unknown = vocabularyStrings(rule.params, rawParams).flatMap(({ path, vocabulary, value }) => {
          const message = vocabulary === 'kind' ? unknownKind(value, vocab) : unknownSetting(value, vocab);
          return message ? [{ path, message }] : [];
        });
        return unknown.length ? unknown : (ruleChecks.get(rule.id)?.(params, catalog) ?? []);
      };
    },
  };
}

/**
 * The catalog entries a kind list can match: the entries of those ids and those with one of those
 * roles (their own or one an enum option gives). `#id` kinds match nothing here.
 */
export function entriesOfKinds(kinds: readonly string[], catalog: Catalog): CatalogEntry[] {
  return catalog.entries.filter((e) =>
    kinds.some((k) => k === e.id || (e.roles as readonly string[]).includes(k) || Object.values(e.settings).some((spec) => spec.type === 'enum' && spec.options.some((o) => (o.roles as readonly string[] | undefined)?.includes(k)))),
  );
}

/**
 * Problems with a setting a requirement names for nodes of some entries: no entry has it, or (for
 * enum and boolean settings) a value is none of its options on any of them.
 * @param at path of the setting key inside the params; `valuesAt` of the values list
 */
export function settingProblems(entries: readonly CatalogEntry[], key: string, values: readonly unknown[] | undefined, at: readonly (string | number)[], valuesAt: readonly (string | number)[]): PathProblem[] {
  const specs = entries.flatMap((e) => (e.settings[key] ? [e.settings[key]] : []));
  if (!entries.length) return [];
  if (!specs.length) return [{ path: at, message: `no service in scope (${entries.map((e) => e.id).join(', ')}) has a setting "${key}"` }];
  const fits = (v: unknown) => specs.some((spec) => (spec.type === 'enum' ? spec.options.some((o) => o.value === v) : spec.type === 'boolean' ? typeof v === 'boolean' : spec.type === 'integer' ? typeof v === 'number' : true));
  return (values ?? []).flatMap((v, i) => {
    if (fits(v)) return [];
    const options = [...new Set(specs.flatMap((spec) => (spec.type === 'enum' ? spec.options.map((o) => o.value) : spec.type === 'boolean' ? ['true', 'false'] : [])))];
    return [{ path: [...valuesAt, i], message: `${JSON.stringify(v)} is not a value of the setting "${key}"${options.length ? ` (one of: ${options.join(', ')})` : ''}` }];
  });
}

/**
 * Content problems of a scope (`lake.ts`): a `where` setting that no service of the selector's kinds
 * has, or a value that is not one of its options; and the same for `setting` with its `equals` values
 * when given (setting-value).
 * @param at path of the scope inside the params
 */
export function scopeProblems(
  scope: Scope,
  catalog: Catalog,
  at: readonly (string | number)[],
  setting?: { key: string; values?: readonly unknown[]; at: readonly (string | number)[]; valuesAt: readonly (string | number)[] },
): PathProblem[] {
  const entries = Array.isArray(scope) ? scope : [scope];
  const out: PathProblem[] = [];
  const plain = entries.filter((e): e is string => typeof e === 'string');
  const selectors = entries.map((e, i) => [e, Array.isArray(scope) ? [...at, i] : at] as const).filter((x): x is readonly [Exclude<(typeof entries)[number], string>, (string | number)[]] => typeof x[0] !== 'string');
  const inScope = new Set(plain.length ? entriesOfKinds(plain, catalog) : []);
  for (const [sel, path] of selectors) {
    const matched = sel.kinds ? entriesOfKinds(sel.kinds, catalog) : catalog.entries.filter((e) => !e.group);
    for (const e of matched) inScope.add(e);
    for (const [key, values] of Object.entries(sel.where ?? {})) out.push(...settingProblems(matched, key, values, [...path, 'where', key], [...path, 'where', key]));
  }
  if (setting) out.push(...settingProblems([...inScope], setting.key, setting.values, setting.at, setting.valuesAt));
  return out;
}

/** What params may name: catalog ids, registered roles, setting keys of catalog entries. */
export interface ContentVocabulary {
  catalogIds: ReadonlySet<string>;
  settingKeys: ReadonlySet<string>;
}

/** The vocabulary of a catalog (roles come from the registry, `roles.ts`). */
export function vocabularyOf(catalog: Catalog): ContentVocabulary {
  return { catalogIds: new Set(catalog.byId.keys()), settingKeys: new Set(catalog.entries.flatMap((e) => Object.keys(e.settings))) };
}

/**
 * Why a string is not a kind (a catalog id or a registered role), or undefined when it is one. `#id`
 * (one node, as the simulation asks) is accepted.
 */
export function unknownKind(kind: string, vocab: ContentVocabulary): string | undefined {
  if (vocab.catalogIds.has(kind) || isRole(kind) || kind.startsWith('#')) return undefined;
  const near = closest(kind, [...vocab.catalogIds, ...ROLE_REGISTRY.keys()]);
  return `unknown kind "${kind}": not a catalog id or a registered role${near ? ` (did you mean "${near}"?)` : ''}`;
}

/** Why a string is not the key of a setting of some catalog entry, or undefined when it is one. */
export function unknownSetting(key: string, vocab: ContentVocabulary): string | undefined {
  if (vocab.settingKeys.has(key)) return undefined;
  const near = closest(key, [...vocab.settingKeys]);
  return `unknown setting "${key}": no catalog entry has it${near ? ` (did you mean "${near}"?)` : ''}`;
}

/** The candidate within edit distance 2 of `word` (the nearest), for "did you mean". */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(word, c, bestDistance);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

/** Levenshtein distance, giving up (returning `cap`) once every row exceeds `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...row) >= cap) return cap;
    prev = row;
  }
  return prev[b.length]!;
}

/** A string of raw params that belongs to a vocabulary, with its path inside the params. */
export interface VocabularyString {
  path: (string | number)[];
  vocabulary: Vocabulary;
  value: string;
  /** The string is the key of an object at `path` (a `where` setting), not a value. */
  key?: true;
}

/**
 * The strings of raw params that the params schema marks as kinds or setting keys
 * (`vocabularyRegistry`), found by walking the schema beside the value: objects, arrays, tuples,
 * record keys and values, optional/default wrappers, and the union branch the value matches. Values
 * the schema refuses are skipped (the schema reports them). The params of nested requirements
 * (`any-of`) are `unknown` to the schema and left to their own check.
 */
export function vocabularyStrings(schema: z.ZodType, value: unknown, path: (string | number)[] = []): VocabularyString[] {
  const tag = vocabularyRegistry.get(schema);
  if (tag) return typeof value === 'string' ? [{ path, vocabulary: tag.vocabulary, value }] : [];
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const inner = (key: string) => def[key] as z.ZodType;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return value === undefined ? [] : vocabularyStrings(inner('innerType'), value, path);
    case 'pipe':
      return vocabularyStrings(inner('in'), value, path);
    case 'lazy':
      return vocabularyStrings((def.getter as () => z.ZodType)(), value, path);
    case 'object': {
      if (!isPlainObject(value)) return [];
      const shape = def.shape as Record<string, z.ZodType>;
      return Object.entries(shape).flatMap(([k, s]) => (Object.hasOwn(value, k) ? vocabularyStrings(s, value[k], [...path, k]) : []));
    }
    case 'array':
      return Array.isArray(value) ? value.flatMap((v, i) => vocabularyStrings(inner('element'), v, [...path, i])) : [];
    case 'tuple':
      return Array.isArray(value) ? (def.items as z.ZodType[]).flatMap((s, i) => (i < value.length ? vocabularyStrings(s, value[i], [...path, i]) : [])) : [];
    case 'record':
      return isPlainObject(value)
        ? Object.entries(value).flatMap(([k, v]) => [...vocabularyStrings(inner('keyType'), k, [...path, k]).map((s) => ({ ...s, key: true as const })), ...vocabularyStrings(inner('valueType'), v, [...path, k])])
        : [];
    case 'union': {
      const options = def.options as z.ZodType[];
      const match = options.find((o) => o.safeParse(value).success);
      return match ? vocabularyStrings(match, value, path) : [];
    }
    case 'intersection':
      return [...vocabularyStrings(inner('left'), value, path), ...vocabularyStrings(inner('right'), value, path)];
    default:
      return [];
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
