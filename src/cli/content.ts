/**
 * Reads the shipped content from disk (Node only): `catalog/*.json` and `scenarios/**\/*.json` under a
 * project root, parsed and assembled with the rule set.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContentProblem } from '../domain/catalog.ts';
import { assembleContent, type Content, type ContentFile } from '../domain/content.ts';
import type { RuleSet } from '../domain/grade.ts';
import { CONTENT_CHECKS } from '../../rules/content-checks.ts';
import { RULES } from '../../rules/index.ts';

/** The `$schema` value each kind of content file must carry, relative to that file. */
export const SCHEMA_REFS = {
  catalog: '../schemas/catalog-entry.schema.json',
  scenario: '../../schemas/scenario.schema.json',
} as const;

/** The project root (two levels above this file). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Reads every `.json` file under `dir` (recursively). A file that is not JSON becomes a problem, not
 * an exception.
 */
export function readJsonFiles(root: string, dir: string, problems: ContentProblem[]): ContentFile[] {
  const out: ContentFile[] = [];
  const walk = (abs: string) => {
    for (const name of readdirSync(abs).sort()) {
      const path = join(abs, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json')) {
        const file = relative(root, path).split('\\').join('/');
        try {
          out.push({ file, data: JSON.parse(readFileSync(path, 'utf8')) });
        } catch (e) {
          problems.push({ file, path: '$', message: `not valid JSON: ${(e as Error).message}` });
        }
      }
    }
  };
  walk(join(root, dir));
  return out;
}

/**
 * Loads catalog, scenarios and rules from a project root, with every content check (`CONTENT_CHECKS`).
 * @param root defaults to this project; tests pass a copy to check problem reporting
 */
export function loadContentFromDisk(root: string = PROJECT_ROOT, rules: RuleSet = RULES): { content: Content; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const catalogFiles = readJsonFiles(root, 'catalog', problems);
  const scenarioFiles = readJsonFiles(root, 'scenarios', problems);
  // Each content file names its JSON Schema, so editors validate and complete it.
  const refs = [...catalogFiles.map((f) => [f, SCHEMA_REFS.catalog] as const), ...scenarioFiles.filter((f) => f.file.endsWith('/scenario.json')).map((f) => [f, SCHEMA_REFS.scenario] as const)];
  for (const [f, ref] of refs) {
    const given = (f.data as { $schema?: unknown } | null)?.$schema;
    if (given !== ref) problems.push({ file: f.file, path: '$.$schema', message: `expected "${ref}" so editors can validate this file, found ${JSON.stringify(given)}` });
  }
  const assembled = assembleContent(catalogFiles, scenarioFiles, rules, CONTENT_CHECKS);
  return { content: assembled.content, problems: [...problems, ...assembled.problems] };
}
