/**
 * Analyses cut into several worker messages, so the main thread reads (deserialises) each in a short
 * task of its own: a 10,000-node simulation is ~25 MB, ~150 ms to read as one message. Every array of
 * the simulation (or of an object directly in it) longer than `PART_ITEMS` travels in slices of that
 * many items; the rest follows with those arrays empty. `joinAnalyses` puts them back.
 */
import type { Analyses } from '../store/grading.ts';

/** Items of a long array per part. */
export const PART_ITEMS = 1000;

/** A slice of the array at `path` in the simulation (`['nodes']`, `['cost', 'nodes']`). */
export interface AnalysesPart {
  path: string[];
  items: unknown[];
}

/**
 * Cuts `analyses` into parts (in order) and a shell holding everything else. `analyses` is not changed.
 * @param partItems items per part (at least 1)
 */
export function splitAnalyses(analyses: Analyses, partItems = PART_ITEMS): { parts: AnalysesPart[]; shell: Analyses } {
  const sim = analyses.simulation;
  if (!sim) return { parts: [], shell: analyses };
  const parts: AnalysesPart[] = [];
  const split = (from: Record<string, unknown>, path: string[]): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...from };
    for (const [key, value] of Object.entries(from)) {
      if (Array.isArray(value) && value.length > partItems) {
        for (let i = 0; i < value.length; i += partItems) parts.push({ path: [...path, key], items: value.slice(i, i + partItems) });
        out[key] = [];
      } else if (path.length === 0 && value && typeof value === 'object' && !Array.isArray(value)) out[key] = split(value as Record<string, unknown>, [key]);
    }
    return out;
  };
  const shell = split(sim as unknown as Record<string, unknown>, []) as unknown as Analyses['simulation'];
  return { parts, shell: { ...analyses, simulation: shell } };
}

/** Puts `parts` (in the order `splitAnalyses` made them) back into `shell`, which it changes and returns. */
export function joinAnalyses(shell: Analyses, parts: readonly AnalysesPart[]): Analyses {
  const sim = shell.simulation as unknown as Record<string, unknown> | undefined;
  if (!sim) return shell;
  const filled = new Set<string>();
  for (const { path, items } of parts) {
    const holder = (path.length === 1 ? sim : sim[path[0]!]) as Record<string, unknown[]> | undefined;
    const key = path[path.length - 1]!;
    if (!holder) continue;
    const at = path.join('.');
    if (!filled.has(at)) {
      filled.add(at);
      holder[key] = [];
    }
    for (const item of items) holder[key]!.push(item);
  }
  return shell;
}
