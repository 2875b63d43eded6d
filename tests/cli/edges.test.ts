/**
 * Issue 15: the grader's edge cases. `--help` is help (exit 0); only regular files are read (a
 * directory or /dev/zero is refused before reading); a BOM is accepted as the app accepts it; a
 * `__proto__` setting is reported like any unknown one; scenario problems name the file and
 * `$.scenarioId` (or `--scenario`), with echoed values cut short.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGrader } from '../../src/cli/grader.ts';
import { serializeDesign } from '../../src/domain/design.ts';
import { content } from '../support/designs.ts';

const iot = content.scenarios.find((s) => s.scenario.id === 'iot-5tb-day')!;
const dir = mkdtempSync(join(tmpdir(), 'archboard-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const reference = () => JSON.parse(serializeDesign(iot.reference));

describe('grader edge cases', () => {
  it('--help prints the usage and exits 0', () => {
    for (const flag of ['--help', '-h']) {
      const r = runGrader([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^usage: npm run grade -- <design\.json\|diagram\.drawio>/);
      expect(r.stdout).toMatch(/--page <n\|name>/);
      expect(r.stdout).toMatch(/Exit codes/);
      expect(r.stderr).toBe('');
    }
  });

  it('refuses a directory before reading, with no internal error', () => {
    const r = runGrader([dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${dir}: not a regular file (a directory)`);
    expect(r.stderr).not.toMatch(/internal error|EISDIR/);
  });

  it.runIf(existsSync('/dev/zero'))('refuses /dev/zero before reading (it would never end)', () => {
    const r = runGrader(['/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\/dev\/zero: not a regular file/);
  });

  it('accepts a UTF-8 byte-order mark, as the app does', () => {
    const r = runGrader([file('bom.json', '\ufeff' + serializeDesign(iot.reference))]);
    expect(r.code).toBe(0);
  });

  it('reports a setting named __proto__ like any unknown setting', () => {
    const text = serializeDesign(iot.reference).replace('"settings": {', '"settings": {\n "__proto__": {"x": 1},');
    const r = runGrader([file('proto.json', text)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/proto\.json: \$\.nodes\[\d+\]\.settings\.__proto__: .* has no setting "__proto__"/);
  });

  it('--scenario= with an empty value says the value is empty', () => {
    const r = runGrader([file('ref.json', serializeDesign(iot.reference)), '--scenario=']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--scenario= needs a scenario id/);
    expect(r.stderr).not.toMatch(/names no scenario/);
  });

  it('an unknown scenario names the file and $.scenarioId, cut to an excerpt', () => {
    const long = 'x'.repeat(1_000_000);
    const path = file('unknown.json', JSON.stringify({ ...reference(), scenarioId: long }));
    const r = runGrader([path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path}: $.scenarioId: unknown scenario "xxx`);
    expect(r.stderr.length).toBeLessThan(1000);
    const flag = runGrader([file('ref2.json', serializeDesign(iot.reference)), '--scenario', 'nope']);
    expect(flag.stderr).toMatch(/^--scenario: unknown scenario "nope"/);
  });

  it('refuses a second parallel edge (it doubled the simulated volume and cost), naming file and path', () => {
    const doc = reference();
    doc.edges.push({ ...doc.edges[0], id: 'parallel' });
    const path = file('parallel.json', JSON.stringify(doc));
    const r = runGrader([path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path}: $.edges[${doc.edges.length - 1}]: edge "parallel" is a second connection`);
  });

  it('refuses a 1,000-level nesting with its path', () => {
    const nodes = Array.from({ length: 1000 }, (_, i) => ({ id: `g${i}`, service: 'amazon-vpc', position: { x: 1, y: 1 }, size: { width: 300, height: 200 }, ...(i ? { parentId: `g${i - 1}` } : {}) }));
    const path = file('deep.json', JSON.stringify({ format: 'archboard.design', version: 2, scenarioId: 'iot-5tb-day', nodes, edges: [] }));
    const r = runGrader([path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path}: $.nodes[17].parentId: "g17" sits in 17 nested groups; at most 16`);
  });
});
