/**
 * The requirement examples in docs/authoring.md are ones the grader accepts: every JSON block that
 * names a rule and params parses with that rule's params schema and names only kinds the catalog has
 * (alternatives of `any-of` included), so an author who copies an example starts from something that
 * loads. Content load reports mistakes inside alternatives and scopes at their JSON path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/content.ts';
import { assembleContent } from '../../src/domain/content.ts';
import { CONTENT_CHECKS } from '../../rules/content-checks.ts';
import { RULES } from '../../rules/index.ts';

const catalogFiles = readdirSync(join(PROJECT_ROOT, 'catalog'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: `catalog/${f}`, data: JSON.parse(readFileSync(join(PROJECT_ROOT, 'catalog', f), 'utf8')) as unknown }));
const doc = readFileSync(join(PROJECT_ROOT, 'docs', 'authoring.md'), 'utf8');
const examples = [...doc.matchAll(/```json\n([\s\S]*?)```/g)]
  .map((m) => m[1]!)
  .flatMap((text) => {
    try {
      const data = JSON.parse(text) as { rule?: unknown; params?: unknown };
      return typeof data.rule === 'string' ? [{ rule: data.rule, params: data.params ?? {}, text }] : [];
    } catch {
      return []; // an excerpt with "..." is prose, not an example to load
    }
  });

/** Content problems in requirement params of a one-file scenario with these requirements (its designs are not given). */
function requirementProblems(id: string, requirements: { id: string; rule: string; params: unknown }[]) {
  const scenario = {
    id,
    title: 'Authoring check',
    summary: 'Requirements written as an author would.',
    brief: 'A scenario made to check how requirements load.',
    difficulty: 'beginner',
    workload: { ingestGBPerDay: 1, recordBytes: 500, peakFactor: 2 },
    requirements: requirements.map((r) => ({ text: 'A requirement under test', severity: 'error', hints: ['one', 'two', 'three'], ...r })),
    referenceDesign: 'reference.design.json',
    commonMistake: { design: 'reference.design.json', fails: [requirements[0]!.id], explanation: 'not graded here' },
  };
  return assembleContent(catalogFiles, [{ file: `scenarios/${id}/scenario.json`, data: scenario }], RULES, CONTENT_CHECKS).problems.filter((p) => p.path.startsWith('$.requirements'));
}

describe('requirement examples in docs/authoring.md', () => {
  it('shows an example of every rule kind this issue added', () => {
    const used = new Set(examples.map((e) => e.rule));
    for (const rule of ['windowed-detection', 'exactly-once', 'any-of', 'service-constraints', 'setting-value', 'service-coverage', 'retention-tiers']) expect(used.has(rule), rule).toBe(true);
  });

  it.each(examples.map((e) => ({ ...e, name: `${e.rule}: ${e.text.slice(0, 60).replace(/\s+/g, ' ')}` })))('$name loads', ({ rule, params }) => {
    // Through the content loader, so nested alternatives are checked as a shipped scenario's would be.
    expect(requirementProblems('doc-example', [{ id: 'example', rule, params }])).toEqual([]);
  });
});

describe('alternatives are checked at content load', () => {
  it('reports an unknown rule or refused params inside any-of at its JSON path', () => {
    const paths = requirementProblems('bad-alternatives', [
      {
        id: 'scoring',
        rule: 'any-of',
        params: {
          anyOf: [
            { label: 'typo', rule: 'data-pth', params: {} },
            { label: 'bad params', rule: 'windowed-detection', params: { maxWindowSeconds: -1 } },
          ],
        },
      },
    ]).map((p) => p.path);
    expect(paths).toContain('$.requirements[0].params.anyOf[0].rule');
    expect(paths).toContain('$.requirements[0].params.anyOf[1].params.maxWindowSeconds');
  });

  it('reports a kind no catalog entry has, in a scope or an alternative, at its JSON path', () => {
    const problems = requirementProblems('bad-kinds', [
      { id: 'governance', rule: 'service-coverage', params: { kinds: ['aws-lake-formation'], covers: [{ kinds: ['object-store'], downstreamOf: ['sourec'] }, 'metadata-catalog'] } },
      {
        id: 'scoring',
        rule: 'any-of',
        params: {
          anyOf: [
            { label: 'an endpoint', rule: 'data-path', params: { from: ['web-source'], to: ['inference-endpont'] } },
            { label: 'a window', rule: 'windowed-detection', params: { maxWindowSeconds: 60 } },
          ],
        },
      },
    ]);
    const kindProblems = problems.filter((p) => p.message.startsWith('unknown kind')).map((p) => p.path);
    expect(kindProblems).toEqual(['$.requirements[0].params.covers[0].downstreamOf[0]', '$.requirements[1].params.anyOf[0].params.to[0]']);
  });
});
