import type { Fault, FaultCost } from '../world/faults/types';

// The run record: what one pattern did to one scenario. Its JSON form is a contract
// (`sim run --json`), so names here are stable.

export interface LatencySummary {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface Decision {
  /** simulated seconds */
  t: number;
  /** the states left and entered */
  from: string;
  to: string;
  /** a short machine-readable cause, e.g. "analysis failed", "manual abort", "ProgressDeadlineExceeded" */
  reason: string;
  /** the sentence a learner reads, with the run's real numbers */
  text: string;
  /** the numbers behind it: metric values, thresholds or p-values, samples, failed checks of the limit */
  evidence?: Record<string, unknown>;
}

export interface VersionSeries {
  requests: number[];
  errors: number[];
  rejected: number[];
  p99Ms: number[];
  ready: number[];
  starting: number[];
  draining: number[];
  weight: number[];
}

export interface RunSeries {
  /** bucket start times, seconds */
  t: number[];
  versions: Record<string, VersionSeries>;
  /** cumulative over the run up to each bucket's end: users who saw a failure, conversions, writes corrupted by faults */
  usersAffected: number[];
  conversions: number[];
  corruptedWrites: number[];
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

/** What an A/B test concluded, and what it was planned to see. */
export interface AbTestRecord {
  /** the winning variant's name; null: no winner (none yet at maxDuration, or a halt) */
  winner: string | null;
  /** relative lift of B over A, and its interval: a confidence interval (fixed) or confidence sequence (sequential) */
  lift: number;
  liftInterval: [number, number] | null;
  /** the test's p-value: fixed-horizon, or always-valid for the sequential method */
  pValue: number;
  /** users in both arms */
  samples: number;
  method: 'fixed' | 'sequential';
  /** the always-valid sample-ratio-mismatch p-value at the last look */
  srmPValue: number;
  /** the planned fixed-horizon test: minimum detectable relative lift at 80% power with minSamples per arm */
  plan: { baselineRate: number; samplesPerArm: number; alpha: number; power: number; mde: number | null };
}

export interface ScenarioResult {
  scenario: string;
  seed: number;
  durationSeconds: number;
  runs: RunRecord[];
}

/** A human at the console: promote, pause, resume or abort at simulated time t; or flip a feature flag. */
export interface ManualAction {
  /** simulated seconds */
  t: number;
  event: 'PROMOTE' | 'PAUSE' | 'RESUME' | 'ABORT' | 'FLAG_ON' | 'FLAG_OFF';
  /** the run (by label) it applies to; all runs when absent */
  label?: string;
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
