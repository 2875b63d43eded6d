/**
 * Property tests (fast-check): random designs (cycles, self-loops, dangling ids, unknown services,
 * extreme settings) never make grading throw or a rule error out, and random or mutated design files
 * never crash the loader and always get a message with a JSON path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DESIGN_FORMAT, DESIGN_VERSION, loadDesign, loadDesignText, serializeDesign, type Design } from '../../src/domain/design.ts';
import { grade } from '../../src/domain/grade.ts';
import { content } from '../support/designs.ts';

const { catalog, rules } = content;
const iot = content.scenarios.find((s) => s.scenario.id === 'iot-5tb-day')!;
const services = [...catalog.byId.keys(), 'not-a-service'];
// Random `parentId`s make loops of groups, parents that are services, and parents that do not exist.

/** A setting value of any shape, including ones no form would produce. */
const anyValue = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double(),
  fc.boolean(),
  fc.string(),
  fc.array(fc.string()),
  fc.constant(null),
  fc.array(fc.record({ days: fc.integer({ min: -5, max: 40000 }), storageClass: fc.constantFrom('STANDARD', 'DEEP_ARCHIVE', 'TAPE') })),
);

const designArb = fc.integer({ min: 0, max: 40 }).chain((n) => {
  const ids = fc.constantFrom(...Array.from({ length: n + 2 }, (_, i) => `n${i}`));
  return fc.record({
    nodes: fc.array(
      fc.record({
        id: ids,
        service: fc.constantFrom(...services),
        parentId: fc.option(ids, { nil: undefined }),
        position: fc.record({ x: fc.integer(), y: fc.integer() }),
        settings: fc.option(
          fc.dictionary(
            fc.constantFrom('shardCount', 'capacityMode', 'encryption', 'lifecycleTransitions', 'expirationDays', 'zone', 'format', 'partitionKeys', 'jobType', 'schedule', 'bufferIntervalSeconds', 'queryMode', 'storageClass'),
            anyValue,
          ),
          { nil: undefined },
        ),
      }),
      { maxLength: n },
    ),
    edges: fc.array(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), source: ids, target: ids, settings: fc.option(fc.record({ tls: fc.boolean() }), { nil: undefined }) }), { maxLength: n * 2 }),
  });
});

describe('grading random designs', () => {
  it('never throws and no rule reports an error', () => {
    fc.assert(
      fc.property(designArb, (parts) => {
        const design = { format: DESIGN_FORMAT, version: DESIGN_VERSION, ...parts } as Design;
        const report = grade(design, iot.scenario, catalog, rules);
        expect(report.results.filter((r) => r.status === 'error').map((r) => r.detail)).toEqual([]);
        for (const r of report.results) for (const f of r.findings) expect(f.message).not.toMatch(/NaN|undefined/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('loading random and mutated design files', () => {
  it('never throws, and every refusal has a JSON path and a message', () => {
    const good = JSON.parse(serializeDesign(iot.reference));
    const mutated = fc.tuple(fc.constantFrom(...paths(good)), fc.jsonValue()).map(([path, value]) => {
      const doc = structuredClone(good);
      setAt(doc, path, value);
      return doc;
    });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), mutated), (data) => {
        const result = loadDesign(data, catalog);
        if (!result.ok) for (const p of result.problems) expect(p).toEqual({ path: expect.stringMatching(/^\$/), message: expect.stringMatching(/\S/) });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = loadDesignText(text, catalog);
        expect(result.ok).toBe(false);
      }),
    );
  });
});

function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}
function setAt(doc: any, path: (string | number)[], value: unknown) {
  if (!path.length) return;
  let cur = doc;
  for (const k of path.slice(0, -1)) cur = cur[k];
  cur[path.at(-1)!] = value;
}
