/**
 * A service on the canvas: its AWS Architecture Icon (glyph badge until loaded), label, short name, handles, status mark,
 * and from the simulation a load bar coloured by utilisation and the bottleneck badge.
 */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { CATEGORY_META, type CatalogEntry } from '../domain/catalog.ts';
import type { Severity } from '../domain/scenario.ts';
import { ServiceIcon } from './ServiceIcon.tsx';
import { pageFont, textFits } from './text-fit.ts';
import type { NodeLoad } from './simulation-marks.ts';

export interface ServiceNodeData extends Record<string, unknown> {
  entry: CatalogEntry;
  label: string;
  /** Worst severity of the findings naming this node. */
  severity: Severity | undefined;
  /** Messages of those findings. */
  messages: readonly string[];
  /** The simulated load against the node's capacity; absent for nodes without a capacity limit. */
  load?: NodeLoad | undefined;
}
export type ServiceFlowNode = Node<ServiceNodeData, 'service'>;

export { NODE_HEIGHT, NODE_WIDTH } from '../domain/diagram.ts';

/**
 * Room (CSS px) for the label and sub-text beside the icon: 208 px node less 25 px padding, 2 px border,
 * the 40 px icon and the 10 px gap (app.css `.svc-node`), and 2 px margin for sub-pixel differences.
 */
const TEXT_WIDTH = 129;
/** Whether the label needs its two-line clamp, the sub-text its ellipsis (texts that fit get no clip: see text-fit.ts). */
const labelIsLong = (label: string) => !textFits(label, `600 13px ${pageFont()}`, TEXT_WIDTH, 2);
const subIsLong = (sub: string) => !textFits(sub, `11px ${pageFont()}`, TEXT_WIDTH, 1);

function ServiceNodeView({ data, selected }: NodeProps<ServiceFlowNode>) {
  const { entry, label, severity, messages, load } = data;
  const color = CATEGORY_META[entry.category].color;
  const custom = label !== entry.shortName;
  const sub = custom ? entry.shortName : CATEGORY_META[entry.category].label;
  const status = severity === 'error' ? 'Failing' : severity === 'warning' ? 'Warning' : severity === 'info' ? 'Note' : undefined;
  const description = [`${label} (${entry.name})`, ...(load ? [load.description] : []), ...(status ? [`${status}: ${messages.join(' ')}`] : [])].join('. ');
  return (
    <div
      className={`svc-node${selected ? ' is-selected' : ''}${severity ? ` has-${severity}` : ''}${load ? ` load-${load.level}` : ''}${load?.bottleneck ? ' is-bottleneck' : ''}`}
      style={{ '--cat': color } as React.CSSProperties}
      title={description}
      aria-label={description}
      data-service={entry.id}
    >
      <Handle type="target" position={Position.Left} className="svc-handle" title={`Into ${label}`} />
      <ServiceIcon entry={entry} size={40} />
      <span className="svc-text">
        <span className={`svc-label${labelIsLong(label) ? ' is-long' : ''}`}>{label}</span>
        <span className={`svc-sub${subIsLong(sub) ? ' is-long' : ''}`}>{sub}</span>
      </span>
      {severity && (
        <span className={`svc-status svc-status-${severity}`} aria-hidden="true">
          {severity === 'error' ? '!' : severity === 'warning' ? '!' : 'i'}
        </span>
      )}
      {load && (
        <span className={`svc-load is-${load.level}`} aria-hidden="true">
          <span className="svc-load-fill" style={{ width: `${Math.min(100, Math.max(2, load.utilisation * 100))}%` }} />
        </span>
      )}
      {load?.bottleneck && (
        <span className={`svc-bottleneck is-${load.bottleneck}`} aria-hidden="true" data-testid="bottleneck-badge">
          Bottleneck <strong>{load.badge}</strong>
        </span>
      )}
      <Handle type="source" position={Position.Right} className="svc-handle" title={`Out of ${label}`} />
    </div>
  );
}

export const ServiceNode = memo(ServiceNodeView);
