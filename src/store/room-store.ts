/**
 * A mock-interview room on the client: the connection (adapters/room-connection.ts), the design bound
 * to the app store (store/shared-design.ts), and the room's own state in a small store: connection
 * status, the people here (Yjs awareness: name, colour, role, cursor, selection), the control record
 * (shared phase timer, follow-ups, hints revealed to the candidate) and the interviewer's private notes.
 *
 * Follow-ups go into the app store's `followUps`, so the scenario both people read and the grading the
 * interviewer sees change together; revealed hints go into the practice store's hint counts, so the
 * candidate's brief shows them. Everything read from the other side is checked (zod) before use.
 */
import { z } from 'zod';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type * as Y from 'yjs';
import { connectRoom, type ConnectionStatus, type RoomConnection } from '../adapters/room-connection.ts';
import type { SharedProblem } from '../adapters/yjs-design.ts';
import type { PhaseMinutes } from '../domain/interview.ts';
import { parseRoomControl, type AddedRequirement, type RoomControl, type RoomLink, type RoomRole } from '../domain/room.ts';
import type { AppStore } from './app-store.ts';
import type { PracticeStore } from './practice-store.ts';
import { bindSharedDesign, type SharedDesignBinding } from './shared-design.ts';

/** Someone else in the room, as their awareness state says (checked). */
export interface Peer {
  clientId: number;
  name: string;
  colour: string;
  role: RoomRole;
  /** Pointer position in flow coordinates, when over the canvas. */
  cursor?: { x: number; y: number };
  selection: string[];
}

export interface RoomState {
  link: RoomLink;
  role: RoomRole;
  status: ConnectionStatus;
  /** Whether the design has synced with the server at least once. */
  synced: boolean;
  me: { name: string; colour: string };
  peers: Peer[];
  control: RoomControl;
  /** Problems of a control record that failed its check (a faulty client wrote it). */
  controlProblems: string[];
  /** Records from the other side that were not drawn. */
  problems: SharedProblem[];
  /** The interviewer's private notes (always empty for the candidate, who never receives them). */
  notes: string;

  setName(name: string): void;
  setCursor(cursor: { x: number; y: number } | undefined): void;
  startTimer(phaseMinutes: PhaseMinutes): void;
  stopTimer(): void;
  /** Interviewer: scales the workload (1 = as the scenario says). */
  setVolumeFactor(factor: number): void;
  /** Interviewer: adds a requirement of another scenario. */
  addRequirement(added: AddedRequirement): void;
  removeRequirement(added: AddedRequirement): void;
  /** Interviewer: reveals the next hint of a requirement to the candidate. */
  revealHint(requirementId: string): void;
  setNotes(text: string): void;
  leave(): void;
}

export type RoomStore = StoreApi<RoomState> & { connection: RoomConnection; binding: SharedDesignBinding };

/** Colours people get, by client id (all readable on both themes). */
export const PEER_COLOURS = ['#1c7ed6', '#e8590c', '#2f9e44', '#ae3ec9', '#c2255c', '#0c8599', '#5f3dc4', '#e67700'] as const;

const awarenessSchema = z.object({
  user: z.object({ name: z.string().min(1).max(40), colour: z.enum(PEER_COLOURS), role: z.enum(['candidate', 'interviewer']) }),
  cursor: z.object({ x: z.number().finite(), y: z.number().finite() }).nullable().optional(),
  selection: z.array(z.string().max(200)).max(500).optional(),
});

export interface RoomOptions {
  url: string;
  link: RoomLink;
  app: AppStore;
  practice?: PracticeStore;
  /** Node tests pass `ws`. */
  webSocket?: unknown;
  name?: string;
}

