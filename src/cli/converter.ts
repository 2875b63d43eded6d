/**
 * The converter behind `npm run convert -- <diagram.drawio|design.json> -o FILE [--page N|NAME]
 * [--scenario ID]` (entry point: convert.ts): a draw.io diagram becomes a design document (`.json`),
 * read as the app's import reads it; a design document becomes a draw.io diagram (`.drawio`). The
 * output's kind follows its extension. What a draw.io import could not map is printed on stderr.
 * Exit codes: 0 written; 2 the input or the arguments are wrong (a message, never a stack trace).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { serializeDesign } from '../domain/design.ts';
import { designToDrawio } from '../domain/drawio-export.ts';
import { loadContentFromDisk } from './content.ts';
import { InputError, readDesignInput } from './design-input.ts';
import { terminalSafe } from './grader.ts';

const USAGE = 'usage: npm run convert -- <diagram.drawio|design.json> -o <design.json|diagram.drawio> [--page N|NAME] [--scenario ID]';

function parseArgs(argv: readonly string[]): { file: string; out: string; page?: string; scenarioId?: string } {
  let file: string | undefined;
  let out: string | undefined;
  let page: string | undefined;
  let scenarioId: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (!v || v.startsWith('--')) throw new InputError(`${a} needs a value\n${USAGE}`);
      return v;
    };
    if (a === '-o' || a === '--out') out = value();
    else if (a === '--page') page = value();
    else if (a === '--scenario') scenarioId = value();
    else if (a === '--help' || a === '-h') throw new InputError(USAGE);
    else if (a.startsWith('-')) throw new InputError(`unknown option ${a}\n${USAGE}`);
    else if (file) throw new InputError(`one file at a time (got ${file} and ${a})\n${USAGE}`);
    else file = a;
  }
  if (!file) throw new InputError(`no input file given\n${USAGE}`);
  if (!out) throw new InputError(`no output file given (-o FILE)\n${USAGE}`);
  return { file, out, ...(page !== undefined ? { page } : {}), ...(scenarioId ? { scenarioId } : {}) };
}

/** Runs the converter. */
export function runConvert(argv: readonly string[]): { code: 0 | 2; stdout: string; stderr: string } {
  try {
    const args = parseArgs(argv);
    const { content, problems } = loadContentFromDisk();
    if (problems.length) throw new InputError(`the shipped content has problems:\n${problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).join('\n')}`);
    const { design, notes } = readDesignInput(args.file, content.catalog, { ...(args.page !== undefined ? { page: args.page } : {}), ...(args.scenarioId ? { scenarioId: args.scenarioId } : {}) });
    const toDrawio = /^\.(drawio|xml)$/i.test(extname(args.out));
    const text = toDrawio ? designToDrawio(design, content.catalog, { pageName: design.scenarioId ?? 'Archboard design' }) : serializeDesign(design);
    try {
      mkdirSync(dirname(args.out), { recursive: true });
      writeFileSync(args.out, text);
    } catch (e) {
      throw new InputError(`${args.out}: cannot write the file (${e instanceof Error ? e.message : String(e)})`);
    }
    const groups = design.nodes.filter((n) => content.catalog.byId.get(n.service)?.group).length;
    return { code: 0, stdout: `${args.out}: ${toDrawio ? 'draw.io diagram' : 'design'} with ${design.nodes.length - groups} services and notes, ${groups} groups, ${design.edges.length} connections`, stderr: terminalSafe(notes.join('\n')) };
  } catch (e) {
    return { code: 2, stdout: '', stderr: terminalSafe(e instanceof InputError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`) };
  }
}
