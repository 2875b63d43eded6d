/**
 * Entry point of `npm run validate [-- <project root>]`: checks every catalog and scenario file and
 * every cross-reference (rule ids and params, catalog ids, design files, requirement ids, `$schema`
 * keys) and prints each problem as `file: JSON path: message`. Exit code 0 when clean, 1 otherwise.
 */
import { resolve } from 'node:path';
import { loadContentFromDisk, PROJECT_ROOT } from './content.ts';

const root = resolve(process.argv[2] ?? PROJECT_ROOT);
const { content, problems } = loadContentFromDisk(root);
for (const p of problems) console.log(`${p.file}: ${p.path}: ${p.message}`);
if (problems.length) {
  console.log(`${problems.length} problem${problems.length === 1 ? '' : 's'} found.`);
  process.exitCode = 1;
} else console.log(`Content is valid: ${content.catalog.entries.length} catalog entries, ${content.scenarios.length} scenarios, ${content.rules.size} rules.`);
