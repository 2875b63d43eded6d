/**
 * draw.io export: every shipped design (reference, alternative, common mistake) exports to a .drawio
 * file of AWS shapes that imports back to the same design; without Archboard's data (a diagram redrawn
 * in draw.io) the shapes alone still give the same services, groups and connections.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawioToDesign } from '../../src/adapters/drawio-design.ts';
import { readDrawioFile } from '../../src/adapters/drawio-file.ts';
import { PROJECT_ROOT } from '../../src/cli/content.ts';
import { loadDesign, type Design } from '../../src/domain/design.ts';
import { designToDrawio } from '../../src/domain/drawio-export.ts';
import { mapDrawioCells } from '../../src/domain/drawio.ts';
import { content } from '../support/designs.ts';

const FILES = readdirSync(join(PROJECT_ROOT, 'scenarios'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.design.json'))
  .sort();

const load = (file: string): Design => {
  const r = loadDesign(JSON.parse(readFileSync(join(PROJECT_ROOT, 'scenarios', file), 'utf8')), content.catalog);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.design;
};
/** The design with nodes and edges in id order (import lists groups first). */
const canonical = (d: Design) => ({ ...d, nodes: [...d.nodes].sort((a, b) => a.id.localeCompare(b.id)), edges: [...d.edges].sort((a, b) => a.id.localeCompare(b.id)) });

describe('designToDrawio', () => {
  it.each(FILES)('%s: export then import gives the same design', (file) => {
    const design = load(file);
    const text = designToDrawio(design, content.catalog);
    expect(text).toMatch(/^<mxfile /);
    const back = drawioToDesign(text, content.catalog, design.scenarioId ? { scenarioId: design.scenarioId } : {});
    if (!back.ok) throw new Error(back.message);
    expect(back.unmapped).toEqual([]);
    expect(back.warnings).toEqual([]);
    expect(canonical(back.design)).toEqual(canonical(design));
  });

  it.each(FILES)('%s: the shapes alone (no Archboard data) give the same services, groups and connections', (file) => {
    const design = load(file);
    const read = readDrawioFile(designToDrawio(design, content.catalog));
    if (!read.ok) throw new Error(read.message);
    const bare = read.pages[0]!.cells.map(({ data: _data, ...c }) => c);
    const { design: back } = mapDrawioCells(bare, content.catalog, { scale: 2 });
    const services = (d: Design) => d.nodes.map((n) => n.service).sort();
    // Services without a draw.io AWS shape (sources like "POS systems") are drawn as labelled boxes.
    const shaped = (d: Design) => services(d).filter((s) => back.nodes.some((n) => n.service === s));
    expect(shaped(back)).toEqual(shaped(design));
    const byId = new Map(design.nodes.map((n) => [n.id, n.service]));
    const backById = new Map(back.nodes.map((n) => [n.id, n.service]));
    const pairs = (d: Design, m: Map<string, string>) =>
      d.edges
        .map((e) => `${m.get(e.source)}>${m.get(e.target)}`)
        .filter((p) => !p.includes('undefined'))
        .sort();
    const kept = new Set(back.nodes.map((n) => n.service));
    expect(pairs(back, backById)).toEqual(pairs(design, byId).filter((p) => p.split('>').every((s) => kept.has(s))));
    // Every member sits in a group of the same kind as before.
    const parentKind = (d: Design) =>
      d.nodes
        .filter((n) => n.parentId)
        .map((n) => `${n.service} in ${d.nodes.find((g) => g.id === n.parentId)!.service}`)
        .sort();
    expect(parentKind(back)).toEqual(parentKind(design).filter((l) => l.split(' in ').every((s) => kept.has(s))));
  });

  it('writes every group kind as the AWS group box draw.io draws, and the shapes alone read back as the same kinds', () => {
    // A data-lake zone is Archboard's own group (no AWS group box): only the file's Archboard data keeps it.
    const kinds = content.catalog.entries.filter((e) => e.group && e.id !== 'data-lake-zone');
    expect(kinds.map((k) => k.id)).toEqual(expect.arrayContaining(['aws-cloud', 'aws-account', 'aws-region', 'amazon-vpc', 'availability-zone', 'public-subnet', 'private-subnet']));
    const design: Design = {
      format: 'archboard.design',
      version: 2,
      nodes: kinds.map((k, i) => ({ id: `g${i}`, service: k.id, position: { x: i * 700, y: 0 }, size: { width: 600, height: 400 } })),
      edges: [],
    };
    const text = designToDrawio(design, content.catalog);
    expect(text).toContain('grIcon=mxgraph.aws4.group_aws_cloud_alt;strokeColor=#232F3E');
    expect(text).toMatch(/grIcon=mxgraph\.aws4\.group_security_group;grStroke=0;strokeColor=#7AA116;fillColor=#F2F6E8/);
    const read = readDrawioFile(text);
    if (!read.ok) throw new Error(read.message);
    // As draw.io's palette draws an Availability Zone: a dashed box named by its label.
    const bare = read.pages[0]!.cells.map(({ data: _data, ...c }) => ({ ...c, value: c.id === `n${kinds.findIndex((k) => k.id === 'availability-zone') + 1}` ? 'Availability Zone' : '' }));
    const { design: back, unmapped } = mapDrawioCells(bare, content.catalog, { scale: 2 });
    expect(unmapped).toEqual([]);
    expect(back.nodes.map((n) => n.service).sort()).toEqual(kinds.map((k) => k.id).sort());
  });

  it('writes AWS resource icons, group boxes and bound connectors; labels and line breaks are escaped', () => {
    const design: Design = {
      format: 'archboard.design',
      version: 2,
      nodes: [
        { id: 'r', service: 'aws-region', position: { x: 0, y: 0 }, size: { width: 800, height: 400 }, settings: { regionCode: 'eu-west-1' } },
        { id: 'k', service: 'amazon-kinesis-data-streams', label: 'A <b>"stream"</b> & co', position: { x: 40, y: 60 }, parentId: 'r' },
        { id: 's', service: 'amazon-s3', position: { x: 400, y: 60 }, parentId: 'r' },
        { id: 'n', service: 'text-note', position: { x: 0, y: 500 }, settings: { text: 'line one\nline two' } },
      ],
      edges: [{ id: 'e', source: 'k', target: 's', settings: { label: 'raw <json>', tls: false } }],
    };
    const text = designToDrawio(design, content.catalog);
    expect(text).toContain('resIcon=mxgraph.aws4.kinesis_data_streams');
    expect(text).toContain('grIcon=mxgraph.aws4.group_region');
    expect(text).toContain('A &lt;b&gt;&quot;stream&quot;&lt;/b&gt; &amp; co');
    expect(text).toContain('line one&#xa;line two');
    expect(text).toMatch(/edge="1" parent="1" source="n2" target="n3"/);
    expect(text).toContain('dashed=1');
    const back = drawioToDesign(text, content.catalog);
    if (!back.ok) throw new Error(back.message);
    expect(canonical(back.design)).toEqual(canonical(design));
  });
});
