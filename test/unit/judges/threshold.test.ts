import { describe, expect, it } from 'vitest';
import { judgeThreshold } from '../../../src/judges/threshold';
import type { AnalysisSpec } from '../../../src/judges/types';
import { windowOf } from './support';

const spec: AnalysisSpec = {
  judge: 'threshold',
  interval: 60,
  failureLimit: 0,
  minSamples: 100,
  errorRate: { max: 0.01 },
  latencyP99: { max: 0.8 },
};

/** n latencies: 1,100 fast ones, the rest (≥ 1%) at `slow` seconds, so the p99 is `slow`. */
function latencies(n: number, slow: number): number[] {
  return Array.from({ length: n }, (_, i) => (i < 1100 ? 0.05 : slow));
}

describe('judgeThreshold (Argo / Flagger)', () => {
  it('fails when the error rate is above its max', () => {
    const v = judgeThreshold({ ...spec, latencyP99: undefined }, windowOf(1204, 51, latencies(1153, 0.2)));
    expect(v.verdict).toBe('fail');
    expect(v.text).toBe('error rate 4.2% > 1% (n=1,204)');
    expect(v.samples).toBe(1204);
    expect(v.metrics).toEqual([
      { metric: 'errorRate', classification: 'High', value: 51 / 1204, threshold: 0.01, text: 'error rate 4.2% > 1% (n=1,204)' },
    ]);
  });

  it('passes when every configured metric is within its max', () => {
    // 1,203 served, 103 of them at 212 ms: the nearest-rank p99 (rank 1,191) is one of those.
    const v = judgeThreshold(spec, windowOf(1204, 1, latencies(1203, 0.212)));
    expect(v.verdict).toBe('pass');
    expect(v.text).toBe('error rate 0.083% ≤ 1%, p99 212 ms ≤ 800 ms (n=1,204)');
    expect(v.metrics.map((m) => m.classification)).toEqual(['Pass', 'Pass']);
    expect(v.metrics[1].value).toBeCloseTo(0.212, 3);
    expect(v.metrics[1].statistic).toBe('p99');
  });

  it('fails on the p99 alone', () => {
    const v = judgeThreshold(spec, windowOf(2000, 2, latencies(1998, 1.25)));
    expect(v.verdict).toBe('fail');
    expect(v.text).toBe('error rate 0.1% ≤ 1%, p99 1,254 ms > 800 ms (n=2,000)');
    expect(v.metrics.map((m) => m.classification)).toEqual(['Pass', 'High']);
  });

  it('counts a rate exactly at the max as within it (High only when greater)', () => {
    const v = judgeThreshold({ ...spec, latencyP99: undefined }, windowOf(1000, 10, []));
    expect(v.verdict).toBe('pass');
    expect(v.text).toBe('error rate 1.0% ≤ 1% (n=1,000)');
  });

  it('is inconclusive, not failed, below minSamples, however bad the numbers', () => {
    const v = judgeThreshold(spec, windowOf(42, 30, latencies(12, 5)));
    expect(v.verdict).toBe('inconclusive');
    expect(v.text).toBe('too few requests to judge (n=42 < minSamples 100)');
    expect(v.metrics.map((m) => [m.metric, m.classification])).toEqual([
      ['errorRate', 'Nodata'],
      ['latencyP99', 'Nodata'],
    ]);
  });

  it('judges only the configured metrics', () => {
    const slowAndFailing = windowOf(1000, 500, Array<number>(500).fill(3));
    const latencyOnly = judgeThreshold({ ...spec, errorRate: undefined, latencyP99: { max: 5 } }, slowAndFailing);
    expect(latencyOnly.verdict).toBe('pass');
    expect(latencyOnly.metrics.map((m) => m.metric)).toEqual(['latencyP99']);
    expect(latencyOnly.text).toBe('p99 3,008 ms ≤ 5,000 ms (n=1,000)');

    const errorsOnly = judgeThreshold({ ...spec, latencyP99: undefined }, windowOf(1000, 1, latencies(999, 3)));
    expect(errorsOnly.verdict).toBe('pass');
    expect(errorsOnly.metrics.map((m) => m.metric)).toEqual(['errorRate']);
  });

  it('reads a latency metric with nothing served as missing data', () => {
    const v = judgeThreshold({ ...spec, errorRate: undefined }, windowOf(500, 500, []));
    expect(v.verdict).toBe('inconclusive');
    expect(v.metrics[0].classification).toBe('Nodata');
  });
});
