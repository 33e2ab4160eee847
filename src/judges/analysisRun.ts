// The bookkeeping of an analysis run, as Argo Rollouts' analysis controller does it
// (analysis/analysis.go: runMeasurements counts each measurement by phase, assessMetricStatus turns
// the counts into the run's phase). A judge says what one interval looked like; this says what the
// run as a whole concludes from the measurements so far.
//
// Argo's rules, in the order it applies them after every measurement:
//   failed > failureLimit (unless it is -1)        → Failed
//   inconclusive > inconclusiveLimit               → Inconclusive (the rollout pauses)
//   consecutive errors > consecutiveErrorLimit (4) → Error (the rollout aborts, as on Failed)
//   consecutive successes ≥ consecutiveSuccessLimit → Successful (Argo ≥ 1.8; 0 turns it off)
//   count measurements taken                       → Successful; with a consecutiveSuccessLimit not
//     reached: Inconclusive when a failureLimit applies too, Failed when it is the only limit
// An Error measurement (the query could not be evaluated) is not counted towards `count`, and any
// other measurement resets the consecutive errors; anything but a success resets the streak.
import type { AnalysisSpec, MetricName, MetricResult, Verdict } from './types';

/** A measurement's phase, Argo's names (the order is Argo's IsWorse order: later is worse). */
export const PHASES = ['Successful', 'Inconclusive', 'Error', 'Failed'] as const;
export type MeasurementPhase = (typeof PHASES)[number];

/** Argo's default consecutiveErrorLimit (pkg/apis/rollouts/v1alpha1: DefaultConsecutiveErrorLimit). */
export const DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;

export type RunPhase = 'Running' | 'Successful' | 'Failed' | 'Inconclusive' | 'Error';

export interface RunLimits {
  /** -1: no failure limit */
  failureLimit: number;
  inconclusiveLimit: number;
  consecutiveErrorLimit: number;
  /** successes in a row after which the run is Successful; 0 or undefined: off */
  consecutiveSuccessLimit?: number;
  /** measurements (errors excluded) after which the run is Successful; undefined: it runs until stopped */
  count?: number;
}

export interface Tally {
  count: number;
  successful: number;
  failed: number;
  inconclusive: number;
  errors: number;
  consecutiveErrors: number;
  consecutiveSuccesses: number;
}

export const emptyTally = (): Tally => ({ count: 0, successful: 0, failed: 0, inconclusive: 0, errors: 0, consecutiveErrors: 0, consecutiveSuccesses: 0 });

/** Counts one measurement, as runMeasurements does. */
export function record(t: Tally, phase: MeasurementPhase): Tally {
  if (phase === 'Error') return { ...t, errors: t.errors + 1, consecutiveErrors: t.consecutiveErrors + 1, consecutiveSuccesses: 0 };
  const key = phase === 'Successful' ? 'successful' : phase === 'Failed' ? 'failed' : 'inconclusive';
  const consecutiveSuccesses = phase === 'Successful' ? t.consecutiveSuccesses + 1 : 0;
  return { ...t, [key]: t[key] + 1, count: t.count + 1, consecutiveErrors: 0, consecutiveSuccesses };
}

/** The run's phase after its latest measurement, as assessMetricStatus decides it. */
export function assess(t: Tally, limits: RunLimits): RunPhase {
  const failureApplies = limits.failureLimit >= 0;
  const streak = limits.consecutiveSuccessLimit ?? 0;
  if (failureApplies && t.failed > limits.failureLimit) return 'Failed';
  if (t.inconclusive > limits.inconclusiveLimit) return 'Inconclusive';
  if (t.consecutiveErrors > limits.consecutiveErrorLimit) return 'Error';
  if (streak > 0 && t.consecutiveSuccesses >= streak) return 'Successful';
  if (limits.count !== undefined && t.count >= limits.count) {
    if (streak > 0) return failureApplies ? 'Inconclusive' : 'Failed';
    return 'Successful';
  }
  return 'Running';
}

/** The run ended at its count without its streak of successes (a consecutiveSuccessLimit that was not met). */
export function endedWithoutStreak(t: Tally, limits: RunLimits): boolean {
  const streak = limits.consecutiveSuccessLimit ?? 0;
  return streak > 0 && t.consecutiveSuccesses < streak && limits.count !== undefined && t.count >= limits.count;
}

/** The run limits an analysis spec asks for, with Argo's defaults for those it leaves out. */
export function runLimits(spec: AnalysisSpec, count: number | undefined): RunLimits {
  return {
    failureLimit: spec.failureLimit,
    inconclusiveLimit: spec.inconclusiveLimit ?? 0,
    consecutiveErrorLimit: spec.consecutiveErrorLimit ?? DEFAULT_CONSECUTIVE_ERROR_LIMIT,
    ...(spec.consecutiveSuccessLimit ? { consecutiveSuccessLimit: spec.consecutiveSuccessLimit } : {}),
    count,
  };
}

const worst = (a: MeasurementPhase, b: MeasurementPhase): MeasurementPhase => (PHASES.indexOf(b) > PHASES.indexOf(a) ? b : a);

