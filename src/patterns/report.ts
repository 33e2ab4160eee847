// What a pattern reports as it runs: its decisions, with the evidence, and every analysis
// measurement. Their JSON forms are part of the run record and of the streamed run.

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

/** One analysis measurement (an Argo AnalysisRun measurement): every check, passed or not. */
export interface Measurement {
  t: number;
  verdict: 'pass' | 'fail' | 'inconclusive';
  /** a short line a learner reads, e.g. "error rate 0.4% ≤ 1%, p99 312 ms ≤ 800 ms (n=1,204)" */
  text: string;
  /** the numbers behind it */
  evidence: Record<string, unknown>;
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
