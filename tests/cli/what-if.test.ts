/** `npm run grade -- <design> --scale N [--peak-factor N]`: the Scenario tab's what-if in the grader, run in process. */
import { describe, expect, it } from 'vitest';
import { runGrader } from '../../src/cli/grader.ts';

const reference = 'scenarios/iot-5tb-day/reference.design.json';

describe('grade --scale', () => {
  it('passes the IoT reference as written, and at 10x the volume names the stages that break first', () => {
    expect(runGrader([reference]).code).toBe(0);
    const r = runGrader([reference, '--scale', '10', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    // 50,000 GB/day = 578.7 MB/s; at 3x peak 1,736 MB/s.
    expect(out.whatIf.workload.ingestGBPerDay).toBe(50_000);
    expect(out.simulation.workload.averageIngestMBps).toBeCloseTo(578.704, 3);
    const sizing = out.results.find((x: { requirementId: string }) => x.requirementId === 'ingestion');
    expect(sizing.status).toBe('fail');
    const flagged = sizing.findings.flatMap((f: { nodeIds: string[] }) => f.nodeIds).sort();
    expect(flagged).toEqual(['flink', 'glue-daily', 'glue-stream', 'iot-core', 'kds']);
  });

  it('the reference has 3.7% headroom over its peak: x1.03 passes, x1.05 fails on the stream', () => {
    // 180 shards / 173.6 MB/s at peak = 1.0368.
    expect(runGrader([reference, '--scale=1.03']).code).toBe(0);
    const r = runGrader([reference, '--scale=1.05']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Set Shards to at least 183;'); // 173.61 x 1.05 = 182.3 MB/s
  });

  it('a peak factor of 4 breaks the stream (231 MB/s against 180 shards)', () => {
    const r = runGrader([reference, '--peak-factor', '4']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/what-if: 5,000 GB\/day at 4x peak/);
    expect(r.stdout).toMatch(/Telemetry stream \(Amazon Kinesis Data Streams\): 231\.5 MB\/s at 4x peak against 180 MB\/s/);
  });

  it.each([['--scale', '0'], ['--scale', 'ten'], ['--peak-factor', '0.5'], ['--scale']])('refuses %s %s with a message and exit 2', (...args) => {
    const r = runGrader([reference, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a number/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
