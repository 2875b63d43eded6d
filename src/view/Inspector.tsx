/** The inspector: settings of the selected node or edge, generated from the catalog's setting specs. */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useEditorUi, useHeldDuringDrag } from './editor-ui.ts';
import { CATEGORY_META, connectionAllowed, settingApplies, withDefaults, type SettingSpec } from '../domain/catalog.ts';
import { EDGE_SETTINGS, type DesignEdge, type DesignNode } from '../domain/design.ts';
import type { Severity } from '../domain/scenario.ts';
import { visibleReport } from '../store/app-store.ts';
import { useApp, useAppStore } from '../store/context.tsx';
import { NodeNoteField } from './practice/NodeNoteField.tsx';
import { IconExternal, IconLink, IconTrash } from './icons.tsx';
import { GroupMembership } from './GroupMembership.tsx';
import { ArrangePanel } from './ArrangePanel.tsx';
import { SettingField } from './SettingField.tsx';
import { ServiceIcon } from './ServiceIcon.tsx';
import { StatusIcon } from './status.tsx';
import { scrollToTop } from './scroll-top.ts';

/**
 * Brings the Inspector to its top for each new selection, or to the setting a finding asked for
 * (scrolled into view, highlighted, focused). Returns the ref for the inspector's root element.
 */
function useInspectorFocus(elementId: string) {
  const ref = useRef<HTMLDivElement>(null);
  const focus = useEditorUi((s) => s.focusSetting);
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    const wanted = focus && (focus.nodeId ?? focus.edgeId) === elementId ? focus : undefined;
    const slot = wanted ? root.querySelector<HTMLElement>(`[data-setting="${CSS.escape(wanted.key)}"]`) : null;
    const panel = root.closest('.tab-panel');
    if (!slot) {
      if (panel) scrollToTop(panel);
      return;
    }
    root.querySelectorAll('.setting-slot.is-highlighted').forEach((el) => el.classList.remove('is-highlighted'));
    slot.classList.add('is-highlighted');
    slot.scrollIntoView?.({ block: 'center' });
    slot.querySelector<HTMLElement>('input, select, textarea, button')?.focus({ preventScroll: true });
  }, [elementId, focus]);
  return ref;
}

/** Shown above an Inspector opened from a finding: the way back to the list. */
function BackToFeedback({ elementId }: { elementId: string }) {
  const store = useAppStore();
  const focus = useEditorUi((s) => s.focusSetting);
  if (!focus || (focus.nodeId ?? focus.edgeId) !== elementId) return null;
  return (
    <button type="button" className="btn btn-quiet btn-small back-to-feedback" onClick={() => store.getState().setRightTab('feedback')}>
      ← Back to feedback
    </button>
  );
}

export function Inspector() {
  // A node dragged into the selection is shown once it is dropped (see useHeldDuringDrag).
  const selection = useHeldDuringDrag(useApp((s) => s.selection));
  const design = useApp((s) => s.design);
  const count = selection.nodeIds.length + selection.edgeIds.length;
  const key = `${selection.nodeIds.join(',')}|${selection.edgeIds.join(',')}`;
  // A new selection starts at the top of the panel (the setting a finding names is handled below).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per new selection, keyed on its ids (`key`, from which `count` and the first ids follow); select() makes a new selection object even for the same ids
  useLayoutEffect(() => {
    const panel = document.getElementById('panel-inspector');
    if (panel && count !== 1) scrollToTop(panel);
    // A finding's request holds for the element it named only.
    const focus = useEditorUi.getState().focusSetting;
    if (focus && !(count === 1 && (selection.nodeIds[0] ?? selection.edgeIds[0]) === (focus.nodeId ?? focus.edgeId))) useEditorUi.getState().showSetting(undefined);
  }, [key, count]);
  if (count === 0)
    return (
      <div className="empty-state">
        <p className="empty-state-title">Nothing selected</p>
        <p>Click a service or a connection on the canvas to see and change its settings.</p>
        <p className="muted small">Keyboard: Tab to a service in the palette and press Enter to add it; it is selected here at once.</p>
      </div>
    );
  if (count > 1) return <MultiSelection count={count} />;
  const node = design.nodes.find((n) => n.id === selection.nodeIds[0]);
  if (node) return <NodeInspector key={node.id} node={node} />;
  const edge = design.edges.find((e) => e.id === selection.edgeIds[0]);
  if (edge) return <EdgeInspector key={edge.id} edge={edge} />;
  return null;
}

