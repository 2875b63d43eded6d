/** React access to the mock-interview room (absent outside a room). */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { RoomState, RoomStore } from '../../store/room-store.ts';

const RoomContext = createContext<RoomStore | null>(null);

export function RoomProvider({ room, children }: { room: RoomStore | undefined; children: ReactNode }) {
  return <RoomContext.Provider value={room ?? null}>{children}</RoomContext.Provider>;
}

/** The room store, or undefined outside a room. */
export function useRoomStore(): RoomStore | undefined {
  return useContext(RoomContext) ?? undefined;
}

const NO_ROOM = createStore<RoomState>(() => ({}) as RoomState);
const nothing = () => undefined;
/** A slice of the room state; undefined outside a room. */
export function useRoom<T>(selector: (s: RoomState) => T): T | undefined {
  const room = useContext(RoomContext);
  return useStore(room ?? NO_ROOM, room ? selector : nothing);
}
