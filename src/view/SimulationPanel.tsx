/**
 * The Simulation tab: the scenario's workload run through the design. Ingest rate, the bottleneck and
 * every sized stage (load in MB/s and records/s against its binding limit, estimates marked),
 * the freshness of every sink against the scenario's latency budgets (with the critical path and its
 * slowest node), stored TB per storage class per year, and the monthly cost per service. The two
 * charts come from a lazily loaded chunk (recharts), so the initial bundle does not carry them.
 */
import { useReactFlow } from '@xyflow/react';
import { lazy, Suspense, useMemo } from 'react';
import { STORAGE_CLASSES, STORAGE_CLASS_NAMES, type Catalog, type StorageClass } from '../domain/catalog.ts';
import type { Design } from '../domain/design.ts';
import { formatLoad } from '../domain/format.ts';
import { formatGBPerDay, GB_PER_DAY_PER_MBPS, formatMBps, formatMs, formatPercent, formatRecordsPerSecond, formatTB, formatUsd, type LimitLoad, type NodeFlow, type SimulationReport, type SinkLatency } from '../domain/simulation.ts';
import { activeScenario } from '../store/app-store.ts';
import { useApp, useAppStore } from '../store/context.tsx';
import type { CostSeries, StorageRow } from './SimulationCharts.tsx';

const StorageChart = lazy(() => import('./SimulationCharts.tsx').then((m) => ({ default: m.StorageChart })));
const CostChart = lazy(() => import('./SimulationCharts.tsx').then((m) => ({ default: m.CostChart })));

/** Display name of each node: the learner's label, else the service's short name. */
function nodeNames(design: Design, catalog: Catalog): Map<string, string> {
  return new Map(design.nodes.map((n) => [n.id, n.label || catalog.byId.get(n.service)?.shortName || n.service]));
}

/** Stored TB per storage class at each year end, summed over the buckets; classes never used are left out. */
export function storageRows(sim: SimulationReport): { rows: StorageRow[]; classes: StorageClass[] } {
  const years = Math.max(0, ...sim.storage.map((s) => s.years.length));
  const rows: StorageRow[] = [];
  const used = new Set<StorageClass>();
  for (let i = 0; i < years; i++) {
    const row: StorageRow = { year: `Year ${i + 1}` };
    for (const c of STORAGE_CLASSES) {
      const tb = sim.storage.reduce((a, s) => a + (s.years[i]?.tbByClass[c] ?? 0), 0);
      row[c] = tb;
      if (tb > 0) used.add(c);
    }
    rows.push(row);
  }
  return { rows, classes: STORAGE_CLASSES.filter((c) => used.has(c)) };
}

