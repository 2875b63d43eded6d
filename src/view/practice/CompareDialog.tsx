/**
 * "Compare with the model answer": your services and the reference design's side by side, paired by
 * what they do (role family), with what only one side has.
 */
import { useMemo } from 'react';
import { compareDesigns, FAMILY_LABEL, ROLE_FAMILIES, type ComparedNode, type MatchedPair, type RoleFamily } from '../../domain/compare.ts';
import { activeScenario } from '../../store/app-store.ts';
import { useApp } from '../../store/context.tsx';
import { usePractice, usePracticeStore } from '../../store/practice-context.tsx';
import { Dialog } from '../Dialog.tsx';
import { ServiceIcon } from '../ServiceIcon.tsx';

const BASIS: Record<MatchedPair['basis'], string> = { 'same-service': 'same service', 'same-role': 'same role', 'same-family': 'same job, different kind' };

type Row = { kind: 'pair'; pair: MatchedPair } | { kind: 'learner'; node: ComparedNode } | { kind: 'reference'; node: ComparedNode };

export function CompareDialog() {
  const practice = usePracticeStore();
  const open = usePractice((s) => s.compareOpen);
  const design = useApp((s) => s.design);
  const catalog = useApp((s) => s.content.catalog);
  const loaded = useApp(activeScenario);
  const comparison = useMemo(() => (open && loaded ? compareDesigns(design, loaded.reference, catalog) : undefined), [open, loaded, design, catalog]);
  if (!open || !comparison) return null;
  const rows = new Map<RoleFamily | 'other', Row[]>();
  const add = (f: RoleFamily | 'other', row: Row) => rows.set(f, [...(rows.get(f) ?? []), row]);
  for (const pair of comparison.matched) add(pair.family, { kind: 'pair', pair });
  for (const node of comparison.learnerOnly) add(node.family, { kind: 'learner', node });
  for (const node of comparison.referenceOnly) add(node.family, { kind: 'reference', node });
  const families = [...ROLE_FAMILIES, 'other' as const].filter((f) => rows.has(f));
  const close = () => practice.getState().setCompareOpen(false);
  return (
    <Dialog title="Compare with the model answer" onClose={close}>
      <div className="compare" data-testid="compare">
        <p className="compare-summary">
          <strong>{comparison.matched.length}</strong> paired by role · <strong>{comparison.learnerOnly.length}</strong> only in yours · <strong>{comparison.referenceOnly.length}</strong> only in the reference
        </p>
        {families.length === 0 ? (
          <p className="muted">Both designs are empty.</p>
        ) : (
          <table className="compare-table">
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Your design</th>
                <th scope="col">Reference design</th>
              </tr>
            </thead>
            <tbody>
              {families.flatMap((f) =>
                rows.get(f)!.map((row, i) => (
                  <tr key={`${f}-${i}`} className={`compare-row is-${row.kind}`} data-family={f}>
                    {i === 0 && (
                      <th scope="rowgroup" rowSpan={rows.get(f)!.length}>
                        {FAMILY_LABEL[f]}
                      </th>
                    )}
                    {row.kind === 'pair' ? (
                      <>
                        <td>
                          <Service node={row.pair.learner} />
                        </td>
                        <td>
                          <Service node={row.pair.reference} />
                          <span className={`pill pill-quiet basis-${row.pair.basis}`}>{BASIS[row.pair.basis]}</span>
                        </td>
                      </>
                    ) : row.kind === 'learner' ? (
                      <>
                        <td>
                          <Service node={row.node} />
                          <span className="pill pill-quiet only-pill">only in yours</span>
                        </td>
                        <td className="compare-missing">—</td>
                      </>
                    ) : (
                      <>
                        <td className="compare-missing">
                          <span className="compare-missing-text">missing</span>
                        </td>
                        <td>
                          <Service node={row.node} />
                          <span className="pill pill-quiet only-pill">only in the reference</span>
                        </td>
                      </>
                    )}
                  </tr>
                )),
              )}
            </tbody>
          </table>
        )}
        <p className="muted small">
          Services are paired by what they do, not by name: an AWS Glue job and an Amazon EMR cluster both process; Amazon MSK and Kinesis Data Streams both ingest. A different service can be just as right: the requirements decide.
        </p>
      </div>
    </Dialog>
  );
}

function Service({ node }: { node: ComparedNode }) {
  const entry = useApp((s) => s.content.catalog.byId.get(node.service));
  return (
    <span className="compare-service" title={`Roles: ${node.roles.join(', ')}`}>
      {entry && <ServiceIcon entry={entry} size={24} className="small" />}
      <span>
        <span className="compare-name">{node.name}</span>
        {node.label !== node.name && node.label && <span className="muted small"> “{node.label}”</span>}
      </span>
    </span>
  );
}
