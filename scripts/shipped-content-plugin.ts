/**
 * Vite plugin: the shipped content (every `catalog/*.json` and every file under `scenarios/`),
 * parsed, checked against its schemas and assembled at build time, as the virtual module
 * `virtual:archboard-content` (read by src/adapters/content.ts). The app then starts with one
 * `JSON.parse` of the result instead of running the schemas over the catalog and loading every
 * scenario's designs on every page load (about 120 ms of the main thread's start on this machine).
 * The dev server watches the content files and rebuilds the module when one changes.
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { readJsonFiles } from '../src/cli/content.ts';
import type { ContentProblem } from '../src/domain/catalog.ts';
import { assembleContent, type ContentFile } from '../src/domain/content.ts';

const ID = 'virtual:archboard-content';

/** A content file without its editor-only `$schema` key (it names the JSON Schema for editors; nothing in the app reads it). */
function withoutSchemaKey(f: ContentFile): ContentFile {
  if (!f.data || typeof f.data !== 'object' || Array.isArray(f.data) || !('$schema' in f.data)) return f;
  const { $schema: _schema, ...data } = f.data as Record<string, unknown>;
  return { file: f.file, data };
}
const RESOLVED = `\0${ID}`;

/**
 * @param root the project root (holds `catalog/` and `scenarios/`)
 * @returns the plugin; the module's default export is `{ entries, scenarios, problems }`: the catalog
 *   entries in file order, the loaded scenarios (`LoadedScenario[]`) and the content problems found
 *   (unreadable JSON, schema violations, missing designs; empty for shipped content, which
 *   `npm run validate` and the tests check).
 */
export function shippedContent(root: string): Plugin {
  return {
    name: 'archboard-shipped-content',
    resolveId: (source) => (source === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const problems: ContentProblem[] = [];
      const catalogFiles = readJsonFiles(root, 'catalog', problems).map(withoutSchemaKey);
      const scenarioFiles = readJsonFiles(root, 'scenarios', problems).map(withoutSchemaKey);
      for (const f of [...catalogFiles, ...scenarioFiles]) this.addWatchFile(join(root, f.file));
      const assembled = assembleContent(catalogFiles, scenarioFiles);
      const shipped = { entries: assembled.content.catalog.entries, scenarios: assembled.content.scenarios, problems: [...problems, ...assembled.problems] };
      // A JSON text parsed at run time: faster to load than the same data as an object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(shipped))});`;
    },
  };
}
