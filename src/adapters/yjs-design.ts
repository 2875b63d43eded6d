/**
 * The Yjs side of a shared design: how a design document lives in a `Y.Doc`, and the two mappings.
 *
 * Layout (one JSON value per record, merged per record as tldraw's sync does):
 * - map `nodes`: node id → the node as in the design document (`DesignNode` JSON);
 * - map `edges`: edge id → the edge (`DesignEdge` JSON);
 * - map `order`: node or edge id → a number giving its place in the document (drawing order);
 * - map `meta`: `scenarioId`.
 * Two people editing different nodes, edges or the same node at different times all merge; two
 * concurrent edits of one node keep one of the two versions (Yjs picks the same one everywhere).
 *
 * Reading goes through `loadDesign`, as for a file: a record a faulty or hostile client wrote that
 * would make the design invalid (unknown service, bad setting, edge to a missing node, not an object,
 * ...) is not drawn; its last valid version is kept if there was one, and every such record is
 * reported with its id and the problem. The domain never sees Yjs.
 */
import * as Y from 'yjs';
import { parentsFirst } from '../domain/commands.ts';
import type { Catalog } from '../domain/catalog.ts';
import { DESIGN_FORMAT, DESIGN_VERSION, loadDesign, type Design, type DesignEdge, type DesignNode } from '../domain/design.ts';

/** A record of the shared document that was not applied: which (`kind` and `id`), where and why. */
export interface SharedProblem {
  kind: 'node' | 'edge' | 'document';
  id: string;
  path: string;
  message: string;
}

export interface SharedRead {
  design: Design;
  problems: SharedProblem[];
}

/** The Y types of a shared design. */
export function sharedMaps(doc: Y.Doc) {
  return {
    nodes: doc.getMap<unknown>('nodes'),
    edges: doc.getMap<unknown>('edges'),
    order: doc.getMap<unknown>('order'),
    meta: doc.getMap<unknown>('meta'),
  };
}

/** Whether the document holds no design yet (no node, edge or scenario). */
export function isSharedDesignEmpty(doc: Y.Doc): boolean {
  const m = sharedMaps(doc);
  return m.nodes.size === 0 && m.edges.size === 0 && !m.meta.has('scenarioId');
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) && !(v instanceof Y.AbstractType);
const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const sameJson = (a: unknown, b: unknown): boolean => {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
};

/** Most records loaded in one design (beyond `loadDesign`'s own limits nothing more is read). */
const MAX_RECORDS = 50_000;

/**
 * A reader and writer of one shared document. It remembers which design object came from which record
 * so that unchanged nodes keep their identity across reads (React Flow re-renders only what changed).
 */
export interface SharedDesignCodec {
  /**
   * The design the document holds, through `loadDesign`.
   * @param fallback the design last shown: records that are invalid now keep their version from it
   * @param scenarioId the scenario the design belongs to (the document's `meta.scenarioId` otherwise)
   */
  read(doc: Y.Doc, fallback: Design, scenarioId?: string): SharedRead;
  /**
   * Writes the change from `prev` to `next` (both designs as the store held them) as one transaction:
   * only records that changed are set or deleted, so concurrent edits of other records survive.
   */
  write(doc: Y.Doc, prev: Design, next: Design, origin: unknown): void;
  /**
   * The same change written in steps: each call of the returned function writes at most
   * `recordsPerStep` changed records in one transaction and returns whether the change is complete
   * (so a big change can be spread over several tasks). Run the steps before any other write or read.
   */
  writer(doc: Y.Doc, prev: Design, next: Design, origin: unknown, recordsPerStep: number): () => boolean;
}

interface Cached<T> {
  src: unknown;
  value: T;
}

