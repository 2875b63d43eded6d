/**
 * The shipped content with the rule set: what the analysis worker (and the in-thread fallback)
 * grade with. Requirements are checked against their rules by the shipped-content tests and
 * `npm run validate`, not here.
 */
import type { Content } from '../domain/content.ts';
import { RULES } from '../../rules/index.ts';
import { CONTENT } from './content.ts';

/** `CONTENT` (adapters/content.ts) and `RULES` (rules/index.ts). */
export const GRADED_CONTENT: Content = { ...CONTENT, rules: RULES };