/**
 * One measurement's phase from the judge's verdict. The baseline judge's verdict is taken as it is
 * (marginal passes, as Kayenta's marginal score does not fail a run). For the threshold judge each
 * metric counts on its own: a metric in dry run is left out (Argo: its result "does not affect the
 * final state"), a metric without data takes the phase its conditions give to no data (`noData`; the
 * window before the version's first request has no series at all: `noSeries`), and the worst metric
 * decides.
 */
export function measurementPhase(spec: AnalysisSpec, verdict: Verdict, everServed: boolean, done: ReadonlySet<MetricName> = NONE): MeasurementPhase {
  if (spec.judge === 'baseline') {
    return verdict.verdict === 'fail' ? 'Failed' : verdict.verdict === 'inconclusive' ? 'Inconclusive' : 'Successful';
  }
  const deciding = verdict.metrics.filter((m) => !isDryRun(spec, m.metric) && !done.has(m.metric));
  if (deciding.length === 0) return 'Successful';
  return deciding.map((m) => metricPhase(spec, m, everServed)).reduce(worst);
}

const NONE: ReadonlySet<MetricName> = new Set();

export function isDryRun(spec: AnalysisSpec, metric: MetricName): boolean {
  return spec.dryRun?.includes(metric) ?? false;
}

function metricPhase(spec: AnalysisSpec, m: MetricResult, everServed: boolean): MeasurementPhase {
  if (m.classification === 'Nodata') {
    const noData = spec.noData ?? 'Inconclusive';
    return everServed ? noData : (spec.noSeries ?? noData);
  }
  if (m.classification === 'Inconclusive') return 'Inconclusive';
  return m.classification === 'Pass' ? 'Successful' : 'Failed';
}

/** Each deciding metric's phase in one measurement (a metric in dry run, or one already done, is left out). */
export function metricPhases(spec: AnalysisSpec, verdict: Verdict, everServed: boolean, done: ReadonlySet<MetricName> = NONE): [MetricName, MeasurementPhase][] {
  if (spec.judge === 'baseline') return [];
  return verdict.metrics.filter((m) => !isDryRun(spec, m.metric) && !done.has(m.metric)).map((m) => [m.metric, metricPhase(spec, m, everServed)]);
}

/** Argo's worst-first order of a run's phases: Failed, then Error, then Inconclusive. */
const RUN_ORDER: RunPhase[] = ['Failed', 'Error', 'Inconclusive'];

/**
 * The run's phase when each metric keeps its own counts, limits and count (Argo: assessMetricStatus
 * per metric; asssessRunStatus: a metric Failed, Error or Inconclusive ends the run, the worst
 * deciding, and otherwise the run completes once every metric has, each after its own count or
 * streak). `done`: the metrics that have completed, Successful, and are measured no more.
 */
export function assessPerMetric(tallies: Map<MetricName, Tally>, limits: Partial<Record<MetricName, RunLimits>>): { phase: RunPhase; metric?: MetricName; done: MetricName[] } {
  let worstPhase: RunPhase = 'Running';
  let worstMetric: MetricName | undefined;
  const done: MetricName[] = [];
  for (const [metric, tally] of tallies) {
    const phase = assess(tally, limits[metric]!);
    if (phase === 'Successful') done.push(metric);
    if (RUN_ORDER.includes(phase) && (worstPhase === 'Running' || RUN_ORDER.indexOf(phase) < RUN_ORDER.indexOf(worstPhase))) {
      worstPhase = phase;
      worstMetric = metric;
    }
  }
  if (worstPhase !== 'Running') return { phase: worstPhase, metric: worstMetric, done };
  return { phase: tallies.size > 0 && done.length === tallies.size ? 'Successful' : 'Running', done };
}

const NAMES: Record<MetricName, string> = { errorRate: 'error rate', latencyP99: 'p99' };

/**
 * The verdict as the run counts it: its verdict follows the measurement's phase (an Error is shown
 * as inconclusive: it neither passes nor fails), and its text says which metrics were in dry run
 * and why a check errored.
 */
export function countedVerdict(spec: AnalysisSpec, verdict: Verdict, phase: MeasurementPhase): Verdict {
  const outcome = phase === 'Failed' ? 'fail' : phase === 'Successful' ? (verdict.verdict === 'marginal' ? 'marginal' : 'pass') : 'inconclusive';
  const dry = verdict.metrics.filter((m) => isDryRun(spec, m.metric)).map((m) => NAMES[m.metric]);
  let text = verdict.text;
  if (dry.length > 0) text += `; dry run, not deciding: ${dry.join(', ')}`;
  if (phase === 'Error') text = `error, no series to evaluate yet (the version has served no request): ${text}`;
  else if (phase !== 'Inconclusive' && verdict.metrics.some((m) => m.classification === 'Nodata' && !isDryRun(spec, m.metric))) text = `no data counts as ${phase === 'Failed' ? 'a failed' : 'a passed'} check: ${text}`;
  return outcome === verdict.verdict && text === verdict.text ? verdict : { ...verdict, verdict: outcome, text };
}
