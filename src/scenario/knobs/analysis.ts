// The analysis block shared by the patterns (Argo AnalysisTemplate / Flagger metrics): which judge,
// how often it checks, when it gives up, and the limits or the comparison it applies.
import { z } from 'zod';
import type { AnalysisOptions } from '../../patterns/options';
import { closed } from '../closed';
import { duration, int, percent } from '../fields';
import { formatNumber } from '../units';
import { rule } from './rules';
import { LIMITS } from '../limits';
import { metricList, metricListProblems, metricsOf } from './analysisMetrics';

/** The baseline judge's own defaults (Kayenta: 98% confidence, fail only when 10% worse; pass 95, marginal 75). */
const BASELINE = { alpha: 0.02, effectSize: 0.1, pass: 95, marginal: 75 };
const THRESHOLD_ONLY = ['noData', 'dryRun', 'metrics'] as const;
const BASELINE_ONLY = ['alpha', 'effectSize', 'allowedIncrease', 'errorControl', 'looks', 'pass', 'marginal'] as const;

const score = (what: string) => z.number().min(0).max(100).describe(`Baseline judge: ${what}`);

const shape = closed(
  {
    judge: z
      .enum(['threshold', 'baseline'])
      .describe('threshold: the new version against fixed limits; baseline: the new version against the stable one in the same interval. Default threshold.')
      .prefault('threshold'),
    interval: duration('Time between checks. At least 1s. Default 1m.', { min: LIMITS.minIntervalSeconds }).prefault('1m'),
    initialDelay: duration('Wait this long before the first measurement (Argo initialDelay), e.g. to let new instances warm up. Default 0.').prefault(0),
    failureLimit: int(-1, 1000, 'The analysis fails when more checks than this have failed; -1: never by failures (Argo ≥ 1.8; then consecutiveSuccessLimit is needed). Default 0.').prefault(0),
    consecutiveSuccessLimit: int(0, 1000, "Argo ≥ 1.8: the analysis succeeds after this many passed checks in a row; at its count without them it is inconclusive (with a failureLimit: the rollout pauses) or failed (failureLimit: -1). Default 0: off.").optional(),
    minSamples: int(0, 1_000_000_000, 'Fewer requests than this in an interval make the check inconclusive (the rollout pauses). Default 100.').prefault(100),
    errorRate: closed(
      {
        max: percent('Highest acceptable share of failed requests (threshold judge; the baseline judge needs none).').optional(),
        failAbove: percent("Threshold judge: a check fails only above this; between max and failAbove it is inconclusive (Argo's failureCondition beside its successCondition). Default: above max fails.").optional(),
      },
      'Check the error rate (threshold judge: against max; baseline judge: against the stable version, write errorRate: {}).',
    ).optional(),
    latencyP99: closed(
      {
        max: duration('Highest acceptable 99th-percentile latency (threshold judge; the baseline judge needs none).', { above: 0 }).optional(),
        failAbove: duration("Threshold judge: a check fails only above this; between max and failAbove it is inconclusive (Argo's failureCondition). Default: above max fails.", { above: 0 }).optional(),
      },
      'Check the latency (threshold judge: its p99 against max; baseline judge: against the stable version, write latencyP99: {}).',
    ).optional(),
    metrics: metricList.optional(),
    count: int(1, 10_000, 'Checks in a bounded run (verification after a switch, blue-green analyses). Default 5.').prefault(5),
    startingStep: int(0, 10_000, "A canary's background analysis only: it starts when the steps reach this index, counted from 0 (Argo's analysis.startingStep). Default 0.").optional(),
    firstCheck: z
      .enum(['afterInterval', 'atStart'])
      .describe('When the first check comes: afterInterval judges the first whole interval (Flagger); atStart measures at once, then every interval (Argo; the first window is then empty). Default afterInterval.')
      .optional(),
    inconclusiveLimit: int(0, 1000, "Argo's inconclusiveLimit: the rollout pauses when more checks than this were inconclusive. Default 0.").optional(),
    consecutiveErrorLimit: int(0, 1000, "Argo's consecutiveErrorLimit: the rollout aborts after more consecutive errored checks than this (see noData: error). Default 4.").optional(),
    noData: z
      .enum(['inconclusive', 'fail', 'pass', 'error'])
      .describe("What a check without enough requests counts as: inconclusive (pauses the rollout), fail (Flagger: a failed check), pass, or error (Argo's empty query result; see consecutiveErrorLimit). Default inconclusive.")
      .optional(),
    dryRun: z
      .array(z.enum(['errorRate', 'latencyP99']))
      .describe("Metrics measured and shown but never deciding (Argo's dryRun).")
      .optional(),
    alpha: z
      .number()
      .gt(0)
      .lt(1)
      .describe(`Baseline judge: the chance of failing a good release. With errorControl: plan, over the whole analysis; with per-look, at every look. Default ${BASELINE.alpha}.`)
      .optional(),
    errorControl: z
      .enum(['plan', 'per-look'])
      .describe('Baseline judge: plan spends alpha over the planned looks, so a good release fails with probability ≤ alpha in all; per-look tests every look at alpha, so false failures add up (about 1 − (1 − alpha)^looks). Default plan.')
      .optional(),
    looks: int(1, 10_000, 'Baseline judge, plan control: the looks planned; later looks draw on a reserve. Default: count for bounded runs, 20 otherwise.').optional(),
    effectSize: percent(`Baseline judge: smallest relative worsening that can fail a metric. Default ${BASELINE.effectSize * 100}%.`).optional(),
    allowedIncrease: z
      .number()
      .min(1)
      .max(100)
      .describe("Baseline judge: Kayenta's effect-size tolerance as a ratio, e.g. 1.1 (10% worse may pass); the same as effectSize: 10%. Give one of the two.")
      .optional(),
    pass: score(`score (0–100) at or above which a check passes. Default ${BASELINE.pass}.`).optional(),
    marginal: score(`score (0–100) at or above which a check is marginal; at most pass. Default ${BASELINE.marginal}.`).optional(),
  },
  'Judges the new version while the pattern runs; a failed analysis rolls back. Give errorRate and/or latencyP99.',
);

