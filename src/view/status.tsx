/** Status and severity marks shared by the scenario checklist, the feedback list and the inspector. */
import type { ReviewedStatus } from '../domain/attempt-notes.ts';
import type { Severity } from '../domain/scenario.ts';
import { IconAlert, IconCheck, IconInfo, IconMinus, IconX } from './icons.tsx';

/** `accepted`: fails its rule, accepted by the learner as a trade-off with a reason (see domain/attempt-notes.ts). */
export const STATUS_LABEL: Record<ReviewedStatus | 'pending', string> = {
  pass: 'Pass',
  accepted: 'Accepted',
  fail: 'Fail',
  'not-applicable': 'Not applicable',
  error: 'Rule error',
  pending: 'Not graded yet',
};

/** How a requirement's severity reads to a learner: errors fail the attempt, the others do not. */
export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Required', warning: 'Recommended', info: 'Tip' };

export function StatusIcon({ status, severity }: { status: ReviewedStatus | 'pending'; severity?: Severity }) {
  const cls = status === 'fail' ? `status-icon status-fail sev-${severity ?? 'error'}` : `status-icon status-${status}`;
  const icon =
    status === 'pass' || status === 'accepted' ? (
      <IconCheck size={14} />
    ) : status === 'fail' ? (
      severity === 'error' || !severity ? (
        <IconX size={14} />
      ) : severity === 'warning' ? (
        <IconAlert size={14} />
      ) : (
        <IconInfo size={14} />
      )
    ) : status === 'error' ? (
      <IconAlert size={14} />
    ) : (
      <IconMinus size={14} />
    );
  return (
    <span className={cls} role="img" aria-label={STATUS_LABEL[status] + (status === 'fail' && severity ? ` (${severity})` : '')}>
      {icon}
    </span>
  );
}
