/**
 * Assembles the shipped content (catalog, scenarios with their designs) from already-read files and
 * checks every cross-reference: requirement rules exist and accept their params, designs load and name
 * their scenario, common-mistake requirement ids exist. The file reading itself is the caller's
 * (`import.meta.glob` in the browser, `fs` in Node), so this stays pure.
 *
 * The deeper checks (what a catalog entry refers to exists; every kind and setting key in requirement
 * params exists and settings belong to the scope's services) are `ContentChecks` the caller passes:
 * `npm run validate`, the CLI and the tests pass `CONTENT_CHECKS` (`rules/content-checks.ts`); the
 * browser does not, so that code stays out of its first load (the content it bundles is the content
 * the tests check).
 */
import { jsonPath, type Catalog, type CatalogEntry, type ContentProblem, type PathProblem } from './catalog.ts';
import { parseCatalog } from './catalog-schema.ts';
import { loadDesign, type Design } from './design.ts';
import type { RuleSet } from './grade.ts';
import type { Rule } from './rule-kit.ts';
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

/** The catalog and the scenarios: what the editor shows (the app's main thread holds no rules). */
export interface ShippedContent {
  catalog: Catalog;
  scenarios: LoadedScenario[];
}

/** Everything the app's analysis worker, the CLI and the tests grade with: the content and the rule set. */
export interface Content extends ShippedContent {
  rules: RuleSet;
}

/** A check of requirement params beyond their schema: the rule, its parsed params and the params as written. */
export type ParamsCheck = (rule: Rule, params: unknown, rawParams: unknown) => PathProblem[];

/**
 * Checks of content beyond its schemas (`content-checks.ts`); each problem at its path inside the
 * catalog entry or the requirement's params.
 */
export interface ContentChecks {
  /** A parsed catalog entry against the catalog (see `parseCatalog`). */
  entry(entry: CatalogEntry, catalog: Catalog): PathProblem[];
  /** The check of requirement params for one catalog. */
  params(catalog: Catalog): ParamsCheck;
}

/**
 * @param catalogFiles `catalog/*.json`
 * @param scenarioFiles `scenarios/<id>/scenario.json` and the design files next to them
 *   (`*.design.json`), all in one list
 * @param rules the rule set; without it requirements are not checked against their rules (the app's
 *   main thread, which never grades: the shipped content is checked with the rules by the tests)
 * @param checks further checks of catalog entries and requirement params (`CONTENT_CHECKS`); none when absent
 * @returns the content (what could be loaded) and every problem as file + JSON path + message
 */
export function assembleContent(catalogFiles: readonly ContentFile[], scenarioFiles: readonly ContentFile[], rules: RuleSet, checks?: ContentChecks): { content: Content; problems: ContentProblem[] };
export function assembleContent(catalogFiles: readonly ContentFile[], scenarioFiles: readonly ContentFile[]): { content: ShippedContent; problems: ContentProblem[] };
export function assembleContent(catalogFiles: readonly ContentFile[], scenarioFiles: readonly ContentFile[], rules?: RuleSet, checks?: ContentChecks): { content: ShippedContent | Content; problems: ContentProblem[] } {
  const { catalog, problems } = parseCatalog(catalogFiles, checks?.entry);
  const scenarios: LoadedScenario[] = [];
  const byPath = new Map(scenarioFiles.map((f) => [f.file, f.data]));
  const checkParams = checks?.params(catalog);
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
    if (dir.replace(/\/$/, '').split('/').pop() !== scenario.id) problems.push({ file, path: '$.id', message: `id "${scenario.id}" does not match its folder "${dir}"` });
    const reqIds = new Set<string>();
    scenario.requirements.forEach((req, i) => {
      if (reqIds.has(req.id)) problems.push({ file, path: `$.requirements[${i}].id`, message: `duplicate requirement id "${req.id}"` });
      reqIds.add(req.id);
      if (rules) checkRequirement(req.rule, req.params, `$.requirements[${i}]`, file, rules, problems, 0, checkParams);
    });
    scenario.commonMistake.fails.forEach((id, i) => {
      if (!reqIds.has(id)) problems.push({ file, path: `$.commonMistake.fails[${i}]`, message: `no requirement "${id}" in this scenario` });
    });
    const loadFrom = (name: string, where: string): Design | undefined => {
      const designFile = dir + name;
      if (!byPath.has(designFile)) return void problems.push({ file, path: where, message: `design file "${designFile}" not found` });
      const result = loadDesign(byPath.get(designFile), catalog);
      if (!result.ok) return void problems.push(...result.problems.map((p) => ({ file: designFile, ...p })));
      if (result.design.scenarioId !== scenario.id) problems.push({ file: designFile, path: '$.scenarioId', message: `expected "${scenario.id}", found ${JSON.stringify(result.design.scenarioId)}` });
      return result.design;
    };
    const reference = loadFrom(scenario.referenceDesign, '$.referenceDesign');
    const alternatives = (scenario.alternativeDesigns ?? []).map((name, i) => loadFrom(name, `$.alternativeDesigns[${i}]`));
    const commonMistake = loadFrom(scenario.commonMistake.design, '$.commonMistake.design');
    if (reference && commonMistake && problems.length === before) scenarios.push({ scenario, reference, alternatives: alternatives.filter((d): d is Design => d !== undefined), commonMistake });
  }
  return { content: rules ? { catalog, scenarios, rules } : { catalog, scenarios }, problems };
}

/**
 * Checks that a requirement's rule exists and accepts its params, and so on for the requirements
 * written inside its params (the alternatives of `any-of`), each reported at its own JSON path.
 * @param at JSON path of the requirement (`$.requirements[3]`); the rule is at `.rule`, params at `.params`
 * @param checkParams the caller's further checks of the params, if any
 */
function checkRequirement(ruleId: string, rawParams: unknown, at: string, file: string, rules: RuleSet, problems: ContentProblem[], depth: number, checkParams?: ParamsCheck): void {
  const rule = rules.get(ruleId);
  if (!rule) return void problems.push({ file, path: `${at}.rule`, message: `unknown rule "${ruleId}"` });
  const params = rule.params.safeParse(rawParams);
  if (!params.success) {
    for (const issue of params.error.issues) problems.push({ file, path: `${at}.params${jsonPath(issue.path).slice(1)}`, message: issue.message });
    return;
  }
  for (const p of checkParams?.(rule, params.data, rawParams) ?? []) problems.push({ file, path: `${at}.params${jsonPath(p.path).slice(1)}`, message: p.message });
  if (depth >= 8) return void problems.push({ file, path: at, message: 'requirements nested more than 8 deep' });
  for (const inner of rule.nested?.(params.data) ?? []) checkRequirement(inner.rule, inner.params, `${at}.params${jsonPath(inner.path).slice(1)}`, file, rules, problems, depth + 1, checkParams);
}
