// Argo Rollouts' canary sizing and scale-down (utils/replicaset/canary.go; docs/features/canary.md;
// docs/features/scaledown-aborted-rs.md): after full promotion the old stable stays
// scaleDownDelaySeconds (30), after an abort the canary abortScaleDownDelaySeconds (30, 0 = never);
// dynamicStableScale shrinks the stable to ceil(replicas × (1 − weight)); without a traffic router
// (the basic canary) both sides are sized by the weight and the Service spreads traffic over the pods.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src';
import type { AnalysisOptions, CanaryOptions, CanaryStep } from '../../src/patterns/options';
import type { RunRecord } from '../../src/runtime/types';
import { scenario, version } from '../support/scenarios';

const ROLLOUT_AT = 60;
const STARTUP = 20; // the test fleet's startup time
const failing: AnalysisOptions = { judge: 'threshold', interval: 30, failureLimit: 0, minSamples: 1, count: 10, firstCheck: 'afterInterval', errorRate: { max: 0.01 } };
const steps = (...weights: number[]): CanaryStep[] => weights.flatMap((w) => [{ setWeight: w / 100 }, { pause: 60 }]);

function canary(options: Partial<CanaryOptions>, v2ErrorRate = 0): RunRecord {
  return runScenario(
    scenario({
      duration: 400,
      versions: [version('v1'), { ...version('v2'), errorRate: v2ErrorRate }],
      rollout: { from: 'v1', to: 'v2', at: ROLLOUT_AT },
      compare: [{ pattern: 'canary', label: 'c', options: { steps: steps(50), ...options } }],
    }),
    { seriesBucket: 10 },
  ).runs[0];
}

/** The most pods of `v` ready in the 10-second bucket that starts at `t`. */
const readyAt = (r: RunRecord, v: string, t: number) => r.series!.versions[v].ready[r.series!.t.indexOf(t)];
/** v2's share of the requests over [from, to) */
const shareOf = (r: RunRecord, from: number, to: number) => {
  const s = r.series!;
  const sum = (v: string) => s.t.reduce((n, t, i) => (t >= from && t < to ? n + s.versions[v].requests[i] : n), 0);
  return sum('v2') / (sum('v1') + sum('v2'));
};

describe('Argo canary scale-down', () => {
  it('keeps the old stable scaleDownDelaySeconds (30 by default) after full promotion', () => {
    const byDefault = canary({});
    const none = canary({ scaleDownDelay: 0 });
    const long = canary({ scaleDownDelay: 120 });
    // 50% at 80 s, paused 60 s, the other 5 pods ready at 160 s: everyone on v2 from then
    expect(byDefault.rolloutSeconds).toBe(STARTUP + 60 + STARTUP);
    const promotedAt = ROLLOUT_AT + byDefault.rolloutSeconds!;
    expect(readyAt(byDefault, 'v1', promotedAt + 20)).toBe(10); // still there 20-30 s on
    expect(readyAt(byDefault, 'v1', promotedAt + 40)).toBe(0);
    expect(byDefault.instanceSeconds - none.instanceSeconds).toBeCloseTo(10 * 30, -1);
    expect(long.instanceSeconds - none.instanceSeconds).toBeCloseTo(10 * 120, -1);
    expect(byDefault.outcome).toBe('promoted');
  });

  it('keeps the canary abortScaleDownDelaySeconds (30 by default) after an abort, and for good with 0', () => {
    const byDefault = canary({ analysis: failing }, 0.3);
    const soon = canary({ analysis: failing, abortScaleDownDelay: 5 }, 0.3);
    const kept = canary({ analysis: failing, abortScaleDownDelay: null }, 0.3);
    for (const r of [byDefault, soon, kept]) expect(r.outcome).toBe('rolled-back');
    // the first check (30 s after the start) fails: traffic back to v1 at once, the 5 canary pods stay
    expect(byDefault.recoverySeconds).toBe(0);
    const abortedAt = ROLLOUT_AT + 30;
    expect(readyAt(byDefault, 'v2', abortedAt + 20)).toBe(5);
    expect(readyAt(byDefault, 'v2', abortedAt + 40)).toBe(0);
    expect(byDefault.instanceSeconds - soon.instanceSeconds).toBeCloseTo(5 * 25, -1);
    expect(readyAt(kept, 'v2', 390)).toBe(5);
  });

  it('scales the stable down as the weight rises with dynamicStableScale, rounding as Argo does', () => {
    const r = canary({ dynamicStableScale: true, steps: steps(30, 70) });
    // weight 30 set at 80 s: stable ceil(10 × 0.7) = 7; weight 70 at 160 s: ceil(10 × (1 − 0.7)) = 4,
    // not 3, because 1 − 0.7 is 0.30000000000000004 in float64, in Go as here
    expect(readyAt(r, 'v1', 120)).toBe(7);
    expect(readyAt(r, 'v1', 200)).toBe(4);
    // promoted (the last 3 pods ready at 240 s): the stable goes at once, no scaleDownDelay
    expect(r.rolloutSeconds).toBe(180);
    expect(readyAt(r, 'v1', 250)).toBe(0);
  });

  it('sends traffic back once the shrunken stable is up again when a dynamicStableScale canary aborts', () => {
    const r = canary({ dynamicStableScale: true, analysis: failing }, 0.3);
    // aborted at 90 s with the stable at 5: 20 s for it to be back at 10, then all traffic on v1
    expect(r.outcome).toBe('rolled-back');
    expect(r.recoverySeconds).toBe(STARTUP);
  });
});

describe("Argo's basic canary (no traffic router)", () => {
  it('sizes both sides by the weight and sends traffic by the ratio of pods', () => {
    const r = canary({ trafficRouting: false, steps: steps(25, 70) });
    // weight 25: canary ceil(2.5) = 3, stable ceil(7.5) = 8 → 3/11 of the traffic, not 25%
    expect(readyAt(r, 'v2', 120)).toBe(3);
    expect(readyAt(r, 'v1', 120)).toBe(8);
    expect(shareOf(r, 90, 140)).toBeCloseTo(3 / 11, 1);
    // weight 70: canary 7, stable ceil(3.0000000000000004) = 4 → 7/11
    expect(readyAt(r, 'v1', 200)).toBe(4);
    expect(shareOf(r, 170, 220)).toBeCloseTo(7 / 11, 1);
    // promotion scales the stable away with no scaleDownDelay (Argo refuses one without a router)
    expect(r.outcome).toBe('promoted');
    const promotedAt = ROLLOUT_AT + r.rolloutSeconds!;
    expect(readyAt(r, 'v1', promotedAt + 10)).toBe(0);
  });

  it('rolls back by scaling the stable up again before the canary goes', () => {
    const r = canary({ trafficRouting: false, analysis: failing }, 0.3);
    expect(r.outcome).toBe('rolled-back');
    // the stable was at 5 of 10; the canary serves its share until the other 5 are up
    expect(r.recoverySeconds).toBe(STARTUP);
    expect(readyAt(r, 'v2', 390)).toBe(0);
  });
});
