/** The grading engine: statuses, rule errors kept apart from the learner's failures, worst severity per element. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { grade } from '../../src/domain/grade.ts';
import { worstSeverityByElement } from '../../src/domain/severity.ts';
import { defineRule } from '../../src/domain/rule-kit.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import { build, chain, content, IOT_WORKLOAD } from '../support/designs.ts';

const throwing = defineRule({
  id: 'throws',
  title: 'Throws',
  summary: 'A rule for this test.',
  pillar: 'reliability',
  docUrl: 'https://docs.aws.amazon.com/',
  params: z.object({}),
  check: () => {
    throw new Error('boom');
  },
});
const flagsAll = defineRule({
  id: 'flags-all',
  title: 'Flags every node',
  summary: 'A rule for this test.',
  pillar: 'security',
  docUrl: 'https://docs.aws.amazon.com/',
  params: z.object({ n: z.number() }),
  check: (d, _p, ctx) => d.nodes.forEach((n) => ctx.fail({ code: 'bad', nodeIds: [n.id], message: 'bad', remediation: 'fix' })),
});
const rules = new Map([...content.rules, [throwing.id, throwing], [flagsAll.id, flagsAll]]);

const scenario = (requirements: Scenario['requirements']): Scenario => ({
  id: 's',
  title: 'S',
  summary: 'A test scenario.',
  brief: 'A test scenario for the grading engine.',
  difficulty: 'beginner',
  tags: [],
  workload: IOT_WORKLOAD,
  requirements,
  referenceDesign: 'r',
  commonMistake: { design: 'c', fails: ['a'], explanation: 'unused here' },
});
const req = (id: string, rule: string, severity: 'error' | 'warning' = 'error', params: Record<string, unknown> = {}) => ({ id, text: `Requirement ${id}`, rule, params, severity, hints: ['1', '2', '3'] as [string, string, string] });

describe('grade', () => {
  it('reports a throwing rule, a missing rule and refused params as errors of that requirement only', () => {
    const report = grade(chain('iot-devices', 'amazon-kinesis-data-streams'), scenario([req('a', 'throws'), req('b', 'nope'), req('c', 'flags-all', 'error', { n: 'x' }), req('d', 'tls-in-transit')]), content.catalog, rules);
    expect(report.results.map((r) => r.status)).toEqual(['error', 'error', 'error', 'pass']);
    expect(report.results[0]!.detail).toMatch(/boom/);
    expect(report.results[2]!.detail).toMatch(/\$\.n/);
    expect(report.results.every((r) => r.findings.length === 0)).toBe(true);
  });

  it('passes when only warnings fail, and ranks error over warning on shared nodes', () => {
    const design = build({ a: 'amazon-s3', b: 'aws-kms' }, [['b>a', { tls: false }]]);
    const warnOnly = grade(design, scenario([req('w', 'flags-all', 'warning', { n: 1 })]), content.catalog, rules);
    expect(warnOnly.passed).toBe(true);
    const both = grade(design, scenario([req('w', 'flags-all', 'warning', { n: 1 }), req('t', 'tls-in-transit')]), content.catalog, rules);
    expect(both.passed).toBe(false);
    expect(Object.fromEntries(worstSeverityByElement(both))).toEqual({ a: 'error', b: 'error', 'b>a': 'error' });
  });

  it('ignores nodes whose service is unknown instead of throwing', () => {
    const design = build({ d: 'iot-devices', x: 'not-a-service' }, ['d>x']);
    const report = grade(design, scenario([req('t', 'tls-in-transit'), req('c', 'allowed-connections')]), content.catalog, rules);
    expect(report.results.map((r) => r.status)).toEqual(['not-applicable', 'not-applicable']);
  });
});
