/**
 * The grader CLI: `npm run grade -- <file> [--scenario id] [--json]`, with its exit codes. Called in
 * process (`runGrader`, what grade.ts runs); one smoke test spawns `npm run grade` as a user does.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/content.ts';
import { runGrader } from '../../src/cli/grader.ts';
import { serializeDesign } from '../../src/domain/design.ts';
import { formatUsd, simulate } from '../../src/domain/simulation.ts';
import { chain, content } from '../support/designs.ts';

const tmp = mkdtempSync(join(tmpdir(), 'archboard-cli-'));
const run = (...args: string[]) => runGrader(args);
const write = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

describe('npm run grade', () => {
  it('runs as a user runs it (spawned): exit 1 and the report for the common mistake, exit 2 with a JSON error', () => {
    const spawned = (...args: string[]) => spawnSync('npm', ['run', '-s', 'grade', '--', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    const r = spawned('scenarios/iot-5tb-day/common-mistake.design.json');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^FAIL +error +ingestion:/m);
    const bad = spawned(join(tmp, 'nothing-here.json'), '--json');
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout).error).toMatchObject({ kind: 'design', message: expect.stringContaining('nothing-here.json') });
  });

  it('exits 0 for the reference design and prints a line per requirement', () => {
    const r = run('scenarios/iot-5tb-day/reference.design.json', '--scenario', 'iot-5tb-day');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^PASS +error +ingestion:/m);
    const requirements = content.scenarios.find((s) => s.scenario.id === 'iot-5tb-day')!.scenario.requirements.length;
    expect(r.stdout).toContain(`${requirements} passed, 0 failed`);
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

  it('adds a Simulation section: ingest rate, the overloaded stream, latency against budgets, monthly cost', () => {
    const r = run('scenarios/iot-5tb-day/common-mistake.design.json');
    expect(r.code).toBe(1);
    const section = r.stdout.slice(r.stdout.indexOf('\nSimulation\n'));
    // 5,000 GB/day = 57.87 MB/s, x 3 = 173.6 MB/s; 10 shards x 1 MB/s = 10 MB/s: 579% (1,736% at peak).
    expect(section).toMatch(/^ {2}Ingest: 57\.9 MB\/s average, 173\.6 MB\/s at 3x peak \(5\.0 TB\/day\)$/m);
    expect(section).toMatch(/^ {2}Bottleneck: Telemetry stream \(kds\): 57\.9 MB\/s against 10 MB\/s \(1 MB\/s per shard\), 579% \(1,736% at peak\): OVERLOADED$/m);
    // The dashboard has no path through the stages the real-time requirement asks for.
    expect(section).toMatch(/^ {2}Latency to .* \(quicksight\): /m);
    expect(section).toMatch(/^ {4}NO PATH +realtime-dashboard .*budget 1 min, no path through the required stages$/m);
    // Everything stays in S3 Standard for 7 years: 5,000 GB/day x 2,555 days = 12,775 TB.
    expect(section).toMatch(/after 7 years: 12,775 TB \(S3 Standard 12,775 TB\)/);
    const iot = content.scenarios.find((s) => s.scenario.id === 'iot-5tb-day')!;
    const sim = simulate(iot.commonMistake, iot.scenario, content.catalog);
    const monthly = sim.cost.nodes.reduce((a, n) => a + n.averageMonthlyUsd, 0);
    expect(section).toContain(`Cost (us-east-1): ${formatUsd(monthly)} a month on average`);
    expect(section).toContain(`${formatUsd(sim.cost.horizonTotalUsd)} over 7 years`);
    // Every service in the design has a public price; the devices are a source, not a service.
    expect(section).not.toMatch(/not priced/);
    expect(section).not.toMatch(/\/month {2}Sensors \(devices\)/);
  });

  it('includes the simulation summary in the JSON: edge volumes, the overloaded stream, sink latency, cost', () => {
    const r = run('scenarios/iot-5tb-day/common-mistake.design.json', '--json');
    expect(r.code).toBe(1);
    const { simulation } = JSON.parse(r.stdout);
    expect(simulation.workload).toMatchObject({ averageIngestMBps: 57.87, peakIngestMBps: 173.611, peakFactor: 3, horizonDays: 2555 });
    expect(simulation.bottleneck).toMatchObject({ nodeId: 'kds', utilisation: 5.787, peakUtilisation: 17.3611, overloaded: true });
    expect(simulation.nodes).toContainEqual(expect.objectContaining({ nodeId: 'kds', inboundMBps: 57.87, capacityMBps: 10, overloaded: true }));
    const devicesToStream = simulation.edges.find((e: { source: string; target: string }) => e.source === 'devices' && e.target === 'kds');
    expect(devicesToStream).toMatchObject({ averageMBps: 57.87, peakMBps: 173.611, averageGBPerDay: 5000, peakGBPerDay: 15000 });
    const dashboard = simulation.sinks.find((s: { nodeId: string }) => s.nodeId === 'quicksight');
    expect(dashboard.budgets).toContainEqual({ requirementId: 'realtime-dashboard', maxLatencyMs: 60000, withinBudget: false });
    expect(dashboard.criticalPath[0]).toBe('devices');
    expect(simulation.storage).toContainEqual(expect.objectContaining({ nodeId: 's3', gbPerDay: 5000, totalTBAtHorizon: 12775 }));
    const { cost } = simulation;
    expect(cost.region).toBe('us-east-1');
    expect(cost.yearlyUsd).toHaveLength(7);
    expect(cost.horizonUsd).toBeCloseTo(
      cost.yearlyUsd.reduce((a: number, b: number) => a + b, 0),
      0,
    );
    expect(cost.averageMonthlyUsd).toBeCloseTo(
      cost.nodes.reduce((a: number, n: { averageMonthlyUsd: number }) => a + n.averageMonthlyUsd, 0),
      0,
    );
    // 10 shards x 730 h = 7,300 shard-hours x $0.015 = $109.50.
    expect(cost.nodes.find((n: { nodeId: string }) => n.nodeId === 'kds').lines[0]).toMatchObject({ label: 'Shard hours', basis: expect.stringContaining('7,300 shard-hours a month (10 Shards x 730 h)'), usdPerMonth: 109.5 });
    expect(cost.notPriced).toEqual([]);
    expect(cost.nodes.map((n: { nodeId: string }) => n.nodeId)).not.toContain('devices');
  });

  it('shows no overloaded node and every latency budget met for the reference design', () => {
    const r = run('scenarios/iot-5tb-day/reference.design.json', '--json');
    expect(r.code).toBe(0);
    const { simulation } = JSON.parse(r.stdout);
    expect(simulation.bottleneck.overloaded).toBe(false);
    expect(simulation.nodes.every((n: { overloadedAtPeak: boolean }) => !n.overloadedAtPeak)).toBe(true);
    const budgets = simulation.sinks.flatMap((s: { budgets: { withinBudget: boolean }[] }) => s.budgets);
    expect(budgets.length).toBeGreaterThan(0);
    expect(budgets.every((b: { withinBudget: boolean }) => b.withinBudget)).toBe(true);
  });

  it.each([
    ['a missing file', () => join(tmp, 'missing.json'), /cannot read the file/],
    ['a file that is not JSON', () => write('bad.json', 'hello'), /not valid JSON/],
    [
      'an unknown service',
      () => write('unknown.json', JSON.stringify({ format: 'archboard.design', version: 1, scenarioId: 'iot-5tb-day', nodes: [{ id: 'a', service: 'amazon-kinesis', position: { x: 0, y: 0 } }], edges: [] })),
      /\$\.nodes\[0\]\.service: unknown service/,
    ],
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

  describe('--json errors', () => {
    const broken = () => {
      const copy = mkdtempSync(join(tmpdir(), 'archboard-grade-content-'));
      for (const dir of ['catalog', 'scenarios']) cpSync(join(PROJECT_ROOT, dir), join(copy, dir), { recursive: true });
      const file = join(copy, 'scenarios', 'iot-5tb-day', 'scenario.json');
      const scenario = JSON.parse(readFileSync(file, 'utf8'));
      scenario.requirements[0].params = { ...scenario.requirements[0].params, from: ['iot-sourc'] };
      writeFileSync(file, JSON.stringify(scenario));
      return copy;
    };
    const reference = 'scenarios/iot-5tb-day/reference.design.json';
    it.each([
      ['usage', () => runGrader([reference, '--json', '--frobnicate']), /unknown option "--frobnicate"/],
      ['usage', () => runGrader(['--json']), /no design file given/],
      ['design', () => runGrader([join(tmp, 'missing.json'), '--json']), /cannot read the file/],
      ['design', () => runGrader([write('bad2.json', 'hello'), '--json']), /not valid JSON/],
      [
        'design',
        () => runGrader([write('unknown2.json', JSON.stringify({ format: 'archboard.design', version: 1, scenarioId: 'iot-5tb-day', nodes: [{ id: 'a', service: 'amazon-kinesis', position: { x: 0, y: 0 } }], edges: [] })), '--json']),
        /\$\.nodes\[0\]\.service/,
      ],
      ['scenario', () => runGrader([write('noscenario2.json', JSON.stringify({ format: 'archboard.design', version: 1, nodes: [], edges: [] })), '--json']), /--scenario/],
      ['scenario', () => runGrader([reference, '--scenario', 'nope', '--json']), /unknown scenario "nope"/],
      ['content', () => runGrader([reference, '--json'], broken()), /scenarios\/iot-5tb-day\/scenario.json: \$\.requirements\[0\]\.params\.from\[0\]: unknown kind "iot-sourc"/],
    ] as const)('a %s error is {"error": {...}} on stdout with exit code 2', (kind, call, message) => {
      const r = call();
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('');
      const { error } = JSON.parse(r.stdout);
      expect(error.kind).toBe(kind);
      expect(error.message).toMatch(message);
      if (kind === 'content') expect(error.problems).toContainEqual(expect.objectContaining({ file: 'scenarios/iot-5tb-day/scenario.json', path: '$.requirements[0].params.from[0]' }));
      if (kind === 'scenario') expect(error.known).toContain('iot-5tb-day');
    });
  });
});