function MultiSelection({ count }: { count: number }) {
  const store = useAppStore();
  return (
    <div className="inspector">
      <p>{count} items selected.</p>
      <ArrangePanel />
      <button type="button" className="btn btn-danger" onClick={() => store.getState().deleteSelection()} title="Delete (Delete / Backspace)">
        <IconTrash /> Delete selected
      </button>
    </div>
  );
}

function NodeInspector({ node }: { node: DesignNode }) {
  const store = useAppStore();
  const catalog = useApp((s) => s.content.catalog);
  const design = useApp((s) => s.design);
  const report = useApp(visibleReport);
  const entry = catalog.byId.get(node.service);
  const [target, setTarget] = useState('');
  const ref = useInspectorFocus(node.id);
  const settings = useMemo(() => (entry ? withDefaults(entry, node.settings) : {}), [entry, node.settings]);
  const findings = useMemo(() => report?.results.flatMap((r) => r.findings.filter((f) => f.nodeIds.includes(node.id)).map((f) => ({ ...f, status: r.status }))) ?? [], [report, node.id]);
  if (!entry) return null;
  const labelOf = (id: string) => {
    const n = design.nodes.find((x) => x.id === id);
    return n ? n.label || catalog.byId.get(n.service)?.shortName || n.id : id;
  };
  const outgoing = design.edges.filter((e) => e.source === node.id);
  const incoming = design.edges.filter((e) => e.target === node.id);
  // "Send to" offers only the services the catalog lets this one send to.
  const others = design.nodes.filter((n) => {
    const te = catalog.byId.get(n.service);
    return n.id !== node.id && !outgoing.some((e) => e.target === n.id) && te && !te.group && n.service !== 'text-note' && connectionAllowed(entry, te, catalog).ok;
  });
  const visible = Object.entries(entry.settings).filter(([, spec]) => settingApplies(spec, settings));

  return (
    <div className="inspector" ref={ref} aria-label={`Settings of ${node.label || entry.shortName}`}>
      <BackToFeedback elementId={node.id} />
      <div className="inspector-head" style={{ '--cat': CATEGORY_META[entry.category].color } as React.CSSProperties}>
        <ServiceIcon entry={entry} size={36} />
        <div>
          <h3 className="inspector-title">{entry.name}</h3>
          <p className="muted small">
            {CATEGORY_META[entry.category].label} · id <code>{node.id}</code>
          </p>
        </div>
      </div>
      <p className="inspector-desc">
        {entry.description}{' '}
        <a href={entry.docUrl} target="_blank" rel="noopener noreferrer">
          Docs <IconExternal />
        </a>
      </p>

      <div className="field">
        <label className="field-label" htmlFor={`label-${node.id}`}>
          Label
        </label>
        <LabelInput id={`label-${node.id}`} value={node.label ?? ''} placeholder={entry.shortName} onCommit={(label) => store.getState().dispatch({ type: 'setNodeLabel', nodeId: node.id, label }, { coalesce: `label:${node.id}` })} />
      </div>

      {findings.length > 0 && (
        <section className="inspector-section">
          <h4>Feedback on this service</h4>
          <MiniFindings findings={findings} />
        </section>
      )}

      <section className="inspector-section">
        <h4>Settings</h4>
        {visible.length === 0 && <p className="muted small">This service has no settings to choose.</p>}
        {visible.map(([key, spec]) => (
          <div key={key} className="setting-slot" data-setting={key}>
            <SettingField name={key} spec={spec as SettingSpec} value={settings[key]!} onCommit={(value) => store.getState().dispatch({ type: 'setNodeSetting', nodeId: node.id, key, value }, { coalesce: `setting:${node.id}:${key}` })} />
          </div>
        ))}
      </section>

      <GroupMembership node={node} />

      {!entry.group && entry.id !== 'text-note' && (
        <section className="inspector-section">
          <h4>Connections</h4>
          {outgoing.length + incoming.length === 0 && <p className="muted small">Not connected yet.</p>}
          <ul className="conn-list">
            {incoming.map((e) => (
              <li key={e.id}>
                <span className="muted">from</span> {labelOf(e.source)}
              </li>
            ))}
            {outgoing.map((e) => (
              <li key={e.id}>
                <span className="muted">to</span> {labelOf(e.target)}
              </li>
            ))}
          </ul>
          {others.length > 0 && (
            <form
              className="connect-form"
              onSubmit={(ev) => {
                ev.preventDefault();
                if (target && store.getState().connect(node.id, target)) setTarget('');
              }}
            >
              <label className="field-label" htmlFor={`connect-${node.id}`}>
                Send to
              </label>
              <div className="row">
                <select id={`connect-${node.id}`} value={target} onChange={(e) => setTarget(e.target.value)}>
                  <option value="">Choose a service…</option>
                  {others.map((n) => (
                    <option key={n.id} value={n.id}>
                      {labelOf(n.id)}
                    </option>
                  ))}
                </select>
                <button type="submit" className="btn" disabled={!target}>
                  <IconLink /> Connect
                </button>
              </div>
            </form>
          )}
        </section>
      )}

      <NodeNoteField nodeId={node.id} />

      <button type="button" className="btn btn-danger" onClick={() => store.getState().deleteSelection()} title={entry.group ? 'Delete the group and everything in it (Delete / Backspace; undoable)' : 'Delete (Delete / Backspace)'}>
        <IconTrash /> {entry.group ? 'Delete group and its contents' : 'Delete service'}
      </button>
    </div>
  );
}

