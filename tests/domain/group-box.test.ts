/** Group boxes drawn from catalog data (`box`): captions, colours, fills and dashes; bad `box` data refused at load. */
import { describe, expect, it } from 'vitest';
import { catalogEntrySchema } from '../../src/domain/catalog-schema.ts';
import { catalogEntryProblems } from '../../src/domain/catalog-checks.ts';
import { groupCaption, groupColor, groupDashed, groupFill } from '../../src/domain/diagram.ts';
import { content } from '../support/designs.ts';

const entry = (id: string) => content.catalog.byId.get(id)!;

describe('group boxes', () => {
  it('caption a group by its kind and the settings that identify it', () => {
    expect(groupCaption(entry('aws-region'), { regionCode: 'eu-west-1' })).toEqual({ kind: 'AWS Region', detail: expect.stringContaining('eu-west-1') });
    expect(groupCaption(entry('aws-account'), { accountName: '  Data platform ', environment: 'prod' })).toEqual({ kind: 'AWS account', detail: expect.stringMatching(/^Data platform · \S/) });
    expect(groupCaption(entry('private-subnet'), { cidr: '10.0.1.0/24' })).toEqual({ kind: 'Private subnet', detail: '10.0.1.0/24' });
    expect(groupCaption(entry('amazon-vpc'), {})).toEqual({ kind: 'VPC', detail: undefined });
  });

  it('draws each kind in its AWS colour, dash and fill', () => {
    expect([groupColor(entry('aws-cloud'), {}), groupDashed(entry('aws-cloud')), groupFill(entry('aws-cloud'))]).toEqual(['#232F3E', false, undefined]);
    expect([groupColor(entry('public-subnet'), {}), groupDashed(entry('public-subnet')), groupFill(entry('public-subnet'))]).toEqual(['#7AA116', false, '#F2F6E8']);
    expect([groupColor(entry('availability-zone'), {}), groupDashed(entry('availability-zone'))]).toEqual(['#147EBA', true]);
  });

  it('colours a lake zone by its zone, and an option named like an Object member by the default', () => {
    const zone = entry('data-lake-zone');
    expect(groupColor(zone, { zone: 'gold' })).toBe('#C9A227');
    expect(groupColor(zone, { zone: 'constructor' })).toBe(zone.box!.color);
  });

  it('refuses box data that names a setting the entry does not have, or a box on a service', () => {
    const region = structuredClone(entry('aws-region')) as Record<string, unknown>;
    region.box = { detail: ['regionCode', 'nope'], colorBy: { setting: 'toString', colors: {} } };
    // The shape parses; the catalog checks (npm run validate, the content tests) name what is wrong.
    const problems = (raw: Record<string, unknown>) => catalogEntryProblems(catalogEntrySchema.parse(raw), content.catalog).map((p) => `${p.path.join('.')}: ${p.message}`);
    expect(problems(region)).toEqual(['box.detail.1: "nope" is not a setting of aws-region', 'box.colorBy.setting: "toString" is not a setting of aws-region']);
    const s3 = structuredClone(entry('amazon-s3')) as Record<string, unknown>;
    s3.box = { color: '#000000' };
    expect(problems(s3)).toEqual(['box: only a group ("group": true) has a "box"']);
  });
});
