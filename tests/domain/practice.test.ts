/** Practice-mode domain: hints, deviations ('accepted'), node notes, the interview clock, attempt scores, the graded export. */
import { describe, expect, it } from 'vitest';
import { acceptDeviation, applyDeviations, emptyNotes, parseNotes, reasonProblem, revealHint, setNodeNote, totalHintsUsed, withdrawDeviation } from '../../src/domain/attempt-notes.ts';
import { addAttempt, emptyHistory, MAX_ATTEMPTS, parseHistory, pillarScores, progressOf, scoreAttempt, type Attempt } from '../../src/domain/attempts.ts';
import type { GradeReport, RequirementResult } from '../../src/domain/grade.ts';
import { findingsLegend, GRADED_FORMAT, gradedExport } from '../../src/domain/graded-export.ts';
import { DEFAULT_PHASE_MINUTES, formatCountdown, phaseMinutesProblems, readClock, splitMinutes, totalMinutes } from '../../src/domain/interview.ts';
import { build } from '../support/designs.ts';

const AT = '2026-03-01T10:00:00.000Z';
const result = (id: string, status: RequirementResult['status'], severity: RequirementResult['severity'] = 'error', pillar: RequirementResult['pillar'] | null = 'reliability'): RequirementResult => ({
  requirementId: id,
  text: `Requirement ${id}`,
  ruleId: 'r',
  pillar: pillar ?? undefined,
  severity,
  status,
  findings: status === 'fail' ? [{ ruleId: 'r', code: 'bad', requirementId: id, severity, message: 'bad', remediation: 'fix', docUrl: 'https://docs.aws.amazon.com/', nodeIds: ['kds', 'kds'], edgeIds: [] }] : [],
});
const report = (...results: RequirementResult[]): GradeReport => {
  const counts = { pass: 0, fail: 0, 'not-applicable': 0, error: 0 };
  for (const r of results) counts[r.status]++;
  return { scenarioId: 's', results, counts, passed: results.every((r) => r.severity !== 'error' || r.status === 'pass' || r.status === 'not-applicable') };
};

describe('hints', () => {
  it('reveals hint 1, 2, 3 in turn per requirement and counts them', () => {
    let notes = emptyNotes('s');
    notes = revealHint(notes, 'a');
    notes = revealHint(notes, 'a');
    notes = revealHint(notes, 'b');
    expect(notes.hintsUsed).toEqual({ a: 2, b: 1 });
    notes = revealHint(revealHint(notes, 'a'), 'a');
    expect(notes.hintsUsed.a).toBe(3);
    expect(totalHintsUsed(notes.hintsUsed)).toBe(4);
  });
});

