/** Share links: the design round-trips through the URL fragment; oversize and tampered links are refused clearly. */
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeShareLink, encodeShareLink, MAX_SHARE_CHARS } from '../../src/domain/share-link.ts';
import { build, content } from '../support/designs.ts';

const { catalog } = content;
const design = { ...build({ d: 'iot-devices', k: ['amazon-kinesis-data-streams', { shardCount: 12 }], s: 'amazon-s3' }, [['d>k', { label: 'MQTT' }], 'k>s']), scenarioId: 'iot-5tb-day' };
const problems = (hash: string) => {
  const r = decodeShareLink(hash, catalog);
  if (r.ok) throw new Error('expected the link to be refused');
  return r.problems;
};

describe('share link', () => {
  it('round-trips a design through the fragment, with or without #', () => {
    const encoded = encodeShareLink(design);
    if (!encoded.ok) throw new Error(encoded.message);
    expect(encoded.fragment).toMatch(/^d=[A-Za-z0-9+\-$]+$/);
    expect(decodeShareLink(`#${encoded.fragment}`, catalog)).toEqual({ ok: true, design });
    expect(decodeShareLink(encoded.fragment, catalog)).toEqual({ ok: true, design });
  });

  it('fits every shipped reference design in a link', () => {
    for (const { reference } of content.scenarios) {
      const encoded = encodeShareLink(reference);
      if (!encoded.ok) throw new Error(encoded.message);
      expect(encoded.fragment.length).toBeLessThanOrEqual(MAX_SHARE_CHARS);
      expect(decodeShareLink(encoded.fragment, catalog)).toEqual({ ok: true, design: reference });
    }
  });

  it('refuses to make a link longer than the limit, saying so', () => {
    // Distinct labels defeat the compression.
    const huge = build(Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`n${i}-${(i * 7919).toString(36)}`, 'amazon-s3'])));
    huge.nodes.forEach((n, i) => (n.label = `bucket ${Math.sin(i).toString(36)}`));
    const encoded = encodeShareLink(huge);
    expect(encoded.ok).toBe(false);
    if (!encoded.ok) expect(encoded.message).toMatch(/too large for a link .* up to 8,000/);
  });

  it('refuses an oversize link before unpacking it', () => {
    expect(problems(`#d=${'A'.repeat(MAX_SHARE_CHARS)}`)).toEqual([{ path: '#d', message: expect.stringMatching(/limited to 8,000/) }]);
  });

  it.each([
    ['no design in the fragment', '#section-2', /holds no shared design/],
    ['characters outside the alphabet', '#d=abc<script>', /characters a shared design never has/],
    ['a link cut short', `#d=${compressToEncodedURIComponent(JSON.stringify(design)).slice(0, 5)}`, /could not be unpacked|not JSON/],
    ['text that is not JSON', `#d=${compressToEncodedURIComponent('hello, world')}`, /not JSON/],
  ])('refuses %s with a message at #d', (_name, hash, message) => {
    const [p] = problems(hash);
    expect(p!.path).toBe('#d');
    expect(p!.message).toMatch(message);
  });

  it('reports a tampered design with the JSON path of the problem', () => {
    const tampered = { ...design, nodes: design.nodes.map((n) => (n.id === 'k' ? { ...n, service: 'amazon-kinesis-firehose-typo' } : n)) };
    expect(problems(`#d=${compressToEncodedURIComponent(JSON.stringify(tampered))}`)).toEqual([{ path: '$.nodes[1].service', message: expect.stringMatching(/unknown service/) }]);
    const badSetting = { ...design, nodes: design.nodes.map((n) => (n.id === 'k' ? { ...n, settings: { shardCount: -3 } } : n)) };
    expect(problems(`#d=${compressToEncodedURIComponent(JSON.stringify(badSetting))}`)[0]!.path).toBe('$.nodes[1].settings.shardCount');
  });
});
