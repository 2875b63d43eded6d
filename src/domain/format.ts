/**
 * The one formatting module: short human-readable forms of numbers (durations, MB/s, records/s,
 * money, sizes), shared by the rules' findings, the canvas, the panels and the CLI so that the same
 * value prints the same everywhere. Decimal units (MB = 10^6 bytes), as the models compute them.
 * Numbers go through cached `Intl.NumberFormat`s (en-US: `12,775.5`), one per precision.
 */

const FIXED_FORMATS = new Map<number, Intl.NumberFormat>();

/** `x` with exactly `digits` decimals and thousands separators (`12,775.0`); `-0` prints as `0`; not finite: `–`. */
export function formatFixed(x: number, digits = 1): string {
  if (!Number.isFinite(x)) return '–';
  let nf = FIXED_FORMATS.get(digits);
  if (!nf) FIXED_FORMATS.set(digits, (nf = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'negative' })));
  return nf.format(x);
}

/** `10.0` → `10`: rates print as the rules print them (at most one decimal, none when whole). */
function trimZero(s: string): string {
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}

/**
 * A data rate given in MB/s: `57.9 MB/s`, `10 MB/s`, `0.96 MB/s`, `12.3 KB/s`, `1.2 GB/s`, `0 MB/s`.
 * @param mbps megabytes (10^6 bytes) per second
 */
export function formatMBps(mbps: number): string {
  const v = Number.isFinite(mbps) ? Math.max(0, mbps) : 0;
  if (v === 0) return '0 MB/s';
  if (v >= 1000) return `${trimZero(formatFixed(v / 1000, 1))} GB/s`;
  if (v >= 1) return `${trimZero(formatFixed(v, 1))} MB/s`;
  if (v >= 0.01) return `${formatFixed(v, 2)} MB/s`;
  return `${trimZero(formatFixed(v * 1000, 1))} KB/s`;
}

/**
 * A daily volume given in GB/day: `5.0 TB/day`, `83.3 GB/day`, `12.0 MB/day`.
 * @param gbPerDay gigabytes (10^9 bytes) per day
 */
export function formatGBPerDay(gbPerDay: number): string {
  const v = Number.isFinite(gbPerDay) ? Math.max(0, gbPerDay) : 0;
  if (v === 0) return '0 GB/day';
  if (v >= 1000) return `${formatFixed(v / 1000, 1)} TB/day`;
  if (v >= 1) return `${formatFixed(v, 1)} GB/day`;
  return `${formatFixed(v * 1000, 1)} MB/day`;
}

/** An amount of data given in TB: `12,775 TB`, `900.0 TB`, `1.25 TB`, `0 TB`. */
export function formatTB(tb: number): string {
  const v = Number.isFinite(tb) ? Math.max(0, tb) : 0;
  if (v === 0) return '0 TB';
  if (v >= 1000) return `${formatFixed(v, 0)} TB`;
  if (v >= 10) return `${formatFixed(v, 1)} TB`;
  return `${formatFixed(v, 2)} TB`;
}

/** A duration given in ms; the same function as `formatDuration` (the panels' name for it). */
export function formatMs(ms: number): string {
  return formatDuration(ms);
}

/** A utilisation ratio as a whole percentage: 5.787 → `579%`, 0.2894 → `29%`. */
export function formatPercent(ratio: number): string {
  return `${formatFixed(Number.isFinite(ratio) ? ratio * 100 : 0, 0)}%`;
}

/**
 * US dollars: `$152,083` for amounts of $100 and more, `$24.73` below, and a compact form
 * (`$14.4M`, `$2.1k`) when `compact` is set (chart axes).
 */
export function formatUsd(usd: number, compact = false): string {
  const v = Number.isFinite(usd) ? usd : 0;
  const a = Math.abs(v);
  const sign = v < 0 ? '-' : '';
  if (compact) {
    if (a >= 1e9) return `${sign}$${formatFixed(a / 1e9, 1)}B`;
    if (a >= 1e6) return `${sign}$${formatFixed(a / 1e6, 1)}M`;
    if (a >= 1e3) return `${sign}$${formatFixed(a / 1e3, 1)}k`;
    return `${sign}$${formatFixed(a, 0)}`;
  }
  return `${sign}$${formatFixed(a, a >= 100 ? 0 : 2)}`;
}

/**
 * A duration in words: `950 ms`, `6.2 s`, `6 s`, `45 s`, `5 min 11 s`, `1 min`, `2 h 5 min`, `25.2 h`,
 * `7 days`. The value is rounded to the unit shown before the unit is chosen, so no form carries over
 * (never `60 s`, `59 min 60 s`, `60 min` or `24 h 0 min`: those print as `1 min`, `1 h`, `24 h`).
 * Steps: whole ms below 1 s, tenths of a second below 10 s, whole seconds below 1 h, whole minutes
 * below 24 h, tenths of an hour below 48 h, tenths of a day from 2 days. Negative or not finite: `0 ms`.
 * @param ms milliseconds
 */
