// The timeline store: everything the worker has streamed so far, per run, in time order. Slices are
// appended as they arrive; nothing is ever recomputed, so scrubbing back replays exactly what was
// streamed. Queries about an instant live in timelineAt.ts.
import type { Decision } from '../runtime/types';
import { countAtOrBefore } from './sortedSearch';
import { appendFleet, emptyFleetTrack, type FleetTrack } from './fleetTrack';
import { decodeRequests } from '../runtime/requestColumns';
import type {
  FaultWindow,
  MachineStep,
  Measurement,
  SampledRequest,
  SeriesBucket,
  StreamSlice,
  StreamStart,
} from '../runtime/stream';

export interface RunTimeline {
  buckets: SeriesBucket[];
  fleet: FleetTrack;
  /** sorted by arrival */
  requests: SampledRequest[];
  steps: MachineStep[];
  /** the active state paths before the first transition (known from the first slice on) */
  initialState: string[] | null;
  decisions: Decision[];
  measurements: Measurement[];
  /** one entry per fault window, merged from its start and end reports */
  faults: FaultWindow[];
  /** the longest request time seen, so "in flight at t" knows how far back to look */
  longestRequest: number;
}

export interface Timeline {
  start: StreamStart;
  /** simulated time up to which every run is known */
  computedUntil: number;
  runs: RunTimeline[];
  /** bumps on every append: a cheap change signal for React */
  revision: number;
}

export function createTimeline(start: StreamStart): Timeline {
  return {
    start,
    computedUntil: 0,
    revision: 0,
    runs: start.runs.map(() => ({
      buckets: [],
      fleet: emptyFleetTrack(),
      requests: [],
      steps: [],
      initialState: null,
      decisions: [],
      measurements: [],
      faults: [],
      longestRequest: 0,
    })),
  };
}

function mergeFault(faults: FaultWindow[], window: FaultWindow): void {
  const known = faults.find((f) => f.label === window.label && f.start === window.start);
  if (known) known.end = window.end ?? known.end;
  else faults.push({ ...window });
}

/**
 * Adds a slice's requests to the list kept in arrival order. A request may be reported once its
 * outcome is known, after later arrivals, so the new ones are sorted and merged with the few old
 * ones they overlap (never the whole list).
 */
function mergeByArrival(into: SampledRequest[], added: SampledRequest[]): void {
  if (added.length === 0) return;
  const batch = [...added].sort((a, b) => a.t - b.t);
  const from = countAtOrBefore(into, batch[0].t, (q) => q.t);
  const tail = into.splice(from);
  let i = 0;
  let j = 0;
  while (i < tail.length || j < batch.length) {
    if (j >= batch.length || (i < tail.length && tail[i].t <= batch[j].t)) into.push(tail[i++]);
    else into.push(batch[j++]);
  }
}

/** Appends a slice in place (slices arrive in order; a stale or repeated one is ignored). */
export function appendSlice(timeline: Timeline, slice: StreamSlice): void {
  if (slice.t1 <= timeline.computedUntil && timeline.revision > 0) return;
  slice.runs.forEach((run, r) => {
    const into = timeline.runs[r];
    if (!into) return;
    if (into.initialState === null) into.initialState = run.steps.length > 0 ? run.steps[0].from : run.state;
    into.buckets.push(...run.buckets);
    appendFleet(into.fleet, run.fleet);
    const requests = decodeRequests(run.requests);
    for (const request of requests) into.longestRequest = Math.max(into.longestRequest, request.end - request.t);
    mergeByArrival(into.requests, requests);
    into.steps.push(...run.steps);
    into.decisions.push(...run.decisions);
    into.measurements.push(...run.measurements);
    for (const fault of run.faults) mergeFault(into.faults, fault);
  });
  timeline.computedUntil = slice.t1;
  timeline.revision += 1;
}
