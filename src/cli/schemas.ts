/**
 * JSON Schemas for the content files, generated from the zod schemas so editors validate and
 * complete what authors type. `npm run schemas` writes them to `schemas/`; the content test fails
 * when a committed schema is out of date.
 * - catalog/*.json name `../schemas/catalog-entry.schema.json` in their `$schema` key;
 * - scenarios/<id>/scenario.json name `../../schemas/scenario.schema.json`;
 * - design files (`*.design.json`) keep exactly the design document's keys, so editors map them to
 *   `schemas/design.schema.json` by file name (.vscode/settings.json) instead of a `$schema` key.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { catalogEntrySchema } from '../domain/catalog-schema.ts';
import { designDocumentSchema } from '../domain/design.ts';
import { scopeSchema } from '../domain/lake.ts';
import { ROLE_REGISTRY } from '../domain/roles.ts';
import { kindSchema, settingKeySchema, vocabularyRegistry } from '../domain/rule-kit.ts';
import { requirementSchema, scenarioSchema } from '../domain/scenario.ts';
import { ALL_RULES } from '../../rules/index.ts';
import { loadContentFromDisk, PROJECT_ROOT } from './content.ts';

/**
 * The scenario schema editors get: each requirement is one of a union keyed by `rule`, whose
 * `params` are that rule's params (strict: an unknown param is flagged), and the alternatives of
 * `any-of` are requirements of the same union.
 */
export function scenarioEditorSchema(rules: typeof ALL_RULES = ALL_RULES): z.ZodType {
  const base = requirementSchema.omit({ rule: true, params: true });
  // One object per rule, keyed by `rule` (zod wants a non-empty tuple; ALL_RULES is not empty).
  const byRule = (options: z.ZodObject[]) => z.discriminatedUnion('rule', options as [z.ZodObject, ...z.ZodObject[]]);
  const alternative: z.ZodType = z.lazy(() => byRule(rules.map((r) => z.strictObject({ label: z.string().min(3), rule: z.literal(r.id), params: paramsFor(r).optional() }))));
  const paramsFor = (r: (typeof ALL_RULES)[number]): z.ZodType => (r.id === 'any-of' ? z.strictObject({ anyOf: z.array(alternative).min(2) }) : r.params);
  const requirement = byRule(rules.map((r) => base.extend({ rule: z.literal(r.id), params: paramsFor(r).optional() })));
  return scenarioSchema.extend({ requirements: z.array(requirement).min(1) });
}

/**
 * JSON Schema of a zod schema, with the vocabularies spelled out: a kind is one of the catalog ids
 * and registered roles (or `#node-id`), a setting key one of the catalog's setting keys, so an editor
 * completes them and flags a typo.
 */
function toJsonSchema(schema: z.ZodType, vocab: { kinds: string[]; settings: string[] }): Record<string, unknown> {
  const out = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const tag = vocabularyRegistry.get(ctx.zodSchema as unknown as z.ZodType);
      if (!tag) return;
      const json = ctx.jsonSchema as Record<string, unknown>;
      for (const key of Object.keys(json)) delete json[key];
      json.$ref = tag.vocabulary === 'kind' ? '#/$defs/kind' : '#/$defs/settingKey';
    },
  }) as Record<string, unknown> & { $defs?: Record<string, unknown> };
  if (!JSON.stringify(out).includes('"#/$defs/')) return out;
  return {
    ...out,
    $defs: {
      ...out.$defs,
      kind: {
        description: 'A catalog id or a registered role (src/domain/roles.json); #<node id> for one node',
        anyOf: [
          { type: 'string', enum: vocab.kinds },
          { type: 'string', pattern: '^#.+' },
        ],
      },
      settingKey: { description: 'The key of a setting of a catalog entry', type: 'string', enum: vocab.settings },
    },
  };
}

/** Catalog ids and registered roles (kinds) and setting keys, sorted, from the shipped catalog. */
function vocabulary(root: string): { kinds: string[]; settings: string[] } {
  const { catalog } = loadContentFromDisk(root).content;
  return {
    kinds: [...new Set([...catalog.byId.keys(), ...ROLE_REGISTRY.keys()])].sort(),
    settings: [...new Set(catalog.entries.flatMap((e) => Object.keys(e.settings)))].sort(),
  };
}

