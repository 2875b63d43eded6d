/**
 * The grader's text output with hostile labels: HTML and script come out as the literal text they are,
 * while terminal control sequences (ANSI escapes) and Unicode bidirectional controls in a design are
 * printed as visible `\u{…}` escapes, so a design file cannot rewrite the terminal or reorder a line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGrader, terminalSafe } from '../../src/cli/grader.ts';
import { serializeDesign } from '../../src/domain/design.ts';
import { content } from '../support/designs.ts';

const iot = content.scenarios.find((s) => s.scenario.id === 'iot-5tb-day')!;
const LABELS = ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>', 'javascript:alert(3)', 'clear\u001b[2J\u001b]0;owned\u0007', 'evil\u202Etxt.exe', 'zero\u200Bwidth'];

function hostileFile(): string {
  const design = structuredClone(iot.commonMistake);
  design.nodes.forEach((n, i) => (n.label = LABELS[i % LABELS.length]));
  const file = join(mkdtempSync(join(tmpdir(), 'archboard-hostile-')), 'hostile.design.json');
  writeFileSync(file, serializeDesign(design));
  return file;
}

describe('grader text output with hostile labels', () => {
  it('prints HTML and script as literal text and escapes terminal and bidi controls', () => {
    const { code, stdout } = runGrader([hostileFile()]);
    expect(code).toBe(1);
    // The common mistake fails the latency budget; that finding names the services on the path by label.
    expect(stdout).toMatch(/<img src=x onerror=alert\(1\)>|<script>alert\(2\)<\/script>|javascript:alert\(3\)/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no raw control character may reach the terminal
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(stdout).toContain('clear\\u{1b}[2J\\u{1b}]0;owned\\u{7}');
  });

  it('escapes only what a terminal would act on', () => {
    expect(terminalSafe('a\tb\nc')).toBe('a\tb\nc');
    expect(terminalSafe('\u001b[31mred')).toBe('\\u{1b}[31mred');
    expect(terminalSafe('abc\u202Edef')).toBe('abc\\u{202e}def');
    expect(terminalSafe('<b>é 日本 zero\u200Bwidth</b>')).toBe('<b>é 日本 zero\u200Bwidth</b>');
  });
});
