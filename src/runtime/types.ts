import type { Fault, FaultCost } from '../world/faults/types';

export type { AbTestRecord, Decision, Measurement } from '../patterns/report';
export type { ManualAction } from '../patterns/manualAction';
import type { ManualAction } from '../patterns/manualAction';
export type { VersionSeries, RunSeries } from '../metrics/series';
import type { AbTestRecord, Decision } from '../patterns/report';
import type { RunSeries } from '../metrics/series';

// The run record: what one pattern did to one scenario. Its JSON form is a contract
// (`sim run --json`), so names here are stable.

interface LatencySummary {
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
  /**
   * Seconds from the moment users were first exposed to what the rollout reacted to, until it
   * rolled back, halted or was aborted: the release's defect (from the first request the defective
   * new version served, or the moment the defect began if later); for a false alarm, the fault that
   * set it off, or the new version's first request. null: it never reacted.
   */
  detectionSeconds: number | null;
  /** present when the rollout reacted: true when the release had no defect (the rollback protected nobody) */
  falseAlarm?: boolean;
  recoverySeconds: number | null;
  decisions: Decision[];
  conversions: number;
  events: number;
  abTest?: AbTestRecord;
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
