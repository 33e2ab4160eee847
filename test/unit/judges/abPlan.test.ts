// The planned A/B test's minimum detectable effect, against SciPy: brentq on
// (norm.ppf(1 − α/2) + norm.ppf(0.8))·√((p₁(1 − p₁) + p₂(1 − p₂))/n) − (p₂ − p₁).
import { describe, expect, it } from 'vitest';
import { planAbTest } from '../../../src/judges/abPlan';

describe('planAbTest', () => {
  it.each([
    [0.1, 5000, 0.05, 0.17434955480177283],
    [0.1, 3000, 0.05, 0.22741560319943943],
    [0.03, 10000, 0.05, 0.2378246276971443],
    [0.104, 2000, 0.01, 0.3391600020431067],
  ])('rate %f, %i per arm, α %f: MDE agrees with SciPy', (rate, n, alpha, mde) => {
    expect(planAbTest(rate, n, alpha).mde).toBeCloseTo(mde, 9);
  });

  it('has no MDE without a baseline rate to detect a change of', () => {
    expect(planAbTest(0, 5000).mde).toBeNull();
  });
});
