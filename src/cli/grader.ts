/**
 * The headless grader behind `npm run grade -- <design.json|diagram.drawio> [--scenario <id>] [--scale N]
 * [--peak-factor N] [--page N|NAME] [--json]` (entry point: grade.ts). `--scale` multiplies the
 * scenario's volume and `--peak-factor` replaces its peak factor: the what-if of the Scenario tab ("now
 * 10x the volume"). A draw.io diagram is read as the app's Import reads it (`--page` picks the page;
 * what was not imported is listed on stderr).
 * Grades a design file with the same engine as the app and prints one line per requirement, then a
 * short "Simulation" section (ingest rate, bottleneck, latency per sink against its budgets, storage,
 * monthly cost); with `--json`, the report with a `simulation` summary (see simulation-summary.ts).
 * Exit codes: 0 every `error`-severity requirement passes; 1 one fails; 2 the input cannot be read or
 * is invalid (the message names the file and JSON path; never a stack trace); with `--json` an exit 2
 * prints `{"error": {"kind", "message", ...}}` on stdout (see `GradeErrorKind`).
 */
import { clip, quote } from '../domain/excerpt.ts';
import { formatNumber } from '../domain/format.ts';
import { analyseDesign, type GradeReport } from '../domain/grade.ts';
import { applyWhatIf, type WhatIf } from '../domain/what-if.ts';
import { loadContentFromDisk, PROJECT_ROOT } from './content.ts';
import { InputError, readDesignInput } from './design-input.ts';
import { formatSimulation, simulationSummary } from './simulation-summary.ts';

export { MAX_DESIGN_BYTES } from './design-input.ts';

const USAGE = 'usage: npm run grade -- <design.json|diagram.drawio> [--scenario <id>] [--scale <factor>] [--peak-factor <factor>] [--page <n|name>] [--json]';
/** What `--help` prints (on stdout, exit code 0). */
export const HELP = `${USAGE}

Grades an Archboard design file (format "archboard.design") or a draw.io diagram against a scenario's
requirements and prints one line per requirement, then a short simulation summary.

  <design.json|diagram.drawio>
                         the design file or draw.io diagram (a regular file of at most 10 MB,
                         UTF-8, a BOM is accepted)
  --scenario <id>        the scenario to grade against (default: the design's "scenarioId")
  --scale <factor>       what-if: the scenario's daily volume times this factor (above 0)
  --peak-factor <factor> what-if: the peak over the average rate (at least 1)
  --page <n|name>        draw.io files: the page to read (default the first holding a service)
  --json                 print the report as JSON
  -h, --help             print this help

Exit codes: 0 every error-severity requirement passes, 1 one fails, 2 the input cannot be read or is
invalid (the message names the file and the JSON path).`;

interface Args {
  file: string;
  /** The scenario asked for with `--scenario`; undefined when not given. */
  scenarioId?: string;
  page?: string;
  json: boolean;
  whatIf: WhatIf;
  help: boolean;
}

/** A what-if option's number: positive and finite (a peak factor at least 1). */
function factorArg(option: string, raw: string | undefined, min: number): number {
  const v = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(v) || v < min || (min === 0 && v === 0)) throw new InputError(`${option} needs a number${min ? ` of at least ${min}` : ' above 0'} (got ${raw === undefined ? 'nothing' : JSON.stringify(raw.slice(0, 40))})\n${USAGE}`);
  return v;
}

function parseArgs(argv: readonly string[]): Args {
  let file: string | undefined;
  let scenarioId: string | undefined;
  let json = false;
  const whatIf: WhatIf = {};
  let page: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [name, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (a === '--json') json = true;
    else if (name === '--scale') whatIf.volumeFactor = factorArg('--scale', inline ?? argv[++i], 0);
    else if (name === '--peak-factor') whatIf.peakFactor = factorArg('--peak-factor', inline ?? argv[++i], 1);
    else if (a === '--page') {
      page = argv[++i];
      if (!page) throw new InputError(`--page needs a page number or name\n${USAGE}`);
    } else if (a === '--help' || a === '-h') return { file: '', json, whatIf, help: true };
    else if (a === '--scenario' || a.startsWith('--scenario=')) {
      scenarioId = a === '--scenario' ? argv[++i] : a.slice('--scenario='.length);
      if (scenarioId === undefined || scenarioId === '') throw new InputError(`${a === '--scenario' ? '--scenario' : '--scenario='} needs a scenario id (an empty value names none)\n${USAGE}`);
    } else if (a.startsWith('-')) throw new InputError(`unknown option ${quote(a)}\n${USAGE}`);
    else if (file) throw new InputError(`one design file at a time (got ${quote(file)} and ${quote(a)})\n${USAGE}`);
    else file = a;
  }
  if (!file) throw new InputError(`no design file given\n${USAGE}`);
  return { file, json, whatIf, help: false, ...(scenarioId ? { scenarioId } : {}), ...(page !== undefined ? { page } : {}) };
}

/**
 * Text safe to print on a terminal: control characters (C0 but newline and tab, DEL, C1, which carry
 * ANSI escape sequences) and the Unicode bidirectional controls (which can make a line read
 * differently from what it holds) are shown as `\u{…}` escapes. Design labels and ids reach the text
 * output through finding messages, and a design file can come from anyone.
 */
