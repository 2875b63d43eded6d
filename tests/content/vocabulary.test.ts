/**
 * The vocabulary of content: every role a catalog entry uses is registered (`roles.ts`), and a typo in
 * any param that names a catalog id, a role or a setting key is a content problem naming the file and
 * the JSON path, never a requirement that silently cannot fail.
 */
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, readJsonFiles } from '../../src/cli/content.ts';
import { assembleContent, type ContentFile } from '../../src/domain/content.ts';
import { vocabularyStrings } from '../../src/domain/content-checks.ts';
import { ROLE_REGISTRY, ROLE_FAMILIES, SINK_ROLES, SOURCE_ROLES } from '../../src/domain/roles.ts';
import { CONTENT_CHECKS } from '../../rules/content-checks.ts';
import { RULES } from '../../rules/index.ts';

const catalogFiles = readJsonFiles(PROJECT_ROOT, 'catalog', []);
const scenarioFiles = readJsonFiles(PROJECT_ROOT, 'scenarios', []);
const { content } = assembleContent(catalogFiles, scenarioFiles, RULES, CONTENT_CHECKS);

/** Assembles the shipped content with one scenario file's data changed. */
function withScenario(file: string, change: (data: any) => void) {
  const dir = file.slice(0, file.lastIndexOf('/') + 1);
  const files: ContentFile[] = scenarioFiles.filter((f) => f.file.startsWith(dir)).map((f) => (f.file === file ? { file, data: structuredClone(f.data) } : f));
  change(files.find((f) => f.file === file)!.data);
  return assembleContent(catalogFiles, files, RULES, CONTENT_CHECKS).problems;
}

/** Assembles the shipped content with one catalog file's data changed. */
function withCatalog(file: string, change: (data: any) => void) {
  const files: ContentFile[] = catalogFiles.map((f) => (f.file === file ? { file, data: structuredClone(f.data) } : f));
  change(files.find((f) => f.file === file)!.data);
  return assembleContent(files, scenarioFiles, RULES, CONTENT_CHECKS).problems;
}

const typo = (s: string) => (s.startsWith('#') ? s : `${s}x`);

describe('role registry', () => {
  it('registers every role a catalog entry or an enum option gives', () => {
    const used = new Set<string>();
    for (const e of content.catalog.entries) {
      for (const r of e.roles) used.add(r);
      for (const spec of Object.values(e.settings)) if (spec.type === 'enum') for (const o of spec.options) for (const r of o.roles ?? []) used.add(r);
    }
    expect([...used].filter((r) => !ROLE_REGISTRY.has(r))).toEqual([]);
    expect(used.size).toBeGreaterThan(50);
  });

  it('gives every role a phrase with an article or a plural, and a known family', () => {
    for (const [id, spec] of ROLE_REGISTRY) {
      expect(spec.phrase.length, id).toBeGreaterThan(3);
      expect([...ROLE_FAMILIES, 'none'], id).toContain(spec.family);
    }
    expect(SOURCE_ROLES).toContain('iot-source');
    expect(SINK_ROLES).toContain('dashboard');
  });

  it('refuses an unregistered role in a catalog entry, naming file and path', () => {
    const problems = withCatalog('catalog/amazon-s3.json', (d) => (d.roles = [...d.roles, 'objcet-store']));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'catalog/amazon-s3.json', path: '$.roles[2]' }));
  });

  it('refuses an unregistered role of an enum option and an unknown constraint target', () => {
    const glue = withCatalog('catalog/aws-glue.json', (d) => {
      const opt = Object.values<any>(d.settings)
        .find((s) => s.type === 'enum' && s.options.some((o: any) => o.roles))!
        .options.find((o: any) => o.roles);
      opt.roles = ['batch-procesor'];
    });
    expect(glue.some((p) => p.file === 'catalog/aws-glue.json' && /\.options\[\d+\]\.roles\[0\]$/.test(p.path) && p.message.includes('batch-procesor'))).toBe(true);
    const firehose = catalogFiles.find((f) => ((f.data as any).constraints ?? []).some((c: any) => c.dataTargets))!;
    const i = (firehose.data as any).constraints.findIndex((c: any) => c.dataTargets);
    const problems = withCatalog(firehose.file, (d) => (d.constraints[i].dataTargets = ['amazon-s33']));
    expect(problems).toContainEqual(expect.objectContaining({ file: firehose.file, path: `$.constraints[${i}].dataTargets[0]` }));
  });
});

