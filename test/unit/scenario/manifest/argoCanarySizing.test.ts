// A Rollout's canary sizing fields (argo-rollouts pkg/apis/rollouts/v1alpha1/types.go, CanaryStrategy;
// validation.go, ValidateRolloutStrategyCanary): without trafficRouting it is the basic canary, and
// scaleDownDelaySeconds, dynamicStableScale and setCanaryScale are refused there, as Argo refuses them.
import { describe, expect, it } from 'vitest';
import { formatScenarioError } from '../../../../src/scenario/errors';
import { readManifest } from '../../../../src/scenario/manifest/read';

const rollout = (fields: string) => `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: app }
spec:
  strategy:
    canary:
${fields}
      steps:
        - setWeight: 20
        - pause: { duration: 1m }
`;
const read = (fields: string) => {
  const r = readManifest(rollout(fields), 'm.yaml');
  return r.ok ? { options: r.entries[0].options, notes: r.notes.map((n) => `${n.line}:${n.column}: ${n.message}`) } : { errors: r.errors.map(formatScenarioError) };
};

describe('an Argo canary’s sizing fields', () => {
  it('is the basic canary without trafficRouting, and says so', () => {
    const r = read('      maxSurge: 1');
    expect(r.options).toMatchObject({ trafficRouting: false });
    expect(r.notes).toContain("6:5: without trafficRouting this is Argo's basic canary: both sides are sized by the weight and the traffic follows the pods");
  });

  it('reads the scale-down delays and dynamicStableScale with a router; abortScaleDownDelaySeconds 0 is "never"', () => {
    const istio = '      trafficRouting: { istio: { virtualService: { name: app } } }\n';
    expect(read(`${istio}      scaleDownDelaySeconds: 90\n      abortScaleDownDelaySeconds: 0`).options).toMatchObject({ scaleDownDelay: 90, abortScaleDownDelay: null });
    const dynamic = read(`${istio}      dynamicStableScale: true\n      abortScaleDownDelaySeconds: 45`).options;
    expect(dynamic).toMatchObject({ dynamicStableScale: true, abortScaleDownDelay: 45 });
    expect(dynamic).not.toHaveProperty('trafficRouting');
  });

  it('refuses what Argo refuses, at the field', () => {
    expect(read('      scaleDownDelaySeconds: 30\n      dynamicStableScale: true').errors).toEqual([
      'm.yaml:7:30: spec.strategy.canary.scaleDownDelaySeconds: scaleDownDelaySeconds needs trafficRouting (Argo refuses it on the basic canary)',
      'm.yaml:8:27: spec.strategy.canary.dynamicStableScale: dynamicStableScale needs trafficRouting (Argo refuses it on the basic canary)',
    ]);
    expect(read('      trafficRouting: { nginx: { stableIngress: app } }\n      scaleDownDelaySeconds: 30\n      dynamicStableScale: true').errors).toEqual([
      'm.yaml:9:27: spec.strategy.canary.dynamicStableScale: dynamicStableScale cannot be used with scaleDownDelaySeconds (Argo refuses both)',
    ]);
    expect(read('      abortScaleDownDelaySeconds: 1m').errors).toEqual(['m.yaml:7:35: spec.strategy.canary.abortScaleDownDelaySeconds: expected a whole number of seconds, got "1m"']);
  });
});
