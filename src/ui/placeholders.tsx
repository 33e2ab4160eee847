// Plain stand-ins for the panel's drawings, with the drawings' own props, used until the D3
// components are in place: each shows its data as text, so the page is readable either way.
import type { Decision } from '../runtime/types';
import type { FaultWindow, FleetFrame, MachineGraph, MachineStep, Measurement, SampledRequest, SeriesBucket } from '../runtime/stream';
import { formatClock } from '../view/playback';

export function StatechartView({ graph, active, lastStep }: { graph: MachineGraph; active: string[]; lastStep?: MachineStep; width?: number; height?: number }) {
  return (
    <div className="placeholder" aria-label={`statechart ${graph.id}`}>
      <strong>{active.join(', ') || '…'}</strong>
      {lastStep && <span> ← {lastStep.event} at {formatClock(lastStep.t)}</span>}
    </div>
  );
}

export function FleetView({ frame, versions }: { frame: FleetFrame | undefined; versions: string[]; width?: number }) {
  if (!frame) return <div className="placeholder">fleet: starting…</div>;
  const counts = versions.map((v, i) => `${v}: ${frame.version.filter((x) => x === i).length}`);
  return <div className="placeholder">fleet {counts.join(' · ')}</div>;
}

export function TrafficView({ requests }: { requests: SampledRequest[]; now: number; speed: number; fleet?: FleetFrame; versions: string[]; reducedMotion: boolean }) {
  return <div className="placeholder">{requests.length} sampled requests in flight</div>;
}

export interface ChartsProps {
  buckets: SeriesBucket[];
  versions: string[];
  bucketSeconds: number;
  durationSeconds: number;
  now: number;
  faults: FaultWindow[];
  decisions: Decision[];
  highlight?: number;
  onDecisionHover?: (index: number | undefined) => void;
  onDecisionClick?: (index: number) => void;
}

export function Charts({ buckets, decisions, highlight, onDecisionHover, onDecisionClick }: ChartsProps) {
  return (
    <div className="placeholder">
      {buckets.length} buckets ·{' '}
      {decisions.map((d, i) => (
        <button
          key={i}
          type="button"
          className={i === highlight ? 'marker highlighted' : 'marker'}
          data-decision-index={i}
          onMouseEnter={() => onDecisionHover?.(i)}
          onMouseLeave={() => onDecisionHover?.(undefined)}
          onClick={() => onDecisionClick?.(i)}
        >
          ◆ {formatClock(d.t)}
        </button>
      ))}
    </div>
  );
}

export function MeasurementStrip({ measurements }: { measurements: Measurement[]; now: number; durationSeconds: number }) {
  const mark = { pass: '✓', fail: '✗', inconclusive: '?' } as const;
  return (
    <div className="placeholder">
      {measurements.map((m, i) => (
        <span key={i} title={m.text}>
          {mark[m.verdict]}
        </span>
      ))}
    </div>
  );
}

export function Timeline({ durationSeconds, computedUntil, now, onSeek }: { durationSeconds: number; computedUntil: number; now: number; faults: FaultWindow[]; decisions: Decision[]; onSeek: (t: number) => void }) {
  return (
    <input
      type="range"
      aria-label="simulated time"
      min={0}
      max={durationSeconds}
      step={1}
      value={Math.min(now, computedUntil)}
      onChange={(event) => onSeek(Number(event.target.value))}
    />
  );
}
