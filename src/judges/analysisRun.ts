// The bookkeeping of an analysis run, as Argo Rollouts' analysis controller does it
// (analysis/analysis.go: runMeasurements counts each measurement by phase, assessMetricStatus turns
// the counts into the run's phase). A judge says what one interval looked like; this says what the
// run as a whole concludes from the measurements so far.
//
// Argo's rules, in the order it applies them after every measurement:
//   failed > failureLimit                          → Failed
//   inconclusive > inconclusiveLimit               → Inconclusive (the rollout pauses)
//   consecutive errors > consecutiveErrorLimit (4) → Error (the rollout aborts, as on Failed)
//   count measurements taken                       → Successful
// An Error measurement (the query could not be evaluated) is not counted towards `count`, and any
// other measurement resets the consecutive errors.
import type { AnalysisSpec, MetricName, MetricResult, Verdict } from './types';

/** A measurement's phase, Argo's names (the order is Argo's IsWorse order: later is worse). */
export const PHASES = ['Successful', 'Inconclusive', 'Error', 'Failed'] as const;
export type MeasurementPhase = (typeof PHASES)[number];

/** Argo's default consecutiveErrorLimit (pkg/apis/rollouts/v1alpha1: DefaultConsecutiveErrorLimit). */
export const DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;

export type RunPhase = 'Running' | 'Successful' | 'Failed' | 'Inconclusive' | 'Error';

export interface RunLimits {
  failureLimit: number;
  inconclusiveLimit: number;
  consecutiveErrorLimit: number;
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
}

export const emptyTally = (): Tally => ({ count: 0, successful: 0, failed: 0, inconclusive: 0, errors: 0, consecutiveErrors: 0 });

/** Counts one measurement, as runMeasurements does. */
export function record(t: Tally, phase: MeasurementPhase): Tally {
  if (phase === 'Error') return { ...t, errors: t.errors + 1, consecutiveErrors: t.consecutiveErrors + 1 };
  const key = phase === 'Successful' ? 'successful' : phase === 'Failed' ? 'failed' : 'inconclusive';
  return { ...t, [key]: t[key] + 1, count: t.count + 1, consecutiveErrors: 0 };
}

/** The run's phase after its latest measurement, as assessMetricStatus decides it. */
export function assess(t: Tally, limits: RunLimits): RunPhase {
  if (t.failed > limits.failureLimit) return 'Failed';
  if (t.inconclusive > limits.inconclusiveLimit) return 'Inconclusive';
  if (t.consecutiveErrors > limits.consecutiveErrorLimit) return 'Error';
  if (limits.count !== undefined && t.count >= limits.count) return 'Successful';
  return 'Running';
}

/** The run limits an analysis spec asks for, with Argo's defaults for those it leaves out. */
export function runLimits(spec: AnalysisSpec, count: number | undefined): RunLimits {
  return {
    failureLimit: spec.failureLimit,
    inconclusiveLimit: spec.inconclusiveLimit ?? 0,
    consecutiveErrorLimit: spec.consecutiveErrorLimit ?? DEFAULT_CONSECUTIVE_ERROR_LIMIT,
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
export function measurementPhase(spec: AnalysisSpec, verdict: Verdict, everServed: boolean): MeasurementPhase {
  if (spec.judge === 'baseline') {
    return verdict.verdict === 'fail' ? 'Failed' : verdict.verdict === 'inconclusive' ? 'Inconclusive' : 'Successful';
  }
  const deciding = verdict.metrics.filter((m) => !isDryRun(spec, m.metric));
  if (deciding.length === 0) return 'Successful';
  return deciding.map((m) => metricPhase(spec, m, everServed)).reduce(worst);
}

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

/** Each deciding metric's phase in one measurement (a metric in dry run is left out). */
export function metricPhases(spec: AnalysisSpec, verdict: Verdict, everServed: boolean): [MetricName, MeasurementPhase][] {
  if (spec.judge === 'baseline') return [];
  return verdict.metrics.filter((m) => !isDryRun(spec, m.metric)).map((m) => [m.metric, metricPhase(spec, m, everServed)]);
}

/** Argo's worst-first order of a run's phases: Failed, then Error, then Inconclusive. */
const RUN_ORDER: RunPhase[] = ['Failed', 'Error', 'Inconclusive'];

/**
 * The run's phase when each metric keeps its own count (Argo: each metric is assessed against its
 * own limits, and the worst metric decides the run); `count` is the whole run's.
 */
export function assessPerMetric(tallies: Map<MetricName, Tally>, limits: Partial<Record<MetricName, RunLimits>>, whole: Tally, count: number | undefined): { phase: RunPhase; metric?: MetricName } {
  let worstPhase: RunPhase = 'Running';
  let worstMetric: MetricName | undefined;
  for (const [metric, tally] of tallies) {
    const phase = assess(tally, { ...limits[metric]!, count: undefined });
    if (RUN_ORDER.includes(phase) && (worstPhase === 'Running' || RUN_ORDER.indexOf(phase) < RUN_ORDER.indexOf(worstPhase))) {
      worstPhase = phase;
      worstMetric = metric;
    }
  }
  if (worstPhase !== 'Running') return { phase: worstPhase, metric: worstMetric };
  return { phase: count !== undefined && whole.count >= count ? 'Successful' : 'Running' };
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
