/**
 * Every shipped catalog entry names its AWS Architecture Icon (or null where AWS draws none), the file
 * is in the installed `aws-icons` package, and the Node loader returns SVG markup for it by catalog id.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentFromDisk, PROJECT_ROOT } from '../../src/cli/content.ts';
import { iconRefSchema } from '../../src/domain/catalog-schema.ts';
import { iconForTheme, serviceIconSvg } from '../../src/domain/icons.ts';
import { readIconSvgAsync, readServiceIconSvg } from '../../src/adapters/icons-node.ts';

const { content } = loadContentFromDisk();
const files = readdirSync(join(PROJECT_ROOT, 'catalog')).filter((f) => f.endsWith('.json'));

describe('catalog icons', () => {
  it('every catalog file states its icon right after its name', () => {
    for (const f of files) {
      const text = readFileSync(join(PROJECT_ROOT, 'catalog', f), 'utf8');
      expect(text, f).toMatch(/\n {2}"name": .*\n {2}"icon": /);
    }
  });

  it('every icon exists in the package and is SVG markup', () => {
    for (const entry of content.catalog.entries) {
      if (entry.icon === null) continue;
      const svg = readServiceIconSvg(content.catalog, entry.id);
      expect(svg, `${entry.id}: ${entry.icon}`).toMatch(/^<svg[\s>]/);
    }
  });

  it('only groups AWS draws without an icon, and notes, have none', () => {
    const without = content.catalog.entries.filter((e) => e.icon === null).map((e) => e.id);
    for (const id of without) expect(['availability-zone', 'text-note'], id).toContain(id);
  });

  it('every source and consumer uses one of AWS general or resource icons, every service a service icon', () => {
    for (const e of content.catalog.entries) {
      if (!e.icon) continue;
      if (e.category === 'source' || e.category === 'consumer') expect(e.icon, e.id).toMatch(/^resource\//);
      if (e.group) expect(e.icon, e.id).toMatch(/^(architecture-group|resource)\//);
    }
  });

  it('the async source by catalog id returns the same markup, and nothing for unknown ids', async () => {
    expect(await serviceIconSvg(content.catalog, 'amazon-athena', readIconSvgAsync)).toBe(readServiceIconSvg(content.catalog, 'amazon-athena'));
    expect(await serviceIconSvg(content.catalog, 'no-such-service', readIconSvgAsync)).toBeUndefined();
    expect(await readIconSvgAsync('resource/NoSuchIcon')).toBeUndefined();
  });

  it('refuses malformed references, so no path leaves the package', () => {
    for (const bad of ['../x', 'resource/../../etc', 'unknown/Icon', 'resource/', 'resource/a b']) expect(iconRefSchema.safeParse(bad).success, bad).toBe(false);
    expect(iconRefSchema.safeParse('resource/Users').success).toBe(true);
    expect(iconRefSchema.safeParse(null).success).toBe(true);
  });

  it('the dark version of a general icon is white; service icons stay as AWS drew them', () => {
    const users = readServiceIconSvg(content.catalog, 'analysts')!;
    expect(users).toMatch(/fill="#2[34]2f3[de]"/i);
    expect(iconForTheme(users, 'dark')).not.toMatch(/fill="#2[34]2f3[de]"/i);
    expect(iconForTheme(users, 'dark')).toContain('fill="#ffffff"');
    const athena = readServiceIconSvg(content.catalog, 'amazon-athena')!;
    expect(iconForTheme(athena, 'dark')).toBe(athena);
    expect(iconForTheme(users, 'light')).toBe(users);
  });
});
