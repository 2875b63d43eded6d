/**
 * The content check behind `npm run validate [-- <project root>]` (entry point: validate.ts): every
 * catalog and scenario file and every cross-reference (rule ids and params, kinds and setting keys the
 * params name, catalog ids, design files, requirement ids, `$schema` keys), each problem as
 * `file: JSON path: message`.
 */
import { loadContentFromDisk } from './content.ts';

/**
 * Validates the content under a project root.
 * @returns exit code 0 when clean, 1 otherwise, and the text to print
 */
export function runValidate(root: string): { code: 0 | 1; stdout: string } {
  const { content, problems } = loadContentFromDisk(root);
  const lines = problems.map((p) => `${p.file}: ${p.path}: ${p.message}`);
  if (problems.length) return { code: 1, stdout: [...lines, `${problems.length} problem${problems.length === 1 ? '' : 's'} found.`].join('\n') };
  return { code: 0, stdout: `Content is valid: ${content.catalog.entries.length} catalog entries, ${content.scenarios.length} scenarios, ${content.rules.size} rules.` };
}
