/**
 * Hostile and random draw.io input: entity declarations are refused, compressed pages cannot inflate
 * without bound, deep group chains and parent cycles import with a message instead of a stack
 * overflow, and random cell trees (cycles, missing parents, connectors to anything) always give a
 * design `loadDesign` accepts.
 */
import fc from 'fast-check';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { drawioToDesign } from '../../src/adapters/drawio-design.ts';
import { MAX_PAGE_BYTES, readDrawioFile } from '../../src/adapters/drawio-file.ts';
import { loadDesign } from '../../src/domain/design.ts';
import { mapDrawioCells, type DrawioCell } from '../../src/domain/drawio.ts';
import { content } from '../support/designs.ts';

const { catalog } = content;
const S3 = 'shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.s3;';
const REGION = 'shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_region;container=1;';
const page = (cells: string) => `<mxfile><diagram name="P"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>${cells}</root></mxGraphModel></diagram></mxfile>`;

describe('hostile draw.io files', () => {
  it.each([
    ['an internal entity', `<?xml version="1.0"?><!DOCTYPE mxfile [<!ENTITY a "${'x'.repeat(10)}">]>${page('<mxCell id="c" value="&a;" vertex="1" parent="1"/>')}`],
    ['an external entity', `<!DOCTYPE mxfile SYSTEM "file:///etc/passwd">${page('')}`],
    ['a lower-case declaration', `<!doctype mxfile>${page('')}`],
  ])('refuses %s with a message before parsing', (_name, text) => {
    const read = readDrawioFile(text);
    expect(read).toEqual({ ok: false, message: expect.stringMatching(/DOCTYPE or ENTITY/) });
  });

  it('refuses an entity declaration hidden in a compressed page', () => {
    const inner = encodeURIComponent(`<!DOCTYPE x [<!ENTITY a "b">]><mxGraphModel><root><mxCell id="0"/></root></mxGraphModel>`);
    const packed = deflateRawSync(Buffer.from(inner)).toString('base64');
    const read = readDrawioFile(`<mxfile><diagram name="Bomb">${packed}</diagram></mxfile>`);
    expect(read).toEqual({ ok: false, message: expect.stringMatching(/page "Bomb" declares a DOCTYPE or ENTITY/) });
  });

  it('refuses a compressed page that inflates beyond the limit', () => {
    const packed = deflateRawSync(Buffer.alloc(MAX_PAGE_BYTES + 1024, 0x41)).toString('base64');
    const read = readDrawioFile(`<mxfile><diagram name="Zip">${packed}</diagram></mxfile>`);
    expect(read).toEqual({ ok: false, message: expect.stringMatching(/inflates to more than 64 MB/) });
  });

  it('imports a 20,000-level chain of groups without a stack overflow, members where they were drawn', () => {
    const depth = 20_000;
    const cells: DrawioCell[] = [{ id: '0' }, { id: '1', parent: '0' }];
    for (let i = 0; i < depth; i++) cells.push({ id: `g${i}`, parent: i ? `g${i - 1}` : '1', vertex: true, style: 'container=1;', value: '', geometry: { x: 1, y: 1, width: 100, height: 100 } });
    cells.push({ id: 's', parent: `g${depth - 1}`, vertex: true, style: S3, geometry: { x: 5, y: 7, width: 78, height: 78 } });
    const { design } = mapDrawioCells(cells, catalog);
    expect(design.nodes).toEqual([expect.objectContaining({ service: 'amazon-s3', position: { x: depth + 5, y: depth + 7 } })]);
  });

  it('reports a parent cycle and still imports what is in it', () => {
    const cells: DrawioCell[] = [
      { id: '0' },
      { id: '1', parent: '0' },
      { id: 'a', parent: 'b', vertex: true, style: REGION, value: 'eu-west-1', geometry: { x: 0, y: 0, width: 600, height: 400 } },
      { id: 'b', parent: 'a', vertex: true, style: 'container=1;', value: 'box', geometry: { x: 10, y: 10, width: 300, height: 200 } },
      { id: 's', parent: 'b', vertex: true, style: S3, geometry: { x: 20, y: 20, width: 78, height: 78 } },
      { id: 'self', parent: 'self', vertex: true, style: S3, geometry: { x: 900, y: 0, width: 78, height: 78 } },
    ];
    const { design, warnings } = mapDrawioCells(cells, catalog);
    expect(warnings.some((w) => /cycle/.test(w) && w.includes('"a"') && w.includes('"b"'))).toBe(true);
    expect(warnings.some((w) => /cycle/.test(w) && w.includes('"self"'))).toBe(true);
    expect(loadDesign(design, catalog).ok).toBe(true);
    expect(design.nodes.map((n) => n.service).sort()).toEqual(['amazon-s3', 'amazon-s3', 'aws-region']);
    const region = design.nodes.find((n) => n.service === 'aws-region')!;
    expect(region.settings).toEqual({ regionCode: 'eu-west-1' });
  });

  it('imports 50,000 cells (a service grid with connectors) and finishes', () => {
    const cells: string[] = [];
    for (let i = 0; i < 25_000; i++) cells.push(`<mxCell id="v${i}" style="${S3}" vertex="1" parent="1"><mxGeometry x="${(i % 200) * 120}" y="${Math.floor(i / 200) * 120}" width="78" height="78" as="geometry"/></mxCell>`);
    for (let i = 0; i < 25_000 - 1; i++) cells.push(`<mxCell id="e${i}" edge="1" parent="1" source="v${i}" target="v${i + 1}"><mxGeometry relative="1" as="geometry"/></mxCell>`);
    const r = drawioToDesign(page(cells.join('')), catalog);
    expect(r.ok).toBe(true);
    if (r.ok) expect([r.counts.services, r.counts.connections]).toEqual([25_000, 24_999]);
  }, 60_000);
});