/** The fields of a zod schema's definition that `paramHint` reads (zod's `_zod.def`). */
interface ZodDef {
  type: string;
  innerType: z.ZodType;
  element: z.ZodType;
  options: z.ZodType[];
  entries: Record<string, string>;
  shape: Record<string, z.ZodType>;
}

/** How the rule table names a param's type: kinds, a scope, a setting, enum values, `[{...}]`. */
function paramHint(schema: z.ZodType): string {
  const def = (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
  if (schema === scopeSchema) return 'scope';
  if (schema === kindSchema) return 'kind';
  if (schema === settingKeySchema) return 'setting';
  switch (def.type) {
    case 'optional':
    case 'default':
      return paramHint(def.innerType);
    case 'array': {
      const inner = paramHint(def.element);
      return inner === 'kind' ? 'kinds' : inner === 'setting' ? 'settings' : inner === 'kinds' ? 'lists of kinds' : inner.startsWith('{') ? `[${inner}]` : `list of ${inner}`;
    }
    case 'union':
      return [...new Set(def.options.map(paramHint))].join(' or ');
    case 'enum':
      return Object.values(def.entries)
        .map((v) => `\`${v}\``)
        .join(' \\| ');
    case 'object':
      return `{${Object.entries(def.shape)
        .map(([k, v]) => k + (v.safeParse(undefined).success ? '?' : ''))
        .join(', ')}}`;
    default:
      return def.type;
  }
}

/** The rule table of docs/authoring.md, from each rule's metadata and params schema. */
export function ruleTableMarkdown(rules: typeof ALL_RULES = ALL_RULES): string {
  const rows = rules.map((r) => {
    const shape = (r.params as unknown as { _zod: { def: { shape?: Record<string, z.ZodType> } } })._zod.def.shape ?? {};
    const params = Object.entries(shape).map(([k, v]) => `\`${k}${v.safeParse(undefined).success ? '?' : ''}\` (${paramHint(v)})`);
    return `| \`${r.id}\` | ${r.summary} | ${r.pillar} | ${params.join(', ') || 'none'} |`;
  });
  return ['| rule | checks | pillar | params (`?`: optional) |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

const TABLE_START = '<!-- rule-table: generated by `npm run schemas` from rules/*.ts; do not edit by hand -->';
const TABLE_END = '<!-- /rule-table -->';

/** docs/authoring.md with its rule table regenerated (between the markers). */
export function authoringDoc(root: string = PROJECT_ROOT): string {
  const text = readFileSync(join(root, 'docs', 'authoring.md'), 'utf8');
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`docs/authoring.md: the markers ${TABLE_START} and ${TABLE_END} are missing`);
  return `${text.slice(0, start + TABLE_START.length)}\n${ruleTableMarkdown()}\n${text.slice(end)}`;
}

/**
 * The schema files: name in `schemas/` -> JSON text (2-space indented, final newline). Input types
 * (fields with defaults are optional); refinements zod cannot express (cross-references) are checked
 * by `npm run validate`.
 */
export function jsonSchemaFiles(root: string = PROJECT_ROOT): Record<string, string> {
  const out: Record<string, string> = {};
  const vocab = vocabulary(root);
  const add = (name: string, title: string, schema: z.ZodType) => {
    const json = { ...toJsonSchema(schema, vocab), title };
    out[name] = JSON.stringify(json, null, 2) + '\n';
  };
  add('catalog-entry.schema.json', 'Archboard catalog entry (catalog/<id>.json)', catalogEntrySchema);
  add('scenario.schema.json', 'Archboard scenario (scenarios/<id>/scenario.json)', scenarioEditorSchema());
  add('design.schema.json', 'Archboard design document (archboard.design)', designDocumentSchema);
  return out;
}

/** Writes every schema file under `<root>/schemas/` and the rule table of docs/authoring.md. */
export function writeJsonSchemas(root: string = PROJECT_ROOT): string[] {
  mkdirSync(join(root, 'schemas'), { recursive: true });
  const written = Object.entries(jsonSchemaFiles(root)).map(([name, text]) => {
    writeFileSync(join(root, 'schemas', name), text);
    return `schemas/${name}`;
  });
  writeFileSync(join(root, 'docs', 'authoring.md'), authoringDoc(root));
  return [...written, 'docs/authoring.md'];
}
