/** Words for practice-mode values. */
import type { PillarScore } from '../../domain/attempts.ts';

/** Well-Architected pillar names as AWS writes them. */
export const PILLAR_LABEL: Record<PillarScore['pillar'], string> = {
  'operational-excellence': 'Operational Excellence',
  security: 'Security',
  reliability: 'Reliability',
  'performance-efficiency': 'Performance Efficiency',
  'cost-optimization': 'Cost Optimization',
  sustainability: 'Sustainability',
  unassigned: 'No pillar',
};