export function createSharedDesignCodec(catalog: Catalog): SharedDesignCodec {
  const nodeCache = new Map<string, Cached<DesignNode>>();
  const edgeCache = new Map<string, Cached<DesignEdge>>();

  function read(doc: Y.Doc, fallback: Design, scenarioId?: string): SharedRead {
    const m = sharedMaps(doc);
    const problems: SharedProblem[] = [];
    const metaScenario = m.meta.get('scenarioId');
    const sid = scenarioId ?? (typeof metaScenario === 'string' && metaScenario ? metaScenario : fallback.scenarioId);
    const fbNodes = new Map(fallback.nodes.map((n) => [n.id, n]));
    const fbEdges = new Map(fallback.edges.map((e) => [e.id, e]));
    const orderOf = (id: string) => {
      const o = m.order.get(id);
      return typeof o === 'number' && Number.isFinite(o) ? o : Number.MAX_SAFE_INTEGER;
    };
    type Entry = { id: string; value: unknown; src: unknown; fromFallback: boolean };
    const collect = (map: Y.Map<unknown>, kind: 'node' | 'edge', fb: Map<string, unknown>): Entry[] => {
      const out: Entry[] = [];
      for (const [id, v] of map.entries()) {
        if (out.length >= MAX_RECORDS) break;
        if (isRecord(v) && v.id === id) out.push({ id, value: v, src: v, fromFallback: false });
        else {
          problems.push({ kind, id, path: `${kind}s.${id}`, message: isRecord(v) ? `the record's id ${JSON.stringify(v.id)} differs from its key` : `expected a ${kind} object` });
          if (fb.has(id)) out.push({ id, value: fb.get(id), src: undefined, fromFallback: true });
        }
      }
      return out.sort((a, b) => orderOf(a.id) - orderOf(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    };
    let nodes = collect(m.nodes, 'node', fbNodes);
    let edges = collect(m.edges, 'edge', fbEdges);

    for (let attempt = 0; attempt < 8; attempt++) {
      const candidate = { format: DESIGN_FORMAT, version: DESIGN_VERSION, ...(sid ? { scenarioId: sid } : {}), nodes: nodes.map((e) => e.value), edges: edges.map((e) => e.value) };
      const result = loadDesign(candidate, catalog);
      if (result.ok) {
        const design = reuse(result.design, nodes, edges);
        return { design, problems };
      }
      const badNodes = new Map<number, string>();
      const badEdges = new Map<number, string>();
      for (const p of result.problems) {
        const n = /^\$\.nodes\[(\d+)\]/.exec(p.path);
        const e = /^\$\.edges\[(\d+)\]/.exec(p.path);
        if (n) badNodes.set(Number(n[1]), badNodes.get(Number(n[1])) ?? `${p.path.replace(/^\$\.nodes\[\d+\]\.?/, '') || 'node'}: ${p.message}`);
        else if (e) badEdges.set(Number(e[1]), badEdges.get(Number(e[1])) ?? `${p.path.replace(/^\$\.edges\[\d+\]\.?/, '') || 'edge'}: ${p.message}`);
        else {
          problems.push({ kind: 'document', id: '', path: p.path, message: p.message });
          return { design: fallback, problems };
        }
      }
      const repair = (entries: Entry[], bad: Map<number, string>, kind: 'node' | 'edge', fb: Map<string, unknown>): Entry[] =>
        entries.flatMap((entry, i) => {
          const why = bad.get(i);
          if (why === undefined) return [entry];
          if (!entry.fromFallback) problems.push({ kind, id: entry.id, path: `${kind}s.${entry.id}`, message: why });
          // Keep what was shown before, once; a record still invalid in its old version is left out.
          return !entry.fromFallback && fb.has(entry.id) ? [{ id: entry.id, value: fb.get(entry.id), src: undefined, fromFallback: true }] : [];
        });
      nodes = repair(nodes, badNodes, 'node', fbNodes);
      edges = repair(edges, badEdges, 'edge', fbEdges);
    }
    problems.push({ kind: 'document', id: '', path: '$', message: 'the shared design could not be made valid; showing the last valid one' });
    return { design: fallback, problems };
  }

  /** The loaded design with node and edge objects reused where their record did not change. */
  function reuse(loaded: Design, nodes: { id: string; src: unknown; value: unknown; fromFallback: boolean }[], edges: { id: string; src: unknown; value: unknown; fromFallback: boolean }[]): Design {
    const outNodes = loaded.nodes.map((n, i) => {
      const entry = nodes[i]!;
      if (entry.fromFallback) return entry.value as DesignNode;
      const c = nodeCache.get(n.id);
      if (c && c.src === entry.src) return c.value;
      nodeCache.set(n.id, { src: entry.src, value: n });
      return n;
    });
    const outEdges = loaded.edges.map((e, i) => {
      const entry = edges[i]!;
      if (entry.fromFallback) return entry.value as DesignEdge;
      const c = edgeCache.get(e.id);
      if (c && c.src === entry.src) return c.value;
      edgeCache.set(e.id, { src: entry.src, value: e });
      return e;
    });
    return { ...loaded, nodes: parentsFirst(outNodes), edges: outEdges };
  }

  function write(doc: Y.Doc, prev: Design, next: Design, origin: unknown): void {
    if (prev !== next) writer(doc, prev, next, origin, Number.POSITIVE_INFINITY)();
  }

  function writer(doc: Y.Doc, prev: Design, next: Design, origin: unknown, recordsPerStep: number): () => boolean {
    const m = sharedMaps(doc);
    // Nodes, then edges: each list's sets in order, then its deletions; the scenario last.
    const lists = [
      { map: m.nodes, before: prev.nodes as readonly { id: string }[], after: next.nodes as readonly { id: string }[], cache: nodeCache as Map<string, Cached<{ id: string }>> },
      { map: m.edges, before: prev.edges, after: next.edges, cache: edgeCache as Map<string, Cached<{ id: string }>> },
    ];
    let list = 0;
    let index = 0;
    let deleting = false;
    let old: Map<string, { id: string }> | undefined;
    let ids: Set<string> | undefined;
    return () => {
      doc.transact(() => {
        let top: number | undefined;
        const nextOrder = () => {
          if (top === undefined) {
            top = 0;
            for (const v of m.order.values()) if (typeof v === 'number' && Number.isFinite(v) && v > top) top = v;
          }
          return ++top;
        };
        let budget = recordsPerStep;
        while (list < lists.length && budget > 0) {
          const { map, before, after, cache } = lists[list]!;
          if (before === after) {
            list++;
            continue;
          }
          old ??= new Map(before.map((x) => [x.id, x]));
          ids ??= new Set();
          if (!deleting) {
            for (; index < after.length && budget > 0; index++) {
              const x = after[index]!;
              ids.add(x.id);
              if (old.get(x.id) === x) continue; // unchanged here (a record deleted by someone else stays deleted)
              budget--;
              const value = json(x);
              if (!m.order.has(x.id)) m.order.set(x.id, nextOrder());
              if (!sameJson(map.get(x.id), value)) map.set(x.id, value);
              cache.set(x.id, { src: map.get(x.id), value: x });
            }
            if (index < after.length) break;
            deleting = true;
            index = 0;
          }
          for (; index < before.length && budget > 0; index++) {
            const x = before[index]!;
            if (ids.has(x.id)) continue;
            budget--;
            map.delete(x.id);
            m.order.delete(x.id);
            cache.delete(x.id);
          }
          if (index < before.length) break;
          list++;
          index = 0;
          deleting = false;
          old = undefined;
          ids = undefined;
        }
        if (list === lists.length && next.scenarioId && m.meta.get('scenarioId') !== next.scenarioId) m.meta.set('scenarioId', next.scenarioId);
      }, origin);
      return list === lists.length;
    };
  }

  return { read, write, writer };
}
