// Baseline comparison, after Kayenta's NetflixACAJudge (Spinnaker automated canary analysis): the new
// version is judged against the stable version over the same interval, so whatever hits both alike
// (a dependency outage, a traffic spike) cancels out. Each metric is classified Pass / High / Low /
// Nodata; the score is the share of metrics that did not get worse; `pass` and `marginal` cut it.
//
// Deliberately absent: the absolute ceilings (`errorRate.max`, `latencyP99.max`). They belong to the
// threshold judge; applying them here would fail the canary during a shared outage, the very false
// rollback this judge exists to avoid (Kayenta's judge has no absolute limits either). The spec's
// metric entries only choose which metrics are compared; with none, both are.
import type { ErrorControl } from './alphaSpending';
import { count, ms, pEquals, percent } from './format';
import { mannWhitneyFromHistograms } from './mannWhitney';
import { fisherGreater } from './fisherExact';
import type { AnalysisSpec, MetricName, MetricResult, Verdict, WindowStats } from './types';

export const BASELINE_DEFAULTS = {
  /** Kayenta's stored judge runs its rank test at 98% confidence */
  alpha: 0.02,
  /** Kayenta `effectSize` style: fail only when at least 10% worse */
  effectSize: 0.1,
  pass: 95,
  marginal: 75,
  /**
   * An error-rate increase smaller than 0.1 percentage point never fails a metric, however
   * significant: that is the whole monthly budget of a 99.9% SLO, and with enough traffic a rise from
   * 0.010% to 0.012% is both "significant" and "+20%" while harming almost no one.
   */
  minErrorRateIncrease: 0.001,
};

/** Where a look stands in its plan: the α it may spend (see alphaSpending.ts). */
export interface Look {
  /** this look, 1-based, and the looks planned */
  k: number;
  looks: number;
  /** the α of this look: its share of the plan's budget, or the whole α per look */
  alpha: number;
  control: ErrorControl;
}

/**
 * One look. Without `look` every metric is tested at spec.alpha (the per-look lesson); with a plan,
 * the look's α is split evenly among the metrics compared (Bonferroni), so a look fails falsely
 * with probability ≤ look.alpha.
 */
export function judgeBaseline(spec: AnalysisSpec, canary: WindowStats, baseline: WindowStats, look?: Look): Verdict {
  const effect = spec.effectSize ?? BASELINE_DEFAULTS.effectSize;
  const passScore = spec.pass ?? BASELINE_DEFAULTS.pass;
  const marginalScore = spec.marginal ?? BASELINE_DEFAULTS.marginal;
  const names = compared(spec);
  const n = canary.requests;
  const planned = look !== undefined && look.control === 'plan';
  const alpha = planned ? look.alpha / names.length : (look?.alpha ?? spec.alpha ?? BASELINE_DEFAULTS.alpha);
  const lookInfo = look === undefined ? {} : { look: look.k, looks: look.looks, alpha };

  if (n < spec.minSamples || baseline.requests < spec.minSamples) {
    const why = `too few requests to compare (n=${count(n)}, baseline n=${count(baseline.requests)}; minSamples ${count(spec.minSamples)})`;
    const metrics = names.map((metric): MetricResult => ({ metric, classification: 'Nodata', value: 0, text: why }));
    return { verdict: 'inconclusive', metrics, samples: n, text: why, ...lookInfo };
  }

  const metrics = names.map((m) =>
    m === 'errorRate' ? errorRate(canary, baseline, alpha, effect) : latency(spec, canary, baseline, alpha, effect),
  );
  const judged = metrics.filter((m) => m.classification !== 'Nodata');
  if (judged.length === 0) {
    return { verdict: 'inconclusive', metrics, samples: n, text: metrics.map((m) => m.text).join('; '), ...lookInfo };
  }
  // Kayenta: a metric that got better (Low) is as good as Pass for a "must not increase" metric.
  const good = judged.filter((m) => m.classification === 'Pass' || m.classification === 'Low').length;
  const score = (100 * good) / judged.length;
  const verdict = score >= passScore ? 'pass' : score >= marginalScore ? 'marginal' : 'fail';
  const text = `${metrics.map((m) => m.text).join('; ')}; score ${Math.round(score)} → ${verdict}${planned ? ` (look ${look.k} of ${look.looks} planned, α ${alphaText(alpha)} per metric)` : ''}`;
  return { verdict, metrics, samples: n, score, text, ...lookInfo };
}

function compared(spec: AnalysisSpec): MetricName[] {
  const names: MetricName[] = [];
  if (spec.errorRate) names.push('errorRate');
  if (spec.latencyP99) names.push('latencyP99');
  return names.length > 0 ? names : ['errorRate', 'latencyP99'];
}

// One-sided Fisher exact test: is the canary's failure rate higher than the baseline's? (Exact, not
// the z-test: failures are rare and the per-look α of a plan is small; see fisherExact.ts.)
function errorRate(canary: WindowStats, baseline: WindowStats, alpha: number, effect: number): MetricResult {
  const c = canary.failures / canary.requests;
  const b = baseline.failures / baseline.requests;
  const pGreater = fisherGreater(canary.failures, canary.requests, baseline.failures, baseline.requests);
  const pLess = fisherGreater(baseline.failures, baseline.requests, canary.failures, canary.requests);
  const min = BASELINE_DEFAULTS.minErrorRateIncrease;
  // Significant is not enough: the difference must also matter, relatively and absolutely.
  const worse = c > b * (1 + effect) && c - b >= min;
  const better = b > c * (1 + effect) && b - c >= min;
  const classification = pGreater < alpha && worse ? 'High' : pLess < alpha && better ? 'Low' : 'Pass';
  const text = `error rate ${percent(c)} vs baseline ${percent(b)} (${pEquals(pGreater)}, n=${count(canary.requests)}) → ${classification}`;
  return { metric: 'errorRate', classification, value: c, baselineValue: b, pValue: pGreater, text };
}

// One-sided Mann–Whitney U on the latency histograms, gated on the medians. The median, not the p99,
// because it is the shift a rank test detects: U barely moves when only the slowest 1% changes, and a
// p99 from a few hundred samples rests on a handful of requests. Tail ceilings are the threshold
// judge's job.
function latency(spec: AnalysisSpec, canary: WindowStats, baseline: WindowStats, alpha: number, effect: number): MetricResult {
  const nc = canary.latency.total;
  const nb = baseline.latency.total;
  if (nc < spec.minSamples || nb < spec.minSamples) {
    const text = `latency: too few served requests (n=${count(nc)}, baseline n=${count(nb)}) → Nodata`;
    return { metric: 'latencyP99', classification: 'Nodata', value: 0, statistic: 'median', text };
  }
  const mw = mannWhitneyFromHistograms(canary.latency, baseline.latency);
  const c = canary.latency.quantile(0.5);
  const b = baseline.latency.quantile(0.5);
  const worse = c > b * (1 + effect);
  const better = b > c * (1 + effect);
  const classification = mw.pGreater < alpha && worse ? 'High' : mw.pLess < alpha && better ? 'Low' : 'Pass';
  const text = `median latency ${ms(c)} vs baseline ${ms(b)} (${pEquals(mw.pGreater)}, n=${count(nc)}) → ${classification}`;
  return { metric: 'latencyP99', classification, value: c, baselineValue: b, pValue: mw.pGreater, statistic: 'median', text };
}

/** A small significance level as a person reads it: 0.02, 0.00095, 1.2e-6. */
function alphaText(a: number): string {
  return a >= 1e-4 ? String(Number(a.toPrecision(2))) : a.toExponential(1);
}
