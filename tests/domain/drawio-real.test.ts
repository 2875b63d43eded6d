/**
 * The real-diagram test set (tests/fixtures/drawio/real, sources and licences in its README): every
 * page of every file imports to a valid design, and across the set at least 90 % of the AWS service
 * shapes the catalog covers become the right service, at least 85 % of the connectors between them
 * become connections, and every group kind keeps its members. The per-file table is printed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawioToDesign } from '../../src/adapters/drawio-design.ts';
import { readDrawioFile } from '../../src/adapters/drawio-file.ts';
import { measure, type Rates } from '../support/drawio-rates.ts';
import { content } from '../support/designs.ts';

const DIR = join(__dirname, '..', 'fixtures', 'drawio', 'real');
const FILES = readdirSync(DIR)
  .filter((f) => /\.(drawio|xml)$/.test(f))
  .sort();

function ratesOf(file: string): Rates {
  const read = readDrawioFile(readFileSync(join(DIR, file), 'utf8'));
  if (!read.ok) throw new Error(`${file}: ${read.message}`);
  const total: Rates = { services: { covered: 0, right: 0 }, connectors: { between: 0, kept: 0, total: 0 }, groups: { shapes: 0, kept: 0, members: 0, membersKept: 0, kinds: [] } };
  for (const page of read.pages) {
    const r = measure(page.cells, content.catalog);
    total.services.covered += r.services.covered;
    total.services.right += r.services.right;
    total.connectors.between += r.connectors.between;
    total.connectors.kept += r.connectors.kept;
    total.connectors.total += r.connectors.total;
    total.groups.shapes += r.groups.shapes;
    total.groups.kept += r.groups.kept;
    total.groups.members += r.groups.members;
    total.groups.membersKept += r.groups.membersKept;
    total.groups.kinds = [...new Set([...total.groups.kinds, ...r.groups.kinds])].sort();
  }
  return total;
}

const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(0)} %` : '—');

describe('real draw.io diagrams', () => {
  it('holds at least 15 files, each listed in the README with its source and licence', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(15);
    const readme = readFileSync(join(DIR, 'README.md'), 'utf8');
    for (const f of FILES) {
      const listed = readme.includes(`\`${f}\``) || (/^drawio-template-aws_\d+\.xml$/.test(f) && readme.includes('`drawio-template-aws_1.xml` … `drawio-template-aws_10.xml`'));
      expect(listed, f).toBe(true);
    }
  });

  it.each(FILES)('%s: every page with a service imports to a valid design', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const read = readDrawioFile(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    read.pages.forEach((_p, index) => {
      const r = drawioToDesign(text, content.catalog, { page: index });
      if (!r.ok) expect(r.message).toMatch(/no shape on page/);
    });
  });

  it('meets the mapping targets across the set (per-file table printed)', () => {
    const rows = FILES.map((f) => [f, ratesOf(f)] as const);
    const sum = (pick: (r: Rates) => number) => rows.reduce((s, [, r]) => s + pick(r), 0);
    const table = [
      '| File | Services right | Connectors kept (between services) | All connectors | Group members kept | Group kinds |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows.map(
        ([f, r]) =>
          `| ${f} | ${r.services.right}/${r.services.covered} (${pct(r.services.right, r.services.covered)}) | ${r.connectors.kept}/${r.connectors.between} (${pct(r.connectors.kept, r.connectors.between)}) | ${r.connectors.total} | ${r.groups.membersKept}/${r.groups.members} | ${r.groups.kinds.join(', ') || '—'} |`,
      ),
      `| **all ${rows.length} files** | ${sum((r) => r.services.right)}/${sum((r) => r.services.covered)} (${pct(
        sum((r) => r.services.right),
        sum((r) => r.services.covered),
      )}) | ${sum((r) => r.connectors.kept)}/${sum((r) => r.connectors.between)} (${pct(
        sum((r) => r.connectors.kept),
        sum((r) => r.connectors.between),
      )}) | ${sum((r) => r.connectors.total)} | ${sum((r) => r.groups.membersKept)}/${sum((r) => r.groups.members)} | |`,
    ];
    console.log(table.join('\n'));
    expect(sum((r) => r.services.right) / sum((r) => r.services.covered)).toBeGreaterThanOrEqual(0.9);
    expect(sum((r) => r.connectors.kept) / sum((r) => r.connectors.between)).toBeGreaterThanOrEqual(0.85);
    // Every group kind the set draws is kept, with every service drawn inside it.
    for (const [f, r] of rows) {
      expect(r.groups.kept, f).toBe(r.groups.shapes);
      expect(r.groups.membersKept, f).toBe(r.groups.members);
    }
  });
});
