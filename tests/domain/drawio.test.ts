/** draw.io import: AWS 2019+ shapes map to catalog entries, connectors to edges, groups to groups. */
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../src/domain/design.ts';
import { mapDrawioCells, shapeName, textOf, type DrawioCell } from '../../src/domain/drawio.ts';
import { content } from '../support/designs.ts';

const { catalog } = content;
const icon = (id: string, res: string, x: number, y: number, parent = '1', value = ''): DrawioCell => ({
  id,
  parent,
  value,
  vertex: true,
  style: `sketch=0;outlineConnect=0;html=1;aspect=fixed;shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.${res};`,
  geometry: { x, y, width: 78, height: 78 },
});
const edge = (id: string, source: string | undefined, target: string | undefined, value = ''): DrawioCell => ({ id, parent: '1', edge: true, source, target, value, style: 'edgeStyle=orthogonalEdgeStyle;html=1;' });
const base: DrawioCell[] = [{ id: '0' }, { id: '1', parent: '0' }];

describe('shapeName', () => {
  it.each([
    ['shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.kinesis_data_streams;', 'kinesis_data_streams', 'shape'],
    ['sketch=0;shape=mxgraph.aws4.productIcon;prIcon=mxgraph.aws4.glue;', 'glue', 'shape'],
    ['outlineConnect=0;shape=mxgraph.aws4.lambda_function;', 'lambda_function', 'shape'],
    ['shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_vpc;strokeColor=#248814;', 'group_vpc', 'group'],
    ['shape=mxgraph.cisco.routers.router;', 'mxgraph.cisco.routers.router', 'shape'],
  ])('%s -> %s', (style, name, kind) => {
    expect(shapeName(style)).toMatchObject({ name, kind });
  });

  it('is undefined for a plain rectangle', () => {
    expect(shapeName('rounded=0;whiteSpace=wrap;html=1;')).toBeUndefined();
  });
});

describe('textOf', () => {
  it('strips HTML and decodes entities', () => {
    expect(textOf('<div>Telemetry<br>stream &amp;&nbsp;replay</div><div>(7&#160;days)</div>')).toBe('Telemetry stream & replay (7 days)');
  });
});

