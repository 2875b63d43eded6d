import { describe, expect, it } from 'vitest';
import { build, findingCodes, runRule } from '../support/designs.ts';
import { ruleTable } from '../support/rule-table.ts';

const fraudScoring = {
  anyOf: [
    { label: 'a SageMaker real-time endpoint', rule: 'data-path', params: { from: ['web-source'], through: ['stream'], to: ['inference-endpoint'] } },
    { label: 'Random Cut Forest in Flink', rule: 'setting-value', params: { kinds: ['stream-processor'], setting: 'anomalyDetection', equals: ['random-cut-forest'], match: 'any', requirePresent: true } },
  ],
};
const stream = { a: 'web-mobile-apps', k: 'amazon-kinesis-data-streams' } as const;
/** 1 GB/day: small enough for one shard, so the alternatives are judged on their shape, not on sizing. */
const workload = { ingestGBPerDay: 1, recordBytes: 500, peakFactor: 2 };

ruleTable('any-of', {
  valid: [
    { name: 'Lambda calls a SageMaker real-time endpoint', design: build({ ...stream, l: 'aws-lambda', sm: ['amazon-sagemaker', { workload: 'real-time-endpoint' }] }, ['a>k', 'k>l', 'l>sm']) },
    { name: 'Random Cut Forest in Flink', design: build({ ...stream, f: ['amazon-managed-service-for-apache-flink', { anomalyDetection: 'random-cut-forest' }] }, ['a>k', 'k>f']) },
    {
      name: 'both alternatives at once',
      design: build({ ...stream, l: 'aws-lambda', sm: ['amazon-sagemaker', { workload: 'real-time-endpoint' }], f: ['amazon-managed-service-for-apache-flink', { anomalyDetection: 'random-cut-forest' }] }, ['a>k', 'k>l', 'l>sm', 'k>f']),
    },
  ].map((c) => ({ ...c, params: fraudScoring, workload })),
  notApplicable: [
    {
      name: 'every alternative does not apply',
      design: build({ s: 'amazon-s3' }),
      params: {
        anyOf: [
          { label: 'DMS validation', rule: 'setting-value', params: { kinds: ['aws-dms'], setting: 'validation', equals: [true] } },
          { label: 'Flink checkpoints', rule: 'setting-value', params: { kinds: ['stream-processor'], setting: 'checkpointing', equals: [true] } },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'Flink without anomaly detection and no endpoint',
      design: build({ ...stream, f: 'amazon-managed-service-for-apache-flink' }, ['a>k', 'k>f']),
      params: fraudScoring,
      workload,
      nodes: ['a', 'f'],
      codes: ['1:no-path', '2:none-set'],
    },
    {
      name: 'SageMaker only trains: no real-time endpoint, no stream processor',
      design: build({ ...stream, l: 'aws-lambda', sm: ['amazon-sagemaker', { workload: 'training' }] }, ['a>k', 'k>l', 'l>sm']),
      params: fraudScoring,
      workload,
      nodes: ['a'],
      codes: ['1:no-path', '2:missing'],
    },
  ],
});

describe('rule any-of with a broken alternative', () => {
  it('reports an error of the rule, naming the alternative, when no other alternative passes', () => {
    const result = runRule('any-of', build({ s: 'amazon-s3' }), { anyOf: [fraudScoring.anyOf[0]!, { label: 'a typo', rule: 'data-pth', params: {} }] });
    expect(result.status).toBe('error');
    expect(result.detail).toContain('a typo');
  });
  it('passes when another alternative passes', () => {
    const result = runRule(
      'any-of',
      build({ ...stream, f: ['amazon-managed-service-for-apache-flink', { anomalyDetection: 'random-cut-forest' }] }, ['a>k', 'k>f']),
      { anyOf: [{ label: 'a typo', rule: 'data-pth', params: {} }, fraudScoring.anyOf[1]!] },
      workload,
    );
    expect(result.status).toBe('pass');
    expect(findingCodes(result)).toEqual([]);
  });
});
