/**
 * Which setting a finding asks to change (pure, no React): the finding's own `setting` when its rule
 * names one, else the setting of the finding's node (or edge) that its message and remediation name:
 * by the setting's label ("Turn on \"Retry failed tasks\""), one of its option labels ("Set its
 * encryption to SSE-KMS (AWS KMS keys)"), or the words of its key (`encryption`, `lifecycle`).
 */
import { withDefaults, type Catalog, type SettingSpec } from '../domain/catalog.ts';
import { EDGE_SETTINGS, type Design } from '../domain/design.ts';
import type { Finding } from '../domain/grade.ts';

/** The element and setting key the Inspector should open at. */
export interface SettingTarget {
  nodeId?: string;
  edgeId?: string;
  key: string;
}

const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2);
const keyWords = (key: string) => words(key.replace(/([a-z])([A-Z])/g, '$1 $2'));
const STOP = new Set(['the', 'and', 'for', 'its', 'set', 'with', 'from', 'this', 'that', 'not', 'all', 'are', 'has', 'each', 'per', 'turn', 'add']);

/**
 * How strongly a text names a setting: label 4, an option label 3, every key word 2, shared label words
 * up to 1; a name mentioned earlier in the text wins a tie by a little (the first fix is the main one).
 */
function score(text: string, key: string, spec: SettingSpec): number {
  const t = text.toLowerCase();
  const tw = new Set(words(text));
  let s = 0;
  const early = (i: number) => 0.5 * (1 - i / Math.max(1, t.length));
  // The label as written, or in the singular ("a lifecycle transition" names "Lifecycle transitions").
  const label = spec.label.toLowerCase();
  const at = spec.label.length >= 4 ? Math.max(t.indexOf(label), label.endsWith('s') ? t.indexOf(label.slice(0, -1)) : -1) : -1;
  if (at >= 0) s = Math.max(s, 4 + early(at));
  if (spec.type === 'enum')
    for (const o of spec.options) {
      const i = o.label.length >= 4 ? t.indexOf(o.label.toLowerCase()) : -1;
      if (i >= 0) s = Math.max(s, 3 + early(i));
    }
  const kw = keyWords(key).filter((w) => !STOP.has(w));
  if (kw.length && kw.every((w) => tw.has(w) || [...tw].some((x) => x.startsWith(w) || w.startsWith(x)))) s = Math.max(s, 2);
  const lw = words(spec.label).filter((w) => !STOP.has(w));
  if (lw.length) s = Math.max(s, lw.filter((w) => tw.has(w)).length / lw.length);
  return s;
}

/**
 * The setting a finding names, on the first node it names (or its first edge).
 * @returns undefined when the finding names no element, or none of its settings well enough (score < 1)
 */
export function findingSetting(finding: Pick<Finding, 'nodeIds' | 'edgeIds' | 'message' | 'remediation' | 'setting'>, design: Design, catalog: Catalog): SettingTarget | undefined {
  // The remediation says what to change: it is read first, so its names come earliest.
  const text = `${finding.remediation} ${finding.message}`;
  const node = finding.nodeIds.map((id) => design.nodes.find((n) => n.id === id)).find((n) => n && Object.keys(catalog.byId.get(n.service)?.settings ?? {}).length);
  const entry = node && catalog.byId.get(node.service);
  if (node && entry) {
    if (finding.setting && entry.settings[finding.setting]) return { nodeId: node.id, key: finding.setting };
    const settings = withDefaults(entry, node.settings);
    let best: { key: string; s: number } | undefined;
    for (const [key, spec] of Object.entries(entry.settings)) {
      const s = score(text, key, spec) + (spec.when && !Object.entries(spec.when).every(([k, v]) => settings[k] === v) ? -0.5 : 0);
      if (s >= 1 && (!best || s > best.s)) best = { key, s };
    }
    if (best) return { nodeId: node.id, key: best.key };
  }
  const edge = finding.edgeIds.map((id) => design.edges.find((e) => e.id === id)).find(Boolean);
  if (edge) {
    if (finding.setting === 'tls' || finding.setting === 'label') return { edgeId: edge.id, key: finding.setting };
    if (score(text, 'tls', EDGE_SETTINGS.tls) >= 1 || /\b(tls|in transit)\b/i.test(text)) return { edgeId: edge.id, key: 'tls' };
  }
  return undefined;
}
