/**
 * The analysis Web Worker: the work that grows with a design's size, off the main thread, so the tab
 * stays responsive with thousands of nodes. It holds its own copy of the bundled content and answers:
 * - `load`: parse and validate a design's text (`loadDesignText`), then grade and simulate it against
 *   a scenario (`analyse`), posting `progress` at each stage (an import or a paste);
 * - `drawio`: read and map a big draw.io file (`importDrawioText`), as the app's Import does;
 * - `analyse`: grade and simulate a design (what the app does after each change that can alter the
 *   findings; the main thread never grades).
 * Messages are plain data (structured clone). See analysis-client.ts for the main-thread side.
 */
import './zod-config.ts';
import { loadDesignText } from '../domain/design.ts';
import { analyse } from '../store/analysis.ts';
import { GRADED_CONTENT } from './graded-content.ts';
import type { Analyses } from '../store/grading.ts';
import { splitAnalyses } from './analysis-parts.ts';
import { importDrawioText } from './drawio-design.ts';
import type { WorkerReply, WorkerRequest } from './analysis-client.ts';

const post = (reply: WorkerReply) => (self as unknown as { postMessage(m: WorkerReply): void }).postMessage(reply);

/** Posts analyses as several messages (analysis-parts.ts), each read on the main thread in a short task. */
function postAnalyses(id: number, analyses: Analyses, computeMs?: number) {
  const { parts, shell } = splitAnalyses(analyses);
  for (const part of parts) post({ kind: 'part', id, ...part });
  post({ kind: 'analysed', id, analyses: shell, ...(parts.length ? { parts: true } : {}), ...(computeMs !== undefined ? { computeMs } : {}) });
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  try {
    if (req.kind === 'load') {
      post({ kind: 'progress', id: req.id, stage: 'validating' });
      const result = loadDesignText(req.text, GRADED_CONTENT.catalog);
      if (!result.ok || !req.grade) return post({ kind: 'loaded', id: req.id, result });
      post({ kind: 'progress', id: req.id, stage: 'grading', nodes: result.design.nodes.length });
      const design = req.scenarioId ? { ...result.design, scenarioId: req.scenarioId } : result.design;
      const analyses = analyse(GRADED_CONTENT, { scenarioId: req.scenarioId, design, whatIf: req.whatIf, followUps: undefined });
      // The design, then the analyses (in parts): the main thread reads each message in a task of its own.
      post({ kind: 'loaded', id: req.id, result, graded: true });
      postAnalyses(req.id, analyses);
    } else if (req.kind === 'drawio') {
      post({ kind: 'drawio', id: req.id, outcome: importDrawioText(req.text, GRADED_CONTENT.catalog, { ...(req.page !== undefined ? { page: req.page } : {}), ...(req.scenarioId ? { scenarioId: req.scenarioId } : {}) }) });
    } else {
      const t0 = performance.now();
      const analyses = analyse(GRADED_CONTENT, req.input);
      postAnalyses(req.id, analyses, performance.now() - t0);
    }
  } catch (e) {
    post({ kind: 'failed', id: req.id, message: e instanceof Error ? e.message : String(e) });
  }
};
