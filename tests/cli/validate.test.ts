/** `npm run validate` and the JSON Schemas authors' editors use. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/content.ts';
import { jsonSchemaFiles } from '../../src/cli/schemas.ts';
import { runValidate } from '../../src/cli/validator.ts';

const validate = (root: string) => {
  const r = runValidate(root);
  return { status: r.code, stdout: r.stdout };
};
const copyContent = () => {
  const copy = mkdtempSync(join(tmpdir(), 'archboard-validate-'));
  for (const dir of ['catalog', 'scenarios']) cpSync(join(PROJECT_ROOT, dir), join(copy, dir), { recursive: true });
  return copy;
};

describe('npm run validate', () => {
  it('passes on the shipped content (spawned, as a user runs it)', () => {
    const r = spawnSync('npm', ['run', '-s', 'validate'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(r.stdout).toMatch(/Content is valid: \d+ catalog entries, \d+ scenarios/);
    expect(r.status).toBe(0);
  });

  it.each([
    [
      'a kind',
      (s: any) => s.requirements.push({ id: 'kms', text: 'Keys in KMS', rule: 'encryption-at-rest', params: { kmsRequiredFor: ['amazon-dynamodbb'] }, severity: 'error', hints: ['one', 'two', 'three'] }),
      'params.kmsRequiredFor[0]: unknown kind "amazon-dynamodbb"',
    ],
    [
      'a covers kind',
      (s: any) => s.requirements.push({ id: 'cov', text: 'Streams are watched', rule: 'service-coverage', params: { kinds: ['monitoring'], covers: ['strem'] }, severity: 'error', hints: ['one', 'two', 'three'] }),
      'params.covers[0]: unknown kind "strem"',
    ],
  ])("fails on a typo'd %s in a scenario, naming file and JSON path", (_what, change, message) => {
    const copy = copyContent();
    const file = join(copy, 'scenarios', 'iot-5tb-day', 'scenario.json');
    const scenario = JSON.parse(readFileSync(file, 'utf8'));
    change(scenario);
    writeFileSync(file, JSON.stringify(scenario));
    const r = validate(copy);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`scenarios/iot-5tb-day/scenario.json: $.requirements[${scenario.requirements.length - 1}].${message}`);
  });

  it('fails on a broken copy, naming file and JSON path', () => {
    const copy = copyContent();
    const file = join(copy, 'catalog', 'amazon-kinesis-data-streams.json');
    const entry = JSON.parse(readFileSync(file, 'utf8'));
    entry.settings.shardCount.default = 0;
    delete entry.$schema;
    writeFileSync(file, JSON.stringify(entry));
    const r = validate(copy);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('catalog/amazon-kinesis-data-streams.json: $.settings.shardCount.default:');
    expect(r.stdout).toContain('catalog/amazon-kinesis-data-streams.json: $.$schema:');
  });
});

describe('JSON Schemas', () => {
  it.each(Object.entries(jsonSchemaFiles()))('schemas/%s is up to date (npm run schemas)', (name, text) => {
    expect(readFileSync(join(PROJECT_ROOT, 'schemas', name), 'utf8')).toBe(text);
  });
});
