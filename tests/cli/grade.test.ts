/** The grader CLI as a user runs it: `npm run grade -- <file> [--scenario id] [--json]`, with its exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/content.ts';
import { serializeDesign } from '../../src/domain/design.ts';
import { formatUsd, simulate } from '../../src/domain/simulation.ts';
import { chain, content } from '../support/designs.ts';

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
    expect(cost.horizonUsd).toBeCloseTo(cost.yearlyUsd.reduce((a: number, b: number) => a + b, 0), 0);
    expect(cost.averageMonthlyUsd).toBeCloseTo(cost.nodes.reduce((a: number, n: { averageMonthlyUsd: number }) => a + n.averageMonthlyUsd, 0), 0);
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
