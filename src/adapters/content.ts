/**
 * The shipped content, bundled by Vite: every `catalog/*.json`, every file under `scenarios/`, and the
 * rule set, assembled once at start-up. Without the params checks of `CONTENT_CHECKS`
 * (`rules/content-checks.ts`), which stay out of the first load: this is the shipped content, and the
 * tests and `npm run validate` run those checks on it.
 */
import { assembleContent, type ContentFile } from '../domain/content.ts';
import { RULES } from '../../rules/index.ts';

function files(modules: Record<string, unknown>): ContentFile[] {
  return Object.entries(modules).map(([path, data]) => ({ file: path.replace(/^\//, ''), data }));
}

const assembled = assembleContent(
  files(import.meta.glob('/catalog/*.json', { eager: true, import: 'default' })),
  files(import.meta.glob('/scenarios/**/*.json', { eager: true, import: 'default' })),
  RULES,
);

/** The content; problems in shipped content are listed in `contentProblems` (the validate test keeps it empty). */
export const CONTENT = assembled.content;
export const contentProblems = assembled.problems;
