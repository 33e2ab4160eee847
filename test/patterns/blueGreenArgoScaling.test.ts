// Blue-green's preview sizing as Argo Rollouts does it: after an abort the preview (green) stays
// abortScaleDownDelaySeconds (default 30 s in a Rollout, 0 = for good) with traffic already back on
// blue (docs/features/scaledown-aborted-rs.md); with previewReplicaCount the preview runs that many
// pods until promotion, then is scaled to full size before the switch (NewRSNewReplicas). A Rollout
// manifest reads both fields with Argo's defaults.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src';
import type { AnalysisOptions, BlueGreenOptions } from '../../src/patterns/options';
import type { RunRecord } from '../../src/runtime/types';
import { formatScenarioError } from '../../src/scenario/errors';
import { readManifest } from '../../src/scenario/manifest/read';
import { scenario, version } from '../support/scenarios';

const DURATION = 1200;
const failingCheck: AnalysisOptions = { judge: 'threshold', interval: 60, failureLimit: 0, minSamples: 1, count: 3, errorRate: { max: 0.01 } };
const blueGreen = (options: Partial<BlueGreenOptions>, v2ErrorRate = 0.2): RunRecord =>
  runScenario(
    scenario({
      duration: DURATION,
      versions: [version('v1'), { ...version('v2'), errorRate: v2ErrorRate }],
      rollout: { from: 'v1', to: 'v2', at: 60 },
      compare: [{ pattern: 'blue-green', label: 'bg', options: { autoPromotionSeconds: 0, previewTraffic: 20, scaleDownDelay: 30, prePromotionAnalysis: failingCheck, ...options } }],
    }),
  ).runs[0];

const rollout = (fields: string) => `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: app }
spec:
  strategy:
    blueGreen:
      activeService: app
${fields}`;
const read = (fields: string) => {
  const r = readManifest(rollout(fields), 'm.yaml');
  return r.ok ? { options: r.entries[0].options, notes: r.notes.map((n) => n.message) } : { errors: r.errors.map(formatScenarioError) };
};

describe('blue-green abortScaleDownDelay', () => {
  it('keeps green up that long after an abort, with traffic already back on blue', () => {
    const atOnce = blueGreen({});
    const kept = blueGreen({ abortScaleDownDelay: 90 });
    expect(atOnce.outcome).toBe('rolled-back');
    expect(kept.outcome).toBe('rolled-back');
    expect(kept.recoverySeconds).toBe(atOnce.recoverySeconds); // the way back is not slower
    // ten green instances for 90 more seconds
    expect(kept.instanceSeconds - atOnce.instanceSeconds).toBeCloseTo(10 * 90, -1);
  });

  it('keeps green for good with 0 (null)', () => {
    const atOnce = blueGreen({});
    const never = blueGreen({ abortScaleDownDelay: null });
    const aborted = atOnce.decisions.find((d) => d.reason === 'analysis failed')!.t;
    // green stays from the abort to the end of the run
    expect(never.instanceSeconds - atOnce.instanceSeconds).toBeGreaterThan(10 * (DURATION - aborted - 60));
  });

  it('reads abortScaleDownDelaySeconds from a Rollout with Argo’s 30 s default; 0 is "never"', () => {
    expect(read('').options).toMatchObject({ abortScaleDownDelay: 30 });
    expect(read('      abortScaleDownDelaySeconds: 0\n').options).toMatchObject({ abortScaleDownDelay: null });
    expect(read('      abortScaleDownDelaySeconds: 120\n').options).toMatchObject({ abortScaleDownDelay: 120 });
    expect(read('').notes?.join('\n') ?? '').not.toMatch(/abortScaleDownDelaySeconds/);
    expect(read('      abortScaleDownDelaySeconds: -1\n').errors).toEqual(['m.yaml:8:35: spec.strategy.blueGreen.abortScaleDownDelaySeconds: expected a whole number of seconds, got -1']);
  });
});

describe('blue-green previewReplicaCount', () => {
  const healthy = (options: Partial<BlueGreenOptions>) => blueGreen({ autoPromotionSeconds: 120, prePromotionAnalysis: undefined, ...options }, 0);

  it('runs that many preview instances until promotion, then scales green to full size before the switch', () => {
    const full = healthy({});
    const small = healthy({ previewReplicaCount: 2 });
    expect(full.outcome).toBe('promoted');
    expect(small.outcome).toBe('promoted');
    expect(full.rolloutSeconds).toBe(20 + 120); // green starts (20 s), then the countdown
    expect(small.rolloutSeconds).toBe(20 + 120 + 20); // and the other 8 start at promotion before the switch
    // 8 fewer green instances for 140 s; blue, switched 20 s later, stays 20 s longer
    expect(full.instanceSeconds - small.instanceSeconds).toBeCloseTo(8 * 140 - 10 * 20, -1);
  });

  it('reads previewReplicaCount from a Rollout, a whole number of replicas', () => {
    expect(read('').options).not.toHaveProperty('previewReplicaCount');
    expect(read('      previewReplicaCount: 1\n').options).toMatchObject({ previewReplicaCount: 1 });
    expect(read('').notes?.join('\n') ?? '').not.toMatch(/previewReplicaCount/);
    expect(read('      previewReplicaCount: two\n').errors).toEqual(['m.yaml:8:28: spec.strategy.blueGreen.previewReplicaCount: expected a whole number of replicas, got "two"']);
  });
});
