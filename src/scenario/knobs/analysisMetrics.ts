// An analysis' metrics written as an Argo AnalysisTemplate lists them: each metric with its own
// success bound (`max`, Argo's successCondition), failure bound (`failAbove`, its failureCondition:
// between the two a check is Inconclusive, as analysis/evaluate.go has it), limits and count, each
// counted on its own (analysis/analysis.go, assessMetricStatus).
import { z } from 'zod';
import { DEFAULT_CONSECUTIVE_ERROR_LIMIT } from '../../judges/analysisRun';
import type { MetricLimits, MetricName } from '../../judges/types';
import { closed } from '../closed';
import { duration, int, percent } from '../fields';
import { oneOfMessage } from '../messages';

const METRIC_NAMES = ['errorRate', 'latencyP99'] as const;

const limits = {
  failureLimit: int(-1, 1000, "The metric fails when more of its checks than this have failed; -1: never by failures (Argo ≥ 1.8; then consecutiveSuccessLimit is needed). Default: the analysis' failureLimit.").optional(),
  inconclusiveLimit: int(0, 1000, "The rollout pauses when more of the metric's checks than this were inconclusive. Default: the analysis' (0).").optional(),
  consecutiveErrorLimit: int(0, 1000, "The rollout aborts after more consecutive errored checks of the metric than this. Default: the analysis' (4).").optional(),
  consecutiveSuccessLimit: int(0, 1000, "Argo ≥ 1.8: the metric succeeds after this many passed checks in a row; at its count without them it is Inconclusive (with a failureLimit) or Failed (failureLimit: -1). Default: the analysis' (0: off).").optional(),
  count: int(1, 10_000, "The metric completes after this many checks, wherever the analysis runs (Argo's metric count); the analysis completes once every metric has. Default: the analysis' count in a bounded run; in a background analysis, until stopped.").optional(),
};

const errorRateMetric = closed(
  {
    name: z.literal('errorRate').describe('The share of failed requests of the new version.'),
    max: percent('A check passes when the error rate is at most this (successCondition).'),
    failAbove: percent('A check fails when the error rate is above this (failureCondition); between max and failAbove it is inconclusive. Default: above max fails.').optional(),
    ...limits,
  },
  'The error rate, judged against max (and failAbove).',
);

const latencyMetric = closed(
  {
    name: z.literal('latencyP99').describe("The new version's 99th-percentile latency."),
    max: duration('A check passes when the p99 latency is at most this (successCondition).', { above: 0 }),
    failAbove: duration('A check fails when the p99 is above this (failureCondition); between max and failAbove it is inconclusive. Default: above max fails.', { above: 0 }).optional(),
    ...limits,
  },
  'The p99 latency, judged against max (and failAbove).',
);

function unmatchedMetric(iss: z.core.$ZodRawIssue): string | undefined {
  if (iss.code !== 'invalid_union' || typeof iss.input !== 'object' || iss.input === null) return undefined;
  const name = (iss.input as Record<string, unknown>).name;
  return name === undefined ? undefined : oneOfMessage(METRIC_NAMES, name);
}

/** The `metrics:` list of an analysis block (threshold judge). */
export const metricList = z
  .array(z.discriminatedUnion('name', [errorRateMetric, latencyMetric], { error: unmatchedMetric }))
  .min(1)
  .describe("The metrics, as Argo's AnalysisTemplate lists them: each with its bounds, limits and count, counted on its own (the worst metric decides). Instead of errorRate / latencyP99.");

export type MetricEntry = z.output<typeof metricList>[number];

/** What the run-level fields give each metric that does not set its own. */
export interface MetricDefaults {
  failureLimit: number;
  inconclusiveLimit?: number;
  consecutiveErrorLimit?: number;
  consecutiveSuccessLimit?: number;
}

/** The list → the bounds the threshold judge reads and each metric's own limits. */
export function metricsOf(list: MetricEntry[], d: MetricDefaults) {
  const bounds: Partial<Record<MetricName, { max: number; failAbove?: number }>> = {};
  const metricLimits: Partial<Record<MetricName, MetricLimits>> = {};
  for (const m of list) {
    bounds[m.name] = m.failAbove === undefined ? { max: m.max } : { max: m.max, failAbove: m.failAbove };
    const streak = m.consecutiveSuccessLimit ?? d.consecutiveSuccessLimit ?? 0;
    metricLimits[m.name] = {
      failureLimit: m.failureLimit ?? d.failureLimit,
      inconclusiveLimit: m.inconclusiveLimit ?? d.inconclusiveLimit ?? 0,
      consecutiveErrorLimit: m.consecutiveErrorLimit ?? d.consecutiveErrorLimit ?? DEFAULT_CONSECUTIVE_ERROR_LIMIT,
      ...(streak > 0 ? { consecutiveSuccessLimit: streak } : {}),
      ...(m.count !== undefined ? { count: m.count } : {}),
    };
  }
  return { ...bounds, metricLimits };
}

/** Problems Argo's validation or the reading of the list would have: [message, path]. */
export function metricListProblems(list: MetricEntry[], d: MetricDefaults): [string, (string | number)[]][] {
  const problems: [string, (string | number)[]][] = [];
  const seen = new Set<string>();
  list.forEach((m, i) => {
    if (seen.has(m.name)) problems.push([`${m.name} is listed twice; give each metric once`, [i, 'name']]);
    seen.add(m.name);
    if (m.failAbove !== undefined && m.failAbove <= m.max) problems.push(['failAbove must be above max: between the two a check is inconclusive', [i, 'failAbove']]);
    const failureLimit = m.failureLimit ?? d.failureLimit;
    const streak = m.consecutiveSuccessLimit ?? d.consecutiveSuccessLimit ?? 0;
    if (failureLimit < 0 && streak === 0) problems.push(['failureLimit -1 turns the failure limit off, so consecutiveSuccessLimit must be set (at least 1): one of the two must apply, as Argo validates it', [i, m.failureLimit === undefined ? 'name' : 'failureLimit']]);
  });
  return problems;
}
