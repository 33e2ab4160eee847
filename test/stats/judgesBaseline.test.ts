// The canary judges over many seeded analysis windows: the baseline judge's false alarms stay near its
// alpha, it ignores an outage that hits both versions (which the threshold judge fails every time),
// and it still catches real regressions.
import { describe, expect, it } from 'vitest';
import { judgeBaseline } from '../../src/judges/baseline';
import { judgeThreshold } from '../../src/judges/threshold';
import type { AnalysisSpec, Verdict } from '../../src/judges/types';
import { simulateWindow, type Traffic } from '../unit/judges/support';

const spec: AnalysisSpec = {
  judge: 'baseline',
  interval: 60,
  failureLimit: 0,
  minSamples: 100,
  errorRate: { max: 0.01 },
  latencyP99: { max: 0.8 },
};
const healthy: Traffic = { requests: 2000, errorRate: 0.005, median: 0.1 };
const WINDOWS = 200;

function rate(seed: number, canary: Traffic, stable: Traffic, judge: (c: ReturnType<typeof simulateWindow>, s: ReturnType<typeof simulateWindow>) => Verdict): number {
  let fails = 0;
  for (let w = 0; w < WINDOWS; w++) {
    if (judge(simulateWindow(seed, `canary-${w}`, canary), simulateWindow(seed, `stable-${w}`, stable)).verdict === 'fail') fails++;
  }
  return fails / WINDOWS;
}

const baseline = (c: ReturnType<typeof simulateWindow>, s: ReturnType<typeof simulateWindow>) => judgeBaseline(spec, c, s);
const threshold = (c: ReturnType<typeof simulateWindow>) => judgeThreshold({ ...spec, judge: 'threshold' }, c);

describe(`the baseline judge over ${WINDOWS} windows of 2,000 requests per version`, () => {
  it('fails identical versions rarely: at most the two metrics’ alpha (2 × 0.02) plus noise', () => {
    expect(rate(1, healthy, healthy, baseline)).toBeLessThanOrEqual(0.04 + 0.03);
  });

  it('passes through a shared dependency outage (both versions at 20% errors) that the threshold judge always fails', () => {
    const outage = { ...healthy, errorRate: 0.2 };
    expect(rate(2, outage, outage, threshold)).toBe(1);
    expect(rate(2, outage, outage, baseline)).toBeLessThanOrEqual(0.04 + 0.03);
  });

  it('catches an error-rate regression (2% vs 0.5%) in ≥ 95% of windows', () => {
    expect(rate(3, { ...healthy, errorRate: 0.02 }, healthy, baseline)).toBeGreaterThanOrEqual(0.95);
  });

  it('catches a latency regression (service times ×1.3) in ≥ 95% of windows', () => {
    expect(rate(4, { ...healthy, median: 0.13 }, healthy, baseline)).toBeGreaterThanOrEqual(0.95);
  });
});