describe('deviations', () => {
  it('needs a reason of at least 10 characters, ignoring surrounding spaces', () => {
    expect(reasonProblem('')).toMatch(/at least 10/);
    expect(reasonProblem('   too short   ')).toMatch(/9 so far/);
    expect(reasonProblem('  long enough  ')).toBeUndefined();
    expect(reasonProblem('  short  ')).toMatch(/5 so far/);
    expect(() => acceptDeviation(emptyNotes(), 'a', 'nope', AT)).toThrow(/deviation of requirement "a"/);
    expect(acceptDeviation(emptyNotes(), 'a', '  Kinesis is cheaper at this scale ', AT).deviations.a).toEqual({ reason: 'Kinesis is cheaper at this scale', acceptedAt: AT });
  });

  it('shows a failed requirement with a deviation as accepted, keeping the engine verdict', () => {
    const notes = acceptDeviation(acceptDeviation(emptyNotes(), 'a', 'Cost matters more than latency here', AT), 'b', 'Passing already, so ignored', AT);
    const reviewed = applyDeviations(report(result('a', 'fail'), result('b', 'pass'), result('c', 'error')), notes.deviations);
    expect(reviewed.results.map((r) => [r.status, r.gradedStatus])).toEqual([
      ['accepted', 'fail'],
      ['pass', 'pass'],
      ['error', 'error'],
    ]);
    expect(reviewed.results[0]!.deviation?.reason).toBe('Cost matters more than latency here');
    expect(reviewed.results[0]!.findings).toHaveLength(1);
    expect(reviewed.counts).toMatchObject({ accepted: 1, fail: 0, pass: 1, error: 1 });
    expect(reviewed.passed).toBe(false);
    expect(reviewed.passedWithDeviations).toBe(false); // the rule error still fails it
    const onlyFail = applyDeviations(report(result('a', 'fail'), result('b', 'pass')), notes.deviations);
    expect([onlyFail.passed, onlyFail.passedWithDeviations]).toEqual([false, true]);
    expect(applyDeviations(report(result('a', 'fail')), withdrawDeviation(notes, 'a').deviations).results[0]!.status).toBe('fail');
  });

  it('keeps node notes by node id; blank text removes one', () => {
    let notes = setNodeNote(emptyNotes(), 'kds', 'Why Kinesis, not MSK: no brokers to run.');
    expect(notes.nodeNotes).toEqual({ kds: 'Why Kinesis, not MSK: no brokers to run.' });
    notes = setNodeNote(notes, 'kds', '   ');
    expect(notes.nodeNotes).toEqual({});
  });

  it('reads stored notes and names the JSON path of a bad field', () => {
    const ok = acceptDeviation(emptyNotes('s'), 'a', 'a good long reason', AT);
    expect(parseNotes(JSON.parse(JSON.stringify(ok)))).toEqual({ ok: true, notes: ok });
    const bad = parseNotes({ ...ok, deviations: { a: { reason: 'short', acceptedAt: AT } }, hintsUsed: { a: 4 } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.map((p) => p.path)).toEqual(['$.deviations.a.reason', '$.hintsUsed.a']);
  });
});

describe('interview clock', () => {
  const start = 1_000_000;
  it('walks through requirements, high-level design and deep dive (5/20/20 by default)', () => {
    expect(totalMinutes(DEFAULT_PHASE_MINUTES)).toBe(45);
    expect(readClock(DEFAULT_PHASE_MINUTES, start, start)).toMatchObject({ phase: 'requirements', phaseRemainingMs: 300_000, remainingMs: 2_700_000, timeUp: false });
    expect(readClock(DEFAULT_PHASE_MINUTES, start, start + 300_000)).toMatchObject({ phase: 'high-level-design', phaseIndex: 1, phaseRemainingMs: 1_200_000 });
    expect(readClock(DEFAULT_PHASE_MINUTES, start, start + 1_600_000)).toMatchObject({ phase: 'deep-dive', phaseRemainingMs: 1_100_000 });
    expect(readClock(DEFAULT_PHASE_MINUTES, start, start + 9_999_999)).toMatchObject({ phase: 'deep-dive', remainingMs: 0, elapsedMs: 2_700_000, timeUp: true });
    expect(readClock(DEFAULT_PHASE_MINUTES, start, start - 5000)).toMatchObject({ elapsedMs: 0, phase: 'requirements' });
  });

  it('splits a configured time box 1:4:4 and refuses phases out of range', () => {
    expect(splitMinutes(45)).toEqual(DEFAULT_PHASE_MINUTES);
    expect(totalMinutes(splitMinutes(60))).toBe(60);
    expect(totalMinutes(splitMinutes(30))).toBe(30);
    expect(phaseMinutesProblems({ requirements: 0, 'high-level-design': 2.5, 'deep-dive': 20 })).toEqual({
      requirements: expect.stringMatching(/Requirements/),
      'high-level-design': expect.stringMatching(/whole number/),
    });
  });

  it('formats the countdown', () => {
    expect(formatCountdown(2_700_000)).toBe('45:00');
    expect(formatCountdown(59_001)).toBe('1:00');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
    expect(formatCountdown(-5)).toBe('0:00');
  });
});

describe('attempt scores and history', () => {
  const reviewed = applyDeviations(
    report(result('a', 'pass', 'error', 'security'), result('b', 'fail', 'error', 'reliability'), result('c', 'fail', 'warning', 'security'), result('d', 'not-applicable', 'error', 'cost-optimization'), result('e', 'error', 'info', null)),
    { c: { reason: 'accepted for cost reasons', acceptedAt: AT } },
  );
  const attempt = (id: string, at = AT): Attempt =>
    scoreAttempt(reviewed, { id, scenarioId: 's', submittedAt: at, mode: 'interview', endedBy: 'submitted', timeTakenMs: 1_234_567.4, timeBoxMinutes: 45, hintsByRequirement: { b: 2, c: 1 }, services: 4 });

  it('groups requirements by Well-Architected pillar in the framework order', () => {
    expect(pillarScores(reviewed)).toEqual([
      { pillar: 'security', passed: 1, accepted: 1, failed: 0, notApplicable: 0, total: 2 },
      { pillar: 'reliability', passed: 0, accepted: 0, failed: 1, notApplicable: 0, total: 1 },
      { pillar: 'cost-optimization', passed: 0, accepted: 0, failed: 0, notApplicable: 1, total: 1 },
      { pillar: 'unassigned', passed: 0, accepted: 0, failed: 1, notApplicable: 0, total: 1 },
    ]);
  });

  it('scores passes only as passes, counts required checks met, hints and time', () => {
    const a = attempt('1');
    expect(a.requirements).toEqual({ passed: 1, accepted: 1, notApplicable: 1, total: 5 });
    expect(a.required).toEqual({ met: 2, total: 3 });
    expect([a.hintsUsed, a.timeTakenMs, a.passed]).toEqual([3, 1_234_567, false]);
  });

  it('keeps attempts in order, at most MAX_ATTEMPTS, shows progress, and round-trips through JSON', () => {
    let h = emptyHistory('s');
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) h = addAttempt(h, attempt(String(i)));
    expect(h.attempts).toHaveLength(MAX_ATTEMPTS);
    expect(h.attempts[0]!.id).toBe('2');
    const better = { ...attempt('x'), requirements: { passed: 3, accepted: 0, notApplicable: 1, total: 5 } };
    h = addAttempt(h, better);
    expect(progressOf(h, h.attempts.length - 1)).toBe(2);
    expect(progressOf(emptyHistory('s'), 0)).toBeUndefined();
    expect(parseHistory(JSON.parse(JSON.stringify(h)))).toEqual({ ok: true, history: h });
    const bad = parseHistory({ ...h, attempts: [{ ...better, hintsUsed: -1 }] });
    expect(!bad.ok && bad.problems[0]!.path).toBe('$.attempts[0].hintsUsed');
  });
});

