/**
 * Export to draw.io / diagrams.net: a design as a `.drawio` file (one uncompressed page) that draw.io
 * opens as an editable diagram. Pure. Services become `mxgraph.aws4` resource icons (the first shape
 * name drawio-shapes.json lists for the service), groups become AWS group boxes (`grIcon`) holding
 * their members as children, notes become text cells, and connections become connectors bound to
 * their shapes (dashed when not encrypted in transit), with their labels.
 *
 * Every cell is wrapped in an `<object>` carrying Archboard's own data (draw.io shows it under "Edit
 * Data" and keeps it): `archboard-service` (catalog id), `archboard-id` (node or edge id) and
 * `archboard-settings` (the settings as JSON), `archboard-label` (the node's own label, which may equal
 * the service's name). The importer reads these first, so export then import
 * gives back the same design; a diagram edited in draw.io still imports by its shapes.
 *
 * Geometry: the importer doubles draw.io positions (DRAWIO_SCALE), so positions and group sizes are
 * halved here; a service's icon is `ICON` px.
 */
import { CATEGORY_META, type Catalog } from './catalog.ts';
import type { Design, DesignNode } from './design.ts';
import { DEFAULT_GROUP_SIZE } from './diagram.ts';
import table from './drawio-shapes.json';
import { xmlEscape } from './render-svg.ts';

/** Side of an exported service icon (draw.io px). */
export const ICON = 64;

/** The shape name written for each catalog id: the first one listed in the table. */
const SHAPE_OF = new Map<string, string>();
for (const [name, id] of Object.entries(table.shapes)) if (!SHAPE_OF.has(id)) SHAPE_OF.set(id, name);
const GROUP_OF = new Map<string, string>();
for (const [name, id] of Object.entries(table.groups)) if (!GROUP_OF.has(id)) GROUP_OF.set(id, name);

/** Attribute text: XML-escaped, with line breaks kept as character references (a raw one would read back as a space). */
const attrEscape = (v: string) => xmlEscape(v).replace(/\r?\n/g, '&#xa;').replace(/\t/g, '&#x9;');

/** A label for a cell whose style has `html=1`: its text as HTML (line breaks as `<br>`). */
const html = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, '<br>');

/**
 * How draw.io's AWS library (Sidebar-AWS4.js, "AWS / Groups") draws each group kind: the `grIcon` and
 * colours of its palette entry. Public and private subnets share draw.io's `group_security_group` icon
 * and differ by colour (the importer reads them back by colour). Other groups: the table's first name
 * for the kind, in the generic grey.
 */
const GROUP_STYLE: Record<string, string> = {
  'aws-cloud': 'grIcon=mxgraph.aws4.group_aws_cloud_alt;strokeColor=#232F3E;fontColor=#232F3E;fillColor=none;dashed=0;',
  'aws-account': 'grIcon=mxgraph.aws4.group_account;strokeColor=#E7157B;fontColor=#E7157B;fillColor=none;dashed=0;',
  'aws-region': 'grIcon=mxgraph.aws4.group_region;strokeColor=#00A4A6;fontColor=#147EBA;fillColor=none;dashed=1;',
  'amazon-vpc': 'grIcon=mxgraph.aws4.group_vpc2;strokeColor=#8C4FFF;fontColor=#AAB7B8;fillColor=none;dashed=0;',
  'public-subnet': 'grIcon=mxgraph.aws4.group_security_group;grStroke=0;strokeColor=#7AA116;fillColor=#F2F6E8;fontColor=#248814;dashed=0;',
  'private-subnet': 'grIcon=mxgraph.aws4.group_security_group;grStroke=0;strokeColor=#00A4A6;fillColor=#E6F6F7;fontColor=#147EBA;dashed=0;',
};

/**
 * The design as the text of a `.drawio` file.
 * @param scale the factor the importer applies (positions are divided by it; default 2)
 * @param pageName the page's name (default "Archboard design")
 */
