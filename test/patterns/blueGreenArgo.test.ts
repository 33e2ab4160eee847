// Blue-green as Argo Rollouts sequences it (docs/features/bluegreen.md, "Sequence of Events";
// rollout/bluegreen.go): the preview is analysed once green is fully available, the
// autoPromotionSeconds countdown starts only after the pre-promotion analysis has succeeded,
// autoPromotionEnabled: false pauses the rollout for a human, and with scaleDownDelaySeconds left
// out blue is not scaled down while the post-promotion analysis runs ("Cannot scale down old
// ReplicaSets while Analysis is running and no ScaleDownDelaySeconds").
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src';
import type { AnalysisOptions, BlueGreenOptions } from '../../src/patterns/options';
import type { ManualAction, RunRecord } from '../../src/runtime/types';
import { scenario, version } from '../support/scenarios';

const ROLLOUT_AT = 60;
const check = (count: number): AnalysisOptions => ({ judge: 'threshold', interval: 60, failureLimit: 0, minSamples: 1, count, errorRate: { max: 0.01 } });
const blueGreen = (options: Partial<BlueGreenOptions>, v2ErrorRate = 0, manual: ManualAction[] = []): RunRecord =>
  runScenario(
    scenario({
      duration: 1200,
      versions: [version('v1'), { ...version('v2'), errorRate: v2ErrorRate }],
      rollout: { from: 'v1', to: 'v2', at: ROLLOUT_AT },
      compare: [{ pattern: 'blue-green', label: 'bg', options: { autoPromotionSeconds: 0, previewTraffic: 20, scaleDownDelay: 30, ...options } }],
    }),
    { manual },
  ).runs[0];

describe('Argo blue-green timing', () => {
  it('starts the autoPromotionSeconds countdown once the pre-promotion analysis has succeeded', () => {
    const r = blueGreen({ autoPromotionSeconds: 120, prePromotionAnalysis: check(2) });
    const switched = r.decisions.find((d) => d.reason === 'autoPromotionSeconds')!;
    const greenUp = ROLLOUT_AT + 20; // the fleet's startup time
    expect(switched.t - greenUp).toBe(2 * 60 + 120); // two checks, then the countdown: not max(2 min, 2 min)
  });

  it('pauses for a human when autoPromotionEnabled is false, and promotes when told', () => {
    const waiting = blueGreen({ autoPromotionSeconds: null, prePromotionAnalysis: check(1) });
    expect(waiting.outcome).toBe('paused');
    expect(waiting.decisions.at(-1)).toMatchObject({ reason: 'autoPromotionEnabled', to: 'paused' });
    const promoted = blueGreen({ autoPromotionSeconds: null }, 0, [{ t: 600, event: 'PROMOTE' }]);
    expect(promoted.outcome).toBe('promoted');
  });

  it('keeps blue up through the post-promotion analysis when scaleDownDelay is left out: a failure switches back at once', () => {
    const post = check(5);
    const omitted = blueGreen({ scaleDownDelay: null, postPromotionAnalysis: post }, 0.05);
    const explicit = blueGreen({ scaleDownDelay: 30, postPromotionAnalysis: post }, 0.05);
    expect(omitted.outcome).toBe('rolled-back');
    expect(omitted.decisions.find((d) => d.reason === 'analysis failed')?.text).toMatch(/switching back to blue \(still up\)/);
    expect(omitted.recoverySeconds).toBe(0);
    // scaleDownDelaySeconds: 30 is not the same as leaving it out: blue is gone when the first check fails
    expect(explicit.decisions.find((d) => d.reason === 'analysis failed')?.text).toMatch(/redeploying blue \(already scaled down\)/);
    expect(explicit.recoverySeconds).toBeGreaterThanOrEqual(20);
  });

  it('scales blue down once the post-promotion analysis has passed, after at least 30 s', () => {
    const r = blueGreen({ scaleDownDelay: null, postPromotionAnalysis: check(3) });
    expect(r.outcome).toBe('promoted');
    const both = blueGreen({ scaleDownDelay: null });
    // three one-minute checks keep both stacks up three minutes; without a post-promotion analysis, 30 s
    expect(r.instanceSeconds - both.instanceSeconds).toBeCloseTo(10 * (180 - 30), -1);
  });
});
