// Threshold analysis, as Argo Rollouts' AnalysisRun (`failureCondition: result > 0.01`) and Flagger's
// metric checks (`thresholdRange: { max }`) do it: the new version's own numbers against fixed
// ceilings. It never looks at the stable version, so anything that hurts every version alike (a
// dependency outage) fails the canary too: the lesson the baseline judge answers.
import { count, limitPercent, ms, percent } from './format';
import type { AnalysisSpec, MetricBound, MetricResult, Verdict, WindowStats } from './types';

/** Judges one interval of the new version against the configured maxima. */
export function judgeThreshold(spec: AnalysisSpec, canary: WindowStats): Verdict {
  const n = canary.requests;
  const suffix = `(n=${count(n)})`;

  // Argo counts a measurement without enough data as Inconclusive, which pauses the rollout
  // instead of failing it: a quiet minute is not evidence of a bad release.
  if (n < spec.minSamples) {
    const metrics = configured(spec).map((metric): MetricResult => ({
      metric,
      classification: 'Nodata',
      value: metric === 'errorRate' ? (n > 0 ? canary.failures / n : 0) : canary.latency.quantile(0.99),
      threshold: metric === 'errorRate' ? spec.errorRate!.max : spec.latencyP99!.max,
      ...(metric === 'latencyP99' ? { statistic: 'p99' as const } : {}),
      text: `${label(metric)}: too few requests (n=${count(n)} < ${count(spec.minSamples)})`,
    }));
    return {
      verdict: 'inconclusive',
      metrics,
      samples: n,
      text: `too few requests to judge (n=${count(n)} < minSamples ${count(spec.minSamples)})`,
    };
  }

  const phrases: string[] = [];
  const metrics: MetricResult[] = [];
  // A limit-less metric is the baseline judge's business; the scenario layer requires max here.
  if (spec.errorRate?.max !== undefined) {
    const rate = canary.failures / n;
    const judged = against(rate, spec.errorRate, percent, limitPercent);
    phrases.push(`error rate ${judged.phrase}`);
    metrics.push({ metric: 'errorRate', classification: judged.classification, value: rate, threshold: spec.errorRate.max, text: `error rate ${judged.phrase} ${suffix}` });
  }
  if (spec.latencyP99?.max !== undefined) {
    const max = spec.latencyP99.max;
    if (canary.latency.total === 0) {
      // Every request failed or was rejected: there is no latency to read.
      const phrase = 'p99: no request was served';
      phrases.push(phrase);
      metrics.push({ metric: 'latencyP99', classification: 'Nodata', value: 0, threshold: max, statistic: 'p99', text: `${phrase} ${suffix}` });
    } else {
      const p99 = canary.latency.quantile(0.99);
      const judged = against(p99, spec.latencyP99, ms, ms);
      phrases.push(`p99 ${judged.phrase}`);
      metrics.push({ metric: 'latencyP99', classification: judged.classification, value: p99, threshold: max, statistic: 'p99', text: `p99 ${judged.phrase} ${suffix}` });
    }
  }

  // One failed metric fails the measurement (Argo evaluates failureCondition per metric and any
  // Failed measurement counts against failureLimit); missing data alone only makes it inconclusive.
  const verdict = metrics.some((m) => m.classification === 'High')
    ? 'fail'
    : metrics.some((m) => m.classification === 'Nodata' || m.classification === 'Inconclusive')
      ? 'inconclusive'
      : 'pass';
  const text = phrases.length > 0 ? `${phrases.join(', ')} ${suffix}` : `no metric configured ${suffix}`;
  return { verdict, metrics, samples: n, text };
}

/**
 * A value against its bound: ≤ max passes, above failAbove (or above max when there is none) fails,
 * and in between it meets neither of Argo's conditions: Inconclusive (analysis/evaluate.go).
 */
function against(value: number, bound: MetricBound, show: (v: number) => string, showLimit: (v: number) => string) {
  const max = bound.max!;
  if (value <= max) return { classification: 'Pass' as const, phrase: `${show(value)} ≤ ${showLimit(max)}` };
  if (bound.failAbove !== undefined && value <= bound.failAbove) {
    return { classification: 'Inconclusive' as const, phrase: `${show(value)} between ${showLimit(max)} and ${showLimit(bound.failAbove)}, neither passing nor failing` };
  }
  return { classification: 'High' as const, phrase: `${show(value)} > ${showLimit(bound.failAbove ?? max)}` };
}

function configured(spec: AnalysisSpec): MetricResult['metric'][] {
  const out: MetricResult['metric'][] = [];
  if (spec.errorRate) out.push('errorRate');
  if (spec.latencyP99) out.push('latencyP99');
  return out;
}

function label(metric: MetricResult['metric']): string {
  return metric === 'errorRate' ? 'error rate' : 'p99';
}