describe('id-bearing params', () => {
  // Every vocabulary string in every shipped requirement (nested alternatives included), typo'd one at a time.
  const sites: { file: string; path: string; at: (string | number)[]; key?: true }[] = [];
  for (const { file, data } of scenarioFiles) {
    if (!file.endsWith('/scenario.json')) continue;
    (data as any).requirements.forEach((req: any, i: number) => {
      const visit = (rule: string, params: unknown, at: (string | number)[]) => {
        const r = RULES.get(rule)!;
        for (const s of vocabularyStrings(r.params, params)) sites.push({ file, path: '', at: [...at, 'params', ...s.path], ...(s.key ? { key: s.key } : {}) });
        const parsed = r.params.safeParse(params);
        if (parsed.success) for (const n of r.nested?.(parsed.data) ?? []) visit(n.rule, n.params, [...at, 'params', ...n.path]);
      };
      visit(req.rule, req.params ?? {}, ['requirements', i]);
    });
  }
  for (const s of sites) s.path = '$' + s.at.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');

  it('finds the id-bearing params of the shipped scenarios', () => {
    expect(sites.length).toBeGreaterThan(100);
    expect(new Set(sites.map((s) => String(s.at.at(-1)).replace(/^\d+$/, '#'))).size).toBeGreaterThan(1);
  });

  it('reports a typo in each of them at its file and JSON path', () => {
    const missed: string[] = [];
    for (const { file, path, at, key } of sites) {
      const problems = withScenario(file, (d) => {
        let o = d;
        for (const k of at.slice(0, -1)) o = o[k];
        const last = at.at(-1)!;
        if (!key) return void (o[last] = typo(o[last]));
        o[typo(String(last))] = o[last];
        delete o[last];
      });
      const where = key ? path.replace(/\.[^.]+$/, `.${typo(String(at.at(-1)))}`) : path;
      if (!problems.some((p) => p.file === file && p.path === where)) missed.push(`${file} ${where}`);
    }
    expect(missed).toEqual([]);
  });

  const file = 'scenarios/iot-5tb-day/scenario.json';
  const req = (rule: string, params: unknown) => (d: any) => d.requirements.push({ id: 'typo-check', text: 'A requirement with a typo', rule, params, severity: 'error', hints: ['one', 'two', 'three'] });
  /** [rule, params with one typo, JSON path of the typo inside params]. */
  const cases: [string, unknown, string][] = [
    ['encryption-at-rest', { kmsRequiredFor: ['amazon-dynamodbb'] }, '.kmsRequiredFor[0]'],
    ['service-coverage', { kinds: ['amazon-cloudwatch'], covers: ['strem'] }, '.covers[0]'],
    ['service-coverage', { kinds: ['monitorin'] }, '.kinds[0]'],
    ['service-coverage', { kinds: ['monitoring'], covers: { kinds: ['object-store'], downstreamOf: ['sorce'] } }, '.covers.downstreamOf[0]'],
    ['service-coverage', { kinds: ['monitoring'], covers: [{ kinds: ['object-store'], except: { upstreamOf: ['dashbord'] } }] }, '.covers[0].except.upstreamOf[0]'],
    ['data-path', { from: ['source'], through: ['stream', 'stream-procesor'], to: ['dashboard'] }, '.through[1]'],
    ['data-path', { from: ['source'], to: ['dashbaord'] }, '.to[0]'],
    ['exactly-once', { to: ['key-value-store'], ignore: ['dead-letter-queu'] }, '.ignore[0]'],
    ['exactly-once', { to: ['key-value-store'], writers: ['functon'] }, '.writers[0]'],
    ['failure-handling', { kinds: ['aws-lambda'], deadLetter: ['amazon-sqss'] }, '.deadLetter[0]'],
    ['failure-handling', { kinds: ['aws-lambda'], retrySetting: 'retryOnFailur' }, '.retrySetting'],
    ['group-contents', { group: ['region'], requires: [['object-store'], ['warehous']] }, '.requires[1][0]'],
    ['ingestion-capacity', { ingest: ['delivery-strem'] }, '.ingest[0]'],
    ['lake-zones', { from: ['iot-sourc'], zones: [{ zone: 'bronze', formats: ['json'] }] }, '.from[0]'],
    ['private-connectivity', { targets: ['object-stor'] }, '.targets[0]'],
    ['private-connectivity', { endpoint: ['vpc-endpont'] }, '.endpoint[0]'],
    ['retention-tiers', { hotDays: 30, retainDays: 365, queryableBy: ['query-engin'] }, '.queryableBy[0]'],
    ['service-constraints', { kinds: ['amazon-data-firehos'] }, '.kinds[0]'],
    ['setting-value', { kinds: ['aws-dms'], setting: 'validaton', equals: [true] }, '.setting'],
    ['setting-value', { kinds: { kinds: ['amazon-s3'], where: { zoen: ['bronze'] } }, setting: 'format', equals: ['parquet'] }, '.kinds.where.zoen'],
    ['setting-value', { kinds: { kinds: ['database-source'], sendsTo: ['cdcc'] }, setting: 'format', equals: ['parquet'] }, '.kinds.sendsTo[0]'],
    ['sovereignty', { personalData: ['web-source'], allowedRegions: ['eu-regin'] }, '.allowedRegions[0]'],
    ['stage-capacity', { kinds: ['stream', 'warehose'] }, '.kinds[1]'],
    ['windowed-detection', { maxWindowSeconds: 60, detector: ['anomaly-detecton'] }, '.detector[0]'],
    ['windowed-detection', { maxWindowSeconds: 60, windowSettings: ['windowSecond'] }, '.windowSettings[0]'],
    ['setting-value', { kinds: ['aws-dms'], setting: 'validation', equals: ['yes'] }, '.equals[0]'],
    ['setting-value', { kinds: ['amazon-s3'], setting: 'format', equals: ['parquett'] }, '.equals[0]'],
    ['setting-value', { kinds: ['amazon-s3'], setting: 'windowSeconds', equals: [60] }, '.setting'],
    ['setting-value', { kinds: { kinds: ['amazon-s3'], where: { zone: ['bronz'] } }, setting: 'format', equals: ['parquet'] }, '.kinds.where.zone[0]'],
    ['service-coverage', { kinds: ['aws-lake-formation'], covers: [{ kinds: ['object-store'], where: { dataClassification: ['secret-ish'] } }] }, '.covers[0].where.dataClassification[0]'],
    ['lake-zones', { zones: [{ zone: 'bronze', formats: ['jsn'] }] }, '.zones[0].formats[0]'],
    ['windowed-detection', { maxWindowSeconds: 60, windowSettings: ['shardCount'] }, '.windowSettings[0]'],
    ['failure-handling', { kinds: ['aws-lambda'], retrySetting: 'shardCount' }, '.retrySetting'],
    [
      'any-of',
      {
        anyOf: [
          { label: 'one way', rule: 'data-path', params: { from: ['source'], to: ['dashboard'] } },
          { label: 'other way', rule: 'data-path', params: { from: ['source'], to: ['alertng'] } },
        ],
      },
      '.anyOf[1].params.to[0]',
    ],
  ];
  it.each(cases)('%s: a typo at params%s... is reported', (rule, params, path) => {
    const n = (scenarioFiles.find((f) => f.file === file)!.data as any).requirements.length;
    const problems = withScenario(file, req(rule, params));
    const want = `$.requirements[${n}].params${path}`;
    expect(problems.filter((p) => p.file === file).map((p) => p.path)).toEqual([want]);
    expect(problems.find((p) => p.path === want)!.message).toMatch(/^unknown (kind|setting) "|is not a value of the setting|has a setting/);
  });

  it('suggests the nearest id', () => {
    const problems = withScenario(file, req('encryption-at-rest', { kmsRequiredFor: ['amazon-dynamodbb'] }));
    expect(problems.at(-1)!.message).toContain('did you mean "amazon-dynamodb"?');
  });

  it('accepts every kind and setting the shipped requirements name, and every rule default', () => {
    expect(assembleContent(catalogFiles, scenarioFiles, RULES, CONTENT_CHECKS).problems).toEqual([]);
  });
});