export function formatDuration(ms: number): string {
  const v = Number.isFinite(ms) ? Math.max(0, ms) : 0;
  const wholeMs = Math.round(v);
  if (wholeMs < 1000) return `${wholeMs} ms`;
  const tenthsS = Math.round(v / 100);
  if (tenthsS < 100) return `${formatNumber(tenthsS / 10, 1)} s`;
  const secs = Math.round(v / 1000);
  if (secs < 60) return `${secs} s`;
  if (secs < 3600) return secs % 60 ? `${Math.floor(secs / 60)} min ${secs % 60} s` : `${secs / 60} min`;
  const mins = Math.round(v / 60_000);
  if (mins < 1440) return mins % 60 ? `${Math.floor(mins / 60)} h ${mins % 60} min` : `${mins / 60} h`;
  const tenthsH = Math.round(v / 360_000);
  if (tenthsH < 480) return `${formatNumber(tenthsH / 10, 1)} h`;
  return `${formatNumber(Math.round(v / 8_640_000) / 10, 1)} days`;
}

/** A number with thousands separators and at most `digits` decimals (`57.9`, `2,555`). */
export function formatNumber(value: number, digits = 1): string {
  // Whole numbers (most counts and limits) are only grouped by threes, as en-US formats them: no Intl call.
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return groupThousands(value);
  let nf = NUMBER_FORMATS.get(digits);
  // One cached formatter per precision: building an Intl.NumberFormat per call costs ~50 µs.
  if (!nf) NUMBER_FORMATS.set(digits, (nf = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, signDisplay: 'negative' })));
  return nf.format(value);
}
const NUMBER_FORMATS = new Map<number, Intl.NumberFormat>();

/** A whole number with en-US thousands separators (`-1,234,567`; -0 as `0`, as `signDisplay: 'negative'` does). */
function groupThousands(value: number): string {
  const digits = String(Math.abs(value));
  const sign = value < 0 ? '-' : '';
  if (digits.length <= 3) return sign + digits;
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return sign + out;
}

/**
 * Two durations in words such that unequal values never read as equal: "15 min 0.5 s" against
 * "15 min" rather than "15 min" twice. Adds precision (seconds, then milliseconds) only when needed.
 * @returns `[actual, limit]` as strings
 */
export function formatDurationPair(actualMs: number, limitMs: number): [string, string] {
  let a = formatDuration(actualMs);
  let b = formatDuration(limitMs);
  if (a === b && actualMs !== limitMs) {
    const precise = (ms: number) => (Math.abs(actualMs - limitMs) >= 1000 ? `${formatNumber(ms / 1000, 0)} s` : `${formatNumber(ms, 0)} ms`);
    a = precise(actualMs);
    b = precise(limitMs);
  }
  return [a, b];
}

/**
 * A record rate, compact for labels: `942 rec/s`, `56.5k rec/s`, `1.2M rec/s`; `full` gives
 * `56,514 records/s`.
 */
export function formatRecordsPerSecond(perSecond: number, full = false): string {
  const v = Number.isFinite(perSecond) ? Math.max(0, perSecond) : 0;
  if (full) return `${formatFixed(v, v > 0 && v < 10 ? 2 : 0)} records/s`;
  if (v >= 1e6) return `${trimZero(formatFixed(v / 1e6, 1))}M rec/s`;
  if (v >= 1e4) return `${trimZero(formatFixed(v / 1e3, 1))}k rec/s`;
  return `${formatFixed(v, v > 0 && v < 10 ? 1 : 0)} rec/s`;
}

/** A load in a limit's unit: `174 MB/s`, `300,000 records/s`, `1.2 TB per run`. */
export function formatLoad(value: number, unit: string): string {
  if (unit === 'MB/s') return formatMBps(value);
  if (unit === 'MB/s read') return `${formatMBps(value)} read`;
  if (unit === 'MB per run') return `${formatDataMB(value)} per run`;
  return `${formatNumber(value, value < 10 ? 2 : 0)} ${unit}`;
}

/** An amount of data given in MB: `850 MB`, `1.2 GB`, `3.5 TB`. */
export function formatDataMB(mb: number): string {
  const v = Number.isFinite(mb) ? Math.max(0, mb) : 0;
  if (v >= 1e6) return `${formatNumber(v / 1e6, 1)} TB`;
  if (v >= 1e3) return `${formatNumber(v / 1e3, 1)} GB`;
  return `${formatNumber(v, 0)} MB`;
}

/**
 * The parts as one flat string. Texts kept in the report are joined rather than concatenated: a
 * template literal of pieces stays a tree of them in memory (~0.5 KB for a bill line, held by the
 * tens of thousands in a 10,000-node report and copied by every garbage collection), where joined
 * they are one run of characters.
 */
export function flatText(...parts: string[]): string {
  return parts.join('');
}
