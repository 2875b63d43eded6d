/**
 * The benchmark's baseline: a bare @xyflow/react canvas with default nodes and edges and nothing else
 * (no minimap, background or custom components). The benchmark passes the same node positions, edges,
 * canvas size and viewport as the app's canvas in `window.__BENCH_FLOW` (set by an init script).
 */
import { ReactFlow, useEdgesState, useNodesState, type Edge, type Node, type Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createRoot } from 'react-dom/client';

interface BenchFlow {
  nodes: Node[];
  edges: Edge[];
  /** The app canvas's size in CSS px. */
  width: number;
  height: number;
  viewport: Viewport;
}

const flow: BenchFlow = (window as unknown as { __BENCH_FLOW?: BenchFlow }).__BENCH_FLOW ?? { nodes: [], edges: [], width: 800, height: 600, viewport: { x: 0, y: 0, zoom: 1 } };

function Bare() {
  const [nodes, , onNodesChange] = useNodesState(flow.nodes);
  const [edges, , onEdgesChange] = useEdgesState(flow.edges);
  return (
    <div style={{ width: flow.width, height: flow.height }} data-testid="bare">
      <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} defaultViewport={flow.viewport} minZoom={0.2} maxZoom={2} />
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<Bare />);
