// Argo's minPodsPerReplicaSet (utils/replicaset/canary.go, CheckMinPodsPerReplicaSet): with a traffic
// router, a canary or stable ReplicaSet that runs any pod runs at least this many; a side at no pod
// stays at none, and the basic canary ignores it. Left out, the floor is one pod.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src';
import type { CanaryOptions, CanaryStep } from '../../src/patterns/options';
import type { RunRecord } from '../../src/runtime/types';
import { formatScenarioError } from '../../src/scenario/errors';
import { readManifest } from '../../src/scenario/manifest/read';
import { scenario, version } from '../support/scenarios';

const steps = (...weights: number[]): CanaryStep[] => weights.flatMap((w) => [{ setWeight: w / 100 }, { pause: 60 }]);
function canary(options: Partial<CanaryOptions>): RunRecord {
  return runScenario(
    scenario({
      duration: 400,
      versions: [version('v1'), version('v2')],
      rollout: { from: 'v1', to: 'v2', at: 60 },
      compare: [{ pattern: 'canary', label: 'c', options: { steps: steps(5), ...options } }],
    }),
    { seriesBucket: 10 },
  ).runs[0];
}
/** The most pods of `v` ready in the 10-second bucket that starts at `t`. */
const readyAt = (r: RunRecord, v: string, t: number) => r.series!.versions[v].ready[r.series!.t.indexOf(t)];

const read = (fields: string) => {
  const r = readManifest(`apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: app }
spec:
  strategy:
    canary:
${fields}
      steps:
        - setWeight: 5
`, 'm.yaml');
  return r.ok ? { options: r.entries[0].options, notes: r.notes.map((n) => n.message) } : { errors: r.errors.map(formatScenarioError) };
};

describe('canary minPodsPerReplicaSet', () => {
  it('runs at least that many canary pods while the canary carries weight', () => {
    // weight 5% of 10 instances: ceil(0.5) = 1 pod, raised to 3
    expect(readyAt(canary({}), 'v2', 100)).toBe(1);
    expect(readyAt(canary({ minPodsPerReplicaSet: 3 }), 'v2', 100)).toBe(3);
    expect(readyAt(canary({ minPodsPerReplicaSet: 3, steps: [{ setCanaryScale: { replicas: 2 } }, { setWeight: 0.05 }, { pause: 60 }] }), 'v2', 100)).toBe(3);
  });

  it('keeps the stable at that many with dynamicStableScale, and none at weight 100', () => {
    // weight 95%: the stable's ceil(10 × 0.05) = 1 pod is raised to 4
    const r = canary({ dynamicStableScale: true, minPodsPerReplicaSet: 4, steps: steps(95) });
    expect(readyAt(r, 'v1', 120)).toBe(4);
    expect(readyAt(canary({ dynamicStableScale: true, steps: steps(95) }), 'v1', 120)).toBe(1);
    expect(r.outcome).toBe('promoted');
    expect(readyAt(r, 'v1', 390)).toBe(0);
  });

  it('is refused on the basic canary in a scenario, read with a router and ignored without one in a manifest', () => {
    const router = '      trafficRouting: { nginx: { stableIngress: app } }\n';
    expect(read(`${router}      minPodsPerReplicaSet: 2`).options).toMatchObject({ minPodsPerReplicaSet: 2 });
    const basic = read('      minPodsPerReplicaSet: 2');
    expect(basic.options).not.toHaveProperty('minPodsPerReplicaSet');
    expect(basic.notes).toContain('ignored: Argo applies it only with trafficRouting');
    expect(read(`${router}      minPodsPerReplicaSet: 0`).errors).toEqual(['m.yaml:8:29: spec.strategy.canary.minPodsPerReplicaSet: expected a whole number of pods, 1 or more, got 0']);
  });
});
