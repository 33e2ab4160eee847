// A rollout's analysis is one decision made over many looks. Run as a canary judged against the
// stable version every minute for ~22 minutes with failureLimit 0, identical releases must be rolled
// back at most as often as the plan's alpha says, with or without a shared outage; the same plan must
// still catch a doubled error rate. Per-look testing is kept as the lesson: it rolls back far more.
import { describe, expect, it } from 'vitest';
import { loadPlan, runSeeds, share, withAnalysis } from '../support/judgePlans';

const SEEDS = 30;

describe(`the baseline judge's plan-wide error control, ${SEEDS} seeds each`, () => {
  it('rolls back identical releases at most alpha (0.02) plus sampling error', () => {
    // Binomial(60, 0.02): P(≥ 3 rollbacks) ≈ 0.02; the per-look judge rolled back ~30% here.
    const runs = runSeeds(loadPlan('identical-canary'), 1, SEEDS);
    expect(share(runs, 'rolled-back')).toBeLessThanOrEqual(2 / SEEDS);
  }, 120_000);

  it('rolls back identical releases through a shared dependency outage at most as often', () => {
    const runs = runSeeds(loadPlan('outage-canary'), 1001, SEEDS);
    expect(share(runs, 'rolled-back')).toBeLessThanOrEqual(2 / SEEDS);
  }, 120_000);

  it('still catches a doubled error rate (0.5% → 1%) at 20% canary weight in ≥ 90% of seeds', () => {
    const runs = runSeeds(loadPlan('doubled-errors'), 2001, SEEDS);
    expect(share(runs, 'rolled-back')).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it('tested per look instead, the same identical releases roll back far more often than alpha', () => {
    // 22 looks at 0.02 each: 1 − 0.98^22 ≈ 36% (Fisher's test is a little conservative).
    const runs = runSeeds(withAnalysis(loadPlan('identical-canary'), { errorControl: 'per-look' }), 1, SEEDS);
    expect(share(runs, 'rolled-back')).toBeGreaterThanOrEqual(0.15);
  }, 120_000);
});
