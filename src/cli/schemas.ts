/**
 * JSON Schemas for the content files, generated from the zod schemas so editors validate and
 * complete what authors type. `npm run schemas` writes them to `schemas/`; the content test fails
 * when a committed schema is out of date.
 * - catalog/*.json name `../schemas/catalog-entry.schema.json` in their `$schema` key;
 * - scenarios/<id>/scenario.json name `../../schemas/scenario.schema.json`;
 * - design files (`*.design.json`) keep exactly the design document's keys, so editors map them to
 *   `schemas/design.schema.json` by file name (.vscode/settings.json) instead of a `$schema` key.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { catalogEntrySchema } from '../domain/catalog.ts';
import { designDocumentSchema } from '../domain/design.ts';
import { scenarioSchema } from '../domain/scenario.ts';
import { PROJECT_ROOT } from './content.ts';

/**
 * The schema files: name in `schemas/` -> JSON text (2-space indented, final newline). Input types
 * (fields with defaults are optional); refinements zod cannot express (cross-references) are checked
 * by `npm run validate`.
 */
export function jsonSchemaFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (name: string, title: string, schema: z.ZodType) => {
    const json = { ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), title };
    out[name] = JSON.stringify(json, null, 2) + '\n';
  };
  add('catalog-entry.schema.json', 'Archboard catalog entry (catalog/<id>.json)', catalogEntrySchema);
  add('scenario.schema.json', 'Archboard scenario (scenarios/<id>/scenario.json)', scenarioSchema);
  add('design.schema.json', 'Archboard design document (archboard.design)', designDocumentSchema);
  return out;
}

/** Writes every schema file under `<root>/schemas/`. */
export function writeJsonSchemas(root: string = PROJECT_ROOT): string[] {
  mkdirSync(join(root, 'schemas'), { recursive: true });
  return Object.entries(jsonSchemaFiles()).map(([name, text]) => {
    writeFileSync(join(root, 'schemas', name), text);
    return `schemas/${name}`;
  });
}
