/**
 * The shipped content, bundled by Vite: every `catalog/*.json` and every file under `scenarios/`,
 * assembled once at start-up. The rule set is not here: grading runs in the analysis worker, which
 * adds it (graded-content.ts), so the rules stay out of the main thread's initial bundle. Nor are the
 * content checks beyond the schemas (`CONTENT_CHECKS`, rules/content-checks.ts): this is the shipped
 * content, and the tests and `npm run validate` run them on it.
 */
import { assembleContent, type ContentFile } from '../domain/content.ts';

function files(modules: Record<string, unknown>): ContentFile[] {
  return Object.entries(modules).map(([path, data]) => ({ file: path.replace(/^\//, ''), data }));
}

const assembled = assembleContent(files(import.meta.glob('/catalog/*.json', { eager: true, import: 'default' })), files(import.meta.glob('/scenarios/**/*.json', { eager: true, import: 'default' })));

/** The content; problems in shipped content are listed in `contentProblems` (the validate test keeps it empty). */
export const CONTENT = assembled.content;
export const contentProblems = assembled.problems;