describe('mapDrawioCells', () => {
  it('maps services, keeps positions, and turns connectors into edges with their labels', () => {
    const cells = [
      ...base,
      icon('a', 'iot_core', 40, 100),
      icon('b', 'kinesis_data_streams', 240, 100, '1', 'Telemetry<br>stream'),
      { ...icon('c', 's3', 440, 100), style: 'shape=mxgraph.aws4.s3;' },
      edge('e1', 'a', 'b', '<b>MQTT</b>'),
      edge('e2', 'b', 'c'),
    ];
    const { design, unmapped } = mapDrawioCells(cells, catalog);
    expect(unmapped).toEqual([]);
    expect(design.nodes.map((n) => [n.service, n.position, n.label])).toEqual([
      ['aws-iot-core', { x: 40, y: 100 }, undefined],
      ['amazon-kinesis-data-streams', { x: 240, y: 100 }, 'Telemetry stream'],
      ['amazon-s3', { x: 440, y: 100 }, undefined],
    ]);
    const [iot, kds, s3] = design.nodes.map((n) => n.id);
    expect(design.edges.map((e) => [e.source, e.target, e.settings?.label])).toEqual([
      [iot, kds, 'MQTT'],
      [kds, s3, undefined],
    ]);
    expect(loadDesign(design, catalog).ok).toBe(true);
  });

  it('scales positions and group sizes by the given factor', () => {
    const cells = [
      ...base,
      { id: 'r', parent: '1', vertex: true, style: 'shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_region;', value: 'eu-west-1', geometry: { x: 10, y: 20, width: 400, height: 200 } },
      icon('g', 'glue', 30, 40, 'r'),
    ];
    const { design } = mapDrawioCells(cells, catalog, { scale: 2 });
    expect(design.nodes.map((n) => [n.service, n.position, n.size, n.parentId])).toEqual([
      ['aws-region', { x: 20, y: 40 }, { width: 800, height: 400 }, undefined],
      ['aws-glue', { x: 60, y: 80 }, undefined, design.nodes[0]!.id],
    ]);
  });

  it('maps Region, VPC and AWS Cloud groups to Archboard groups, members relative to them', () => {
    const group = (id: string, icon: string, parent: string, x: number, y: number): DrawioCell => ({
      id,
      parent,
      vertex: true,
      style: `shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.${icon};container=1;`,
      geometry: { x, y, width: 600, height: 300 },
    });
    const cells = [...base, group('cloud', 'group_aws_cloud_alt', '1', 0, 0), group('region', 'group_region', 'cloud', 20, 30), group('vpc', 'group_vpc', 'region', 20, 30), icon('db', 'dynamodb', 50, 60, 'vpc')];
    const { design, unmapped } = mapDrawioCells(cells, catalog);
    expect(unmapped).toEqual([]);
    const byService = new Map(design.nodes.map((n) => [n.service, n]));
    expect(byService.get('aws-region')!.parentId).toBe(byService.get('aws-cloud')!.id);
    expect(byService.get('amazon-vpc')!.parentId).toBe(byService.get('aws-region')!.id);
    expect(byService.get('amazon-dynamodb')).toMatchObject({ parentId: byService.get('amazon-vpc')!.id, position: { x: 50, y: 60 } });
    expect(loadDesign(design, catalog).ok).toBe(true);
  });

  it('makes a member of an unmapped group absolute and lists the group', () => {
    const cells = [
      ...base,
      { id: 'sg', parent: '1', vertex: true, style: 'shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_security_group;strokeColor=#DD3522;', geometry: { x: 300, y: 200, width: 200, height: 100 } },
      icon('q', 'athena', 10, 20, 'sg'),
    ];
    const { design, unmapped } = mapDrawioCells(cells, catalog);
    expect(design.nodes).toEqual([expect.objectContaining({ service: 'amazon-athena', position: { x: 310, y: 220 } })]);
    expect(design.nodes[0]!.parentId).toBeUndefined();
    expect(unmapped).toEqual([{ cellId: 'sg', shape: 'group_security_group', reason: 'no matching Archboard group' }]);
  });

  // draw.io's palette colours (green public, blue/teal private), and a grey box its label names.
  const subnets = [
    ['strokeColor=#7AA116;fillColor=#F2F6E8;', '', 'public-subnet'],
    ['strokeColor=#248814;fillColor=#E9F3E6;', 'Web tier', 'public-subnet'],
    ['strokeColor=#147EBA;fillColor=#E6F2F8;', '', 'private-subnet'],
  ];
  subnets.push(['strokeColor=#00A4A6;fillColor=#E6F6F7;', 'App tier', 'private-subnet'], ['strokeColor=#879196;', 'Public subnet 1', 'public-subnet']);
  it.each(subnets)('reads a subnet drawn with group_security_group and %s labelled "%s" as %s', (colours, label, service) => {
    const cells = [
      ...base,
      { id: 'sn', parent: '1', vertex: true, value: label, style: `shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_security_group;grStroke=0;${colours}`, geometry: { x: 0, y: 0, width: 300, height: 200 } },
      icon('q', 'athena', 40, 60, 'sn'),
    ];
    const { design, unmapped } = mapDrawioCells(cells, catalog);
    expect(unmapped).toEqual([]);
    expect(design.nodes.map((n) => n.service)).toEqual([service, 'amazon-athena']);
    expect(design.nodes[1]!.parentId).toBe(design.nodes[0]!.id);
  });

  it('reads an AWS Cloud box labelled as an account as an AWS account, a grey group_subnet as a private subnet', () => {
    const cells = [
      ...base,
      { id: 'a', parent: '1', vertex: true, value: 'PROD account', style: 'shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_aws_cloud_alt;', geometry: { x: 0, y: 0, width: 900, height: 600 } },
      { id: 'sn', parent: 'a', vertex: true, value: 'Subnet', style: 'shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_subnet;strokeColor=#879196;', geometry: { x: 20, y: 40, width: 300, height: 200 } },
    ];
    const { design } = mapDrawioCells(cells, catalog);
    expect(design.nodes.map((n) => n.service)).toEqual(['aws-account', 'private-subnet']);
  });

  it('lists shapes without a match and connectors it cannot keep, by cell id', () => {
    const cells = [
      ...base,
      icon('s', 's3', 0, 0),
      icon('bk', 'backup', 200, 0),
      { id: 'box', parent: '1', vertex: true, value: 'On-prem', style: 'rounded=1;whiteSpace=wrap;html=1;', geometry: { x: 0, y: 200, width: 120, height: 60 } },
      edge('x1', 's', 'bk'),
      edge('x2', 's', undefined),
      edge('x3', 's', 's'),
    ];
    const { design, unmapped } = mapDrawioCells(cells, catalog);
    expect(design.nodes.map((n) => n.service)).toEqual(['amazon-s3']);
    expect(design.edges).toEqual([]);
    expect(unmapped.map((u) => [u.cellId, u.shape])).toEqual([
      ['bk', 'backup'],
      ['box', 'shape without a name'],
      ['x1', 'connector'],
      ['x2', 'connector'],
      ['x3', 'connector'],
    ]);
  });

  it('turns a text cell into a text note', () => {
    const { design } = mapDrawioCells([...base, { id: 't', parent: '1', vertex: true, value: 'Why <b>Kinesis</b>', style: 'text;html=1;align=center;', geometry: { x: 5, y: 6, width: 100, height: 20 } }], catalog);
    expect(design.nodes).toEqual([{ id: 'note-1', service: 'text-note', position: { x: 5, y: 6 }, settings: { text: 'Why Kinesis' } }]);
  });

  it('maps every service in its table to a catalog entry', async () => {
    const table = (await import('../../src/domain/drawio-shapes.json')).default;
    for (const id of [...Object.values(table.shapes), ...Object.values(table.groups)]) expect(catalog.byId.has(id), id).toBe(true);
    for (const id of Object.values(table.groups)) expect(catalog.byId.get(id)!.group, id).toBe(true);
  });
});

