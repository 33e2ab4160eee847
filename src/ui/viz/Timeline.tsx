// The scrubbable timeline: the whole run, the part already computed, fault windows, a numbered
// tick per decision, and the playhead. Drag or click to seek; it is a slider for the keyboard
// (arrows ±5 s, Shift ±1 min, PageUp/PageDown, Home/End). Seeking never passes the computed part.
import { useMemo, useRef } from 'react';
import { useWidth } from '../useWidth';
import type { Decision } from '../../index';
import type { FaultWindow } from '../../runtime/stream';
import { decisionMarks, type DecisionKind } from '../../view/decisionMarks';
import { FAULT_FILL, FAULT_INK } from '../../view/palette';
import { formatClock } from '../../view/playback';
import { timeAfterKey, timeAtX, type TrackGeometry } from '../../view/timelineTrack';
import './viz.css';

export interface TimelineProps {
  durationSeconds: number;
  computedUntil: number;
  now: number;
  faults: FaultWindow[];
  decisions: Decision[];
  onSeek: (t: number) => void;
  /** pixels; by default the width of the element it is placed in */
  width?: number;
}

/** A decision's kind by shape as well as colour: ▼ a rollback, ◆ a promotion, ■ a pause, ● a step. */
function markerPath(kind: DecisionKind, at: number): string {
  const top = TRACK_Y - 9;
  if (kind === 'rollback') return `M${at},${TRACK_Y - 1} l-5,-8 h10 z`;
  if (kind === 'promotion') return `M${at},${top - 1} l4.5,4.5 l-4.5,4.5 l-4.5,-4.5 z`;
  if (kind === 'pause') return `M${at - 3.5},${top} h7 v7 h-7 z`;
  return `M${at - 3.5},${top + 3.5} a3.5,3.5 0 1,0 7,0 a3.5,3.5 0 1,0 -7,0`;
}

const PAD = 8;
const HEIGHT = 34;
const TRACK_Y = 14;
const TRACK_H = 8;

export function Timeline({ durationSeconds, computedUntil, now, faults, decisions, onSeek, width: fixed }: TimelineProps) {
  const svg = useRef<SVGSVGElement>(null);
  const [box, measured] = useWidth<HTMLDivElement>(600);
  const width = fixed ?? measured;
  const g: TrackGeometry = { left: PAD, width: width - 2 * PAD, durationSeconds, computedUntil };
  const x = (t: number) => PAD + (g.width * Math.min(t, durationSeconds)) / Math.max(1e-9, durationSeconds);
  // The playhead moves on every frame, the decisions seldom: their marks are built again only when they change.
  const marks = useMemo(
    () =>
      decisionMarks(decisions).map((m) => (
        <g key={m.index} style={{ color: m.colour }} className="timeline-decision">
          <title>{`${formatClock(m.t)} · ${m.text}`}</title>
          <path d={markerPath(m.kind, x(m.t))} fill="currentColor" />
          <line x1={x(m.t)} x2={x(m.t)} y1={TRACK_Y} y2={TRACK_Y + TRACK_H} stroke="currentColor" strokeWidth={2} />
        </g>
      )),
    [decisions, width, durationSeconds], // x follows from the width and the duration
  );
  const seekAt = (clientX: number) => {
    const box = svg.current?.getBoundingClientRect();
    if (box) onSeek(timeAtX(((clientX - box.left) * width) / Math.max(1, box.width), g));
  };
  return (
    <div ref={box} className="timeline-box">
    <svg
      ref={svg}
      className="timeline"
      width={width}
      height={HEIGHT}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      role="slider"
      tabIndex={0}
      aria-label="Simulated time"
      aria-valuemin={0}
      aria-valuemax={durationSeconds}
      aria-valuenow={Math.round(now)}
      aria-valuetext={`${formatClock(now)} of ${formatClock(durationSeconds)}, computed to ${formatClock(computedUntil)}`}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        seekAt(e.clientX);
      }}
      onPointerMove={(e) => e.currentTarget.hasPointerCapture(e.pointerId) && seekAt(e.clientX)}
      onKeyDown={(e) => {
        const t = timeAfterKey(e.key, e.shiftKey, now, g);
        if (t === null) return;
        e.preventDefault();
        onSeek(t);
      }}
    >
      <rect className="timeline-track" x={PAD} y={TRACK_Y} width={g.width} height={TRACK_H} rx={3} />
      <rect className="timeline-computed" x={PAD} y={TRACK_Y} width={Math.max(0, x(computedUntil) - PAD)} height={TRACK_H} rx={3} />
      {faults.map((f, k) => (
        <rect key={k} x={x(f.start)} y={TRACK_Y - 3} width={Math.max(2, x(f.end ?? computedUntil) - x(f.start))} height={TRACK_H + 6} fill={FAULT_FILL} stroke={FAULT_INK} strokeWidth={0.8} strokeDasharray="2 2">
          <title>{`${f.label}: ${formatClock(f.start)}–${f.end === null ? 'ongoing' : formatClock(f.end)}`}</title>
        </rect>
      ))}
      {marks}
      <line className="timeline-playhead" x1={x(now)} x2={x(now)} y1={TRACK_Y - 6} y2={TRACK_Y + TRACK_H + 6} />
      <circle className="timeline-knob" cx={x(now)} cy={TRACK_Y + TRACK_H / 2} r={5} />
      {/* the track's ends; the playhead's own time is the transport's clock */}
      <text className="timeline-label" x={PAD} y={HEIGHT - 1}>
        {formatClock(0)}
      </text>
      <text className="timeline-label" x={width - PAD} y={HEIGHT - 1} textAnchor="end">
        {formatClock(durationSeconds)}
      </text>
    </svg>
    </div>
  );
}
