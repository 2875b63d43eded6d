/** A service on the canvas: category colour strip, glyph badge, label, short name, handles, status mark. */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { CATEGORY_META, type CatalogEntry } from '../domain/catalog.ts';
import type { Severity } from '../domain/scenario.ts';

export interface ServiceNodeData extends Record<string, unknown> {
  entry: CatalogEntry;
  label: string;
  /** Worst severity of the findings naming this node. */
  severity: Severity | undefined;
  /** Messages of those findings. */
  messages: readonly string[];
}
export type ServiceFlowNode = Node<ServiceNodeData, 'service'>;

export const NODE_WIDTH = 208;
export const NODE_HEIGHT = 64;

function ServiceNodeView({ data, selected }: NodeProps<ServiceFlowNode>) {
  const { entry, label, severity, messages } = data;
  const color = CATEGORY_META[entry.category].color;
  const custom = label !== entry.shortName;
  const status = severity === 'error' ? 'Failing' : severity === 'warning' ? 'Warning' : severity === 'info' ? 'Note' : undefined;
  const description = [`${label} (${entry.name})`, ...(status ? [`${status}: ${messages.join(' ')}`] : [])].join('. ');
  return (
    <div
      className={`svc-node${selected ? ' is-selected' : ''}${severity ? ` has-${severity}` : ''}`}
      style={{ '--cat': color } as React.CSSProperties}
      title={description}
      aria-label={description}
      data-service={entry.id}
    >
      <Handle type="target" position={Position.Left} className="svc-handle" aria-label={`Into ${label}`} />
      <span className="svc-glyph" aria-hidden="true">
        {entry.glyph}
      </span>
      <span className="svc-text">
        <span className="svc-label">{label}</span>
        <span className="svc-sub">{custom ? entry.shortName : CATEGORY_META[entry.category].label}</span>
      </span>
      {severity && (
        <span className={`svc-status svc-status-${severity}`} aria-hidden="true">
          {severity === 'error' ? '!' : severity === 'warning' ? '!' : 'i'}
        </span>
      )}
      <Handle type="source" position={Position.Right} className="svc-handle" aria-label={`Out of ${label}`} />
    </div>
  );
}

export const ServiceNode = memo(ServiceNodeView);