describe('mapDrawioCells keeps the diagram', () => {
  const box = (id: string, grIcon: string, x: number, y: number, w: number, h: number, value = ''): DrawioCell => ({
    id,
    parent: '1',
    vertex: true,
    value,
    style: `shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.${grIcon};`,
    geometry: { x, y, width: w, height: h },
  });

  it.each([
    ['queue', 'amazon-sqs'],
    ['topic', 'amazon-sns'],
    ['role', 'aws-iam'],
    ['event_time_based', 'amazon-eventbridge'],
    ['alarm', 'amazon-cloudwatch'],
    ['standard_ia', 'amazon-s3'],
    ['sagemaker_model', 'amazon-sagemaker'],
    ['xray', 'aws-x-ray'],
    ['X_Ray', 'aws-x-ray'],
  ])('maps the resource icon %s to %s', (res, service) => {
    const { design } = mapDrawioCells([...base, icon('a', res, 0, 0)], catalog);
    expect(design.nodes.map((n) => n.service)).toEqual([service]);
  });

  it.each([
    ['shape=mxgraph.aws3.kinesis;', 'amazon-kinesis-data-streams'],
    ['shape=mxgraph.aws3.dynamo_db;', 'amazon-dynamodb'],
    ['shape=mxgraph.aws3.lambda;', 'aws-lambda'],
  ])('maps the old AWS library shape %s', (style, service) => {
    const { design } = mapDrawioCells([...base, { id: 'a', parent: '1', vertex: true, style, geometry: { x: 0, y: 0, width: 60, height: 60 } }], catalog);
    expect(design.nodes.map((n) => n.service)).toEqual([service]);
  });

  it('puts services drawn on top of a Region box into it, though draw.io did not nest them', () => {
    const cells = [...base, box('cloud', 'group_aws_cloud_alt', 0, 0, 1000, 600), box('region', 'group_region', 40, 40, 800, 400, 'Europe (Ireland) eu-west-1'), icon('k', 'kinesis_data_streams', 100, 100), icon('s', 's3', 900, 100)];
    const { design } = mapDrawioCells(cells, catalog);
    const by = new Map(design.nodes.map((n) => [n.service, n]));
    expect(by.get('aws-region')).toMatchObject({ parentId: by.get('aws-cloud')!.id, settings: { regionCode: 'eu-west-1' }, position: { x: 40, y: 40 } });
    expect(by.get('amazon-kinesis-data-streams')).toMatchObject({ parentId: by.get('aws-region')!.id, position: { x: 60, y: 60 } });
    expect(by.get('amazon-s3')!.parentId).toBe(by.get('aws-cloud')!.id);
    expect(loadDesign(design, catalog).ok).toBe(true);
  });

  it('resolves connectors that end on a group, on a label over a service, or loose near one', () => {
    const cells: DrawioCell[] = [
      ...base,
      box('vpc', 'group_vpc', 300, 0, 400, 300),
      icon('a', 'iot_core', 0, 100),
      icon('b', 'kinesis_data_streams', 340, 40),
      icon('c', 'lambda', 340, 200),
      icon('d', 's3', 900, 100),
      { id: 'lbl', parent: '1', vertex: true, value: 'bucket', style: 'text;html=1;', geometry: { x: 905, y: 120, width: 60, height: 20 } },
      edge('toGroup', 'a', 'vpc'),
      edge('toLabel', 'c', 'lbl'),
      { id: 'loose', parent: '1', edge: true, source: 'b', sourcePoint: undefined, targetPoint: { x: 890, y: 130 }, style: 'endArrow=classic;' },
      { id: 'far', parent: '1', edge: true, source: 'b', targetPoint: { x: 2000, y: 2000 }, style: '' },
    ];
    const { design, unmapped } = mapDrawioCells(cells, catalog);
    const svc = new Map(design.nodes.map((n) => [n.id, n.service]));
    expect(design.edges.map((e) => `${svc.get(e.source)}>${svc.get(e.target)}`).sort()).toEqual(['amazon-kinesis-data-streams>amazon-s3', 'aws-iot-core>amazon-kinesis-data-streams', 'aws-lambda>amazon-s3']);
    expect(unmapped.filter((u) => u.shape === 'connector')).toEqual([{ cellId: 'far', shape: 'connector', reason: 'its end is not on or near a service' }]);
  });

  it('makes two connections of a two-way arrow where the catalog allows both, one otherwise; reads a start-only arrow backwards', () => {
    const two = (id: string, s: string, t: string) => ({ ...edge(id, s, t), style: 'startArrow=classic;endArrow=classic;' });
    const cells = [
      ...base,
      icon('l', 'lambda', 0, 0),
      icon('q', 'sqs', 200, 0),
      icon('s', 's3', 400, 0),
      icon('d', 'dynamodb', 600, 0),
      two('lq', 'l', 'q'),
      two('ls', 'l', 's'),
      { ...edge('back', 'd', 'l'), style: 'startArrow=block;endArrow=none;' },
    ];
    const { design } = mapDrawioCells(cells, catalog);
    const svc = new Map(design.nodes.map((n) => [n.id, n.service]));
    const pairs = design.edges.map((e) => `${svc.get(e.source)}>${svc.get(e.target)}`).sort();
    const allowed = (a: string, b: string) => catalog.byId.get(a)!.connectsTo.includes(b);
    const expected = [...(['aws-lambda>amazon-sqs', 'amazon-sqs>aws-lambda', 'aws-lambda>amazon-s3', 'amazon-s3>aws-lambda'] as const).filter((p) => allowed(...(p.split('>') as [string, string]))), 'aws-lambda>amazon-dynamodb'].sort();
    expect(pairs).toEqual(expected);
    expect(pairs.filter((p) => p.startsWith('amazon-sqs') || p.endsWith('amazon-sqs'))).toHaveLength(2);
  });

  it('takes labels from child label cells and keeps words on separate lines apart', () => {
    const cells = [
      ...base,
      icon('f', 'kinesis_data_firehose', 0, 0, '1', '<div>Kinesis</div>Firehose'),
      icon('g', 'glue', 300, 0),
      { id: 'gl', parent: 'g', vertex: true, value: 'Nightly&nbsp;ETL', style: 'text;html=1;', geometry: { x: 0, y: 80, width: 78, height: 20 } },
      edge('e', 'f', 'g'),
      { id: 'el', parent: 'e', vertex: true, value: 'raw JSON', style: 'edgeLabel;html=1;', relativeGeometry: { x: 0, y: 0 } },
    ];
    const { design } = mapDrawioCells(cells, catalog);
    expect(design.nodes.map((n) => n.label)).toEqual(['Kinesis Firehose', 'Nightly ETL']);
    expect(design.edges.map((e) => e.settings?.label)).toEqual(['raw JSON']);
  });

  it('counts services, groups, notes and connections apart', () => {
    const cells = [
      ...base,
      box('r', 'group_region', 0, 0, 500, 300),
      icon('a', 'lambda', 20, 40),
      icon('b', 's3', 200, 40),
      { id: 't', parent: '1', vertex: true, value: 'why', style: 'text;', geometry: { x: 0, y: 400, width: 50, height: 20 } },
      edge('e', 'a', 'b'),
    ];
    expect(mapDrawioCells(cells, catalog).counts).toEqual({ services: 2, groups: 1, notes: 1, connections: 1 });
  });
});
