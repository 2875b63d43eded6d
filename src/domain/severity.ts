/**
 * Severities of findings as the canvas marks them. Apart from grade.ts so that the editor, which
 * only shows a report the analysis worker made, does not load the rule engine.
 */
import type { GradeReport } from './grade.ts';
import type { Severity } from './scenario.ts';

const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/**
 * The worst severity of the findings that name each node or edge, for status marks on the canvas.
 * @returns element id -> severity; elements without findings are absent
 */
export function worstSeverityByElement(report: GradeReport): Map<string, Severity> {
  const out = new Map<string, Severity>();
  for (const r of report.results)
    for (const f of r.findings)
      for (const id of [...f.nodeIds, ...f.edgeIds]) {
        const cur = out.get(id);
        if (!cur || SEVERITY_RANK[f.severity] > SEVERITY_RANK[cur]) out.set(id, f.severity);
      }
  return out;
}
