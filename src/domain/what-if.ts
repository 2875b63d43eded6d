/**
 * What-if: the interview follow-up "now the volume grows 10x". A what-if scales a scenario's workload
 * (volume and/or peak factor) and the simulation and grading run on the changed scenario; the scenario
 * file itself is never changed.
 */
import type { Scenario, Workload } from './scenario';

/**
 * A change to the workload. `volumeFactor` multiplies `ingestGBPerDay` (2 = twice the volume);
 * `ingestGBPerDay` sets the volume outright (GB = 10^9 bytes per day) and wins over `volumeFactor`;
 * `peakFactor` replaces the scenario's peak over average ratio (>= 1).
 */
export interface WhatIf {
  volumeFactor?: number;
  ingestGBPerDay?: number;
  peakFactor?: number;
}

/** True when the what-if changes nothing (no field, or factors of 1 and the scenario's own figures). */
export function isNeutralWhatIf(whatIf: WhatIf | undefined): boolean {
  return !whatIf || (whatIf.ingestGBPerDay === undefined && (whatIf.volumeFactor ?? 1) === 1 && whatIf.peakFactor === undefined);
}

/**
 * The workload with the what-if applied. Throws `RangeError` (message names the field) when a figure
 * is not a positive finite number, or `peakFactor` is below 1.
 */
export function applyWhatIfToWorkload(workload: Workload, whatIf: WhatIf | undefined): Workload {
  if (isNeutralWhatIf(whatIf) || !whatIf) return workload;
  const positive = (name: string, v: number | undefined) => {
    if (v !== undefined && !(Number.isFinite(v) && v > 0)) throw new RangeError(`What-if ${name} must be a positive number; got ${String(v)}.`);
  };
  positive('volumeFactor', whatIf.volumeFactor);
  positive('ingestGBPerDay', whatIf.ingestGBPerDay);
  if (whatIf.peakFactor !== undefined && !(Number.isFinite(whatIf.peakFactor) && whatIf.peakFactor >= 1)) {
    throw new RangeError(`What-if peakFactor must be a number of at least 1; got ${String(whatIf.peakFactor)}.`);
  }
  const ingestGBPerDay = whatIf.ingestGBPerDay ?? workload.ingestGBPerDay * (whatIf.volumeFactor ?? 1);
  return { ...workload, ingestGBPerDay, peakFactor: whatIf.peakFactor ?? workload.peakFactor };
}

/** The scenario with its workload changed by the what-if (same object when nothing changes). */
export function applyWhatIf(scenario: Scenario, whatIf: WhatIf | undefined): Scenario {
  if (isNeutralWhatIf(whatIf)) return scenario;
  return { ...scenario, workload: applyWhatIfToWorkload(scenario.workload, whatIf) };
}
