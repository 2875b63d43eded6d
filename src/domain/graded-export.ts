/**
 * The graded export (`archboard.graded`, version 1): one JSON file holding the design document as it
 * is, the grading report with accepted deviations applied (each accepted requirement keeps its
 * findings, its engine status in `gradedStatus` and the learner's reason), and the attempt notes (node
 * notes by node id, deviations by requirement id, hints used), so a reviewer reads the argument next to
 * the diagram. Also the lines of the PNG export's findings legend. Pure.
 */
import type { AttemptNotes, ReviewedReport, ReviewedStatus } from './attempt-notes.ts';
import type { Design } from './design.ts';
import type { Severity } from './scenario.ts';

export const GRADED_FORMAT = 'archboard.graded';
export const GRADED_VERSION = 1;

/** The graded export file. `exportedAt` is ISO 8601. */
export interface GradedExport {
  format: typeof GRADED_FORMAT;
  version: typeof GRADED_VERSION;
  exportedAt: string;
  scenario: { id: string; title: string } | undefined;
  /** The design document, unchanged (it re-imports as a design on its own). */
  design: Design;
  report: ReviewedReport;
  notes: {
    nodeNotes: { nodeId: string; label: string; note: string }[];
    deviations: AttemptNotes['deviations'];
    hintsUsed: AttemptNotes['hintsUsed'];
  };
  /** What `accepted` means, written into the file for the reader. */
  legend: { accepted: string };
}

/** Words for the `accepted` status in the export. */
export const ACCEPTED_MEANING = 'The requirement fails its rule; the learner accepts it as a trade-off and gives the reason. It does not count as a pass: report.passed is the engine verdict; report.passedWithDeviations also accepts these.';

/**
 * Builds the graded export. Node notes of nodes no longer in the design are left out; deviations are
 * kept as written (those that apply show in `report`).
 * @param labelOf a node's label as the canvas shows it (defaults to the node id)
 */
export function gradedExport(
  design: Design,
  report: ReviewedReport,
  notes: AttemptNotes,
  { exportedAt, scenarioTitle, labelOf = (id) => id }: { exportedAt: string; scenarioTitle?: string; labelOf?: (nodeId: string) => string },
): GradedExport {
  const ids = new Set(design.nodes.map((n) => n.id));
  return {
    format: GRADED_FORMAT,
    version: GRADED_VERSION,
    exportedAt,
    scenario: scenarioTitle !== undefined ? { id: report.scenarioId, title: scenarioTitle } : report.scenarioId ? { id: report.scenarioId, title: report.scenarioId } : undefined,
    design,
    report,
    notes: {
      nodeNotes: Object.entries(notes.nodeNotes)
        .filter(([id]) => ids.has(id))
        .map(([nodeId, note]) => ({ nodeId, label: labelOf(nodeId), note })),
      deviations: notes.deviations,
      hintsUsed: notes.hintsUsed,
    },
    legend: { accepted: ACCEPTED_MEANING },
  };
}

/** One line of the PNG legend: a requirement that does not pass, with the elements it names. */
export interface LegendLine {
  status: Extract<ReviewedStatus, 'fail' | 'accepted' | 'error'>;
  severity: Severity;
  text: string;
  /** Labels of the nodes its findings name (deduplicated, in order). */
  nodes: string[];
  /** The deviation's reason, for accepted lines. */
  reason?: string;
}

/**
 * The findings legend drawn under an exported PNG: failed, accepted and rule-error requirements,
 * errors first, then warnings, then tips; passing and not-applicable ones are summed in the header.
 */
export function findingsLegend(report: ReviewedReport, labelOf: (nodeId: string) => string): { header: string; lines: LegendLine[] } {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const lines = report.results
    .filter((r): r is typeof r & { status: LegendLine['status'] } => r.status === 'fail' || r.status === 'accepted' || r.status === 'error')
    .sort((a, b) => rank[a.severity] - rank[b.severity])
    .map(
      (r): LegendLine => ({
        status: r.status,
        severity: r.severity,
        text: r.text,
        nodes: [...new Set(r.findings.flatMap((f) => f.nodeIds))].map(labelOf),
        ...(r.deviation ? { reason: r.deviation.reason } : {}),
      }),
    );
  const c = report.counts;
  const header = `${c.pass} of ${report.results.length} requirements pass` + (c.accepted ? `, ${c.accepted} accepted as trade-offs` : '') + (c.fail ? `, ${c.fail} fail` : '') + (c.error ? `, ${c.error} rule errors` : '');
  return { header, lines };
}
