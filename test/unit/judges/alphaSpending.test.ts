import { describe, expect, it } from 'vitest';
import { alphaSpent, lookAlpha } from '../../../src/judges/alphaSpending';

describe('alpha spending over planned looks', () => {
  it('shares the budget evenly over the planned looks, one share kept in reserve', () => {
    expect(lookAlpha(0.02, 19, 1)).toBeCloseTo(0.001, 15);
    expect(lookAlpha(0.02, 19, 19)).toBeCloseTo(0.001, 15);
    expect(alphaSpent(0.02, 19, 19)).toBeCloseTo(0.019, 12);
  });

  it('never spends more than the budget, however many looks past the plan', () => {
    expect(lookAlpha(0.02, 19, 20)).toBeCloseTo(0.0005, 15); // the reserve's first half
    expect(alphaSpent(0.02, 19, 2000)).toBeLessThan(0.02);
    expect(alphaSpent(0.02, 19, 2000)).toBeGreaterThan(0.01999);
  });

  it('per-look control tests every look at alpha, so its spending grows without bound', () => {
    expect(lookAlpha(0.02, 19, 40, 'per-look')).toBe(0.02);
    expect(alphaSpent(0.02, 19, 40, 'per-look')).toBeCloseTo(0.8, 12);
  });
});
