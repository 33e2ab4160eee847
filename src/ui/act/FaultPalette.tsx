// The fault palette: each fault kind with its main parameters, injected into every
// run at once — now (at the playhead) or at a chosen simulated time.
import { useState, type DragEvent } from 'react';
import { FAULT_DRAG_TYPE } from '../../view/faultDrop';
import type { Act } from '../../runtime/acts/act';
import { DEFAULT_FAULT_SECONDS, FAULT_PARAMS, ZONES, type FaultParam } from '../../runtime/acts/faultParams';
import { FAULT_KINDS, type FaultKind } from '../../world/faults/types';
import { formatClock as formatDuration } from '../../view/playback';
import { parseDuration } from './timeText';

interface Props {
  /** the playhead, simulated seconds */
  now: number;
  duration: number;
  versions: string[];
  onAct: (act: Act) => void;
}

/** The palette's fields hold text; shares are typed as percentages. */
function initialValues(kind: FaultKind, versions: string[]): Record<string, string> {
  const newest = versions[versions.length - 1] ?? '';
  return Object.fromEntries(
    FAULT_PARAMS[kind].map((p) => [p.name, p.initial === null ? '' : p.type === 'version' ? newest : p.type === 'share' ? String((p.initial as number) * 100) : String(p.initial)]),
  );
}

/** The field's value as the act's, or a sentence saying what is wrong with it. */
function readParam(p: FaultParam, text: string): { value: string | number | null } | { error: string } {
  if (text.trim() === '') return p.optional ? { value: null } : { error: `${p.label}: give a value` };
  if (p.type === 'version' || p.type === 'text' || p.type === 'zone') return { value: text.trim() };
  const n = Number(text);
  const scale = p.type === 'share' ? 100 : 1;
  const min = (p.min ?? 0) * scale;
  const max = (p.max ?? Number.MAX_SAFE_INTEGER) * scale;
  if (!Number.isFinite(n) || n < min || n > max) return { error: `${p.label}: a number from ${min} to ${max}` };
  return { value: n / scale };
}

export function FaultPalette({ now, duration, versions, onAct }: Props) {
  const [kind, setKind] = useState<FaultKind>('error-rate');
  const [values, setValues] = useState(() => initialValues('error-rate', versions));
  const [lasting, setLasting] = useState(formatDuration(DEFAULT_FAULT_SECONDS));
  const [when, setWhen] = useState<'now' | 'at'>('now');
  const [atText, setAtText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const pick = (next: FaultKind) => {
    setKind(next);
    setValues(initialValues(next, versions));
    setError(null);
  };
  /** The fault as the fields say, at time t; null (with the reason shown) when a field is wrong. */
  const build = (t: number): Act | null => {
    const params: Record<string, string | number | null> = {};
    for (const p of FAULT_PARAMS[kind]) {
      const read = readParam(p, values[p.name] ?? '');
      if ('error' in read) return (setError(read.error), null);
      params[p.name] = read.value;
    }
    if (kind === 'instance-loss' && (params.count === null) === (params.zone === null)) return (setError('give a number of instances or a zone, not both'), null);
    const length = lasting.trim() === '' ? null : parseDuration(lasting);
    if (length !== null && !(length > 0)) return (setError('duration: m:ss, e.g. 3:00, or empty for the rest of the run'), null);
    setError(null);
    return { type: 'fault', t, kind, duration: length, params };
  };
  const inject = () => {
    const t = when === 'now' ? Math.floor(now) : parseDuration(atText);
    if (!(t >= 0 && t < duration)) return setError(`time: m:ss from 0:00 to ${formatDuration(duration)}`);
    const act = build(t);
    if (act) onAct(act);
  };
  // Dragged onto the timeline, the fault lands at the time it is dropped on (TransportBar).
  const drag = (e: DragEvent<HTMLSpanElement>) => {
    const act = build(0);
    if (!act) return e.preventDefault();
    e.dataTransfer.setData(FAULT_DRAG_TYPE, JSON.stringify(act));
    e.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <form className="act-box fault-palette" aria-label="fault palette" onSubmit={(e) => (e.preventDefault(), inject())}>
      <h4>Break it</h4>
      <label className="act-field">
        fault
        <select value={kind} onChange={(e) => pick(e.target.value as FaultKind)} data-testid="fault-kind">
          {FAULT_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      {FAULT_PARAMS[kind].map((p) => (
        <label key={p.name} className="act-field">
          {p.label}
          {p.type === 'version' || p.type === 'zone' ? (
            <select value={values[p.name]} onChange={(e) => setValues({ ...values, [p.name]: e.target.value })} data-param={p.name}>
              {p.optional && <option value="">{p.type === 'zone' ? '(none)' : '(any)'}</option>}
              {(p.type === 'zone' ? ZONES : versions).map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          ) : (
            <input size={6} value={values[p.name]} inputMode={p.type === 'text' ? 'text' : 'decimal'} onChange={(e) => setValues({ ...values, [p.name]: e.target.value })} data-param={p.name} />
          )}
          {p.type === 'share' && <span aria-hidden="true">%</span>}
        </label>
      ))}
      {kind !== 'instance-loss' && (
        <label className="act-field">
          for (m:ss)
          <input size={5} value={lasting} onChange={(e) => setLasting(e.target.value)} placeholder="to the end" />
        </label>
      )}
      <fieldset className="act-when">
        <legend className="visually-hidden">when</legend>
        <label>
          <input type="radio" checked={when === 'now'} onChange={() => setWhen('now')} /> now ({formatDuration(Math.floor(now))})
        </label>
        <label>
          <input type="radio" checked={when === 'at'} onChange={() => setWhen('at')} /> at
          <input size={5} value={atText} placeholder="m:ss" aria-label="inject at (m:ss)" onFocus={() => setWhen('at')} onChange={(e) => setAtText(e.target.value)} />
        </label>
      </fieldset>
      <button type="submit" className="button primary small" data-testid="inject">
        Inject into every run
      </button>
      <span className="fault-chip" draggable onDragStart={drag} data-testid="fault-chip" title="drag onto the timeline to inject it at that time (or type the time in “at”)">
        <span aria-hidden="true">⠿ </span>or drag onto the timeline
      </span>
      {error && (
        <p className="act-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
