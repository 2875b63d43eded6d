/**
 * The simulation's two charts, drawn with recharts: stored TB per storage class at each year end
 * (stacked bars), and the monthly cost per service over the horizon (stacked areas). Loaded lazily by
 * the Simulation tab (this module is its own chunk). Colours are fixed hues readable on both themes;
 * axis and grid colours follow the theme. Animations are off: the charts redraw on every design change.
 */
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { STORAGE_CLASS_NAMES, type StorageClass } from '../domain/catalog.ts';
import { formatFixed, formatTB, formatUsd } from '../domain/simulation.ts';
import type { Theme } from '../store/app-store.ts';

/** One bar of the storage chart: the year's label and TB per storage class. */
export interface StorageRow {
  year: string;
  [storageClass: string]: number | string;
}

/** The cost chart's input: one series of monthly USD per priced service (the sum of its nodes), named with the catalog's service name. */
export interface CostSeries {
  months: number;
  series: { id: string; name: string; monthlyUsd: readonly number[] }[];
}

/** Hot classes warm, cold classes cool. */
const CLASS_COLOURS: Record<StorageClass, string> = {
  STANDARD: '#f08c00',
  INTELLIGENT_TIERING: '#ae3ec9',
  STANDARD_IA: '#2f9e44',
  ONEZONE_IA: '#0ca678',
  GLACIER_IR: '#1c7ed6',
  GLACIER: '#4263eb',
  DEEP_ARCHIVE: '#7048e8',
};
const SERIES_COLOURS = ['#4263eb', '#f08c00', '#0ca678', '#d6336c', '#7048e8', '#1098ad', '#e03131', '#74b816', '#868e96'];

function axisColours(theme: Theme) {
  return theme === 'dark' ? { text: '#9aa4b2', grid: '#29313d', surface: '#1a2029', border: '#3a4452', fg: '#e4e8ee' } : { text: '#5c6778', grid: '#e1e4e8', surface: '#ffffff', border: '#c9ced6', fg: '#1b2230' };
}

function tooltipStyle(theme: Theme) {
  const c = axisColours(theme);
  return {
    contentStyle: { background: c.surface, border: `1px solid ${c.border}`, borderRadius: 6, fontSize: 12, color: c.fg },
    labelStyle: { color: c.fg, fontWeight: 600 },
    itemStyle: { padding: 0 },
  };
}

/** Stacked bars of stored TB per storage class, one bar per year end. */
export function StorageChart({ rows, classes, theme }: { rows: readonly StorageRow[]; classes: readonly StorageClass[]; theme: Theme }) {
  const c = axisColours(theme);
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={rows as StorageRow[]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={c.grid} vertical={false} />
        <XAxis dataKey="year" tick={{ fill: c.text, fontSize: 11 }} tickFormatter={(y: string) => y.replace('Year ', 'Y')} stroke={c.grid} />
        <YAxis tick={{ fill: c.text, fontSize: 11 }} tickFormatter={(v: number) => formatFixed(v, 0)} width={52} stroke={c.grid} unit="" />
        <Tooltip {...tooltipStyle(theme)} cursor={{ fill: c.grid, opacity: 0.5 }} formatter={(v) => formatTB(Number(v))} />
        <Legend wrapperStyle={{ fontSize: 11, color: c.text }} iconSize={10} iconType="square" />
        {classes.map((cls) => (
          <Bar key={cls} dataKey={cls} name={STORAGE_CLASS_NAMES[cls]} stackId="tb" fill={CLASS_COLOURS[cls]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Stacked areas of the monthly cost of each priced service over the horizon. */
export function CostChart({ cost, theme }: { cost: CostSeries; theme: Theme }) {
  const c = axisColours(theme);
  const data = Array.from({ length: cost.months }, (_, m) => {
    const row: Record<string, number> = { month: m + 1 };
    for (const s of cost.series) row[s.id] = s.monthlyUsd[m] ?? 0;
    return row;
  });
  const yearTicks = Array.from({ length: Math.floor(cost.months / 12) }, (_, i) => (i + 1) * 12);
  return (
    <ResponsiveContainer width="100%" height={220}>
      <AreaChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={c.grid} vertical={false} />
        <XAxis
          dataKey="month"
          type="number"
          domain={[1, Math.max(2, cost.months)]}
          ticks={yearTicks.length ? yearTicks : [1]}
          tickFormatter={(m: number) => (m % 12 === 0 ? `Y${m / 12}` : `M${m}`)}
          tick={{ fill: c.text, fontSize: 11 }}
          stroke={c.grid}
        />
        <YAxis tick={{ fill: c.text, fontSize: 11 }} tickFormatter={(v: number) => formatUsd(v, true)} width={52} stroke={c.grid} />
        <Tooltip {...tooltipStyle(theme)} labelFormatter={(m) => `Month ${String(m)}`} formatter={(v) => formatUsd(Number(v))} />
        <Legend wrapperStyle={{ fontSize: 11, color: c.text }} iconSize={10} iconType="square" />
        {cost.series.map((s, i) => {
          const colour = SERIES_COLOURS[i % SERIES_COLOURS.length]!;
          return <Area key={s.id} dataKey={s.id} name={s.name} stackId="usd" type="linear" stroke={colour} fill={colour} fillOpacity={0.55} isAnimationActive={false} />;
        })}
      </AreaChart>
    </ResponsiveContainer>
  );
}