describe('graded export', () => {
  it('holds the design unchanged, the report with accepted deviations, and notes of nodes still there', () => {
    const design = build({ dev: 'iot-devices', kds: 'amazon-kinesis-data-streams' }, ['dev>kds']);
    let notes = acceptDeviation(emptyNotes('s'), 'b', 'Single Region is enough for this brief', AT);
    notes = setNodeNote(setNodeNote(notes, 'kds', 'Kinesis over MSK: no brokers'), 'gone', 'a note on a deleted node');
    const reviewed = applyDeviations(report(result('a', 'pass'), result('b', 'fail')), notes.deviations);
    const out = gradedExport(design, reviewed, revealHint(notes, 'b'), { exportedAt: AT, scenarioTitle: 'IoT', labelOf: (id) => id.toUpperCase() });
    expect(out.format).toBe(GRADED_FORMAT);
    expect(out.design).toBe(design);
    expect(out.scenario).toEqual({ id: 's', title: 'IoT' });
    expect(out.report.results.map((r) => r.status)).toEqual(['pass', 'accepted']);
    expect(out.notes.nodeNotes).toEqual([{ nodeId: 'kds', label: 'KDS', note: 'Kinesis over MSK: no brokers' }]);
    expect(out.notes.deviations.b!.reason).toBe('Single Region is enough for this brief');
    expect(out.notes.hintsUsed).toEqual({ b: 1 });
    expect(JSON.parse(JSON.stringify(out)).report.results[1].status).toBe('accepted');
  });

  it('lists failing and accepted requirements for the PNG legend, errors first, nodes once', () => {
    const reviewed = applyDeviations(report(result('w', 'fail', 'warning'), result('a', 'pass'), result('b', 'fail'), result('c', 'fail', 'info')), { c: { reason: 'tips can wait for v2', acceptedAt: AT } });
    const legend = findingsLegend(reviewed, (id) => `<${id}>`);
    expect(legend.header).toBe('1 of 4 requirements pass, 1 accepted as trade-offs, 2 fail');
    expect(legend.lines.map((l) => [l.text, l.status, l.nodes])).toEqual([
      ['Requirement b', 'fail', ['<kds>']],
      ['Requirement w', 'fail', ['<kds>']],
      ['Requirement c', 'accepted', ['<kds>']],
    ]);
    expect(legend.lines[2]!.reason).toBe('tips can wait for v2');
  });
});
