/**
 * The shipped content: every `catalog/*.json` and every file under `scenarios/`, parsed, checked
 * against their schemas and assembled at build time (scripts/shipped-content-plugin.ts); here only
 * the catalog's index by id is rebuilt. The rule set is not here: grading runs in the analysis worker,
 * which adds it (graded-content.ts), so the rules stay out of the main thread's initial bundle. Nor are
 * the content checks beyond the schemas (`CONTENT_CHECKS`, rules/content-checks.ts): this is the
 * shipped content, and the tests and `npm run validate` run them on it.
 */
import shipped from 'virtual:archboard-content';
import type { ShippedContent } from '../domain/content.ts';

/** The content; problems in shipped content are listed in `contentProblems` (the validate test keeps it empty). */
export const CONTENT: ShippedContent = {
  catalog: { entries: shipped.entries, byId: new Map(shipped.entries.map((e) => [e.id, e])) },
  scenarios: shipped.scenarios,
};
export const contentProblems = shipped.problems;
