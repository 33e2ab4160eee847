// What judges see and say. Judges are pure: window statistics in, verdict with evidence out.

/** One version's traffic during one analysis interval (defined with the metric windows). */
export type { WindowStats } from '../metrics/window';

export interface AnalysisSpec {
  judge: 'threshold' | 'baseline';
  /** seconds between checks */
  interval: number;
  /** seconds to wait before the first measurement (Argo's initialDelay): new instances warm up first */
  initialDelay?: number;
  /** a run fails when more than this many checks have failed; -1: never by failures (Argo ≥ 1.8, with consecutiveSuccessLimit) */
  failureLimit: number;
  /** Argo's consecutiveSuccessLimit: the run succeeds after this many passed checks in a row (default 0: off) */
  consecutiveSuccessLimit?: number;
  /** fewer requests than this in the window → inconclusive */
  minSamples: number;
  /** Argo's inconclusiveLimit: the run is inconclusive (the rollout pauses) when more checks than this were (default 0) */
  inconclusiveLimit?: number;
  /** Argo's consecutiveErrorLimit: the run errors (the rollout aborts) after more consecutive errors than this (default 4) */
  consecutiveErrorLimit?: number;
  /**
   * The phase of a metric that had no data in its window (Argo: the condition evaluated on NaN;
   * Flagger: "no values found", a failed check). Default Inconclusive.
   */
  noData?: 'Successful' | 'Inconclusive' | 'Error' | 'Failed';
  /** the same before the version served its first request: no series exist yet (Argo/Prometheus: an empty result). Default: noData */
  noSeries?: 'Successful' | 'Inconclusive' | 'Error' | 'Failed';
  /**
   * Argo keeps failureLimit, inconclusiveLimit and consecutiveErrorLimit per metric: when set, each
   * metric is counted against its own limits (the run fails when any metric does), not together.
   */
  metricLimits?: Partial<Record<MetricName, MetricLimits>>;
  /** metrics measured and shown but never deciding (Argo's dryRun) */
  dryRun?: MetricName[];
  /**
   * When the first check comes: 'afterInterval' judges the first interval at its end (Flagger, and
   * the default); 'atStart' measures at once (after initialDelay) and then every interval (Argo).
   */
  firstCheck?: 'afterInterval' | 'atStart';
  /**
   * Which metrics to judge. The threshold judge compares each against its `max` (a fraction for the
   * error rate, seconds for p99); the baseline judge compares against the stable version and needs
   * no limit, so `max` may be left out there.
   */
  errorRate?: MetricBound;
  latencyP99?: MetricBound;
  /** baseline judge: significance level of each metric's one-sided test (default 0.02, Kayenta's 98% confidence) */
  alpha?: number;
  /** baseline judge: smallest relative worsening that can fail a metric (default 0.1 = 10% worse; Kayenta's allowedIncrease − 1) */
  effectSize?: number;
  /**
   * baseline judge: how alpha is spent over the looks. 'plan' (default): alpha is the chance of a
   * false failure over the whole analysis, shared among the planned looks (alphaSpending.ts);
   * 'per-look': every look is tested at alpha, so false failures add up look after look.
   */
  errorControl?: 'plan' | 'per-look';
  /** baseline judge with plan control: the looks planned (default: count for bounded runs, else 20) */
  looks?: number;
  /** baseline judge: score (0–100) at or above which the run passes (default 95) / is marginal (default 75) */
  pass?: number;
  marginal?: number;
}

export type MetricName = 'errorRate' | 'latencyP99';

/**
 * A threshold metric's bound: at most `max` passes; above `failAbove` fails; in between (Argo's
 * band between a successCondition and a looser failureCondition) the measurement is Inconclusive.
 * Without failAbove, anything above max fails.
 */
export interface MetricBound {
  max?: number;
  failAbove?: number;
}

/** One metric's own run limits (Argo: per metric, defaults 0, 0 and 4). */
export interface MetricLimits {
  /** -1: no failure limit (Argo ≥ 1.8; consecutiveSuccessLimit must then be set) */
  failureLimit: number;
  inconclusiveLimit: number;
  consecutiveErrorLimit: number;
  /** Argo's consecutiveSuccessLimit: the metric succeeds after this many successful measurements in a row (0 or left out: off) */
  consecutiveSuccessLimit?: number;
  /** the metric's own count: it completes after this many measurements (left out: the run's) */
  count?: number;
}

/** One metric's result, with the numbers a learner reads in the decision sentence. */
export interface MetricResult {
  metric: MetricName;
  /**
   * Kayenta-style classification; the threshold judge uses Pass / High / Nodata, and Inconclusive
   * for a value in the band between Argo's successCondition and failureCondition
   */
  classification: 'Pass' | 'High' | 'Low' | 'Nodata' | 'Inconclusive';
  /** the new version's value in the window (fraction, or seconds) */
  value: number;
  /** threshold judge: the configured max */
  threshold?: number;
  /** baseline judge: the stable version's value and the one-sided p-value */
  baselineValue?: number;
  pValue?: number;
  /**
   * latency only: which statistic `value` and `baselineValue` hold. The threshold judge reads the
   * p99; the baseline judge the median, the shift its rank test detects.
   */
  statistic?: 'p99' | 'median';
  /** a short human phrase: "error rate 4.2% > 1% (n=1,204)" */
  text: string;
}

export interface Verdict {
  /** 'inconclusive' when there were too few samples to judge */
  verdict: 'pass' | 'marginal' | 'fail' | 'inconclusive';
  metrics: MetricResult[];
  /** requests of the new version in the window */
  samples: number;
  /** baseline judge: Kayenta-style score 0–100 */
  score?: number;
  /** baseline judge: this look (1-based), the looks planned, and the α each metric was tested at */
  look?: number;
  looks?: number;
  alpha?: number;
  /** the whole evidence as one phrase, e.g. "error rate 4.2% > 1% (n=1,204)" */
  text: string;
}

/** A/B test input: users exposed to each variant and how many of them converted. */
export interface ArmStats {
  users: number;
  converters: number;
}

export interface AbVerdict {
  /** 'B' better, 'A' better (B worse), or none yet */
  winner: 'A' | 'B' | null;
  /** relative lift of B over A in conversion rate, e.g. 0.2 = +20% */
  lift: number;
  /** its (1 − alpha) confidence interval (fixed) or confidence sequence (sequential); null if undefined */
  liftInterval: [number, number] | null;
  pValue: number;
  samples: number;
  /** sample-ratio mismatch detected (always-valid p < 0.001): the experiment is invalid and must halt */
  srm: boolean;
  srmPValue: number;
  text: string;
}
