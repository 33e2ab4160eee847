// The rolling update's arithmetic against the Kubernetes Deployment controller: maxSurge rounds up,
// maxUnavailable rounds down, and each step keeps live ≤ desired + surge, available ≥ desired − unavailable.
import { describe, expect, it } from 'vitest';
import { planRollingStep, resolveCount, resolveFenceposts, type RollingState } from '../../../src/patterns/rollingPlan';

const state = (s: Partial<RollingState>): RollingState => ({
  desired: 10, surge: 3, unavailable: 2, targetLive: 0, targetAvailable: 0, sourceLive: 10, sourceAvailable: 10, ...s,
});

describe('resolveCount', () => {
  it('rounds a percentage of maxSurge up and of maxUnavailable down (10 replicas at 25%: 3 and 2)', () => {
    expect(resolveCount({ kind: 'percent', value: 0.25 }, 10, true)).toBe(3);
    expect(resolveCount({ kind: 'percent', value: 0.25 }, 10, false)).toBe(2);
  });
  it('keeps exact products exact despite floating point (30% of 10 is 3 both ways)', () => {
    expect(resolveCount({ kind: 'percent', value: 0.3 }, 10, true)).toBe(3);
    expect(resolveCount({ kind: 'percent', value: 0.3 }, 10, false)).toBe(3);
  });
  it('takes a count as it is', () => {
    expect(resolveCount({ kind: 'count', value: 4 }, 10, true)).toBe(4);
  });
});

describe('planRollingStep', () => {
  it('first step: surges 3 new instances and drains 2 old ones (at most 13 live, at least 8 available)', () => {
    expect(planRollingStep(state({}))).toEqual({ targetLive: 3, drainSource: 2, done: false });
  });

  it('drains nothing more while the new instances are not available yet', () => {
    const step = planRollingStep(state({ targetLive: 3, sourceLive: 8, sourceAvailable: 8 }));
    expect(step).toEqual({ targetLive: 5, drainSource: 0, done: false });
  });

  it('drains as many old ones as new ones became available', () => {
    const step = planRollingStep(state({ targetLive: 5, targetAvailable: 3, sourceLive: 8, sourceAvailable: 8 }));
    expect(step.drainSource).toBe(3);
    expect(step.targetLive).toBe(5);
  });

  it('with maxUnavailable 0 surges first and drains only what is replaced', () => {
    const s = state({ surge: 1, unavailable: 0 });
    expect(planRollingStep(s)).toEqual({ targetLive: 1, drainSource: 0, done: false });
    expect(planRollingStep({ ...s, targetLive: 1, targetAvailable: 1 })).toEqual({ targetLive: 1, drainSource: 1, done: false });
  });

  // Kubernetes' ResolveFenceposts (pkg/controller/deployment/util/deployment_util.go): "If both
  // fenceposts resolve to zero, then we should set maxUnavailable to 1 on the theory that surge might
  // not work due to quota." So 1 desired at maxSurge 0%, maxUnavailable 1% scales old(-1), then new(+1).
  it('when both resolve to 0, takes one old instance down first, as Kubernetes does (maxUnavailable 1), not a surge', () => {
    const first = planRollingStep(state({ surge: 0, unavailable: 0 }));
    expect(first).toEqual({ targetLive: 0, drainSource: 1, done: false });
    // the old one gone, the new one may start: old(-1), then new(+1)
    expect(planRollingStep(state({ surge: 0, unavailable: 0, sourceLive: 9, sourceAvailable: 9 })).targetLive).toBe(1);
  });

  it('resolves the fenceposts together: 2 desired, maxSurge 0%, maxUnavailable 1% gives surge 0, unavailable 1', () => {
    expect(resolveFenceposts({ kind: 'percent', value: 0 }, { kind: 'percent', value: 0.01 }, 2)).toEqual({ surge: 0, unavailable: 1 });
    expect(resolveFenceposts({ kind: 'percent', value: 0.01 }, { kind: 'percent', value: 0 }, 2)).toEqual({ surge: 1, unavailable: 0 });
    expect(resolveFenceposts({ kind: 'percent', value: 0.25 }, { kind: 'percent', value: 0.25 }, 10)).toEqual({ surge: 3, unavailable: 2 });
  });

  it('may always drain old instances that are not available', () => {
    expect(planRollingStep(state({ surge: 0, unavailable: 0, sourceAvailable: 6 })).drainSource).toBe(4);
  });

  it('is done when every desired new instance is available and no old one is left', () => {
    expect(planRollingStep(state({ targetLive: 10, targetAvailable: 10, sourceLive: 0, sourceAvailable: 0 }))).toEqual({ targetLive: 10, drainSource: 0, done: true });
    expect(planRollingStep(state({ targetLive: 10, targetAvailable: 9, sourceLive: 0, sourceAvailable: 0 })).done).toBe(false);
  });

  it('walked to the end, never exceeds desired + surge live nor falls below desired − unavailable available', () => {
    let s = state({});
    for (let round = 0; round < 20 && !planRollingStep(s).done; round++) {
      const step = planRollingStep(s);
      // Apply: drain, start the new ones, and let every started one become available.
      const sourceLive = s.sourceLive - step.drainSource;
      expect(step.targetLive + sourceLive).toBeLessThanOrEqual(s.desired + s.surge);
      expect(s.targetAvailable + Math.min(sourceLive, s.sourceAvailable)).toBeGreaterThanOrEqual(s.desired - s.unavailable);
      s = { ...s, sourceLive, sourceAvailable: Math.min(s.sourceAvailable, sourceLive), targetLive: step.targetLive, targetAvailable: step.targetLive };
    }
    expect(planRollingStep(s).done).toBe(true);
  });
});