export function designToDrawio(design: Design, catalog: Catalog, { scale = 2, pageName = 'Archboard design' }: { scale?: number; pageName?: string } = {}): string {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const cellId = new Map<string, string>();
  design.nodes.forEach((n, i) => cellId.set(n.id, `n${i + 1}`));
  const f = (v: number) => String(Math.round((v / scale) * 1000) / 1000);
  const rows: string[] = ['<mxCell id="0" />', '<mxCell id="1" parent="0" />'];
  const wrap = (id: string, label: string, data: Record<string, string>, cell: string) =>
    `<object id="${id}" label="${attrEscape(label)}"${Object.entries(data)
      .map(([k, v]) => ` ${k}="${attrEscape(v)}"`)
      .join('')}>${cell}</object>`;

  // Groups before members (draw.io needs a parent before its children); the design keeps that order when valid.
  const placed = new Set<string>();
  const ordered: DesignNode[] = [];
  for (const start of design.nodes) {
    const chain: DesignNode[] = [];
    const seen = new Set<string>();
    for (let n: DesignNode | undefined = start; n && !placed.has(n.id) && !seen.has(n.id); n = n.parentId === undefined ? undefined : byId.get(n.parentId)) {
      seen.add(n.id);
      chain.push(n);
    }
    for (let i = chain.length - 1; i >= 0; i--) if (!placed.has(chain[i]!.id)) placed.add(chain[i]!.id), ordered.push(chain[i]!);
  }

  for (const node of ordered) {
    const entry = catalog.byId.get(node.service);
    if (!entry) continue;
    const parentCell = node.parentId !== undefined && placed.has(node.parentId) ? cellId.get(node.parentId)! : '1';
    const data: Record<string, string> = { 'archboard-service': node.service, 'archboard-id': node.id };
    if (node.label !== undefined) data['archboard-label'] = node.label;
    if (node.settings && Object.keys(node.settings).length) data['archboard-settings'] = JSON.stringify(node.settings);
    const x = f(node.position.x);
    const y = f(node.position.y);
    let style: string;
    let w: string;
    let h: string;
    let label = node.label ?? '';
    if (entry.group) {
      const size = node.size ?? DEFAULT_GROUP_SIZE;
      w = f(size.width);
      h = f(size.height);
      const gr = GROUP_OF.get(entry.id);
      const common = 'fontSize=12;fontStyle=0;container=1;collapsible=0;verticalAlign=top;align=left;spacingLeft=30;html=1;whiteSpace=wrap;';
      const own = GROUP_STYLE[entry.id] ?? (gr ? `grIcon=mxgraph.aws4.${gr};strokeColor=#7D8998;fontColor=#5A6B86;fillColor=none;dashed=0;` : undefined);
      style = own
        ? `points=[[0,0],[0.25,0],[0.5,0],[0.75,0],[1,0],[1,0.25],[1,0.5],[1,0.75],[1,1],[0.75,1],[0.5,1],[0.25,1],[0,1],[0,0.75],[0,0.5],[0,0.25]];outlineConnect=0;gradientColor=none;shape=mxgraph.aws4.group;${own}${common}`
        : `rounded=1;arcSize=4;dashed=1;strokeColor=#147EBA;fontColor=#147EBA;fillColor=none;${common}`;
    } else if (node.service === 'text-note') {
      w = f(208);
      h = f(64);
      label = typeof node.settings?.text === 'string' ? node.settings.text : '';
      style = 'text;html=0;whiteSpace=wrap;align=left;verticalAlign=top;spacing=6;fillColor=#fff4b8;strokeColor=#e3cf6a;';
    } else {
      w = String(ICON);
      h = String(ICON);
      const shape = SHAPE_OF.get(entry.id);
      const color = CATEGORY_META[entry.category].color;
      if (!label) label = entry.shortName;
      const labelBelow = 'verticalLabelPosition=bottom;verticalAlign=top;align=center;html=1;whiteSpace=wrap;fontSize=12;fontStyle=0;fontColor=#232F3E;';
      style = shape
        ? `sketch=0;points=[[0,0,0],[0.25,0,0],[0.5,0,0],[0.75,0,0],[1,0,0],[0,1,0],[0.25,1,0],[0.5,1,0],[0.75,1,0],[1,1,0],[0,0.25,0],[0,0.5,0],[0,0.75,0],[1,0.25,0],[1,0.5,0],[1,0.75,0]];outlineConnect=0;gradientColor=none;gradientDirection=north;fillColor=${color};strokeColor=#ffffff;dashed=0;${labelBelow}aspect=fixed;shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.${shape};`
        : `rounded=1;arcSize=12;fillColor=${color};strokeColor=none;${labelBelow}`;
    }
    const cell = `<mxCell style="${xmlEscape(style)}" vertex="1" parent="${parentCell}"><mxGeometry x="${x}" y="${y}" width="${w}" height="${h}" as="geometry" /></mxCell>`;
    rows.push(wrap(cellId.get(node.id)!, node.service === 'text-note' ? label : html(label), data, cell));
  }

  design.edges.forEach((edge, i) => {
    const s = cellId.get(edge.source);
    const t = cellId.get(edge.target);
    if (!s || !t) return;
    const data: Record<string, string> = { 'archboard-id': edge.id };
    if (edge.settings && Object.keys(edge.settings).length) data['archboard-settings'] = JSON.stringify(edge.settings);
    const dashed = edge.settings?.tls === false ? 'dashed=1;' : '';
    const style = `edgeStyle=orthogonalEdgeStyle;rounded=1;orthogonalLoop=1;jettySize=auto;html=1;endArrow=block;endFill=1;strokeColor=#545B64;${dashed}`;
    rows.push(wrap(`e${i + 1}`, html(edge.settings?.label ?? ''), data, `<mxCell style="${style}" edge="1" parent="1" source="${s}" target="${t}"><mxGeometry relative="1" as="geometry" /></mxCell>`));
  });

  return (
    `<mxfile host="Archboard" type="device">\n  <diagram id="archboard" name="${xmlEscape(pageName)}">\n    <mxGraphModel dx="1200" dy="800" grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="0" pageScale="1" math="0" shadow="0">\n      <root>\n        ` +
    rows.join('\n        ') +
    `\n      </root>\n    </mxGraphModel>\n  </diagram>\n</mxfile>\n`
  );
}
