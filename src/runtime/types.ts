import type { Fault, FaultCost } from '../world/faults/types';

export type { Decision, Measurement } from '../patterns/report';
export type { ManualAction } from '../patterns/manualAction';
import type { ManualAction } from '../patterns/manualAction';
export type { VersionSeries, RunSeries } from '../metrics/series';
import type { Decision } from '../patterns/report';
import type { RunSeries } from '../metrics/series';

// The run record: what one pattern did to one scenario. Its JSON form is a contract
// (`sim run --json`), so names here are stable.

export interface LatencySummary {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface RunRecord {
  pattern: string;
  label: string;
  outcome: string;
  requests: number;
  ok: number;
  errors: number;
  rejected: number;
  inFlight: number;
  usersAffected: number;
  /** of those, users who are not employees (a dark launch should harm none) */
  usersAffectedExternal: number;
  latencyMs: LatencySummary;
  waitMsMean: number;
  /** served requests that waited in a queue before service */
  waited: number;
  instanceSeconds: number;
  rolloutSeconds: number | null;
  detectionSeconds: number | null;
  recoverySeconds: number | null;
  decisions: Decision[];
  conversions: number;
  events: number;
  abTest?: { winner: string | null; lift: number; pValue: number; samples: number };
  /** what each fault cost this run */
  faults: FaultCost[];
  series?: RunSeries;
}

export interface ScenarioResult {
  scenario: string;
  seed: number;
  durationSeconds: number;
  runs: RunRecord[];
}

export interface RunOptions {
  /** seed override; defaults to the scenario's */
  seed?: number;
  /** when set, each run carries its time series in buckets of this many seconds */
  seriesBucket?: number;
  /** stop a runaway scenario after this many events (default 500 million) */
  eventBudget?: number;
  /** manual controls, applied at their simulated times (a what-if is the same run plus these) */
  manual?: ManualAction[];
  /** faults injected live: added to the scenario's, in every compared run */
  inject?: Fault[];
}
