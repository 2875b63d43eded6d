/** The grader CLI as a user runs it: `npm run grade -- <file> [--scenario id] [--json]`, with its exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/content.ts';
import { serializeDesign } from '../../src/domain/design.ts';
import { chain } from '../support/designs.ts';

const tmp = mkdtempSync(join(tmpdir(), 'archboard-cli-'));
const run = (...args: string[]) => {
  const r = spawnSync('npm', ['run', '-s', 'grade', '--', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const write = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

describe('npm run grade', () => {
  it('exits 0 for the reference design and prints a line per requirement', () => {
    const r = run('scenarios/iot-5tb-day/reference.design.json', '--scenario', 'iot-5tb-day');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^PASS +error +ingestion:/m);
    expect(r.stdout).toMatch(/10 passed, 0 failed/);
  });

  it('exits 1 for the common-mistake design and names the failed requirements', () => {
    const r = run('scenarios/iot-5tb-day/common-mistake.design.json');
    expect(r.code).toBe(1);
    for (const id of ['ingestion', 'realtime-dashboard', 'retention', 'supported-connections']) expect(r.stdout).toMatch(new RegExp(`^FAIL +error +${id}:`, 'm'));
  });

  it('fails devices → Kinesis → S3 on the real-time path, daily aggregates and retention, as JSON', () => {
    const file = write('three.json', serializeDesign({ ...chain('iot-devices', ['amazon-kinesis-data-streams', { capacityMode: 'on-demand' }], 'amazon-s3'), scenarioId: 'iot-5tb-day' }));
    const r = run(file, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const status = Object.fromEntries(report.results.map((x: { requirementId: string; status: string }) => [x.requirementId, x.status]));
    expect(status).toMatchObject({ 'realtime-dashboard': 'fail', 'daily-aggregates': 'fail', retention: 'fail', ingestion: 'pass' });
  });

  it.each([
    ['a missing file', () => join(tmp, 'missing.json'), /cannot read the file/],
    ['a file that is not JSON', () => write('bad.json', 'hello'), /not valid JSON/],
    ['an unknown service', () => write('unknown.json', JSON.stringify({ format: 'archboard.design', version: 1, scenarioId: 'iot-5tb-day', nodes: [{ id: 'a', service: 'amazon-kinesis', position: { x: 0, y: 0 } }], edges: [] })), /\$\.nodes\[0\]\.service: unknown service/],
    ['no scenario named', () => write('noscenario.json', JSON.stringify({ format: 'archboard.design', version: 1, nodes: [], edges: [] })), /--scenario/],
  ])('exits 2 for %s with a clear message and no stack trace', (_name, file, message) => {
    const r = run(file());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for an unknown scenario id', () => {
    const r = run('scenarios/iot-5tb-day/reference.design.json', '--scenario', 'nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown scenario "nope" \(known: .*iot-5tb-day/);
  });
});
