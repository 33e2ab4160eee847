import { describe, expect, it } from 'vitest';
import { judgeBaseline } from '../../../src/judges/baseline';
import { judgeThreshold } from '../../../src/judges/threshold';
import type { AnalysisSpec } from '../../../src/judges/types';
import { simulateWindow, windowOf } from './support';

const spec: AnalysisSpec = {
  judge: 'baseline',
  interval: 60,
  failureLimit: 0,
  minSamples: 100,
  errorRate: { max: 0.01 },
  latencyP99: { max: 0.8 },
};

const healthy = { requests: 2000, errorRate: 0.005, median: 0.1 };

describe('judgeBaseline (Kayenta-like)', () => {
  it('passes a canary through a dependency outage that the threshold judge rolls back', () => {
    // Both versions fail 20% of their requests because a shared dependency is down.
    const canary = simulateWindow(1, 'canary', { ...healthy, errorRate: 0.2 });
    const stable = simulateWindow(1, 'stable', { ...healthy, errorRate: 0.2 });
    expect(canary.failures / canary.requests).toBeGreaterThan(0.17);

    const threshold = judgeThreshold({ ...spec, judge: 'threshold' }, canary);
    expect(threshold.verdict).toBe('fail');
    expect(threshold.metrics[0].classification).toBe('High');

    const baseline = judgeBaseline(spec, canary, stable);
    expect(baseline.verdict).toBe('pass');
    expect(baseline.score).toBe(100);
    expect(baseline.metrics.map((m) => m.classification)).toEqual(['Pass', 'Pass']);
    expect(baseline.metrics[0].baselineValue).toBeGreaterThan(0.17);
  });

  it('fails a real error-rate regression (5% vs 0.5%)', () => {
    const latencies = Array<number>(1900).fill(0.1);
    const v = judgeBaseline(spec, windowOf(2000, 100, latencies), windowOf(2000, 10, latencies));
    expect(v.verdict).toBe('fail');
    expect(v.score).toBe(50);
    expect(v.metrics[0]).toMatchObject({ metric: 'errorRate', classification: 'High', value: 0.05, baselineValue: 0.005 });
    expect(v.metrics[0].pValue).toBeLessThan(1e-10);
    expect(v.metrics[0].text).toBe('error rate 5.0% vs baseline 0.5% (p<0.0001, n=2,000) → High');
    // Every latency ties, so the rank test has no evidence either way (p=1).
    expect(v.text).toBe(
      'error rate 5.0% vs baseline 0.5% (p<0.0001, n=2,000) → High; ' +
        'median latency 100 ms vs baseline 100 ms (p=1, n=1,900) → Pass; score 50 → fail',
    );
  });

  it('fails a latency regression (service times ×2) on latency alone', () => {
    const canary = simulateWindow(2, 'canary', { ...healthy, median: 0.2 });
    const stable = simulateWindow(2, 'stable', healthy);
    const v = judgeBaseline(spec, canary, stable);
    expect(v.verdict).toBe('fail');
    expect(v.metrics.map((m) => m.classification)).toEqual(['Pass', 'High']);
    const lat = v.metrics[1];
    expect(lat.statistic).toBe('median');
    expect(lat.value / lat.baselineValue!).toBeGreaterThan(1.8);
    expect(lat.pValue).toBeLessThan(1e-10);
  });

  it('passes identical versions', () => {
    const v = judgeBaseline(spec, simulateWindow(3, 'canary', healthy), simulateWindow(3, 'stable', healthy));
    expect(v.verdict).toBe('pass');
    expect(v.score).toBe(100);
    expect(v.metrics.map((m) => m.classification)).toEqual(['Pass', 'Pass']);
  });

  it('calls a clearly better canary Low, which counts as a pass', () => {
    const canary = simulateWindow(4, 'canary', { ...healthy, errorRate: 0.002, median: 0.05 });
    const stable = simulateWindow(4, 'stable', { ...healthy, errorRate: 0.05 });
    const v = judgeBaseline(spec, canary, stable);
    expect(v.metrics.map((m) => m.classification)).toEqual(['Low', 'Low']);
    expect(v.metrics.every((m) => m.pValue! > 0.99)).toBe(true);
    expect(v.verdict).toBe('pass');
  });

  it('is inconclusive when either version has fewer than minSamples requests', () => {
    const few = simulateWindow(5, 'stable', { ...healthy, requests: 60 });
    const many = simulateWindow(5, 'canary', { ...healthy, errorRate: 0.5 });
    for (const v of [judgeBaseline(spec, many, few), judgeBaseline(spec, few, many)]) {
      expect(v.verdict).toBe('inconclusive');
      expect(v.score).toBeUndefined();
      expect(v.metrics.map((m) => m.classification)).toEqual(['Nodata', 'Nodata']);
    }
    expect(judgeBaseline(spec, many, few).text).toBe('too few requests to compare (n=2,000, baseline n=60; minSamples 100)');
  });

  it('ignores significant differences too small to matter: under 10% relative', () => {
    const onlyErrors = { ...spec, latencyP99: undefined };
    // A million requests each: 1.08% vs 1.00% is overwhelmingly significant, but only 8% worse.
    const v = judgeBaseline(onlyErrors, windowOf(1_000_000, 10_800, []), windowOf(1_000_000, 10_000, []));
    expect(v.metrics[0].pValue).toBeLessThan(1e-6);
    expect(v.metrics[0].classification).toBe('Pass');
    // The same share at 1.2% is 20% worse: High.
    const w = judgeBaseline(onlyErrors, windowOf(1_000_000, 12_000, []), windowOf(1_000_000, 10_000, []));
    expect(w.metrics[0].classification).toBe('High');
  });

  it('ignores significant differences too small to matter: under 0.1 percentage point', () => {
    const onlyErrors = { ...spec, latencyP99: undefined };
    // 0.09% vs 0.05%: +80% and p < 1e-6, yet 4 failures in 10,000 requests.
    const v = judgeBaseline(onlyErrors, windowOf(1_000_000, 900, []), windowOf(1_000_000, 500, []));
    expect(v.metrics[0].pValue).toBeLessThan(1e-6);
    expect(v.metrics[0].classification).toBe('Pass');
    const w = judgeBaseline(onlyErrors, windowOf(1_000_000, 1600, []), windowOf(1_000_000, 500, []));
    expect(w.metrics[0].classification).toBe('High');
  });

  it('ignores a significant latency shift smaller than effectSize, and honours a custom effectSize', () => {
    const onlyLatency = { ...spec, errorRate: undefined };
    const canary = simulateWindow(6, 'canary', { ...healthy, requests: 20_000, median: 0.105 });
    const stable = simulateWindow(6, 'stable', { ...healthy, requests: 20_000 });
    const v = judgeBaseline(onlyLatency, canary, stable);
    expect(v.metrics[0].pValue).toBeLessThan(1e-6);
    expect(v.metrics[0].classification).toBe('Pass');
    expect(judgeBaseline({ ...onlyLatency, effectSize: 0.02 }, canary, stable).metrics[0].classification).toBe('High');
  });

  it('honours alpha: p ≈ 0.014 is High at the default 0.02, Pass at 0.01', () => {
    const onlyErrors = { ...spec, latencyP99: undefined };
    const canary = windowOf(2000, 62, []);
    const stable = windowOf(2000, 40, []);
    const v = judgeBaseline(onlyErrors, canary, stable);
    expect(v.metrics[0].pValue).toBeGreaterThan(0.01);
    expect(v.metrics[0].pValue).toBeLessThan(0.02);
    expect(v.metrics[0].classification).toBe('High');
    expect(judgeBaseline({ ...onlyErrors, alpha: 0.01 }, canary, stable).metrics[0].classification).toBe('Pass');
  });

  it('cuts the score with the configured pass and marginal levels', () => {
    const canary = simulateWindow(2, 'canary', { ...healthy, median: 0.2 });
    const stable = simulateWindow(2, 'stable', healthy);
    expect(judgeBaseline({ ...spec, pass: 100, marginal: 50 }, canary, stable).verdict).toBe('marginal');
    expect(judgeBaseline({ ...spec, pass: 50 }, canary, stable).verdict).toBe('pass');
  });

  it('compares both metrics when none is configured, never using the absolute maxima', () => {
    const bare: AnalysisSpec = { judge: 'baseline', interval: 60, failureLimit: 0, minSamples: 100 };
    const v = judgeBaseline(bare, simulateWindow(7, 'canary', healthy), simulateWindow(7, 'stable', healthy));
    expect(v.metrics.map((m) => m.metric)).toEqual(['errorRate', 'latencyP99']);
    expect(v.metrics.every((m) => m.threshold === undefined)).toBe(true);
  });
});
