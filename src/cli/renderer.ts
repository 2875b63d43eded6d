/**
 * The headless renderer behind `npm run render -- <design.json|diagram.drawio> --png|--svg|--pdf
 * -o FILE [--findings] [--scenario ID] [--volumes] [--theme light|dark] [--page N|NAME]` (entry point:
 * render.ts). Draws the design with the same renderer as the app's export buttons
 * (src/domain/render-svg.ts), with AWS's icons read from the installed `aws-icons` package: SVG as it comes, PNG rasterised by @resvg/resvg-js at 2x, PDF as one
 * page holding those pixels (adapters/export-pdf.ts, the app's own code). `--findings` grades the design
 * against its scenario and adds the marks and the legend, `--volumes` the simulated volume labels.
 * Exit codes: 0 written; 2 the input or the arguments are wrong (a message, never a stack trace).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { deflateSync } from 'node:zlib';
import { PDF_MAX_PIXELS, rasterToPdf } from '../adapters/export-pdf.ts';
import { rasterRatio } from '../adapters/raster-ratio.ts';
import { applyDeviations } from '../domain/attempt-notes.ts';
import type { Content } from '../domain/content.ts';
import type { Design } from '../domain/design.ts';
import { analyseDesign } from '../domain/grade.ts';
import { worstSeverityByElement } from '../domain/severity.ts';
import { findingsLegend } from '../domain/graded-export.ts';
import { iconsForDesign, renderDesignSvg, type IconSource, type RenderOptions, type RenderedSvg, type Theme } from '../domain/render-svg.ts';
import { volumeLabels } from '../domain/diagram.ts';
import { readIconSvgAsync } from '../adapters/icons-node.ts';
import { loadContentFromDisk } from './content.ts';
import { InputError, readDesignInput } from './design-input.ts';
import { terminalSafe } from './grader.ts';

const USAGE = 'usage: npm run render -- <design.json|diagram.drawio> --png|--svg|--pdf -o FILE [--findings] [--scenario ID] [--volumes] [--theme light|dark] [--page N|NAME]';

export type Format = 'png' | 'svg' | 'pdf';

interface Args {
  file: string;
  format: Format;
  out: string;
  findings: boolean;
  volumes: boolean;
  theme: Theme;
  scenarioId?: string;
  page?: string;
}

function parseArgs(argv: readonly string[]): Args {
  let file: string | undefined;
  let format: Format | undefined;
  let out: string | undefined;
  let findings = false;
  let volumes = false;
  let theme: Theme = 'light';
  let scenarioId: string | undefined;
  let page: string | undefined;
  const value = (i: number, name: string) => {
    const v = argv[i];
    if (!v || v.startsWith('--')) throw new InputError(`${name} needs a value\n${USAGE}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--png' || a === '--svg' || a === '--pdf') {
      const f = a.slice(2) as Format;
      if (format && format !== f) throw new InputError(`choose one of --png, --svg, --pdf\n${USAGE}`);
      format = f;
    } else if (a === '-o' || a === '--out') out = value(++i, a);
    else if (a === '--findings') findings = true;
    else if (a === '--volumes') volumes = true;
    else if (a === '--theme') {
      const t = value(++i, a);
      if (t !== 'light' && t !== 'dark') throw new InputError(`--theme is light or dark, not "${t}"`);
      theme = t;
    } else if (a === '--scenario') scenarioId = value(++i, a);
    else if (a === '--page') page = value(++i, a);
    else if (a === '--help' || a === '-h') throw new InputError(USAGE);
    else if (a.startsWith('-')) throw new InputError(`unknown option ${a}\n${USAGE}`);
    else if (file) throw new InputError(`one design file at a time (got ${file} and ${a})\n${USAGE}`);
    else file = a;
  }
  if (!file) throw new InputError(`no design file given\n${USAGE}`);
  if (!out) throw new InputError(`no output file given (-o FILE)\n${USAGE}`);
  if (!format) {
    const ext = extname(out).slice(1).toLowerCase();
    if (ext === 'png' || ext === 'svg' || ext === 'pdf') format = ext;
    else throw new InputError(`choose a format: --png, --svg or --pdf (or name the output .png, .svg or .pdf)\n${USAGE}`);
  }
  return { file, format, out, findings, volumes, theme, ...(scenarioId ? { scenarioId } : {}), ...(page !== undefined ? { page } : {}) };
}

/**
 * What the renderer needs besides the design, for a CLI run: findings and volumes from the scenario.
 * @throws InputError when `--findings` or `--volumes` is asked for without a known scenario
 */
