/**
 * Every shipped catalog and scenario file is valid and every id resolves; each scenario's reference
 * design passes every requirement and its common-mistake design fails the requirements it names.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContentFromDisk, PROJECT_ROOT } from '../../src/cli/content.ts';
import { grade } from '../../src/domain/grade.ts';
import { ALL_RULES } from '../../rules/index.ts';

const { content, problems } = loadContentFromDisk();

describe('shipped content', () => {
  it('has no problems', () => {
    expect(problems).toEqual([]);
  });

  it('has the IoT scenario and the services its brief needs', () => {
    expect(content.scenarios.map((s) => s.scenario.id)).toContain('iot-5tb-day');
    for (const id of [
      'iot-devices',
      'aws-iot-core',
      'amazon-kinesis-data-streams',
      'amazon-data-firehose',
      'aws-glue',
      'aws-glue-data-catalog',
      'amazon-emr',
      'aws-lambda',
      'amazon-managed-service-for-apache-flink',
      'amazon-s3',
      'amazon-dynamodb',
      'amazon-redshift',
      'amazon-athena',
      'amazon-quicksight',
      'aws-lake-formation',
      'aws-kms',
      'amazon-cloudwatch',
      'analysts',
    ])
      expect(content.catalog.byId.has(id), id).toBe(true);
  });

  it('gives every figure a unit, a source page and an as-of date', () => {
    for (const entry of content.catalog.entries)
      for (const [key, figure] of Object.entries(entry.figures)) {
        expect(figure.source, `${entry.id}.${key}`).toMatch(/^https:\/\/(docs\.)?aws\.amazon\.com\//);
        expect(figure.unit.length, `${entry.id}.${key}`).toBeGreaterThan(0);
      }
  });

  it('uses every rule in some scenario, with a documentation link', () => {
    const used = new Set(content.scenarios.flatMap((s) => s.scenario.requirements.map((r) => r.rule)));
    for (const rule of ALL_RULES) {
      expect(used.has(rule.id), rule.id).toBe(true);
      expect(rule.docUrl).toMatch(/^https:\/\//);
    }
  });

  describe.each(content.scenarios)('scenario $scenario.id', ({ scenario, reference, alternatives = [], commonMistake }) => {
    it('reference design passes every requirement', () => {
      const report = grade(reference, scenario, content.catalog, content.rules);
      expect(report.results.filter((r) => r.status !== 'pass').map((r) => [r.requirementId, r.status, r.detail ?? r.findings.map((f) => f.message)])).toEqual([]);
      expect(report.passed).toBe(true);
    });
    it('loads every alternative design it lists', () => {
      expect(alternatives).toHaveLength(scenario.alternativeDesigns?.length ?? 0);
    });
    it.each((scenario.alternativeDesigns ?? []).map((file, i) => ({ file, design: alternatives[i]! })))('alternative design $file passes every requirement', ({ design }) => {
      const report = grade(design, scenario, content.catalog, content.rules);
      expect(report.results.filter((r) => r.status !== 'pass').map((r) => [r.requirementId, r.status, r.detail ?? r.findings.map((f) => f.message)])).toEqual([]);
      expect(report.passed).toBe(true);
    });
    it('common-mistake design fails the named requirements, with findings on its nodes', () => {
      const report = grade(commonMistake, scenario, content.catalog, content.rules);
      const failed = report.results.filter((r) => r.status === 'fail').map((r) => r.requirementId);
      for (const id of scenario.commonMistake.fails) expect(failed, id).toContain(id);
      expect(report.passed).toBe(false);
      const nodeIds = new Set(commonMistake.nodes.map((n) => n.id));
      for (const r of report.results) for (const f of r.findings) for (const id of f.nodeIds) expect(nodeIds.has(id), `${r.requirementId} names ${id}`).toBe(true);
    });
  });
});

describe('content problems are reported with file and JSON path', () => {
  const copy = mkdtempSync(join(tmpdir(), 'archboard-content-'));
  cpSync(join(PROJECT_ROOT, 'catalog'), join(copy, 'catalog'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'scenarios'), join(copy, 'scenarios'), { recursive: true });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));
  const edit = (file: string, change: (data: any) => void) => {
    const path = join(copy, file);
    const data = JSON.parse(readFileSync(path, 'utf8'));
    change(data);
    writeFileSync(path, JSON.stringify(data));
  };

  it('names the file and path of each broken reference', () => {
    edit('catalog/amazon-s3.json', (d) => (d.settings.storageClass.default = 'TAPE'));
    edit('catalog/aws-kms.json', (d) => d.connectsTo.push('amazon-nonexistent'));
    edit('scenarios/iot-5tb-day/scenario.json', (d) => {
      d.requirements[0].rule = 'no-such-rule';
      d.requirements[1].params.maxLatencyMs = -5;
    });
    edit('scenarios/iot-5tb-day/reference.design.json', (d) => (d.nodes[1].service = 'amazon-kinesis'));
    const found = loadContentFromDisk(copy).problems.map((p) => `${p.file}: ${p.path}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'catalog/amazon-s3.json: $.settings.storageClass.default',
        expect.stringMatching(/^catalog\/aws-kms\.json: \$\.connectsTo\[\d+\]$/),
        'scenarios/iot-5tb-day/scenario.json: $.requirements[0].rule',
        'scenarios/iot-5tb-day/scenario.json: $.requirements[1].params.maxLatencyMs',
        'scenarios/iot-5tb-day/reference.design.json: $.nodes[1].service',
      ]),
    );
  });

  it('reports a file that is not JSON instead of throwing', () => {
    writeFileSync(join(copy, 'catalog', 'broken.json'), '{ "id": ');
    expect(loadContentFromDisk(copy).problems).toContainEqual(expect.objectContaining({ file: 'catalog/broken.json', path: '$' }));
  });
});