const STYLES = [
  S3,
  'shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.lambda;',
  'shape=mxgraph.aws4.kinesis_data_streams;',
  REGION,
  'shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_vpc;',
  'shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_aws_cloud_alt;',
  'text;html=1;',
  'rounded=1;',
  'shape=mxgraph.aws3.dynamo_db;',
  'edgeLabel;html=1;',
  '',
  undefined,
];

describe('random draw.io trees', () => {
  it('always import to a valid design: parents exist and are groups, no loops, every connection between imported services', () => {
    const cell = (n: number) =>
      fc.record({
        kind: fc.constantFrom('vertex', 'vertex', 'vertex', 'edge'),
        parent: fc.oneof(
          fc.constant('1'),
          fc.nat({ max: n + 2 }).map((i) => `c${i}`),
          fc.constant(undefined),
        ),
        style: fc.constantFrom(...STYLES),
        value: fc.oneof(fc.constant(''), fc.constant('eu-west-1'), fc.constant('Availability Zone'), fc.string({ maxLength: 12 }), fc.constant('<b>x</b><div>y</div>')),
        source: fc.oneof(
          fc.nat({ max: n + 2 }).map((i) => `c${i}`),
          fc.constant(undefined),
        ),
        target: fc.oneof(
          fc.nat({ max: n + 2 }).map((i) => `c${i}`),
          fc.constant(undefined),
        ),
        start: fc.constantFrom(undefined, 'none', 'classic'),
        x: fc.integer({ min: -500, max: 2000 }),
        y: fc.integer({ min: -500, max: 2000 }),
        w: fc.integer({ min: 0, max: 900 }),
        h: fc.integer({ min: 0, max: 900 }),
        loose: fc.boolean(),
      });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }).chain((n) => fc.array(cell(n), { minLength: n, maxLength: n })),
        (specs) => {
          const cells: DrawioCell[] = [{ id: '0' }, { id: '1', parent: '0' }];
          specs.forEach((s, i) => {
            const base = { id: `c${i}`, parent: s.parent, style: s.kind === 'edge' && s.style !== undefined ? `${s.style}${s.start ? `startArrow=${s.start};` : ''}` : s.style, value: s.value };
            if (s.kind === 'edge') cells.push({ ...base, edge: true, source: s.source, target: s.target, ...(s.loose ? { sourcePoint: { x: s.x, y: s.y }, targetPoint: { x: s.y, y: s.x } } : {}) });
            else cells.push({ ...base, vertex: true, geometry: { x: s.x, y: s.y, width: s.w, height: s.h } });
          });
          const { design, counts } = mapDrawioCells(cells, catalog, { scale: 2 });
          const loaded = loadDesign(design, catalog);
          expect(loaded.ok, JSON.stringify(loaded.ok ? '' : loaded.problems)).toBe(true);
          expect(counts.services + counts.groups + counts.notes).toBe(design.nodes.length);
          expect(counts.connections).toBe(design.edges.length);
          const byId = new Map(design.nodes.map((n) => [n.id, n]));
          for (const e of design.edges) {
            for (const end of [e.source, e.target]) {
              const entry = catalog.byId.get(byId.get(end)!.service)!;
              expect(entry.group || entry.id === 'text-note').toBe(false);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