type Parsed = z.output<typeof shape>;

const NO_DATA = { inconclusive: 'Inconclusive', fail: 'Failed', pass: 'Successful', error: 'Error' } as const;

/** startingStep belongs to a canary's background analysis (Argo's RolloutAnalysisBackground) */
const noStartingStep = rule<Parsed>((a, report) => {
  if (a.startingStep !== undefined) report("startingStep belongs to a canary's background analysis (Argo's strategy.canary.analysis.startingStep)", ['startingStep']);
});

const consistent = rule<Parsed>((a, report) => {
  if (a.failureLimit < 0 && !a.consecutiveSuccessLimit && a.metrics === undefined) {
    report('failureLimit -1 turns the failure limit off, so consecutiveSuccessLimit must be set (at least 1): one of the two must apply, as Argo validates it', ['failureLimit']);
  }
  if (a.judge === 'threshold') {
    if (a.metrics !== undefined) {
      for (const metric of ['errorRate', 'latencyP99'] as const) {
        if (a[metric] !== undefined) report(`give the metrics either as a list (metrics) or as errorRate / latencyP99, not both: move ${metric} into metrics`, [metric]);
      }
      for (const [message, path] of metricListProblems(a.metrics, a)) report(message, ['metrics', ...path]);
      return;
    }
    if (a.errorRate === undefined && a.latencyP99 === undefined) {
      report('the threshold judge needs a limit to check: add errorRate: { max: … } and/or latencyP99: { max: … }, or a metrics list');
    }
    for (const metric of ['errorRate', 'latencyP99'] as const) {
      const bound = a[metric];
      if (bound !== undefined && bound.max === undefined) report('the threshold judge needs a limit here: add max: …', [metric]);
      else if (bound?.failAbove !== undefined && bound.failAbove <= bound.max!) report('failAbove must be above max: between the two a check is inconclusive', [metric, 'failAbove']);
    }
    for (const key of BASELINE_ONLY) {
      if (a[key] !== undefined) report(`${key} is used by the baseline judge only; add judge: baseline or remove it`, [key]);
    }
    return;
  }
  for (const key of THRESHOLD_ONLY) {
    if (a[key] !== undefined) report(`${key} is used by the threshold judge only (the baseline judge reads each look as a whole)`, [key]);
  }
  for (const metric of ['errorRate', 'latencyP99'] as const) {
    if (a[metric]?.failAbove !== undefined) report('failAbove is used by the threshold judge only', [metric, 'failAbove']);
  }
  if (a.allowedIncrease !== undefined && a.effectSize !== undefined) {
    report(`allowedIncrease ${formatNumber(a.allowedIncrease)} and effectSize say the same thing (allowedIncrease = 1 + effectSize); keep one`, ['allowedIncrease']);
  }
  const pass = a.pass ?? BASELINE.pass;
  const marginal = a.marginal ?? BASELINE.marginal;
  if (marginal <= pass) return;
  if (a.marginal === undefined) report(`must be at least marginal (${formatNumber(marginal)} by default), got ${formatNumber(pass)}`, ['pass']);
  else report(`must be at most pass (${formatNumber(pass)}${a.pass === undefined ? ' by default' : ''}), got ${formatNumber(marginal)}`, ['marginal']);
});

/**
 * An analysis block → `AnalysisOptions`; the baseline judge gets its defaults filled in.
 * `background`: a canary's background analysis, which may have a startingStep.
 */
export function analysis(description: string, { background = false } = {}) {
  const checked = background ? shape.check(consistent) : shape.check(consistent, noStartingStep);
  return checked
    .transform(({ noData, metrics, ...given }): AnalysisOptions => {
      const a = noData === undefined ? given : { ...given, noData: NO_DATA[noData] };
      if (a.judge === 'threshold') return metrics ? { ...a, ...metricsOf(metrics, a) } : a;
      const { allowedIncrease, alpha = BASELINE.alpha, errorControl = 'plan', pass = BASELINE.pass, marginal = BASELINE.marginal } = a;
      const effectSize = a.effectSize ?? (allowedIncrease !== undefined ? allowedIncrease - 1 : BASELINE.effectSize);
      const { allowedIncrease: _, ...rest } = a;
      return { ...rest, alpha, effectSize, errorControl, pass, marginal };
    })
    .describe(description);
}
