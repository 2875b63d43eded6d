/**
 * Units and guards shared by the simulation models. Decimal units throughout: MB = 10^6 bytes,
 * GB = 10^9 bytes, TB = 10^12 bytes (as AWS prices storage and as the scenarios state volumes);
 * KB in billing increments is 1,024 bytes, as the Kinesis and Firehose pricing pages define it.
 */

/** Hours in a billing month, as AWS pricing examples count them (8,760 h a year / 12). */
export const HOURS_PER_MONTH = 730;
/** Days in a billing month: 730 h / 24 = 30.42 days; 12 of them make a 365-day year exactly. */
export const DAYS_PER_MONTH = HOURS_PER_MONTH / 24;
/** Seconds in a billing month: 730 h x 3,600 s = 2,628,000 s. */
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
/** Days in a simulated year; year `y` ends on day 365 x y. */
export const DAYS_PER_YEAR = 365;
/** GB per day carried by 1 MB/s: 10^6 B/s x 86,400 s / 10^9 B = 86.4. */
export const GB_PER_DAY_PER_MBPS = 86.4;
/** Horizon used when the scenario states none: 7 years. */
export const DEFAULT_HORIZON_DAYS = 2555;
/** Longest horizon simulated (100 years), so month and year series stay bounded. */
export const MAX_HORIZON_DAYS = 36_500;

/** `x` when it is a finite number, else `fallback` (0): no NaN or Infinity leaves the simulation. */
export function finite(x: unknown, fallback = 0): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : fallback;
}

/** `a / b`, or `fallback` when `b` is 0 or the result is not finite. */
export function ratio(a: number, b: number, fallback = 0): number {
  return b === 0 ? fallback : finite(a / b, fallback);
}
