/**
 * A group on the canvas (AWS Cloud, AWS account, AWS Region, VPC, Availability Zone, public and private
 * subnet, data-lake zone), drawn as AWS
 * draws groups: a square-cornered box in the kind's colour, solid or dashed, with the kind's icon in
 * the top-left corner and the caption beside it; drawn behind the services in it. It has no handles (nothing connects to
 * a group) and can be resized with React Flow's NodeResizer when selected; the canvas commits one
 * `resizeNode` when the resize ends.
 */
import { NodeResizer, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { CatalogEntry, Settings } from '../domain/catalog.ts';
import { groupCaption, groupColor, groupDashed, groupFill } from '../domain/diagram.ts';
import type { Severity } from '../domain/scenario.ts';
import { GROUP_MIN_SIZE } from '../domain/groups.ts';
import { ServiceIcon } from './ServiceIcon.tsx';

export interface GroupNodeData extends Record<string, unknown> {
  entry: CatalogEntry;
  /** The user's label, or undefined for the kind's default caption. */
  label: string | undefined;
  /** The group's settings with catalog defaults applied (region code, zone, ...). */
  settings: Settings;
  severity: Severity | undefined;
  messages: readonly string[];
}
export type GroupFlowNode = Node<GroupNodeData, 'group-box'>;

/** Smallest size a group can be resized to (canvas px). */
export const GROUP_MIN = GROUP_MIN_SIZE;

export { groupCaption, groupColor, groupDashed, groupFill };

function GroupNodeView({ data, selected }: NodeProps<GroupFlowNode>) {
  const { entry, label, settings, severity, messages } = data;
  const { kind, detail } = groupCaption(entry, settings);
  const title = label || kind;
  const description = [`${title}${detail ? ` (${detail})` : ''}: group, ${entry.name}`, ...(severity ? [messages.join(' ')] : [])].join('. ');
  return (
    <div
      className={`group-box${groupDashed(entry) ? ' is-dashed' : ''}${groupFill(entry) ? ' is-filled' : ''}${entry.icon ? '' : ' no-icon'}${selected ? ' is-selected' : ''}${severity ? ` has-${severity}` : ''}`}
      style={{ '--grp': groupColor(entry, settings), ...(groupFill(entry) ? { '--grp-fill': groupFill(entry) } : {}) } as React.CSSProperties}
      aria-label={description}
      title={description}
      data-service={entry.id}
      data-group="true"
    >
      <NodeResizer isVisible={selected} minWidth={GROUP_MIN.width} minHeight={GROUP_MIN.height} color="var(--grp)" handleClassName="group-resize-handle" lineClassName="group-resize-line" />
      <div className="group-caption">
        {entry.icon && <ServiceIcon entry={entry} size={32} className="group-icon" />}
        <span className="group-title">{title}</span>
        {detail && <span className="group-detail">{label && label !== kind ? `${kind} · ${detail}` : detail}</span>}
      </div>
    </div>
  );
}

export const GroupNode = memo(GroupNodeView);
