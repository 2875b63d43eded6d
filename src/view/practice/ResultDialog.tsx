/**
 * The result page of a submitted attempt: requirements passed, required checks, per Well-Architected
 * pillar, hints used and time taken; "Review feedback" opens the Feedback tab.
 */
import { formatCountdown } from '../../domain/interview.ts';
import { useApp, useAppStore } from '../../store/context.tsx';
import { ServiceIcon } from '../ServiceIcon.tsx';
import { usePractice, usePracticeStore } from '../../store/practice-context.tsx';
import { Dialog } from '../Dialog.tsx';
import { PILLAR_LABEL } from './labels.ts';

export function ResultDialog() {
  const app = useAppStore();
  const practice = usePracticeStore();
  const result = usePractice((s) => s.result);
  if (!result) return null;
  const { attempt } = result;
  const close = () => practice.getState().closeResult();
  const r = attempt.requirements;
  return (
    <Dialog
      title={attempt.mode === 'interview' ? (attempt.endedBy === 'time-up' ? 'Time is up: your interview result' : 'Your interview result') : 'Attempt recorded'}
      onClose={close}
      actions={
        <>
          <button type="button" className="btn btn-quiet" onClick={close}>
            Close
          </button>
          <button
            type="button"
            className="btn btn-primary"
            data-autofocus
            onClick={() => {
              close();
              app.getState().setRightTab('feedback');
            }}
          >
            Review feedback
          </button>
        </>
      }
    >
      <div className="result-page" data-testid="result-page">
        <dl className="result-figures">
          <div>
            <dt>Requirements passed</dt>
            <dd data-testid="result-passed">
              <strong>{r.passed}</strong> of {r.total}
            </dd>
          </div>
          <div>
            <dt>Required checks met</dt>
            <dd className={attempt.passed ? 'is-pass' : 'is-fail'}>
              <strong>{attempt.required.met}</strong> of {attempt.required.total}
            </dd>
          </div>
          <div>
            <dt>Hints used</dt>
            <dd data-testid="result-hints">
              <strong>{attempt.hintsUsed}</strong>
            </dd>
          </div>
          <div>
            <dt>Time taken</dt>
            <dd data-testid="result-time">
              <strong>{formatCountdown(attempt.timeTakenMs)}</strong>
              {attempt.timeBoxMinutes !== undefined ? ` of ${attempt.timeBoxMinutes} min` : ''}
            </dd>
          </div>
        </dl>
        {(r.accepted > 0 || r.notApplicable > 0) && (
          <p className="muted small">
            {r.accepted > 0 && `${r.accepted} accepted as trade-offs (not counted as passes). `}
            {r.notApplicable > 0 && `${r.notApplicable} did not apply to this design.`}
          </p>
        )}
        <h3 className="section-title">By Well-Architected pillar</h3>
        <table className="pillar-table">
          <thead>
            <tr>
              <th scope="col">Pillar</th>
              <th scope="col">Passed</th>
              <th scope="col" className="visually-hidden">
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {attempt.pillars.map((p) => {
              const applicable = p.total - p.notApplicable;
              return (
                <tr key={p.pillar} data-pillar={p.pillar}>
                  <th scope="row">{PILLAR_LABEL[p.pillar]}</th>
                  <td>
                    {p.passed} of {p.total}
                    {p.accepted > 0 && <span className="muted small"> · {p.accepted} accepted</span>}
                    {p.notApplicable > 0 && <span className="muted small"> · {p.notApplicable} n/a</span>}
                  </td>
                  <td className="pillar-bar-cell" aria-hidden="true">
                    <span className="pillar-bar">
                      <span className="pillar-bar-pass" style={{ width: `${applicable ? (100 * p.passed) / applicable : 0}%` }} />
                      <span className="pillar-bar-accepted" style={{ width: `${applicable ? (100 * p.accepted) / applicable : 0}%` }} />
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <DesignServices />
        <p className="muted small">
          Recorded {new Date(attempt.submittedAt).toLocaleString()} · {attempt.services} services on the canvas
        </p>
      </div>
    </Dialog>
  );
}

/** The services of the submitted design, once each, with their AWS icons. */
function DesignServices() {
  const nodes = useApp((s) => s.design.nodes);
  const catalog = useApp((s) => s.content.catalog);
  const entries = [...new Set(nodes.map((n) => n.service))].flatMap((id) => {
    const e = catalog.byId.get(id);
    return e && !e.group && e.id !== 'text-note' ? [e] : [];
  });
  if (!entries.length) return null;
  return (
    <>
      <h3 className="section-title">Services in your design</h3>
      <ul className="result-services" aria-label="Services in your design">
        {entries.map((e) => (
          <li key={e.id} title={e.name}>
            <ServiceIcon entry={e} size={28} className="small" />
            <span>{e.shortName}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
