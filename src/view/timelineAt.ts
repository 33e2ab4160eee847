// "What was the state of run r at simulated time t?" — answered from what has been streamed, so the
// page draws the same picture whether it is playing forward or scrubbed back.
import type { Decision } from '../runtime/types';
import type { FaultWindow, FleetFrame, MachineStep, Measurement, SampledRequest, SeriesBucket } from '../runtime/stream';
import { countAtOrBefore, countBefore } from './sortedSearch';
import type { Timeline } from './timeline';
import { latestFrame } from './fleetTrack';

export interface RunAt {
  /** the playhead, clamped to what is computed */
  t: number;
  /** the latest fleet frame at or before t */
  frame: FleetFrame | undefined;
  /** buckets that ended at or before t */
  buckets: SeriesBucket[];
  decisions: Decision[];
  measurements: Measurement[];
  /** fault windows started by t; a window still open at t has end null */
  faults: FaultWindow[];
  /** the active state paths at t and the transition that led there */
  active: string[];
  lastStep: MachineStep | undefined;
  /** sampled requests in flight at t (arrived, outcome not yet known) */
  inFlight: SampledRequest[];
}

/** The playhead can never run ahead of the computation. */
export const clampTime = (timeline: Timeline, t: number): number => Math.max(0, Math.min(t, timeline.computedUntil));

/** The latest fleet frame of run r at or before t. */
export function frameAt(timeline: Timeline, r: number, time: number): FleetFrame | undefined {
  return latestFrame(timeline.runs[r].fleet, clampTime(timeline, time));
}

export function runAt(timeline: Timeline, r: number, time: number): RunAt {
  const run = timeline.runs[r];
  const t = clampTime(timeline, time);
  const bucketSeconds = timeline.start.bucketSeconds;

  const buckets = run.buckets.slice(0, countAtOrBefore(run.buckets, t, (b) => b.t + bucketSeconds));
  const steps = countAtOrBefore(run.steps, t, (s) => s.t);
  const lastStep = steps > 0 ? run.steps[steps - 1] : undefined;

  const faults = run.faults
    .filter((f) => f.start <= t)
    .map((f) => (f.end !== null && f.end <= t ? f : { ...f, end: null }));

  // Only requests that arrived within the longest request time before t can still be in flight.
  const from = countBefore(run.requests, t - run.longestRequest, (q) => q.t);
  const to = countAtOrBefore(run.requests, t, (q) => q.t);
  const inFlight = run.requests.slice(from, to).filter((q) => q.end >= t);

  return {
    t,
    frame: frameAt(timeline, r, t),
    buckets,
    decisions: run.decisions.slice(0, countAtOrBefore(run.decisions, t, (d) => d.t)),
    measurements: run.measurements.slice(0, countAtOrBefore(run.measurements, t, (m) => m.t)),
    faults,
    active: lastStep ? lastStep.to : (run.initialState ?? []),
    lastStep,
    inFlight,
  };
}

/** Every decision of every run, in time order, with its run: the "next decision" button's list. */
export function decisionTimes(timeline: Timeline): DecisionRef[] {
  return timeline.runs
    .flatMap((run, r) => run.decisions.map((d, index) => ({ t: d.t, run: r, index })))
    .sort((a, b) => a.t - b.t || a.run - b.run);
}

export interface DecisionRef {
  t: number;
  run: number;
  index: number;
}

/**
 * The next decision after the playhead (among computed ones), or null. When `current` is the
 * decision the playhead was stepped to, decisions at the same instant in later runs come next.
 */
export function nextDecisionAfter(timeline: Timeline, t: number, current?: DecisionRef | null): DecisionRef | null {
  const all = decisionTimes(timeline);
  if (current && current.t === t) {
    const at = all.findIndex((d) => d.run === current.run && d.index === current.index);
    if (at >= 0) return all[at + 1] ?? null;
  }
  return all.find((d) => d.t > t) ?? null;
}

const sameFaults = (a: FaultWindow[], b: FaultWindow[]) => a.length === b.length && a.every((f, i) => f.start === b[i].start && f.end === b[i].end && f.label === b[i].label);

/**
 * `next`, with every part that did not change since `previous` replaced by the previous object, so
 * drawings memoised on their props redraw only when their data moved. Streamed data is only ever
 * appended, so a prefix of the same length is the same prefix.
 */
export function keepUnchanged(previous: RunAt | undefined, next: RunAt): RunAt {
  if (!previous) return next;
  return {
    ...next,
    buckets: previous.buckets.length === next.buckets.length ? previous.buckets : next.buckets,
    decisions: previous.decisions.length === next.decisions.length ? previous.decisions : next.decisions,
    measurements: previous.measurements.length === next.measurements.length ? previous.measurements : next.measurements,
    faults: sameFaults(previous.faults, next.faults) ? previous.faults : next.faults,
    active: previous.active.join() === next.active.join() ? previous.active : next.active,
  };
}