/** The Simulation tab's content, from the store's `simulation` (kept up to date by grading.ts). */
export function SimulationPanel() {
  const sim = useApp((s) => s.simulation);
  const design = useApp((s) => s.design);
  const catalog = useApp((s) => s.content.catalog);
  const theme = useApp((s) => s.theme);
  const loaded = useApp(activeScenario);
  const names = useMemo(() => nodeNames(design, catalog), [design, catalog]);
  const storage = useMemo(() => (sim ? storageRows(sim) : undefined), [sim]);
  const cost = useMemo<CostSeries | undefined>(
    () => (sim ? { months: sim.cost.months, series: sim.cost.services.filter((s) => s.horizonUsd > 0).map((s) => ({ id: s.service, name: s.nodeCount > 1 ? `${s.name} (${s.nodeCount})` : s.name, monthlyUsd: s.monthlyUsd })) } : undefined),
    [sim],
  );

  if (!loaded || !sim)
    return (
      <div className="empty-state">
        <p className="empty-state-title">Nothing to simulate</p>
        <p>{loaded ? 'The simulation runs as soon as the design changes.' : 'There is no scenario, so there is no workload to run through the design.'}</p>
      </div>
    );
  if (!design.nodes.length)
    return (
      <div className="empty-state">
        <p className="empty-state-title">Nothing to simulate yet</p>
        <p>Add services and connect them: the scenario's workload then flows through your design, with its volume, load, latency, storage and cost shown here.</p>
      </div>
    );

  const w = sim.workload;
  const b = sim.bottleneck;
  const bNode = b && sim.nodes.find((n) => n.nodeId === b.nodeId);
  const stages = sim.nodes.filter((n) => n.binding && n.utilisation !== undefined);
  const years = w.horizonDays / 365;
  const horizon = Number.isInteger(years) ? `${years} year${years === 1 ? '' : 's'}` : `${w.horizonDays} days`;
  const monthly = sim.cost.monthlyTotalUsd;
  const averageMonthly = sim.cost.nodes.reduce((a, n) => a + n.averageMonthlyUsd, 0);
  const finalStorage = storage?.rows.at(-1);

  return (
    <div className="sim">
      <h2 className="visually-hidden">Simulation</h2>
      <p className="muted small sim-intro">The scenario's workload run through your design: averages unless marked peak; prices are {sim.cost.region} list prices.</p>
      <dl className="figures sim-figures">
        <div>
          <dt>Ingest, average</dt>
          <dd>{formatMBps(w.averageIngestMBps)}</dd>
          <dd className="muted small">{formatGBPerDay(w.averageIngestMBps * GB_PER_DAY_PER_MBPS)}</dd>
        </div>
        <div>
          <dt>Ingest, peak ({w.peakFactor}×)</dt>
          <dd>{formatMBps(w.peakIngestMBps)}</dd>
          <dd className="muted small">{formatGBPerDay(w.peakIngestMBps * GB_PER_DAY_PER_MBPS)}</dd>
        </div>
        <div>
          <dt>Cost per month</dt>
          <dd>{formatUsd(averageMonthly)}</dd>
          <dd className="muted small">average over {horizon}</dd>
        </div>
        <div>
          <dt>Cost over {horizon}</dt>
          <dd>{formatUsd(sim.cost.horizonTotalUsd)}</dd>
          <dd className="muted small">{sim.cost.unpricedNodeIds.length ? `${sim.cost.unpricedNodeIds.length} not priced` : 'every service priced'}</dd>
        </div>
      </dl>

      <h3 className="section-title">Bottleneck</h3>
      {b && bNode ? (
        <div className={`sim-card ${b.utilisation >= 1 ? 'is-over' : b.peakUtilisation > 1 ? 'is-high' : 'is-ok'}`} data-testid="sim-bottleneck">
          <div className="sim-card-head">
            <NodeLink id={b.nodeId} name={names.get(b.nodeId) ?? b.nodeId} />
            <span className="sim-big">{formatPercent(b.utilisation)}</span>
          </div>
          <p className="small">
            {formatLoad(b.limit.averageLoad, b.limit.unit)} against {formatLoad(b.limit.capacity, b.limit.unit)}
            {b.limit.peakLoad !== b.limit.averageLoad
              ? `; ${formatLoad(b.limit.peakLoad, b.limit.unit)} at ${w.peakFactor}× peak (${formatPercent(b.peakUtilisation)})`
              : ' (a batch run covers the day: peaks within it do not change its load)'}
            .
          </p>
          <p className="small">
            Binding limit: <LimitName limit={b.limit} />
          </p>
          <p className="small sim-verdict">{b.utilisation >= 1 ? 'Overloaded: it cannot take the average load.' : b.peakUtilisation > 1 ? 'Takes the average load, but not the peaks.' : 'Takes the load, peaks included.'}</p>
        </div>
      ) : (
        <p className="muted small">No service in this design has a capacity limit the model knows, so nothing limits the flow.</p>
      )}

      <h3 className="section-title">
        Stages <span className="muted small">load against the limit that binds</span>
      </h3>
      {stages.length ? (
        <table className="sim-table sim-stages" data-testid="sim-stages">
          <caption className="visually-hidden">Load of every sized stage against its binding limit</caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">In, average</th>
              <th scope="col">Binding limit</th>
              <th scope="col">Load</th>
            </tr>
          </thead>
          <tbody>
            {stages.map((n) => (
              <StageRow key={n.nodeId} flow={n} name={names.get(n.nodeId) ?? n.nodeId} peakFactor={w.peakFactor} />
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted small">No stage with a known limit yet.</p>
      )}

      <h3 className="section-title">Latency</h3>
      {sim.sinks.length ? (
        <ul className="sim-list" aria-label="Latency per sink">
          {sim.sinks.map((s) => (
            <SinkItem key={s.nodeId} sink={s} names={names} requirementText={(id) => loaded.scenario.requirements.find((r) => r.id === id)?.text ?? id} />
          ))}
        </ul>
      ) : (
        <p className="muted small">No sink yet: data that reaches a store, a dashboard or a consumer gets a latency here.</p>
      )}

      <h3 className="section-title">
        Storage <span className="muted small">TB at each year end</span>
      </h3>
      {storage && storage.rows.length && sim.storage.length ? (
        <figure className="sim-chart" aria-label="Stored TB per storage class per year" data-testid="storage-chart">
          <Suspense fallback={<div className="sim-chart-loading">Loading chart…</div>}>
            <StorageChart rows={storage.rows} classes={storage.classes} theme={theme} />
          </Suspense>
          {finalStorage && (
            <figcaption className="muted small">
              {finalStorage.year}: {formatTB(storage.classes.reduce((a, c) => a + Number(finalStorage[c] ?? 0), 0))} in total
              {storage.classes.length ? ` (${storage.classes.map((c) => `${STORAGE_CLASS_NAMES[c]} ${formatTB(Number(finalStorage[c] ?? 0))}`).join(', ')})` : ''}.
            </figcaption>
          )}
        </figure>
      ) : (
        <p className="muted small">No S3 bucket in the design: nothing is stored.</p>
      )}

      <h3 className="section-title">
        Cost <span className="muted small">USD per month</span>
      </h3>
      {cost && cost.series.length ? (
        <figure className="sim-chart" aria-label="Monthly cost per service" data-testid="cost-chart">
          <Suspense fallback={<div className="sim-chart-loading">Loading chart…</div>}>
            <CostChart cost={cost} theme={theme} />
          </Suspense>
        </figure>
      ) : null}
      <table className="sim-table">
        <caption className="visually-hidden">Cost per service</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Per month</th>
            <th scope="col">{horizon}</th>
          </tr>
        </thead>
        <tbody>
          {[...sim.cost.nodes]
            .sort((a, b) => b.averageMonthlyUsd - a.averageMonthlyUsd)
            .map((n) => (
              <tr key={n.nodeId} title={n.lines.map((l) => `${l.label}: ${l.basis}`).join('\n')}>
                <th scope="row">{names.get(n.nodeId) ?? n.nodeId}</th>
                {n.free ? (
                  <td colSpan={2}>no charge</td>
                ) : (
                  <>
                    <td>{formatUsd(n.averageMonthlyUsd)}</td>
                    <td>{formatUsd(n.horizonUsd)}</td>
                  </>
                )}
              </tr>
            ))}
          {sim.cost.unpricedNodeIds.map((id) => (
            <tr key={id} className="is-unpriced">
              <th scope="row">{names.get(id) ?? id}</th>
              <td colSpan={2}>not priced</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td>{formatUsd(averageMonthly)}</td>
            <td>{formatUsd(sim.cost.horizonTotalUsd)}</td>
          </tr>
        </tfoot>
      </table>
      {monthly.length > 0 && (
        <>
          <p className="muted small sim-note">
            Month 1 costs {formatUsd(monthly[0]!)}, month {monthly.length} {formatUsd(monthly.at(-1)!)}
            {monthly.at(-1)! > monthly[0]! * 1.01 ? ': the stored data keeps growing.' : '.'}
          </p>
          <table className="sim-table sim-years">
            <caption className="visually-hidden">Cost per year</caption>
            <thead>
              <tr>
                <th scope="col">Year</th>
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {sim.cost.yearlyTotalUsd.map((usd, i) => (
                <tr key={i}>
                  <th scope="row">Year {i + 1}</th>
                  <td>{formatUsd(usd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

/** A limit's figure, with its source and an "estimate" tag when AWS publishes no such figure. */
function LimitName({ limit }: { limit: LimitLoad }) {
  return (
    <span className="sim-limit">
      <a href={limit.source} target="_blank" rel="noreferrer" title={`${limit.basis}${limit.asOf ? `; figure as of ${limit.asOf}` : ''}`}>
        {limit.label}
      </a>
      {limit.estimate && (
        <span className="pill pill-quiet sim-estimate" title="AWS publishes no figure for this; the catalog states an estimate and its reasoning">
          estimate
        </span>
      )}
      {limit.quota && (
        <span className="muted" title={limit.raisable ? 'An AWS service quota that AWS raises on request (Service Quotas)' : 'A limit AWS does not raise'}>
          {limit.raisable ? ' · raisable quota' : ' · fixed limit'}
        </span>
      )}
    </span>
  );
}

function StageRow({ flow, name, peakFactor }: { flow: NodeFlow; name: string; peakFactor: number }) {
  const limit = flow.binding!;
  const peak = flow.peakUtilisation ?? 0;
  const level = flow.overloaded ? 'is-over' : flow.overloadedAtPeak ? 'is-high' : 'is-ok';
  return (
    <tr className={level} data-stage={flow.nodeId}>
      <th scope="row">
        <NodeLink id={flow.nodeId} name={name} />
      </th>
      <td>
        {formatMBps(flow.inboundMBps)}
        <br />
        <span className="muted">{formatRecordsPerSecond(flow.inboundRecordsPerSecond)}</span>
      </td>
      <td>
        <LimitName limit={limit} />
        {limit.label.includes(' per ') && (
          <>
            <br />
            <span className="muted">{formatLoad(limit.capacity, limit.unit)}</span>
          </>
        )}
      </td>
      <td>
        {formatPercent(flow.utilisation ?? 0)}
        <br />
        <span className="muted">
          {formatPercent(peak)} at {peakFactor}×
        </span>
      </td>
    </tr>
  );
}

function NodeLink({ id, name }: { id: string; name: string }) {
  const store = useAppStore();
  const { fitView } = useReactFlow();
  return (
    <button
      type="button"
      className="link-btn sim-node"
      title="Show on the canvas"
      onClick={() => {
        store.getState().select({ nodeIds: [id], edgeIds: [] });
        void fitView({ nodes: [{ id }], duration: 400, padding: 0.5, maxZoom: 1.25 });
      }}
    >
      {name}
    </button>
  );
}

function SinkItem({ sink, names, requirementText }: { sink: SinkLatency; names: ReadonlyMap<string, string>; requirementText: (id: string) => string }) {
  const over = sink.budgets.some((b) => !b.withinBudget);
  const cp = sink.criticalPath;
  return (
    <li className={`sim-card ${sink.budgets.length ? (over ? 'is-over' : 'is-ok') : ''}`} data-sink={sink.nodeId}>
      <div className="sim-card-head">
        <NodeLink id={sink.nodeId} name={names.get(sink.nodeId) ?? sink.nodeId} />
        <span className="sim-big">{sink.latencyMs !== undefined ? formatMs(sink.latencyMs) : '—'}</span>
      </div>
      {cp ? (
        <>
          <p className="small sim-path" title="Critical path: the slowest of the fastest paths from each source">
            {cp.nodeIds.map((id) => names.get(id) ?? id).join(' → ')}
          </p>
          <p className="small muted">
            Slowest: {names.get(cp.slowestNodeId) ?? cp.slowestNodeId} ({formatMs(cp.slowestNodeMs)})
          </p>
        </>
      ) : (
        <p className="small muted">No source reaches it.</p>
      )}
      {sink.budgets.length > 0 && (
        <ul className="sim-budgets">
          {sink.budgets.map((b) => (
            <li key={b.requirementId} className={b.withinBudget ? 'is-ok' : 'is-over'}>
              <span className={`pill ${b.withinBudget ? 'status-pill-pass' : 'status-pill-fail'}`}>{b.withinBudget ? 'within' : b.latencyMs === undefined ? 'no path' : 'over'}</span>
              <span className="sim-budget-text">
                <span>{requirementText(b.requirementId)}</span>
                <span className="muted">
                  Budget {formatMs(b.maxLatencyMs)} · {b.latencyMs !== undefined ? `${formatMs(b.latencyMs)} through its stages` : 'no path through its stages'}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
