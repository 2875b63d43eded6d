/**
 * A connection to a room on the sync server: one WebSocket (Hocuspocus' provider websocket) carrying the
 * room's documents (see src/domain/room.ts): the design (with awareness: cursors, selection, names),
 * the control record and, for the interviewer, the private notes. Works in browsers and in Node (pass
 * `WebSocket` from `ws` as `webSocket`). The provider keeps every local edit while offline and merges
 * on reconnect (Yjs sync step 1/2).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { roomDocumentName, type RoomLink, type RoomRole } from '../domain/room.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected' | 'refused';

export interface RoomConnectionOptions {
  /** The sync server, `ws://host:port` or `wss://...`. */
  url: string;
  link: RoomLink;
  /** A WebSocket class (Node: `ws`); the browser's by default. */
  webSocket?: unknown;
  /** Called when the connection's status changes. */
  onStatus?: (status: ConnectionStatus) => void;
  /** Called once each document has had its first sync with the server. */
  onSynced?: (channel: 'design' | 'control' | 'interviewer') => void;
}

export interface RoomConnection {
  readonly role: RoomRole;
  readonly design: Y.Doc;
  readonly control: Y.Doc;
  /** The interviewer's private notes; undefined on the candidate's side (never requested). */
  readonly notes: Y.Doc | undefined;
  readonly designProvider: HocuspocusProvider;
  readonly socket: HocuspocusProviderWebsocket;
  /** Whether every local change has reached the server. */
  hasUnsyncedChanges(): boolean;
  destroy(): void;
}

/** Token the candidate sends: not a key, so the server gives the candidate role. */
const CANDIDATE_TOKEN = 'candidate';

/** Opens a room connection (connects at once, reconnects by itself). */
export function connectRoom(options: RoomConnectionOptions): RoomConnection {
  const { link } = options;
  const role: RoomRole = link.key ? 'interviewer' : 'candidate';
  const token = link.key ?? CANDIDATE_TOKEN;
  const socket = new HocuspocusProviderWebsocket({
    url: options.url,
    ...(options.webSocket ? { WebSocketPolyfill: options.webSocket } : {}),
    // Reconnect quickly after a server restart (1 s, then up to 5 s apart).
    delay: 250,
    factor: 1.5,
    maxDelay: 5000,
    minDelay: 250,
    maxAttempts: 0,
  });
  const design = new Y.Doc();
  const control = new Y.Doc();
  const notes = role === 'interviewer' ? new Y.Doc() : undefined;
  let refused = false;
  const provider = (doc: Y.Doc, channel: 'design' | 'control' | 'interviewer', awareness: boolean) => {
    const p = new HocuspocusProvider({
      websocketProvider: socket,
      name: roomDocumentName(link.roomId, channel),
      document: doc,
      token,
      ...(awareness ? {} : { awareness: null }),
      onSynced: () => options.onSynced?.(channel),
      onAuthenticationFailed: () => {
        refused = true;
        options.onStatus?.('refused');
      },
    });
    p.attach();
    return p;
  };
  const designProvider = provider(design, 'design', true);
  const others = [provider(control, 'control', false), ...(notes ? [provider(notes, 'interviewer', false)] : [])];
  socket.on('status', ({ status }: { status: WebSocketStatus }) => {
    if (refused) return;
    options.onStatus?.(status === WebSocketStatus.Connected ? 'connected' : status === WebSocketStatus.Connecting ? 'connecting' : 'disconnected');
  });
  return {
    role,
    design,
    control,
    notes,
    designProvider,
    socket,
    hasUnsyncedChanges: () => designProvider.hasUnsyncedChanges || others.some((p) => p.hasUnsyncedChanges),
    destroy() {
      for (const p of [designProvider, ...others]) p.destroy();
      socket.destroy();
      design.destroy();
      control.destroy();
      notes?.destroy();
    },
  };
}
