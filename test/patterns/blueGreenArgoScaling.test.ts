// Blue-green's preview sizing as Argo Rollouts does it: after an abort the preview (green) stays
// abortScaleDownDelaySeconds (default 30 s in a Rollout, 0 = for good) with traffic already back on
// blue (docs/features/scaledown-aborted-rs.md); a Rollout manifest reads the field with Argo's default.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src';
import type { AnalysisOptions, BlueGreenOptions } from '../../src/patterns/options';
import type { RunRecord } from '../../src/runtime/types';
import { formatScenarioError } from '../../src/scenario/errors';
import { readManifest } from '../../src/scenario/manifest/read';
import { scenario, version } from '../support/scenarios';

const DURATION = 1200;
const failingCheck: AnalysisOptions = { judge: 'threshold', interval: 60, failureLimit: 0, minSamples: 1, count: 3, errorRate: { max: 0.01 } };
const blueGreen = (options: Partial<BlueGreenOptions>): RunRecord =>
  runScenario(
    scenario({
      duration: DURATION,
      versions: [version('v1'), { ...version('v2'), errorRate: 0.2 }],
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
