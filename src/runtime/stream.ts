// The streamed run: what the simulation worker posts to the page while it computes, slice by slice
// of simulated time, so the first frame is drawn at once and the page never waits for the whole run.
// Everything here is plain data (structured-clone safe): numbers, strings, arrays and records; the
// bulky parts of a slice (fleet frames, sampled requests) are typed-array columns that the worker
// transfers rather than copies (`transferablesOf`).
// The last message of a stream carries the very ScenarioResult that `runScenario` (and so
// `sim run --json`) gives for the same scenario and seed.
import type { Decision, ScenarioResult } from './types';
import type { ScenarioError } from '../scenario/errors';

export type { FleetFrame, InstanceState } from './fleetColumns';

/** One sampled request, for the traffic animation (defined where the world samples it). */
export type { Measurement } from '../patterns/report';
export type { SeriesBucket } from '../metrics/series';
import type { Measurement } from '../patterns/report';
import type { SeriesBucket } from '../metrics/series';
export type { SampledRequest } from '../world/sampler';
import type { FleetColumns } from './fleetColumns';
import type { RequestColumns } from './requestColumns';
export type { FleetColumns, RequestColumns };

/**
 * One bucket of a run's time series: the same fields as `--series`, per version in StreamStart's
 * `versions` order, plus run totals (definitions in src/metrics/series.ts and the README: counts are
 * over the bucket, ready/starting/draining the most at any moment of it, weight the measured share).
 */
/** A transition of the pattern's statechart. */
export interface MachineStep {
  t: number;
  /** state values as dotted paths of the active leaf states, e.g. ["progressing.stepPause"] */
  from: string[];
  to: string[];
  /**
   * the event that caused it, named as in MachineGraph's transitions: e.g. "analysis.failed",
   * "after stepPause" (a delay), "fleet.changed"; eventless transitions it set off share its event
   */
  event: string;
}

/** A fault's actual window in this run (phase-triggered faults start at different times per run). */
export interface FaultWindow {
  label: string;
  kind: string;
  start: number;
  /** null while it lasts (open-ended faults last to the run's end) */
  end: number | null;
}

/** What one run did during a slice [t0, t1]. */
export interface RunSlice {
  /** buckets that ended within the slice */
  buckets: SeriesBucket[];
  /** fleet frames at a fixed cadence within the slice (at least one, at t1; the first slice also one at 0) */
  fleet: FleetColumns;
  /** sampled requests whose outcome became known within the slice (they arrived then or shortly before) */
  requests: RequestColumns;
  /** transitions within the slice, and the active state paths at t1 */
  steps: MachineStep[];
  state: string[];
  /** decision records and analysis measurements made within the slice */
  decisions: Decision[];
  measurements: Measurement[];
  /** fault windows that started or ended within the slice */
  faults: FaultWindow[];
}

/** A statechart as data, read from the XState machine definition itself, for drawing. */
export interface MachineGraph {
  id: string;
  states: Array<{
    /** dotted path from the root, e.g. "progressing.stepPause" ("" for the root) */
    path: string;
    key: string;
    /** parent's path; null for the root */
    parent: string | null;
    type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
    /** the initial child's key, for compound states */
    initial: string | null;
  }>;
  transitions: Array<{
    source: string;
    /** target state paths; empty for an internal (targetless) transition */
    targets: string[];
    /** event type; "always" for eventless, "after <delay>" for delayed ones */
    event: string;
    guard: string | null;
  }>;
}

/** The first message of a stream: what every panel needs before any slice. */
export interface StreamStart {
  scenario: string;
  summary?: string;
  objectives: string[];
  narrative?: string;
  seed: number;
  durationSeconds: number;
  bucketSeconds: number;
  versions: string[];
  /** the user population's region and platform names (what a flag rule may target) */
  users?: { regions: string[]; platforms: string[] };
  /** flagDelay: a run with a feature flag, its changes' propagation delay in seconds */
  runs: Array<{ pattern: string; label: string; machine: MachineGraph; flagDelay?: number }>;
  /** faults declared with a time (phase-triggered ones arrive in slices) */
  plannedFaults: Array<{ label: string; kind: string; at: number | null; duration: number | null }>;
}

export interface StreamSlice {
  t0: number;
  t1: number;
  /** one per run, in compare order */
  runs: RunSlice[];
}

/** Worker → page. Order: (acts,) start, slice…, end; or invalid; or failed at any point. */
export type StreamMessage =
  /** the learner's acts that the scenario cannot take, one sentence each (the rest still run) */
  | { type: 'acts'; problems: string[] }
  /** prefix: the slices a stream that joined a run already under way starts with (from time 0, in order) */
  | { type: 'start'; start: StreamStart; prefix?: StreamSlice[] }
  | { type: 'slice'; slice: StreamSlice }
  | { type: 'end'; result: ScenarioResult }
  | { type: 'invalid'; errors: ScenarioError[] }
  | { type: 'failed'; message: string };

/** The buffers of a slice's columns: handed over with postMessage, not copied. */
export function transferablesOf(slice: StreamSlice): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const run of slice.runs) {
    for (const column of Object.values(run.fleet)) buffers.push(column.buffer as ArrayBuffer);
    for (const column of Object.values(run.requests)) buffers.push(column.buffer as ArrayBuffer);
  }
  return buffers;
}