export function terminalSafe(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point (see above)
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

const STATUS_LABEL = { pass: 'PASS', fail: 'FAIL', 'not-applicable': 'N/A ', error: 'ERR ' } as const;

/** The report as text lines: one per requirement, findings indented beneath. */
export function formatReport(report: GradeReport, title: string): string {
  const lines = [`${title}`];
  for (const r of report.results) {
    lines.push(`${STATUS_LABEL[r.status]}  ${r.severity.padEnd(7)}  ${r.requirementId}: ${r.text}`);
    if (r.detail) lines.push(`        ${r.detail}`);
    for (const f of r.findings) {
      const where = [...f.nodeIds.map((n) => `node ${n}`), ...f.edgeIds.map((e) => `edge ${e}`)].join(', ');
      lines.push(`        - ${f.message}${where ? ` [${where}]` : ''}`);
      lines.push(`          fix: ${f.remediation}`);
    }
  }
  const c = report.counts;
  lines.push(`${c.pass} passed, ${c.fail} failed, ${c['not-applicable']} not applicable, ${c.error} rule errors: ${report.passed ? 'PASSED' : 'FAILED'}`);
  return lines.join('\n');
}

/** " (what-if: 50,000 GB/day, 3x peak; the scenario says 5,000 GB/day)" when the workload changed. */
function whatIfNote(written: { ingestGBPerDay: number; peakFactor: number }, now: { ingestGBPerDay: number; peakFactor: number }): string {
  if (written.ingestGBPerDay === now.ingestGBPerDay && written.peakFactor === now.peakFactor) return '';
  const n = (x: number) => formatNumber(x, 2);
  return ` (what-if: ${n(now.ingestGBPerDay)} GB/day at ${n(now.peakFactor)}x peak; the scenario says ${n(written.ingestGBPerDay)} GB/day at ${n(written.peakFactor)}x)`;
}

/**
 * Runs the grader.
 * @param argv the arguments after `npm run grade --`
 * @param root the project whose content grades (tests pass a copy)
 * @returns the exit code (0, 1 or 2) and what to print on stdout / stderr
 */
export function runGrader(argv: readonly string[], root: string = PROJECT_ROOT): { code: 0 | 1 | 2; stdout: string; stderr: string } {
  // Decided before the arguments are parsed, so a usage error is JSON too when --json was given.
  const json = argv.includes('--json');
  let stage: GradeErrorKind = 'usage';
  try {
    const args = parseArgs(argv);
    if (args.help) return { code: 0, stdout: HELP, stderr: '' };
    stage = 'content';
    const { content, problems } = loadContentFromDisk(root);
    if (problems.length) throw new GradeError('content', `the shipped content has problems:\n${problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).join('\n')}`, { problems });
    stage = 'design';
    const { design, notes } = readDesignInput(args.file, content.catalog, { ...(args.page !== undefined ? { page: args.page } : {}), ...(args.scenarioId ? { scenarioId: args.scenarioId } : {}) });
    const scenarioId = args.scenarioId ?? design.scenarioId;
    const known = content.scenarios.map((s) => s.scenario.id);
    if (!scenarioId) throw new GradeError('scenario', `${args.file}: $.scenarioId: the design names no scenario; pass --scenario <id> (one of: ${known.join(', ')})`, { known });
    const written = content.scenarios.find((s) => s.scenario.id === scenarioId)?.scenario;
    if (!written)
      throw new GradeError(
        'scenario',
        args.scenarioId !== undefined
          ? `--scenario: unknown scenario ${quote(scenarioId)} (known: ${known.join(', ')})`
          : `${args.file}: $.scenarioId: unknown scenario ${quote(scenarioId)} (known: ${known.join(', ')}); pass --scenario <id> to grade against another`,
        { scenarioId: clip(scenarioId), known },
      );
    stage = 'internal';
    const scenario = applyWhatIf(written, args.whatIf);
    const { report, simulation } = analyseDesign(design, scenario, content.catalog, content.rules);
    if (!simulation) throw new Error('the simulation failed');
    const sim = simulation;
    const stdout = args.json
      ? JSON.stringify(
          { file: args.file, scenarioTitle: scenario.title, ...(scenario !== written ? { whatIf: { ...args.whatIf, workload: scenario.workload } } : {}), ...report, simulation: simulationSummary(sim, design, content.catalog) },
          null,
          2,
        )
      : terminalSafe(`${formatReport(report, `${args.file}: ${scenario.title}${whatIfNote(written.workload, scenario.workload)}`)}\n\n${formatSimulation(sim, design, content.catalog, scenario)}`);
    return { code: report.passed ? 0 : 1, stdout, stderr: terminalSafe(notes.join('\n')) };
  } catch (e) {
    const known = e instanceof GradeError || e instanceof InputError;
    const kind: GradeErrorKind = e instanceof GradeError ? e.kind : known ? stage : 'internal';
    const message = known ? (e as Error).message : `internal error: ${clip(e instanceof Error ? e.message : String(e), 200)}`;
    if (json) return { code: 2, stdout: JSON.stringify({ error: { kind, message, ...(e instanceof GradeError ? e.details : {}) } }, null, 2), stderr: '' };
    return { code: 2, stdout: '', stderr: terminalSafe(message) };
  }
}

/**
 * What went wrong when the grader exits 2 (`{"error": {"kind", "message", ...}}` with `--json`):
 * `usage` (the arguments), `content` (the shipped catalog or scenarios, with `problems`), `design`
 * (the design file cannot be read or is invalid; the message names the file and JSON path),
 * `scenario` (none named or unknown, with the `known` ids), `internal` (a bug, never the user's fault).
 */
export type GradeErrorKind = 'usage' | 'content' | 'design' | 'scenario' | 'internal';

/** An exit-2 error of a known kind, with details for the JSON output. */
class GradeError extends Error {
  constructor(
    readonly kind: GradeErrorKind,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
