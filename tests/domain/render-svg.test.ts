/**
 * The renderer (design -> SVG): well-formed, editable SVG with one symbol per service reused by every
 * node, labels as escaped text, light and dark, volume labels and findings only when asked, the icon
 * source's markup when it has one (scripts and external references dropped) and the glyph otherwise.
 */
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Design } from '../../src/domain/design.ts';
import { readIconSvgAsync } from '../../src/adapters/icons-node.ts';
import { fitText, iconsForDesign, renderDesignSvg, sanitizeIconMarkup, textWidth, wrapText } from '../../src/domain/render-svg.ts';
import { content } from '../support/designs.ts';

const { catalog } = content;
const iot = content.scenarios.find((s) => s.scenario.id === 'iot-5tb-day')!.reference;
const region = content.scenarios.find((s) => s.scenario.id === 'multi-region-data-lake')!.reference;
const count = (svg: string, re: RegExp) => svg.match(re)?.length ?? 0;

describe('renderDesignSvg', () => {
  it('draws every node, edge and label as plain SVG, icons as one symbol per service reused with <use>', () => {
    const { svg, width, height } = renderDesignSvg(region, catalog);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg"[^>]* width="${width}" height="${height}"`));
    expect(svg).not.toMatch(/foreignObject|<script|<image|href="http/);
    for (const n of region.nodes) expect(svg).toContain(`data-node-id="${n.id}"`);
    expect(count(svg, /<path d="M[^"]*" fill="none"[^>]*marker-end/g)).toBe(region.edges.length);
    const services = new Set(region.nodes.filter((n) => n.service !== 'text-note').map((n) => n.service));
    expect(count(svg, /<symbol /g)).toBe(services.size);
    expect(count(svg, /<use /g)).toBe(region.nodes.filter((n) => n.service !== 'text-note').length);
  });

  it("embeds AWS's own icons once each as <symbol>, every <use> points at one, and no two icons share an id", async () => {
    const icons = await iconsForDesign(region, catalog, readIconSvgAsync);
    const { svg } = renderDesignSvg(region, catalog, { icons: (id) => icons.get(id) });
    expect(XMLValidator.validate(svg)).toBe(true);
    const symbols = [...svg.matchAll(/<symbol id="([^"]+)"/g)].map((m) => m[1]!);
    const drawnWithIcon = new Set(region.nodes.filter((n) => catalog.byId.get(n.service)?.icon).map((n) => `icon-${n.service}`));
    expect(drawnWithIcon.size).toBeGreaterThan(5);
    for (const id of drawnWithIcon) expect(symbols).toContain(id);
    expect(new Set(symbols).size).toBe(symbols.length);
    for (const m of svg.matchAll(/<use href="#([^"]+)"/g)) expect(symbols).toContain(m[1]);
    // Each symbol holds the icon file's own drawing (its background square colour), not a glyph.
    for (const n of region.nodes) {
      const markup = icons.get(n.service);
      if (!markup) continue;
      const fill = /<path fill="(#[0-9a-f]{6})" d="M0 0h/i.exec(markup)?.[1];
      const symbol = new RegExp(`<symbol id="icon-${n.service}"[^>]*>(.*?)</symbol>`).exec(svg)![1]!;
      expect(symbol).not.toMatch(/<text/);
      if (fill) expect(symbol).toContain(`fill="${fill}"`);
    }
    const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the SVG of a 200-node design with its icons under 300 KB, even with every service of the catalog in it', async () => {
    const services = catalog.entries.filter((e) => !e.group && e.id !== 'text-note');
    const design: Design = {
      format: 'archboard.design',
      version: 2,
      nodes: Array.from({ length: 200 }, (_, i) => ({ id: `n${i}`, service: services[i % services.length]!.id, label: `Stage ${i} of the pipeline`, position: { x: (i % 20) * 300, y: Math.floor(i / 20) * 160 } })),
      edges: Array.from({ length: 199 }, (_, i) => ({ id: `e${i}`, source: `n${i}`, target: `n${i + 1}` })),
    };
    const icons = await iconsForDesign(design, catalog, readIconSvgAsync);
    const { svg } = renderDesignSvg(design, catalog, { icons: (id) => icons.get(id) });
    expect(count(svg, /<symbol /g)).toBe(new Set(design.nodes.map((n) => n.service)).size);
    expect(Buffer.byteLength(svg)).toBeLessThan(300 * 1024);
  });

  it('is the same picture for the same design (nothing from a view goes in)', () => {
    expect(renderDesignSvg(iot, catalog).svg).toBe(renderDesignSvg(structuredClone(iot), catalog).svg);
  });

  it('draws the dark theme on the dark canvas colour', () => {
    expect(renderDesignSvg(iot, catalog, { theme: 'light' }).svg).toContain('<rect width="100%" height="100%" fill="#fafbfc"/>');
    expect(renderDesignSvg(iot, catalog, { theme: 'dark' }).svg).toContain('<rect width="100%" height="100%" fill="#10141a"/>');
  });

  it('adds volume labels and findings only when asked', () => {
    const plain = renderDesignSvg(iot, catalog).svg;
    const edge = iot.edges[0]!;
    const node = iot.nodes[1]!;
    const rich = renderDesignSvg(iot, catalog, {
      volumes: new Map([[edge.id, '57.9 MB/s · 5.0 TB/day']]),
      findings: { marks: new Map([[node.id, 'error']]), legend: { header: '3 of 4 requirements pass, 1 fail', lines: [{ status: 'fail', severity: 'error', text: 'Ingestion is sized', nodes: ['Telemetry stream'] }] } },
    }).svg;
    expect(plain).not.toContain('57.9 MB/s');
    expect(plain).not.toContain('class="legend"');
    expect(rich).toContain('57.9 MB/s · 5.0 TB/day');
    expect(rich).toContain('FAIL · error');
    expect(rich).toContain('On: Telemetry stream');
    expect(rich).toMatch(new RegExp(`data-node-id="${node.id}"[^]*?stroke="#d6293e" stroke-width="2.5"`));
    expect(renderDesignSvg(iot, catalog, { findings: { marks: new Map(), legend: { header: 'h', lines: [] } } }).height).toBeGreaterThan(renderDesignSvg(iot, catalog).height);
  });

  it("uses the icon source's markup, made safe, and the glyph square where it has none", () => {
    const icons = (id: string) =>
      id === 'amazon-s3'
        ? '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 80 80"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" onclick="alert(1)" width="80" height="80"/><script>alert(1)</script><image href="https://example.com/x.png"/></svg>'
        : undefined;
    const { svg } = renderDesignSvg(iot, catalog, { icons });
    expect(svg).toContain('<symbol id="icon-amazon-s3" viewBox="0 0 80 80">');
    expect(svg).toContain('id="icon-amazon-s3-g"');
    expect(svg).toContain('url(#icon-amazon-s3-g)');
    expect(svg).not.toMatch(/<script|onclick|example\.com/);
    expect(svg).toMatch(/<symbol id="icon-amazon-kinesis-data-streams" viewBox="0 0 40 40"><rect width="40" height="40" rx="8" fill="#8C4FFF"\/><text[^>]*>KDS<\/text>/);
    expect(XMLValidator.validate(svg)).toBe(true);
  });

  it.each([
    [`<rect onload='alert(1)' width="4"/>`, /onload|alert/],
    [`<rect style="fill:url(https://x.test/a)" fill="url(https://x.test/b)"/>`, /x\.test/],
    [`<a href="javascript:alert(1)"><rect/></a>`, /javascript|href/],
    [`<use xlink:href="https://x.test/s.svg#a"/>`, /x\.test/],
    [`<style>@import url(https://x.test/c.css)</style><rect/>`, /x\.test|<style/],
    [`<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject><rect/>`, /foreignObject|<div/],
    [`<set attributeName="href" to="https://x.test"/><animate attributeName="href" values="javascript:alert(1)"/>`, /x\.test|javascript|<set|<animate/],
    [`<!-- c --><title>Icon</title><rect/>`, /<title|<!--/],
  ])('drops what could run or fetch from icon markup: %s', (markup, bad) => {
    const out = sanitizeIconMarkup(markup);
    expect(out).not.toMatch(bad);
    expect(XMLValidator.validate(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">${out}</svg>`)).toBe(true);
  });

  it('holds any label as escaped text, shortened to its box, with the whole label in a title', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 80 }), (label, edgeLabel) => {
        const design: Design = {
          format: 'archboard.design',
          version: 2,
          nodes: [
            { id: 'a', service: 'amazon-s3', label, position: { x: 0, y: 0 } },
            { id: 'b', service: 'aws-lambda', position: { x: 400, y: 0 } },
            { id: 'n', service: 'text-note', position: { x: 0, y: 200 }, settings: { text: label } },
          ],
          edges: [{ id: 'e', source: 'a', target: 'b', settings: { label: edgeLabel } }],
        };
        const { svg } = renderDesignSvg(design, catalog);
        expect(XMLValidator.validate(svg)).toBe(true);
        expect(svg).not.toMatch(/<script|foreignObject/);
      }),
      { numRuns: 200 },
    );
  });

  it('draws an empty design as a small blank picture', () => {
    const r = renderDesignSvg({ format: 'archboard.design', version: 2, nodes: [], edges: [] }, catalog);
    expect(r.width).toBeGreaterThan(0);
    expect(r.svg).not.toContain('data-node-id');
  });
});

describe('text measuring without a DOM', () => {
  it('shortens with an ellipsis to fit and wraps at word boundaries', () => {
    const long = 'Telemetry stream and replay buffer for seven days';
    const fitted = fitText(long, 13, 120);
    expect(fitted.endsWith('…')).toBe(true);
    expect(textWidth(fitted, 13)).toBeLessThanOrEqual(120);
    expect(fitText('S3', 13, 120)).toBe('S3');
    const lines = wrapText(long, 13, 100);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 13)).toBeLessThanOrEqual(100);
    expect(lines.join(' ')).toBe(long);
  });
});