/** Joins a room: connects, binds the design, and keeps the room store up to date. */
export function joinRoom({ url, link, app, practice, webSocket, name }: RoomOptions): RoomStore {
  const role: RoomRole = link.key ? 'interviewer' : 'candidate';
  let store!: StoreApi<RoomState>;
  const connection = connectRoom({
    url,
    link,
    ...(webSocket ? { webSocket } : {}),
    onStatus: (status) => store?.setState({ status }),
    onSynced: (channel) => channel === 'design' && store?.setState({ synced: true }),
  });
  const awareness = connection.designProvider.awareness!;
  const colour = PEER_COLOURS[awareness.clientID % PEER_COLOURS.length]!;
  const me = { name: (name ?? '').trim().slice(0, 40) || (role === 'interviewer' ? 'Interviewer' : 'Candidate'), colour };
  awareness.setLocalState({ user: { ...me, role }, cursor: null, selection: [] });

  const controlMap = connection.control.getMap<unknown>('control');
  const notesText = connection.notes?.getText('notes');
  const readControl = () => {
    const r = parseRoomControl(controlMap.toJSON());
    if (r.ok) return { control: r.control, controlProblems: [] };
    return { control: store?.getState().control ?? {}, controlProblems: r.problems.map((p) => `${p.path}: ${p.message}`) };
  };
  const readPeers = (): Peer[] => {
    const out: Peer[] = [];
    awareness.getStates().forEach((state, clientId) => {
      if (clientId === awareness.clientID) return;
      const r = awarenessSchema.safeParse(state);
      if (!r.success) return;
      out.push({ clientId, name: r.data.user.name, colour: r.data.user.colour, role: r.data.user.role, ...(r.data.cursor ? { cursor: r.data.cursor } : {}), selection: r.data.selection ?? [] });
    });
    return out.sort((a, b) => a.clientId - b.clientId);
  };

  const binding = bindSharedDesign(app, connection.design, {
    seed: role === 'interviewer',
    onProblems: (problems) => {
      store?.setState({ problems });
      if (problems.length)
        app.getState().toast(
          'warning',
          `Ignored ${problems.length === 1 ? 'a change' : `${problems.length} changes`} from the other side that would make the design invalid.`,
          problems
            .slice(0, 3)
            .map((p) => `${p.kind} ${p.id}: ${p.message}`)
            .join('; '),
        );
    },
  });

  const mutateControl = (fn: (map: Y.Map<unknown>) => void) => {
    if (role !== 'interviewer') return;
    connection.control.transact(() => fn(controlMap));
  };
  const followUps = () => store.getState().control.followUps ?? { added: [] };

  let unsubscribeSelection: () => void = () => {};
  store = createStore<RoomState>()((set, get) => ({
    link,
    role,
    status: 'connecting',
    synced: false,
    me,
    peers: [],
    ...readControl(),
    problems: binding.problems(),
    notes: notesText?.toString() ?? '',

    setName: (n) => {
      const nameNow = n.trim().slice(0, 40) || get().me.name;
      set({ me: { ...get().me, name: nameNow } });
      awareness.setLocalStateField('user', { name: nameNow, colour, role });
    },
    setCursor: (cursor) => awareness.setLocalStateField('cursor', cursor ? { x: Math.round(cursor.x), y: Math.round(cursor.y) } : null),
    startTimer: (phaseMinutes) => mutateControl((m) => m.set('timer', { startedAt: Date.now(), phaseMinutes })),
    stopTimer: () => mutateControl((m) => m.delete('timer')),
    setVolumeFactor: (factor) =>
      mutateControl((m) => {
        const { whatIf: _old, ...rest } = followUps();
        m.set('followUps', factor === 1 ? rest : { ...rest, whatIf: { volumeFactor: factor } });
      }),
    addRequirement: (added) =>
      mutateControl((m) => {
        const f = followUps();
        if (f.added.some((a) => a.scenarioId === added.scenarioId && a.requirementId === added.requirementId)) return;
        m.set('followUps', { ...f, added: [...f.added, added] });
      }),
    removeRequirement: (added) =>
      mutateControl((m) => {
        const f = followUps();
        m.set('followUps', { ...f, added: f.added.filter((a) => !(a.scenarioId === added.scenarioId && a.requirementId === added.requirementId)) });
      }),
    revealHint: (requirementId) =>
      mutateControl((m) => {
        const hints = { ...(get().control.hints ?? {}) };
        hints[requirementId] = Math.min(3, (hints[requirementId] ?? 0) + 1);
        m.set('hints', hints);
      }),
    setNotes: (text) => {
      if (!notesText) return;
      const old = notesText.toString();
      if (old === text) return;
      // Replace only the changed middle, so concurrent typing elsewhere in the notes survives.
      let start = 0;
      while (start < old.length && start < text.length && old[start] === text[start]) start++;
      let end = 0;
      while (end < old.length - start && end < text.length - start && old[old.length - 1 - end] === text[text.length - 1 - end]) end++;
      connection.notes!.transact(() => {
        notesText.delete(start, old.length - start - end);
        notesText.insert(start, text.slice(start, text.length - end));
      });
      set({ notes: notesText.toString() });
    },
    leave: () => {
      unsubscribeSelection();
      binding.dispose();
      connection.destroy();
      app.setState({ followUps: undefined });
    },
  }));

  const applyControl = () => {
    const next = readControl();
    store.setState(next);
    const f = next.control.followUps;
    app.setState({ followUps: f && (f.whatIf || f.added.length) ? f : undefined });
    if (practice) {
      const notes = practice.getState().notes;
      practice.setState({ notes: { ...notes, hintsUsed: { ...(next.control.hints ?? {}) } } });
    }
  };
  controlMap.observe(applyControl);
  applyControl();
  awareness.on('change', () => store.setState({ peers: readPeers() }));
  notesText?.observe(() => store.setState({ notes: notesText.toString() }));
  // This person's selection, for the others to see.
  unsubscribeSelection = app.subscribe((s, prev) => {
    if (s.selection !== prev.selection) awareness.setLocalStateField('selection', s.selection.nodeIds.slice(0, 500));
  });
  return Object.assign(store, { connection, binding });
}
