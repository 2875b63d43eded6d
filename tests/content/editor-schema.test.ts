/**
 * What an author's editor does with the committed JSON Schemas (checked with Ajv, a JSON Schema
 * validator as editors use): every shipped scenario and catalog file is accepted; an unknown param
 * of a rule, a typo'd kind or setting key and an unknown rule are flagged. And the committed files
 * (schemas, the rule table of docs/authoring.md) are what `npm run schemas` writes.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, readJsonFiles } from '../../src/cli/content.ts';
import { authoringDoc, ruleTableMarkdown } from '../../src/cli/schemas.ts';
import { ALL_RULES } from '../../rules/index.ts';

const read = (name: string) => JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas', name), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
const scenarioValid = ajv.compile(read('scenario.schema.json'));
const catalogValid = ajv.compile(read('catalog-entry.schema.json'));
const scenarios = readJsonFiles(PROJECT_ROOT, 'scenarios', []).filter((f) => f.file.endsWith('/scenario.json'));
const iot = scenarios.find((f) => f.file === 'scenarios/iot-5tb-day/scenario.json')!.data as any;

/** The IoT scenario with one more requirement. */
const withRequirement = (rule: string, params: unknown) => ({ ...iot, requirements: [...iot.requirements, { id: 'extra', text: 'An extra requirement', rule, params, severity: 'error', hints: ['one', 'two', 'three'] }] });

describe('schemas/scenario.schema.json in an editor', () => {
  it.each(scenarios.map((f) => [f.file, f.data]))('accepts %s', (_file, data) => {
    expect(scenarioValid(data), JSON.stringify(scenarioValid.errors?.slice(0, 3))).toBe(true);
  });

  it('is exercised on every rule: the shipped scenarios use each one', () => {
    const used = new Set(scenarios.flatMap((f) => (f.data as any).requirements.map((r: any) => r.rule)));
    expect(ALL_RULES.filter((r) => !used.has(r.id) && r.id !== 'any-of').map((r) => r.id)).toEqual([]);
  });

  it('flags an unknown param of a rule', () => {
    expect(scenarioValid(withRequirement('encryption-at-rest', { kmsRequiredFor: ['amazon-dynamodb'] }))).toBe(true);
    expect(scenarioValid(withRequirement('encryption-at-rest', { kmsRequiredFor: ['amazon-dynamodb'], kmsRequired: ['amazon-s3'] }))).toBe(false);
    expect(JSON.stringify(scenarioValid.errors)).toContain('kmsRequired');
  });

  it('flags a param that belongs to another rule', () => {
    expect(scenarioValid(withRequirement('tls-in-transit', { maxLatencyMs: 1000 }))).toBe(false);
  });

  it("flags a typo'd kind, setting key and rule id, and a param inside an any-of alternative", () => {
    expect(scenarioValid(withRequirement('service-coverage', { kinds: ['monitoring'], covers: ['strem'] }))).toBe(false);
    expect(scenarioValid(withRequirement('setting-value', { kinds: ['aws-dms'], setting: 'validaton', equals: [true] }))).toBe(false);
    expect(scenarioValid(withRequirement('setting-value', { kinds: ['aws-dms'], setting: 'validation', equals: [true] }))).toBe(true);
    expect(scenarioValid(withRequirement('data-paths', { from: ['source'], to: ['dashboard'] }))).toBe(false);
    const alt = (params: unknown) => ({
      anyOf: [
        { label: 'one way', rule: 'data-path', params: { from: ['source'], to: ['dashboard'] } },
        { label: 'other way', rule: 'data-path', params },
      ],
    });
    expect(scenarioValid(withRequirement('any-of', alt({ from: ['source'], to: ['alerting'] })))).toBe(true);
    expect(scenarioValid(withRequirement('any-of', alt({ from: ['source'], to: ['alerting'], maxLatency: 5 })))).toBe(false);
  });
});

describe('schemas/catalog-entry.schema.json in an editor', () => {
  const entries = readJsonFiles(PROJECT_ROOT, 'catalog', []);
  it('accepts every shipped entry and flags an unregistered role', () => {
    for (const f of entries) expect(catalogValid(f.data), f.file).toBe(true);
    const s3 = entries.find((f) => f.file === 'catalog/amazon-s3.json')!.data as any;
    expect(catalogValid({ ...s3, roles: ['objcet-store'] })).toBe(false);
  });
});

describe('generated files', () => {
  it('docs/authoring.md has the rule table npm run schemas writes, one row per rule', () => {
    expect(readFileSync(join(PROJECT_ROOT, 'docs', 'authoring.md'), 'utf8')).toBe(authoringDoc());
    const table = ruleTableMarkdown();
    for (const r of ALL_RULES) expect(table).toContain(`| \`${r.id}\` | ${r.summary} |`);
    expect(table).toContain('`kmsRequiredFor?` (kinds)');
  });
});
