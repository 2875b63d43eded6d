/**
 * The rule table test, as typescript-eslint's RuleTester: every `valid` design passes (or is
 * not-applicable when marked), every `invalid` one fails with findings of this rule naming exactly the
 * given nodes and with exactly the given finding codes, one per finding (the branches that failed and
 * how often), as RuleTester checks message ids and error counts.
 */
import { describe, expect, it } from 'vitest';
import { findingCodes, flaggedNodes, runRule, type InvalidCase, type RuleCase } from './designs.ts';

export function ruleTable(ruleId: string, cases: { valid: RuleCase[]; notApplicable?: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(`rule ${ruleId}`, () => {
    it.each(cases.valid)('passes: $name', ({ design, params, workload }) => {
      const result = runRule(ruleId, design, params, workload);
      expect(result.findings).toEqual([]);
      expect(result.status).toBe('pass');
    });
    if (cases.notApplicable?.length)
      it.each(cases.notApplicable)('does not apply: $name', ({ design, params, workload }) => {
        expect(runRule(ruleId, design, params, workload).status).toBe('not-applicable');
      });
    it.each(cases.invalid)('fails: $name', ({ design, params, workload, nodes, mentions, codes }) => {
      const result = runRule(ruleId, design, params, workload);
      expect(result.status).toBe('fail');
      expect(findingCodes(result)).toEqual([...codes].sort());
      for (const code of codes) expect(code).toMatch(/^(\d+:)?[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(result.findings.every((f) => f.ruleId === ruleId && f.remediation.length > 0)).toBe(true);
      expect(flaggedNodes(result)).toEqual([...nodes].sort());
      for (const word of mentions ?? []) expect(result.findings.map((f) => f.message).join(' ')).toContain(word);
    });
  });
}
