// Argo's inconclusive band (analysis/evaluate.go, EvaluateResult): with a successCondition and a
// looser failureCondition, a measurement that meets neither is Inconclusive, neither passing nor
// failing; and each metric counted against its own limits (analysis/analysis.go, assessMetricStatus
// runs per metric), so a lenient metric is not held to a strict one's failureLimit.
import { describe, expect, it } from 'vitest';
import { judgeThreshold } from '../../../src/judges/threshold';
import { assessPerMetric, emptyTally, record, type Tally } from '../../../src/judges/analysisRun';
import type { AnalysisSpec, MetricName } from '../../../src/judges/types';
import { windowOf } from './support';

// success: error rate ≤ 5% (result[0] >= 0.95 on a success ratio); failure: above 10% (result[0] < 0.90)
const band: AnalysisSpec = { judge: 'threshold', interval: 60, failureLimit: 0, minSamples: 100, errorRate: { max: 0.05, failAbove: 0.1 } };
const served = (n: number) => Array.from({ length: n }, () => 0.05);

describe('the band between success and failure conditions', () => {
  it('passes at or below max, is inconclusive inside the band, fails above failAbove', () => {
    expect(judgeThreshold(band, windowOf(1000, 40, served(960))).verdict).toBe('pass');
    const inBand = judgeThreshold(band, windowOf(1000, 70, served(930)));
    expect(inBand.verdict).toBe('inconclusive');
    expect(inBand.metrics[0]).toMatchObject({ classification: 'Inconclusive' });
    expect(inBand.text).toBe('error rate 7.0% between 5% and 10%, neither passing nor failing (n=1,000)');
    const above = judgeThreshold(band, windowOf(1000, 120, served(880)));
    expect(above.verdict).toBe('fail');
    expect(above.text).toBe('error rate 12.0% > 10% (n=1,000)');
  });

  it('without failAbove, anything above max fails (one condition only)', () => {
    expect(judgeThreshold({ ...band, errorRate: { max: 0.05 } }, windowOf(1000, 70, served(930))).verdict).toBe('fail');
  });
});

describe('limits counted per metric', () => {
  const limits = { errorRate: { failureLimit: 3, inconclusiveLimit: 0, consecutiveErrorLimit: 4 }, latencyP99: { failureLimit: 0, inconclusiveLimit: 0, consecutiveErrorLimit: 4 } };
  const tallyOf = (...phases: ('Successful' | 'Failed')[]) => phases.reduce((t, p) => record(t, p), emptyTally());

  it('fails the run only when a metric passes its own failureLimit, naming that metric', () => {
    const two = new Map<MetricName, Tally>([['errorRate', tallyOf('Failed', 'Failed')], ['latencyP99', tallyOf('Successful', 'Successful')]]);
    // two failed error-rate checks: 2 ≤ 3, still running (counted together with the strictest limit, 0, it would have failed)
    expect(assessPerMetric(two, limits)).toEqual({ phase: 'Running', done: [] });
    const four = new Map<MetricName, Tally>([['errorRate', tallyOf('Failed', 'Failed', 'Failed', 'Failed')], ['latencyP99', tallyOf('Successful')]]);
    expect(assessPerMetric(four, limits)).toEqual({ phase: 'Failed', metric: 'errorRate', done: [] });
    const slow = new Map<MetricName, Tally>([['errorRate', tallyOf('Successful')], ['latencyP99', tallyOf('Failed')]]);
    expect(assessPerMetric(slow, limits)).toEqual({ phase: 'Failed', metric: 'latencyP99', done: [] });
  });

  it('is Successful once every metric has taken its own count, with no metric failed', () => {
    const counted = { errorRate: { ...limits.errorRate, count: 2 }, latencyP99: { ...limits.latencyP99, count: 3 } };
    const two = new Map<MetricName, Tally>([['errorRate', tallyOf('Failed', 'Successful')], ['latencyP99', tallyOf('Successful', 'Successful')]]);
    // the error rate is done after its 2, the p99 runs on to its 3
    expect(assessPerMetric(two, counted)).toEqual({ phase: 'Running', done: ['errorRate'] });
    two.set('latencyP99', tallyOf('Successful', 'Successful', 'Successful'));
    expect(assessPerMetric(two, counted)).toEqual({ phase: 'Successful', done: ['errorRate', 'latencyP99'] });
  });
});
