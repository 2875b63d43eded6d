/** `npm run validate` and the JSON Schemas authors' editors use. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/content.ts';
import { jsonSchemaFiles } from '../../src/cli/schemas.ts';

const validate = (root?: string) => spawnSync('npm', ['run', '-s', 'validate', '--', ...(root ? [root] : [])], { cwd: PROJECT_ROOT, encoding: 'utf8' });

describe('npm run validate', () => {
  it('passes on the shipped content', () => {
    const r = validate();
    expect(r.stdout).toMatch(/Content is valid: \d+ catalog entries, \d+ scenarios/);
    expect(r.status).toBe(0);
  });

  it('fails on a broken copy, naming file and JSON path', () => {
    const copy = mkdtempSync(join(tmpdir(), 'archboard-validate-'));
    for (const dir of ['catalog', 'scenarios']) cpSync(join(PROJECT_ROOT, dir), join(copy, dir), { recursive: true });
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
