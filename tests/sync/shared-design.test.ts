/**
 * Two stores bound to two Y.Docs that exchange updates as a provider would: edits travel both ways,
 * undo is per person, offline edits merge, and content from elsewhere goes through loadDesign.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sharedMaps } from '../../src/adapters/yjs-design.ts';
import { applyFollowUps, borrowedRequirementId } from '../../src/domain/room.ts';
import { createAppStore, type AppStore } from '../../src/store/app-store.ts';
import { bindSharedDesign } from '../../src/store/shared-design.ts';
import { copyShared, openShared } from '../../src/store/shared-view.ts';
import { content } from '../support/designs.ts';

const SCENARIO = 'iot-5tb-day';
const tick = () => new Promise((r) => setTimeout(r, 0));

/** Two docs wired together; `online` false holds updates until it is true again. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  let online = true;
  const held: [Y.Doc, Uint8Array][] = [];
  const relay = (from: Y.Doc, to: Y.Doc) =>
    from.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === 'relay') return;
      if (online) Y.applyUpdate(to, u, 'relay');
      else held.push([to, u]);
    });
  relay(a, b);
  relay(b, a);
  return {
    a,
    b,
    setOnline(on: boolean) {
      online = on;
      if (on) for (const [to, u] of held.splice(0)) Y.applyUpdate(to, u, 'relay');
    },
  };
}

function store(): AppStore {
  return createAppStore({ content, scenarioId: SCENARIO });
}

const ids = (s: AppStore) =>
  s
    .getState()
    .design.nodes.map((n) => n.id)
    .sort();

describe('shared design binding', () => {
  it('carries edits both ways, and the other side starts from the shared design', async () => {
    const { a, b } = pair();
    const sa = store();
    const sb = store();
    bindSharedDesign(sa, a);
    const kinesis = sa.getState().addService('amazon-kinesis-data-streams', { x: 0, y: 0 })!;
    bindSharedDesign(sb, b);
    expect(ids(sb)).toEqual([kinesis]);
    const s3 = sb.getState().addService('amazon-s3', { x: 300, y: 0 })!;
    await tick();
    expect(ids(sa)).toEqual([kinesis, s3].sort());
    sa.getState().dispatch({ type: 'connect', edge: { id: 'e-1', source: kinesis, target: s3 } });
    await tick();
    expect(sb.getState().design.edges.map((e) => [e.source, e.target])).toEqual([[kinesis, s3]]);
  });

  it('undoes only your own edits', async () => {
    const { a, b } = pair();
    const sa = store();
    const sb = store();
    bindSharedDesign(sa, a);
    bindSharedDesign(sb, b);
    const mine = sa.getState().addService('amazon-kinesis-data-streams', { x: 0, y: 0 })!;
    await tick();
    const theirs = sb.getState().addService('amazon-s3', { x: 300, y: 0 })!;
    await tick();
    sa.getState().undo();
    await tick();
    expect(ids(sa)).toEqual([theirs]);
    expect(ids(sb)).toEqual([theirs]);
    sa.getState().redo();
    await tick();
    expect(ids(sb)).toEqual([mine, theirs].sort());
    expect(sa.getState().sharedHistory?.canRedo).toBe(false);
  });

  it('merges edits made while offline on both sides', async () => {
    const link = pair();
    const sa = store();
    const sb = store();
    bindSharedDesign(sa, link.a);
    bindSharedDesign(sb, link.b);
    const k = sa.getState().addService('amazon-kinesis-data-streams', { x: 0, y: 0 })!;
    await tick();
    link.setOnline(false);
    const s3 = sa.getState().addService('amazon-s3', { x: 300, y: 0 })!;
    sb.getState().dispatch({ type: 'setNodeLabel', nodeId: k, label: 'Telemetry stream' });
    const glue = sb.getState().addService('aws-glue', { x: 0, y: 300 })!;
    await tick();
    expect(ids(sa)).not.toContain(glue);
    link.setOnline(true);
    await tick();
    for (const s of [sa, sb]) {
      expect(ids(s)).toEqual([k, s3, glue].sort());
      expect(s.getState().design.nodes.find((n) => n.id === k)?.label).toBe('Telemetry stream');
    }
  });

  it('does not draw a remote record that would make the design invalid, keeps the last valid version, and reports it', async () => {
    const { a, b } = pair();
    const sa = store();
    const sb = store();
    const reported: string[] = [];
    bindSharedDesign(sa, a, { onProblems: (p) => reported.push(...p.map((x) => `${x.kind} ${x.id}: ${x.message}`)) });
    const k = sa.getState().addService('amazon-kinesis-data-streams', { x: 0, y: 0 })!;
    bindSharedDesign(sb, b);
    await tick();
    const nodes = sharedMaps(b).nodes;
    // A hostile client: an unknown service, a bad setting on an existing node, an edge to nowhere.
    b.transact(() => {
      nodes.set('evil', { id: 'evil', service: 'not-a-service', position: { x: 0, y: 0 } });
      nodes.set(k, { id: k, service: 'amazon-kinesis-data-streams', position: { x: 0, y: 0 }, settings: { shards: -5 } });
      sharedMaps(b).edges.set('e-x', { id: 'e-x', source: k, target: 'nowhere' });
    });
    await tick();
    expect(ids(sa)).toEqual([k]);
    expect(sa.getState().design.nodes[0]!.settings?.shards).toBeUndefined();
    expect(sa.getState().design.edges).toEqual([]);
    expect(reported.some((r) => r.startsWith('node evil'))).toBe(true);
    expect(reported.some((r) => r.startsWith(`node ${k}`))).toBe(true);
    expect(reported.some((r) => r.startsWith('edge e-x'))).toBe(true);
    // The victim keeps editing; its edit of the node repairs the shared record.
    sa.getState().dispatch({ type: 'setNodeLabel', nodeId: k, label: 'ok' });
    expect((sharedMaps(a).nodes.get(k) as { settings?: unknown }).settings).toBeUndefined();
  });

  it('grades the follow-ups: a scaled workload and a requirement borrowed from another scenario', () => {
    const iot = content.scenarios.find((s) => s.scenario.id === SCENARIO)!;
    const other = content.scenarios.find((s) => s.scenario.id !== SCENARIO)!;
    const added = { scenarioId: other.scenario.id, requirementId: other.scenario.requirements[0]!.id };
    const changed = applyFollowUps(iot.scenario, { whatIf: { volumeFactor: 10 }, added: [added] }, content.scenarios);
    expect(changed.workload.ingestGBPerDay).toBe(iot.scenario.workload.ingestGBPerDay * 10);
    expect(changed.requirements.map((r) => r.id)).toContain(borrowedRequirementId(added));
    const s = store();
    s.setState({ followUps: { whatIf: { volumeFactor: 10 }, added: [added] } });
    expect(s.getState().content.scenarios).toContain(iot);
  });
  it('bound while a share link is shown read-only, "Make a copy" then Undo twice gives the own design back', async () => {
    const s = store();
    const mine = s.getState().addService('amazon-redshift', { x: 0, y: 0 })!;
    const shared = { ...s.getState().design, nodes: ['a', 'b', 'c'].map((id, i) => ({ id, service: 'amazon-s3', position: { x: i * 300, y: 0 }, settings: {} })), edges: [] };
    openShared(s, shared);
    // Tab sync binds (and seeds, no other tab answering) while the shared design is on show.
    const binding = bindSharedDesign(s, new Y.Doc(), { seed: false });
    binding.seed();
    copyShared(s);
    expect(ids(s)).toEqual(['a', 'b', 'c']);
    s.getState().select({ nodeIds: ['a'], edgeIds: [] });
    s.getState().deleteSelection();
    expect(ids(s)).toEqual(['b', 'c']);
    s.getState().undo();
    await tick();
    expect(ids(s)).toEqual(['a', 'b', 'c']);
    s.getState().undo();
    await tick();
    expect(ids(s)).toEqual([mine]);
  });
  it('a change to a design of thousands of nodes reaches the other side in a task of its own, and a remote edit meanwhile loses nothing', async () => {
    const { a, b } = pair();
    const sa = store();
    const sb = store();
    bindSharedDesign(sa, a);
    bindSharedDesign(sb, b);
    const many = Array.from({ length: 2500 }, (_, i) => ({ id: `n${i}`, service: 'amazon-s3', position: { x: (i % 50) * 300, y: Math.floor(i / 50) * 200 } }));
    sa.getState().dispatch({ type: 'replace', design: { ...sa.getState().design, nodes: many, edges: [] } });
    // Not written yet: the task that made the change stays short.
    expect(sb.getState().design.nodes).toHaveLength(0);
    // The other side edits before the write: both edits survive on both sides.
    const theirs = sb.getState().addService('amazon-redshift', { x: 0, y: -300 })!;
    await tick();
    await tick();
    expect(ids(sa)).toHaveLength(2501);
    expect(ids(sb)).toEqual(ids(sa));
    expect(ids(sa)).toContain(theirs);
  });
  it('a change of thousands of records is written in steps of one task each; the other side ends with all of it, and Undo takes it back in one step', async () => {
    const { a, b } = pair();
    const sa = store();
    const sb = store();
    bindSharedDesign(sa, a);
    bindSharedDesign(sb, b);
    const nodes = Array.from({ length: 5000 }, (_, i) => ({ id: `n${i}`, service: 'amazon-s3', position: { x: (i % 50) * 300, y: Math.floor(i / 50) * 200 } }));
    const edges = Array.from({ length: 4999 }, (_, i) => ({ id: `e${i}`, source: `n${i}`, target: `n${i + 1}` }));
    let transactions = 0;
    a.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.local) transactions++;
    });
    sa.getState().dispatch({ type: 'replace', design: { ...sa.getState().design, nodes, edges } });
    expect(transactions).toBe(0);
    await tick();
    // The first step has reached the other side (as records, not yet every one).
    expect(transactions).toBe(1);
    const seen = sharedMaps(b).nodes.size + sharedMaps(b).edges.size;
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(nodes.length + edges.length);
    for (let i = 0; i < 10 && sb.getState().design.edges.length < edges.length; i++) await tick();
    expect(transactions).toBeGreaterThan(2);
    expect(ids(sb)).toEqual(ids(sa));
    expect(sb.getState().design.edges).toHaveLength(edges.length);
    // One undo step takes the whole replacement back, on both sides.
    sa.getState().undo();
    await tick();
    expect(sa.getState().design.nodes).toHaveLength(0);
    expect(sb.getState().design.nodes).toHaveLength(0);
  });
});