function LabelInput({ id, value, placeholder, onCommit }: { id: string; value: string; placeholder: string; onCommit(v: string): void }) {
  const [draft, setDraft] = useState(value);
  const [last, setLast] = useState(value);
  if (value !== last) {
    setLast(value);
    if (draft.trim() !== value.trim()) setDraft(value);
  }
  return (
    <input
      id={id}
      type="text"
      maxLength={200}
      value={draft}
      placeholder={placeholder}
      onChange={(e) => {
        setDraft(e.target.value);
        onCommit(e.target.value);
      }}
    />
  );
}

function EdgeInspector({ edge }: { edge: DesignEdge }) {
  const store = useAppStore();
  const design = useApp((s) => s.design);
  const catalog = useApp((s) => s.content.catalog);
  const report = useApp(visibleReport);
  const name = (id: string) => {
    const n = design.nodes.find((x) => x.id === id);
    return n ? n.label || catalog.byId.get(n.service)?.shortName || id : id;
  };
  const findings = report?.results.flatMap((r) => r.findings.filter((f) => f.edgeIds.includes(edge.id))) ?? [];
  const ref = useInspectorFocus(edge.id);
  const set = (settings: { tls?: boolean; label?: string }, coalesce?: string) => store.getState().dispatch({ type: 'setEdgeSettings', edgeId: edge.id, settings }, coalesce ? { coalesce } : undefined);
  return (
    <div className="inspector" ref={ref} aria-label="Connection settings">
      <BackToFeedback elementId={edge.id} />
      <h3 className="inspector-title">Connection</h3>
      <p className="edge-ends">
        <strong>{name(edge.source)}</strong> <span aria-label="to">→</span> <strong>{name(edge.target)}</strong>
      </p>
      {findings.length > 0 && <MiniFindings findings={findings} />}
      <section className="inspector-section">
        <h4>Settings</h4>
        <div className="setting-slot" data-setting="tls">
          <SettingField name="tls" spec={EDGE_SETTINGS.tls} value={edge.settings?.tls ?? EDGE_SETTINGS.tls.default} onCommit={(v) => set({ tls: v as boolean })} />
        </div>
        <div className="field setting-slot" data-setting="label">
          <label className="field-label" htmlFor={`edge-label-${edge.id}`}>
            {EDGE_SETTINGS.label.label}
          </label>
          <LabelInput id={`edge-label-${edge.id}`} value={edge.settings?.label ?? ''} placeholder="e.g. MQTT telemetry" onCommit={(label) => set({ label: label.slice(0, EDGE_SETTINGS.label.maxLength) }, `edge-label:${edge.id}`)} />
        </div>
      </section>
      <button type="button" className="btn btn-danger" onClick={() => store.getState().deleteSelection()} title="Delete (Delete / Backspace)">
        <IconTrash /> Delete connection
      </button>
    </div>
  );
}

/** The findings on the selected node or connection, one line each with its severity. */
function MiniFindings({ findings }: { findings: readonly { severity: Severity; message: string }[] }) {
  return (
    <ul className="mini-findings">
      {findings.map((f, i) => (
        <li key={i} className={`sev-${f.severity}`}>
          <StatusIcon status="fail" severity={f.severity} />
          <span>{f.message}</span>
        </li>
      ))}
    </ul>
  );
}