export function renderOptionsFor(design: Design, content: Content, { findings, volumes, theme, scenarioId, icons }: { findings: boolean; volumes: boolean; theme: Theme; scenarioId?: string; icons?: IconSource }): RenderOptions {
  const options: RenderOptions = { theme, ...(icons ? { icons } : {}) };
  if (!findings && !volumes) return options;
  const id = scenarioId ?? design.scenarioId;
  const known = content.scenarios.map((s) => s.scenario.id);
  if (!id) throw new InputError(`--findings and --volumes need a scenario: pass --scenario <id> (one of: ${known.join(', ')})`);
  const scenario = content.scenarios.find((s) => s.scenario.id === id)?.scenario;
  if (!scenario) throw new InputError(`unknown scenario "${id}" (known: ${known.join(', ')})`);
  // The app's own analysis: one simulation, shared with the rules (src/store/grading.ts does the same).
  const { report, simulation: sim } = analyseDesign(design, scenario, content.catalog, content.rules);
  options.title = `Archboard design: ${scenario.title}`;
  if (volumes) options.volumes = volumeLabels(sim);
  if (findings) {
    const labelOf = (nodeId: string) => {
      const n = design.nodes.find((x) => x.id === nodeId);
      return n ? n.label || content.catalog.byId.get(n.service)?.shortName || n.id : nodeId;
    };
    options.findings = { marks: worstSeverityByElement(report), legend: findingsLegend(applyDeviations(report, {}), labelOf) };
  }
  return options;
}

/**
 * Encodes a rendered picture in Node: SVG text; PNG through resvg at `pixelRatio` (lowered for very
 * large pictures, as in the browser: see `rasterRatio`); PDF holding the picture's pixels.
 */
export async function encodeInNode(picture: RenderedSvg, format: Format, pixelRatio = 2): Promise<Uint8Array> {
  if (format === 'svg') return new TextEncoder().encode(picture.svg);
  const ratio = rasterRatio(picture.width, picture.height, pixelRatio, format === 'pdf' ? PDF_MAX_PIXELS : undefined);
  const image = new Resvg(picture.svg, { fitTo: { mode: 'zoom', value: ratio }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render();
  if (format === 'png') return new Uint8Array(image.asPng());
  return rasterToPdf({ rgba: new Uint8Array(image.pixels), pixelWidth: image.width, pixelHeight: image.height }, picture.width, picture.height, (bytes) => deflateSync(bytes, { level: 6 }));
}

/**
 * Runs the renderer.
 * @returns the exit code (0 or 2) and what to print on stdout / stderr
 */
export async function runRender(argv: readonly string[]): Promise<{ code: 0 | 2; stdout: string; stderr: string }> {
  try {
    const args = parseArgs(argv);
    const { content, problems } = loadContentFromDisk();
    if (problems.length) throw new InputError(`the shipped content has problems:\n${problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).join('\n')}`);
    const { design, notes } = readDesignInput(args.file, content.catalog, { ...(args.page !== undefined ? { page: args.page } : {}), ...(args.scenarioId ? { scenarioId: args.scenarioId } : {}) });
    const icons = await iconsForDesign(design, content.catalog, readIconSvgAsync, args.theme);
    const options = renderOptionsFor(design, content, { ...args, icons: (id) => icons.get(id) });
    const picture = renderDesignSvg(design, content.catalog, options);
    const bytes = await encodeInNode(picture, args.format);
    try {
      mkdirSync(dirname(args.out), { recursive: true });
      writeFileSync(args.out, bytes);
    } catch (e) {
      throw new InputError(`${args.out}: cannot write the file (${e instanceof Error ? e.message : String(e)})`);
    }
    return { code: 0, stdout: `${args.out}: ${args.format.toUpperCase()} ${picture.width}x${picture.height} px, ${bytes.length.toLocaleString('en-US')} bytes`, stderr: terminalSafe(notes.join('\n')) };
  } catch (e) {
    return { code: 2, stdout: '', stderr: terminalSafe(e instanceof InputError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`) };
  }
}
