/**
 * A group on the canvas (AWS account, AWS Region, VPC, Availability Zone, data-lake zone), drawn as AWS
 * draws groups: a square-cornered box in the kind's colour, solid or dashed, with the kind's icon in
 * the top-left corner and the caption beside it; drawn behind the services in it. It has no handles (nothing connects to
 * a group) and can be resized with React Flow's NodeResizer when selected; the canvas commits one
 * `resizeNode` when the resize ends.
 */
import { NodeResizer, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { CatalogEntry, Settings } from '../domain/catalog.ts';
import type { Severity } from '../domain/scenario.ts';
import { GROUP_MIN_SIZE } from './groups.ts';
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

/**
 * How AWS draws each group in its Architecture Icons deck (2026-01-30 release): border colour, dashed or
 * solid, and the corner icon (from the catalog's `icon`). AWS account: solid pink; Region: dashed teal;
 * VPC: solid purple; Availability Zone: dashed blue with no icon; other groups: the generic dashed grey.
 */
const KIND_STYLE: Record<string, { color: string; dashed: boolean }> = {
  'aws-account': { color: '#E7157B', dashed: false },
  'aws-region': { color: '#00A4A6', dashed: true },
  'amazon-vpc': { color: '#8C4FFF', dashed: false },
  'availability-zone': { color: '#147EBA', dashed: true },
};
const ZONE_COLOR: Record<string, string> = { bronze: '#B0713A', silver: '#8A96A3', gold: '#C9A227' };

function optionLabel(entry: CatalogEntry, key: string, value: unknown): string | undefined {
  const spec = entry.settings[key];
  if (!spec || spec.type !== 'enum') return undefined;
  return spec.options.find((o) => o.value === value)?.label;
}

/** The group's caption: its kind and the setting that identifies it (region code and name, lake zone, ...). */
export function groupCaption(entry: CatalogEntry, settings: Settings): { kind: string; detail: string | undefined } {
  switch (entry.id) {
    case 'aws-region':
      return { kind: 'AWS Region', detail: optionLabel(entry, 'regionCode', settings.regionCode) ?? String(settings.regionCode ?? '') };
    case 'data-lake-zone':
      return { kind: 'Data lake zone', detail: optionLabel(entry, 'zone', settings.zone) };
    case 'aws-account': {
      const name = String(settings.accountName ?? '').trim();
      return { kind: 'AWS account', detail: [name, optionLabel(entry, 'environment', settings.environment)].filter(Boolean).join(' · ') || undefined };
    }
    case 'availability-zone':
      return { kind: 'Availability Zone', detail: String(settings.zoneName ?? '').trim() || undefined };
    case 'amazon-vpc':
      return { kind: 'VPC', detail: undefined };
    default:
      return { kind: entry.shortName, detail: undefined };
  }
}

/** The colour of a group box. */
export function groupColor(entry: CatalogEntry, settings: Settings): string {
  if (entry.id === 'data-lake-zone') return ZONE_COLOR[String(settings.zone)] ?? '#7D8998';
  return KIND_STYLE[entry.id]?.color ?? '#7D8998';
}

/** Whether AWS draws the group's border dashed (Region, Availability Zone, generic groups). */
export function groupDashed(entry: CatalogEntry): boolean {
  return KIND_STYLE[entry.id]?.dashed ?? true;
}

function GroupNodeView({ data, selected }: NodeProps<GroupFlowNode>) {
  const { entry, label, settings, severity, messages } = data;
  const { kind, detail } = groupCaption(entry, settings);
  const title = label || kind;
  const description = [`${title}${detail ? ` (${detail})` : ''}: group, ${entry.name}`, ...(severity ? [messages.join(' ')] : [])].join('. ');
  return (
    <div
      className={`group-box${groupDashed(entry) ? ' is-dashed' : ''}${entry.icon ? '' : ' no-icon'}${selected ? ' is-selected' : ''}${severity ? ` has-${severity}` : ''}`}
      style={{ '--grp': groupColor(entry, settings) } as React.CSSProperties}
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
