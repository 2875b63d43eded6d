/**
 * Assembles the shipped content (catalog, scenarios with their designs) from already-read files and
 * checks every cross-reference: requirement rules exist and accept their params, designs load and name
 * their scenario, common-mistake requirement ids exist. The file reading itself is the caller's
 * (`import.meta.glob` in the browser, `fs` in Node), so this stays pure.
 */
import { jsonPath, parseCatalog, type Catalog, type ContentProblem } from './catalog.ts';
import { loadDesign, type Design } from './design.ts';
import type { RuleSet } from './grade.ts';
import type { z } from 'zod';
import { isRole, ROLE_REGISTRY } from './roles.ts';
import { vocabularyRegistry, type Vocabulary } from './rule-kit.ts';
import { scenarioSchema, type Scenario } from './scenario.ts';

/** A file already read and parsed: its path relative to the project root, and its JSON. */
export interface ContentFile {
  file: string;
  data: unknown;
}

/** A scenario with its reference, alternative and common-mistake designs loaded. */
export interface LoadedScenario {
  scenario: Scenario;
  reference: Design;
  /**
   * Further designs that pass every requirement with other services, in `alternativeDesigns` order.
   * The loader always sets it; optional so hand-built fixtures need not.
   */
  alternatives?: Design[];
  commonMistake: Design;
}

/** Everything the app, the CLI and the tests grade with. */
export interface Content {
  catalog: Catalog;
  scenarios: LoadedScenario[];
  rules: RuleSet;
}

/**
 * @param catalogFiles `catalog/*.json`
 * @param scenarioFiles `scenarios/<id>/scenario.json` and the design files next to them
 *   (`*.design.json`), all in one list
 * @param rules the rule set
 * @returns the content (what could be loaded) and every problem as file + JSON path + message
 */
export function assembleContent(catalogFiles: readonly ContentFile[], scenarioFiles: readonly ContentFile[], rules: RuleSet): { content: Content; problems: ContentProblem[] } {
  const { catalog, problems } = parseCatalog(catalogFiles);
  const scenarios: LoadedScenario[] = [];
  const byPath = new Map(scenarioFiles.map((f) => [f.file, f.data]));
  const vocab = vocabularyOf(catalog);
  for (const { file, data } of scenarioFiles) {
    if (!file.endsWith('/scenario.json')) continue;
    const parsed = scenarioSchema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ file, path: jsonPath(issue.path), message: issue.message });
      continue;
    }
    const scenario = parsed.data;
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    const before = problems.length;
    if (dir.replace(/\/$/, '').split('/').pop() !== scenario.id)
      problems.push({ file, path: '$.id', message: `id "${scenario.id}" does not match its folder "${dir}"` });
    const reqIds = new Set<string>();
    scenario.requirements.forEach((req, i) => {
      if (reqIds.has(req.id)) problems.push({ file, path: `$.requirements[${i}].id`, message: `duplicate requirement id "${req.id}"` });
      reqIds.add(req.id);
      checkRequirement(req.rule, req.params, `$.requirements[${i}]`, file, rules, problems, 0, vocab, catalog);
    });
    scenario.commonMistake.fails.forEach((id, i) => {
      if (!reqIds.has(id)) problems.push({ file, path: `$.commonMistake.fails[${i}]`, message: `no requirement "${id}" in this scenario` });
    });
    const loadFrom = (name: string, where: string): Design | undefined => {
      const designFile = dir + name;
      if (!byPath.has(designFile)) return void problems.push({ file, path: where, message: `design file "${designFile}" not found` });
      const result = loadDesign(byPath.get(designFile), catalog);
      if (!result.ok) return void problems.push(...result.problems.map((p) => ({ file: designFile, ...p })));
      if (result.design.scenarioId !== scenario.id)
        problems.push({ file: designFile, path: '$.scenarioId', message: `expected "${scenario.id}", found ${JSON.stringify(result.design.scenarioId)}` });
      return result.design;
    };
    const reference = loadFrom(scenario.referenceDesign, '$.referenceDesign');
    const alternatives = (scenario.alternativeDesigns ?? []).map((name, i) => loadFrom(name, `$.alternativeDesigns[${i}]`));
    const commonMistake = loadFrom(scenario.commonMistake.design, '$.commonMistake.design');
    if (reference && commonMistake && problems.length === before)
      scenarios.push({ scenario, reference, alternatives: alternatives.filter((d): d is Design => d !== undefined), commonMistake });
  }
  return { content: { catalog, scenarios, rules }, problems };
}

/**
 * Checks that a requirement's rule exists and accepts its params, and so on for the requirements
 * written inside its params (the alternatives of `any-of`), each reported at its own JSON path.
 * @param at JSON path of the requirement (`$.requirements[3]`); the rule is at `.rule`, params at `.params`
 */
function checkRequirement(ruleId: string, rawParams: unknown, at: string, file: string, rules: RuleSet, problems: ContentProblem[], depth: number, vocab: ContentVocabulary, catalog: Catalog): void {
  const rule = rules.get(ruleId);
  if (!rule) return void problems.push({ file, path: `${at}.rule`, message: `unknown rule "${ruleId}"` });
  const params = rule.params.safeParse(rawParams);
  if (!params.success) {
    for (const issue of params.error.issues) problems.push({ file, path: `${at}.params${jsonPath(issue.path).slice(1)}`, message: issue.message });
    return;
  }
  const before = problems.length;
  for (const { path, vocabulary, value } of vocabularyStrings(rule.params, rawParams)) {
    const problem = vocabulary === 'kind' ? unknownKind(value, vocab) : unknownSetting(value, vocab);
    if (problem) problems.push({ file, path: `${at}.params${jsonPath(path).slice(1)}`, message: problem });
  }
  // The rule's own checks (a setting the scope's services have, its values) once every id is known.
  if (problems.length === before) for (const p of rule.contentProblems?.(params.data, catalog) ?? []) problems.push({ file, path: `${at}.params${jsonPath(p.path).slice(1)}`, message: p.message });
  if (depth >= 8) return void problems.push({ file, path: at, message: 'requirements nested more than 8 deep' });
  for (const inner of rule.nested?.(params.data) ?? []) checkRequirement(inner.rule, inner.params, `${at}.params${jsonPath(inner.path).slice(1)}`, file, rules, problems, depth + 1, vocab, catalog);
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
      return isPlainObject(value) ? Object.entries(value).flatMap(([k, v]) => [...vocabularyStrings(inner('keyType'), k, [...path, k]).map((s) => ({ ...s, key: true as const })), ...vocabularyStrings(inner('valueType'), v, [...path, k])]) : [];
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
