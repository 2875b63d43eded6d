/** The rule set: every rule module, by id. Add a rule by adding its module here. */
import type { RuleSet } from '../src/domain/grade.ts';
import type { Rule } from '../src/domain/rule-kit.ts';

const ALL: Rule<any>[] = [];

/** All rules, keyed by rule id. */
export const RULES: RuleSet = new Map(ALL.map((r) => [r.id, r as Rule<unknown>]));
