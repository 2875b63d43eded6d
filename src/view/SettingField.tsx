/**
 * One form control generated from a catalog setting spec. A value is committed (as a command, through
 * `onCommit`) only when it is valid for the spec; otherwise the field shows an inline error.
 */
import { useEffect, useId, useState } from 'react';
import { settingValueSchema, STORAGE_CLASSES, STORAGE_CLASS_NAMES, type LifecycleTransition, type SettingSpec, type SettingValue, type StorageClass } from '../domain/catalog.ts';
import { IconPlus, IconX } from './icons.tsx';

interface Props {
  name: string;
  spec: SettingSpec;
  value: SettingValue;
  onCommit(value: SettingValue): void;
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function check(spec: SettingSpec, value: SettingValue): string | undefined {
  const r = settingValueSchema(spec).safeParse(value);
  return r.success ? undefined : (r.error.issues[0]?.message ?? 'invalid value');
}

export function SettingField({ name, spec, value, onCommit }: Props) {
  const id = useId();
  const helpId = `${id}-help`;
  const errId = `${id}-err`;
  const [error, setError] = useState<string>();
  const describedBy = [spec.help ? helpId : '', error ? errId : ''].filter(Boolean).join(' ') || undefined;
  const commit = (v: SettingValue) => {
    const problem = check(spec, v);
    setError(problem);
    if (!problem) onCommit(v);
  };

  let control: React.ReactNode;
  switch (spec.type) {
    case 'enum':
      control = (
        <select id={id} name={name} value={String(value)} onChange={(e) => commit(e.target.value)} aria-describedby={describedBy}>
          {spec.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
      break;
    case 'boolean':
      return (
        <div className="field field-check">
          <input id={id} name={name} type="checkbox" checked={value === true} onChange={(e) => commit(e.target.checked)} aria-describedby={describedBy} />
          <label htmlFor={id}>{spec.label}</label>
          {spec.help && (
            <p className="field-help" id={helpId}>
              {spec.help}
            </p>
          )}
        </div>
      );
    case 'integer':
      control = (
        <IntegerInput
          id={id}
          name={name}
          spec={spec}
          value={value as number}
          describedBy={describedBy}
          invalid={!!error}
          onDraft={(text) => {
            const n = text.trim() === '' ? NaN : Number(text);
            if (!Number.isFinite(n) || !Number.isInteger(n)) return setError(text.trim() === '' ? 'enter a whole number' : 'expected a whole number');
            if (n < spec.min || n > spec.max) return setError(`must be between ${spec.min.toLocaleString('en-US')} and ${spec.max.toLocaleString('en-US')}`);
            commit(n);
          }}
        />
      );
      break;
    case 'string':
      control = <TextInput id={id} name={name} value={value as string} maxLength={spec.maxLength} describedBy={describedBy} invalid={!!error} onDraft={(t) => commit(t)} />;
      break;
    case 'string-list':
      control = (
        <TextInput id={id} name={name} value={(value as string[]).join(', ')} describedBy={describedBy} invalid={!!error} placeholder="comma-separated" same={(d, v) => splitList(d).join(', ') === v} onDraft={(t) => commit(splitList(t))} />
      );
      break;
    case 'lifecycle-transitions':
      control = <LifecycleEditor id={id} value={value as LifecycleTransition[]} onCommit={commit} onError={setError} />;
      break;
  }
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {spec.label}
        {spec.type === 'integer' && spec.unit ? <span className="muted"> ({spec.unit})</span> : null}
      </label>
      {control}
      {spec.help && (
        <p className="field-help" id={helpId}>
          {spec.help}
        </p>
      )}
      {error && (
        <p className="field-error" id={errId} role="alert">
          {error} — not applied
        </p>
      )}
    </div>
  );
}

/** Text kept locally while typed; each valid draft is committed, an invalid one only shows the error. */
function useDraft(value: string, same: (draft: string, value: string) => boolean = (a, b) => a === b): [string, (v: string) => void] {
  const [draft, setDraft] = useState(value);
  const [last, setLast] = useState(value);
  if (value !== last) {
    // The stored value changed: show it, unless it is what the draft already says (typing "a, b," must
    // not lose its trailing comma when "a, b" is committed).
    setLast(value);
    if (!same(draft, value)) setDraft(value);
  }
  return [draft, setDraft];
}

function IntegerInput({
  id,
  name,
  spec,
  value,
  describedBy,
  invalid,
  onDraft,
}: {
  id: string;
  name: string;
  spec: Extract<SettingSpec, { type: 'integer' }>;
  value: number;
  describedBy: string | undefined;
  invalid: boolean;
  onDraft(text: string): void;
}) {
  const [draft, setDraft] = useDraft(String(value), (d, v) => d.trim() !== '' && Number(d) === Number(v));
  return (
    <input
      id={id}
      name={name}
      type="number"
      inputMode="numeric"
      min={spec.min}
      max={spec.max}
      step={1}
      value={draft}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(e) => {
        setDraft(e.target.value);
        onDraft(e.target.value);
      }}
    />
  );
}

function TextInput({
  id,
  name,
  value,
  maxLength,
  describedBy,
  invalid,
  placeholder,
  onDraft,
  same,
}: {
  id: string;
  name: string;
  value: string;
  maxLength?: number;
  describedBy: string | undefined;
  invalid: boolean;
  placeholder?: string;
  onDraft(text: string): void;
  same?: (draft: string, value: string) => boolean;
}) {
  const [draft, setDraft] = useDraft(value, same);
  // Long text (a note's text) gets a multi-line box.
  const props = {
    id,
    name,
    value: draft,
    maxLength,
    placeholder,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    onChange: (e: { target: { value: string } }) => {
      setDraft(e.target.value);
      onDraft(e.target.value);
    },
  };
  // Long texts (notes) get a multi-line box.
  return maxLength !== undefined && maxLength > 200 ? <textarea rows={5} {...props} /> : <input type="text" {...props} />;
}

interface Row {
  days: string;
  storageClass: StorageClass;
}

const toRows = (v: LifecycleTransition[]): Row[] => v.map((t) => ({ days: String(t.days), storageClass: t.storageClass }));

function LifecycleEditor({ id, value, onCommit, onError }: { id: string; value: LifecycleTransition[]; onCommit(v: LifecycleTransition[]): void; onError(e: string | undefined): void }) {
  const [rows, setRows] = useState<Row[]>(() => toRows(value));
  // Rows follow the value's content, not its identity: an equal new array keeps the rows being edited.
  const key = JSON.stringify(value);
  useEffect(() => setRows(toRows(JSON.parse(key) as LifecycleTransition[])), [key]);
  const update = (next: Row[]) => {
    setRows(next);
    const bad = next.findIndex((r) => !/^\d+$/.test(r.days.trim()) || Number(r.days) > 36500);
    if (bad >= 0) return onError(`row ${bad + 1}: days must be a whole number from 0 to 36,500`);
    onError(undefined);
    onCommit(next.map((r) => ({ days: Number(r.days), storageClass: r.storageClass })));
  };
  return (
    <div className="lifecycle" id={id} role="group">
      {rows.length === 0 && <p className="muted small">No transitions: objects stay in their storage class.</p>}
      {rows.map((r, i) => (
        <div className="lifecycle-row" key={i}>
          <label className="visually-hidden" htmlFor={`${id}-d${i}`}>
            Transition {i + 1}: after days
          </label>
          <span className="muted small">after</span>
          <input id={`${id}-d${i}`} type="number" min={0} max={36500} step={1} value={r.days} onChange={(e) => update(rows.map((x, j) => (j === i ? { ...x, days: e.target.value } : x)))} />
          <span className="muted small">days →</span>
          <label className="visually-hidden" htmlFor={`${id}-c${i}`}>
            Transition {i + 1}: storage class
          </label>
          <select id={`${id}-c${i}`} value={r.storageClass} onChange={(e) => update(rows.map((x, j) => (j === i ? { ...x, storageClass: e.target.value as StorageClass } : x)))}>
            {STORAGE_CLASSES.map((c) => (
              <option key={c} value={c}>
                {STORAGE_CLASS_NAMES[c]}
              </option>
            ))}
          </select>
          <button type="button" className="icon-btn" title={`Remove transition ${i + 1}`} aria-label={`Remove transition ${i + 1}`} onClick={() => update(rows.filter((_, j) => j !== i))}>
            <IconX size={14} />
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => {
          const lastDays = Number(rows[rows.length - 1]?.days ?? 0) || 0;
          update([...rows, { days: String(lastDays ? lastDays + 90 : 30), storageClass: rows.length ? 'DEEP_ARCHIVE' : 'STANDARD_IA' }]);
        }}
      >
        <IconPlus /> Add transition
      </button>
    </div>
  );
}
