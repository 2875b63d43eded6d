/**
 * Palette search that ranks (pure, no React): what a learner types is matched against each catalog
 * entry's names first, then the words of its name, then its description, so typing a service's name
 * or its usual abbreviation and pressing Enter adds that service.
 *
 * Tiers, best first:
 *  0. exact: the query is the entry's name, its name without "Amazon"/"AWS", its short name, its glyph
 *     or one of its aliases (`s3`, `ddb`, `kds`, `msk`, `flink`, `emr`, `sfn`);
 *  1. prefix: one of those starts with the query (`athe`, `kinesis d`);
 *  2. words: every query word starts a word of the name, short name or an alias (`data streams`);
 *  3. substring of the name, short name or an alias;
 *  4. every query word appears in the description.
 * Letters are compared without case, and without spaces and punctuation for tiers 0 and 1 (`dynamo db`
 * finds DynamoDB, `xray` finds X-Ray). Within a tier, the shorter matching name wins, then catalog order.
 */
import type { CatalogEntry } from '../domain/catalog.ts';

/** An entry with its rank tier (0 = best) for a query. */
export interface SearchHit {
  entry: CatalogEntry;
  tier: 0 | 1 | 2 | 3 | 4;
}

const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
const compact = (s: string) => words(s).join('');
const VENDOR = /^(amazon|aws)\s+/i;

function names(e: CatalogEntry): string[] {
  return [e.name, e.name.replace(VENDOR, ''), e.shortName, e.glyph, ...e.aliases];
}

/** The tier of one entry for a query, with the length of the best matching name; undefined when it does not match. */
function rank(e: CatalogEntry, query: string): { tier: SearchHit['tier']; length: number } | undefined {
  const q = compact(query);
  const qWords = words(query);
  if (!q) return undefined;
  const all = names(e);
  let best: { tier: SearchHit['tier']; length: number } | undefined;
  const consider = (tier: SearchHit['tier'], length: number) => {
    if (!best || tier < best.tier || (tier === best.tier && length < best.length)) best = { tier, length };
  };
  for (const n of all) {
    const c = compact(n);
    if (c === q) consider(0, c.length);
    else if (c.startsWith(q)) consider(1, c.length);
  }
  if (best) return best;
  for (const n of all) {
    const nw = words(n);
    if (qWords.every((w) => nw.some((x) => x.startsWith(w)))) consider(2, compact(n).length);
  }
  if (best) return best;
  const lq = query.trim().toLowerCase();
  for (const n of all) if (n.toLowerCase().includes(lq) || compact(n).includes(q)) consider(3, compact(n).length);
  if (best) return best;
  const desc = words(e.description);
  if (qWords.every((w) => desc.some((x) => x.startsWith(w)))) return { tier: 4, length: compact(e.name).length };
  return undefined;
}

/**
 * The entries matching a query, best first (see the tiers above). An empty query returns every entry
 * in catalog order, all at tier 0.
 */
export function searchCatalog(entries: readonly CatalogEntry[], query: string): SearchHit[] {
  if (!compact(query)) return entries.map((entry) => ({ entry, tier: 0 }));
  const hits: { entry: CatalogEntry; tier: SearchHit['tier']; length: number; index: number }[] = [];
  entries.forEach((entry, index) => {
    const r = rank(entry, query);
    if (r) hits.push({ entry, ...r, index });
  });
  hits.sort((a, b) => a.tier - b.tier || a.length - b.length || a.index - b.index);
  return hits.map(({ entry, tier }) => ({ entry, tier }));
}
