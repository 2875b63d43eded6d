/** Reading .drawio files (plain and compressed) drawn with the AWS 2019+ shapes, then mapping them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDrawioFile } from '../../src/adapters/drawio-file.ts';
import { loadDesign } from '../../src/domain/design.ts';
import { mapDrawioCells } from '../../src/domain/drawio.ts';
import { CONTENT as content } from '../../src/adapters/content.ts';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'drawio', name), 'utf8');

describe('readDrawioFile', () => {
  it('reads the compressed page to the same cells as the plain file', async () => {
    const plain = await readDrawioFile(fixture('iot-pipeline.drawio'));
    const packed = await readDrawioFile(fixture('iot-pipeline-compressed.drawio'));
    expect(plain.ok && packed.ok).toBe(true);
    if (!plain.ok || !packed.ok) return;
    expect(plain.pages[0]!.cells).toHaveLength(19);
    expect(packed.pages).toEqual(plain.pages);
    expect(plain.pages[0]!.name).toBe('IoT pipeline');
  });

  it('maps the test diagram: services in the Region, connectors, a note, and what is not mapped', async () => {
    const read = await readDrawioFile(fixture('iot-pipeline-compressed.drawio'));
    if (!read.ok) throw new Error(read.message);
    const { design, unmapped } = mapDrawioCells(read.pages[0]!.cells, content.catalog);
    expect(loadDesign(design, content.catalog).ok).toBe(true);
    expect(design.nodes.map((n) => n.service).sort()).toEqual(['amazon-athena', 'amazon-kinesis-data-streams', 'amazon-s3', 'aws-iot-core', 'aws-lambda', 'aws-region', 'iot-devices', 'text-note']);
    const region = design.nodes.find((n) => n.service === 'aws-region')!;
    expect(design.nodes.filter((n) => n.parentId === region.id).map((n) => n.service)).toEqual(['aws-iot-core', 'amazon-kinesis-data-streams', 'aws-lambda', 'amazon-s3', 'amazon-athena']);
    expect(design.nodes.find((n) => n.service === 'amazon-kinesis-data-streams')!.label).toBe('Telemetry stream & replay');
    // Athena sits in a security group (not mapped) inside the Region: it lands in the Region, where it was.
    expect(design.nodes.find((n) => n.service === 'amazon-athena')).toMatchObject({ parentId: region.id, position: { x: 480 + 60, y: 240 + 40 } });
    expect(design.edges).toHaveLength(5);
    expect(design.edges.find((e) => e.settings?.label === 'raw JSON')).toBeDefined();
    expect(unmapped.map((u) => `${u.cellId}:${u.shape}`)).toEqual(['sg:group_security_group', 'backup:backup', 'c6:connector', 'c7:connector']);
  });

  it.each([
    ['not XML', 'hello', /not well-formed XML/],
    ['another XML format', '<svg xmlns="http://www.w3.org/2000/svg"/>', /root element is <svg>/],
    ['a damaged compressed page', '<mxfile><diagram name="P">not-base64!!</diagram></mxfile>', /compressed in a way/],
  ])('refuses %s with a message', async (_name, text, message) => {
    const read = await readDrawioFile(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(message);
  });
});
