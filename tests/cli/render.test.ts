/**
 * `npm run render` and `npm run convert`: every shipped reference design renders to PNG, SVG and PDF;
 * the PNG is decoded and every service's AWS icon (its own colours) and every connection's arrowhead is
 * found at its place;
 * draw.io files render and convert like the app imports them; bad input is a message, not a trace.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/content.ts';
import { runConvert } from '../../src/cli/converter.ts';
import { runRender } from '../../src/cli/renderer.ts';
import { readIconSvgAsync } from '../../src/adapters/icons-node.ts';
import { loadDesignText } from '../../src/domain/design.ts';
import { absolutePositions, NODE_HEIGHT } from '../../src/domain/diagram.ts';
import { iconsForDesign, renderDesignSvg } from '../../src/domain/render-svg.ts';
import { colourDistance, decodePng, hexToRgb, pixel } from '../e2e/png.ts';
import { content } from '../support/designs.ts';

const out = mkdtempSync(join(tmpdir(), 'archboard-render-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const REFERENCES = readdirSync(join(PROJECT_ROOT, 'scenarios')).map((s) => join('scenarios', s, 'reference.design.json'));

describe('npm run render', () => {
  it.each(REFERENCES)(
    '%s: PNG with every icon and arrowhead, SVG and PDF',
    async (file) => {
      const base = join(out, file.split('/')[1]!);
      for (const format of ['png', 'svg', 'pdf'] as const) {
        const r = await runRender([join(PROJECT_ROOT, file), `--${format}`, '-o', `${base}.${format}`]);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
      }
      const loaded = loadDesignText(readFileSync(join(PROJECT_ROOT, file), 'utf8'), content.catalog);
      if (!loaded.ok) throw new Error('reference design invalid');
      const design = loaded.design;
      const icons = await iconsForDesign(design, content.catalog, readIconSvgAsync);
      const picture = renderDesignSvg(design, content.catalog, { icons: (id) => icons.get(id) });
      const svg = readFileSync(`${base}.svg`, 'utf8');
      expect(svg).toBe(picture.svg);
      // AWS's icons are embedded as symbols, not the glyph squares drawn when an icon is missing.
      for (const n of design.nodes) if (content.catalog.byId.get(n.service)?.icon) expect(svg, `icon of ${n.id}`).toMatch(new RegExp(`<symbol id="icon-${n.service}" viewBox="[^"]+"><(?!rect width="40" height="40" rx="8")`));
      const img = decodePng(readFileSync(`${base}.png`));
      expect([img.width, img.height]).toEqual([picture.width * 2, picture.height * 2]);
      const abs = absolutePositions(design);
      const at = (x: number, y: number) => pixel(img, Math.round((x + picture.offset.x) * 2), Math.round((y + picture.offset.y) * 2));
      for (const n of design.nodes) {
        const entry = content.catalog.byId.get(n.service)!;
        if (entry.group || n.service === 'text-note' || !entry.icon) continue;
        const p = abs.get(n.id)!;
        const markup = icons.get(n.service)!;
        // The icon file's colour: a service icon's background square, or the first colour a general icon is drawn in.
        const square = /<path fill="(#[0-9a-f]{6})" d="M0 0h/i.exec(markup)?.[1];
        const x0 = p.x + 10;
        const y0 = p.y + (NODE_HEIGHT - 40) / 2;
        if (square) {
          // Inside the square, off the white line drawing: the corner has the square's colour.
          expect(colourDistance(at(x0 + 2, y0 + 2), hexToRgb(square)), `icon of ${n.id} at its place`).toBeLessThan(40);
          continue;
        }
        const ink = hexToRgb(/fill="(#[0-9a-f]{6})"/i.exec(markup)![1]!);
        let found = false;
        for (let y = y0; y < y0 + 40 && !found; y += 0.5) for (let x = x0; x < x0 + 40 && !found; x += 0.5) found = colourDistance(at(x, y), ink) < 40;
        expect(found, `icon of ${n.id} drawn in ${ink.join(',')}`).toBe(true);
      }
      const edge = hexToRgb('#7a8594');
      for (const e of design.edges) {
        const t = abs.get(e.target)!;
        const ahead = [-2, -3, -4].some((dx) => colourDistance(at(t.x + dx, t.y + NODE_HEIGHT / 2), edge) < 60);
        expect(ahead, `arrowhead of ${e.id} at ${e.target}`).toBe(true);
      }
      const pdf = await PDFDocument.load(readFileSync(`${base}.pdf`));
      expect(pdf.getPageCount()).toBe(1);
      expect(pdf.getPage(0).getWidth()).toBeCloseTo(picture.width * 0.75, 1);
    },
    60_000,
  );

  it('adds findings marks and the legend with --findings, and volume labels with --volumes', async () => {
    const file = join(PROJECT_ROOT, 'scenarios', 'iot-5tb-day', 'common-mistake.design.json');
    const plain = await runRender([file, '--svg', '-o', join(out, 'plain.svg')]);
    const marked = await runRender([file, '--svg', '-o', join(out, 'marked.svg'), '--findings', '--volumes']);
    expect([plain.code, marked.code]).toEqual([0, 0]);
    const svg = readFileSync(join(out, 'marked.svg'), 'utf8');
    expect(svg).toContain('class="legend"');
    expect(svg).toMatch(/FAIL · error/);
    expect(svg).toMatch(/MB\/s · [\d.]+[kM]? rec\/s/);
    expect(readFileSync(join(out, 'plain.svg'), 'utf8')).not.toContain('class="legend"');
  });

  it('renders a draw.io file and says what it did not import', async () => {
    const r = await runRender([join(PROJECT_ROOT, 'tests/fixtures/drawio/iot-pipeline.drawio'), '--png', '-o', join(out, 'iot.png')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/not imported: cell backup/);
    expect(decodePng(readFileSync(join(out, 'iot.png'))).width).toBeGreaterThan(400);
  }, 30_000);

  it.each([
    [['missing.json', '--png', '-o', 'x.png'], /missing\.json: cannot read the file/],
    [['scenarios/iot-5tb-day/reference.design.json', '--png'], /no output file given/],
    [['scenarios/iot-5tb-day/reference.design.json', '-o', 'x.gif'], /choose a format/],
    [['scenarios/iot-5tb-day/reference.design.json', '--png', '--svg', '-o', 'x.png'], /choose one of/],
    [['tests/fixtures/drawio/hostile/entity-expansion.drawio', '--png', '-o', 'x.png'], /DOCTYPE or ENTITY/],
    [['tests/fixtures/drawio/real/sdlf-pipeline.drawio', '--png', '--findings', '-o', 'x.png'], /need a scenario/],
  ])('exits 2 with a message for %j', async (argv, message) => {
    const r = await runRender(argv.map((a) => (a.includes('/') ? join(PROJECT_ROOT, a) : /^x\./.test(a) ? join(out, a) : a)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('runs as npm run render', () => {
    const target = join(out, 'cli.svg');
    const stdout = execFileSync('npm', ['run', '-s', 'render', '--', 'scenarios/iot-5tb-day/reference.design.json', '--svg', '-o', target], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(stdout).toMatch(/cli\.svg: SVG \d+x\d+ px/);
    expect(readFileSync(target, 'utf8')).toMatch(/^<svg /);
  }, 60_000);
});

describe('npm run convert', () => {
  it('turns a draw.io page into a design that grades, and a design into a draw.io file that converts back', () => {
    const json = join(out, 'adsf.json');
    const r = runConvert([join(PROJECT_ROOT, 'tests/fixtures/drawio/real/adsf-diagrams.drawio'), '-o', json, '--page', 'spark-data-lake-example']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/page "spark-data-lake-example" \(7 of 15/);
    const design = loadDesignText(readFileSync(json, 'utf8'), content.catalog);
    expect(design.ok).toBe(true);
    const drawio = join(out, 'ref.drawio');
    expect(runConvert([join(PROJECT_ROOT, 'scenarios/iot-5tb-day/reference.design.json'), '-o', drawio]).code).toBe(0);
    const back = join(out, 'ref.json');
    expect(runConvert([drawio, '-o', back]).code).toBe(0);
    const a = loadDesignText(readFileSync(join(PROJECT_ROOT, 'scenarios/iot-5tb-day/reference.design.json'), 'utf8'), content.catalog);
    const b = loadDesignText(readFileSync(back, 'utf8'), content.catalog);
    if (!a.ok || !b.ok) throw new Error('invalid');
    const ids = (d: typeof a.design) => d.nodes.map((n) => `${n.id}:${n.service}:${n.parentId ?? ''}`).sort();
    expect(ids(b.design)).toEqual(ids(a.design));
  });

  it('exits 2 for an unknown page, naming the pages', () => {
    const r = runConvert([join(PROJECT_ROOT, 'tests/fixtures/drawio/real/adsf-diagrams.drawio'), '-o', join(out, 'x.json'), '--page', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no page named "nope" \(pages: "adsf-data-lake"/);
  });
});
