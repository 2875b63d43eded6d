/**
 * A connection on the canvas: React Flow's smooth-step path, with an HTML label pill (so it can carry
 * a hover title and stay crisp) showing the edge's own label and, when volume labels are on, the
 * simulated volume. Clicking the pill selects the edge. Labels sit under the nodes (never over a
 * handle); on a hop too short to hold a volume pill between two nodes, the pill is lifted above the
 * nodes with a dashed leader down to its edge. Exports do not capture this component: they are drawn from the design (src/domain/render-svg.ts). Memoised: React Flow re-renders it only when
 * its props change, and the canvas keeps `data` stable while nothing shown changed.
 */
import { BaseEdge, getSmoothStepPath, useStore as useFlowStore, type Edge, type EdgeProps, type ReactFlowState } from '@xyflow/react';
import { createContext, memo, useContext, useMemo } from 'react';
import { createPortal } from 'react-dom';
import { useAppStore } from '../store/context.tsx';
import { useEditorUi } from './editor-ui.ts';
import { EdgeLabelEditor } from './EdgeLabelEditor.tsx';
import type { EdgeVolume } from './simulation-marks.ts';
import { routePath, type Pos } from './edge-routes.ts';

/** How far (px) React Flow's port positions may be from a route's ends for the route to be used. */
const ROUTE_SLACK = 14;

/** What the canvas passes to each edge (kept stable while nothing shown changes). */
export interface FlowEdgeData extends Record<string, unknown> {
  /** Encrypted in transit (dashed when not). */
  tls: boolean;
  /** A control connection (keys, metrics, permissions): carries no data. */
  control: boolean;
  /** The learner's label of the connection. */
  label?: string;
  /** The simulated volume, shown only when `showVolume` is set. */
  volume?: EdgeVolume;
  showVolume: boolean;
  /** A route around the nodes (see edge-routes.ts), drawn when its ends are where React Flow puts the ports. */
  route?: readonly Pos[];
}
/** A React Flow edge of the canvas. */
export type ServiceFlowEdge = Edge<FlowEdgeData, 'flow'>;

/** Horizontal room (flow px) a label needs between two nodes; shorter hops lift it. */
const LABEL_ROOM = 84;
/** How far above the edge a lifted label sits: above a 64-px node and its status mark. */
const LIFT = 60;

const domNodeOf = (s: ReactFlowState) => s.domNode;

/** The canvas's edge-label layer, provided once by the canvas (see `useEdgeLabelLayerOf`); null while labels are not drawn (zoomed far out). */
export const EdgeLabelLayer = createContext<HTMLElement | null>(null);

/**
 * React Flow's edge-label layer, found once per canvas (call it in the component that renders
 * `<ReactFlow>`'s children and provide it with `EdgeLabelLayer`). `EdgeLabelRenderer` does the same
 * portal but looks the layer up with `querySelector` in a store selector per labelled edge, and even a
 * cheap per-edge store selector runs on every store update (each pointer move of a drag): one
 * subscription for the canvas instead of one per edge.
 */
export function useEdgeLabelLayerOf(): HTMLElement | null {
  const domNode = useFlowStore(domNodeOf);
  return useMemo(() => domNode?.querySelector<HTMLElement>('.react-flow__edgelabel-renderer') ?? null, [domNode]);
}

function FlowEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, markerStart, style, interactionWidth, data }: EdgeProps<ServiceFlowEdge>) {
  const store = useAppStore();
  const labelLayer = useContext(EdgeLabelLayer);
  // The label editor mounts only on the edge being edited: its store subscriptions are not paid per edge.
  const editing = useEditorUi((s) => s.editing?.kind === 'edge' && s.editing.id === id);
  const route = data?.route;
  const [path, labelX, labelY] = useMemo(() => {
    // A route computed for the nodes where they are now (not mid-drag): follow it.
    const near = (a: Pos | undefined, x: number, y: number) => !!a && Math.abs(a.x - x) <= ROUTE_SLACK && Math.abs(a.y - y) <= ROUTE_SLACK;
    if (route && route.length >= 2 && near(route[0], sourceX, sourceY) && near(route[route.length - 1], targetX, targetY)) {
      const r = routePath(route, { x: sourceX, y: sourceY }, { x: targetX, y: targetY });
      return [r.d, r.label.x, r.label.y] as const;
    }
    return getSmoothStepPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  }, [route, sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition]);
  const label = data?.label;
  const volume = data?.showVolume ? data.volume : undefined;
  const hop = targetX - sourceX;
  const lifted = !!volume && hop >= 0 && hop < LABEL_ROOM && Math.abs(targetY - sourceY) < 96;
  const x = lifted ? (sourceX + targetX) / 2 : labelX;
  const y = lifted ? Math.min(sourceY, targetY) - LIFT : labelY;
  return (
    <>
      <BaseEdge id={id} path={path} {...(markerEnd ? { markerEnd } : {})} {...(markerStart ? { markerStart } : {})} {...(style ? { style } : {})} {...(interactionWidth !== undefined ? { interactionWidth } : {})} />
      {editing && <EdgeLabelEditor id={id} x={labelX} y={labelY} label={label} />}
      {(label || volume) &&
        labelLayer &&
        createPortal(
          <div
            className={`edge-label nodrag nopan${volume ? ' has-volume' : ''}${volume && !label ? ' volume-only' : ''}${lifted ? ' is-lifted' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)`, ...(lifted ? { '--leader': `${LIFT - 15}px` } : {}) } as React.CSSProperties}
            title={volume ? `${label ? `${label}: ` : ''}${volume.title}` : label}
            data-edge-id={id}
            onClick={() => {
              store.getState().select({ nodeIds: [], edgeIds: [id] });
              store.getState().setRightTab('inspector');
            }}
            onDoubleClick={() => !store.getState().readOnly && useEditorUi.getState().edit({ kind: 'edge', id })}
          >
            {label && <span className="edge-label-name">{label}</span>}
            {volume && (
              <span className="edge-volume" aria-label={volume.text}>
                <span className="edge-rate">{volume.rate}</span>
                <span className="edge-daily">{volume.records}</span>
              </span>
            )}
          </div>,
          labelLayer,
        )}
    </>
  );
}

/** The canvas's edge type `flow` (see Canvas.tsx). */
export const FlowEdge = memo(FlowEdgeView);
