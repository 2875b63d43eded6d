/**
 * Presence on the canvas: the other people's cursors (with their name, in their colour) and an outline
 * around the nodes they have selected; this person's pointer position is sent to them (throttled).
 * Rendered inside React Flow, in flow coordinates (ViewportPortal), so cursors stay on the same spot of
 * the design whatever each person's zoom and pan.
 */
import { useInternalNode, useReactFlow, ViewportPortal } from '@xyflow/react';
import { useEffect } from 'react';
import type { Peer } from '../../store/room-store.ts';
import { useRoom, useRoomStore } from './RoomContext.tsx';

const SEND_EVERY_MS = 40;

export function Presence() {
  const room = useRoomStore();
  const peers = useRoom((s) => s.peers);
  const { screenToFlowPosition } = useReactFlow();
  useEffect(() => {
    if (!room) return;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending: { x: number; y: number } | undefined;
    const send = () => {
      timer = undefined;
      last = Date.now();
      room.getState().setCursor(pending);
    };
    const onMove = (e: PointerEvent) => {
      const pane = (e.target as Element | null)?.closest?.('.react-flow');
      pending = pane ? screenToFlowPosition({ x: e.clientX, y: e.clientY }) : undefined;
      if (timer) return;
      timer = setTimeout(send, Math.max(0, SEND_EVERY_MS - (Date.now() - last)));
    };
    window.addEventListener('pointermove', onMove);
    return () => {
      window.removeEventListener('pointermove', onMove);
      if (timer) clearTimeout(timer);
    };
  }, [room, screenToFlowPosition]);
  if (!room || !peers?.length) return null;
  return (
    <ViewportPortal>
      {peers.map((p) => (
        <PeerMarks key={p.clientId} peer={p} />
      ))}
    </ViewportPortal>
  );
}

function PeerMarks({ peer }: { peer: Peer }) {
  return (
    <>
      {peer.selection.slice(0, 50).map((id) => (
        <SelectionOutline key={id} nodeId={id} colour={peer.colour} name={peer.name} />
      ))}
      {peer.cursor && (
        <div className="peer-cursor" data-testid="peer-cursor" style={{ transform: `translate(${peer.cursor.x}px, ${peer.cursor.y}px)`, ['--peer' as string]: peer.colour }}>
          <svg width="16" height="20" viewBox="0 0 16 20" aria-hidden="true">
            <path d="M1 1l13 9-6 1.2L5 18z" fill="var(--peer)" stroke="#fff" strokeWidth="1.2" />
          </svg>
          <span className="peer-cursor-name">{peer.name}</span>
        </div>
      )}
    </>
  );
}

function SelectionOutline({ nodeId, colour, name }: { nodeId: string; colour: string; name: string }) {
  const node = useInternalNode(nodeId);
  if (!node) return null;
  const { x, y } = node.internals.positionAbsolute;
  const w = node.measured.width ?? 0;
  const h = node.measured.height ?? 0;
  return <div className="peer-selection" data-testid="peer-selection" title={`Selected by ${name}`} style={{ transform: `translate(${x - 4}px, ${y - 4}px)`, width: w + 8, height: h + 8, ['--peer' as string]: colour }} />;
}
