// Argo's canary sizing (docs/features/canary.md, "Dynamic Canary Scale (with Traffic Routing)"):
// with a traffic router the canary gets the share of replicas its weight asks for, rounded up;
// `setCanaryScale` sets the canary's replicas (or a share of spec.replicas) apart from the weight,
// until `matchTrafficWeight: true` hands them back to it; `setWeight: 0` then runs no canary pod.
import { decodeFrame, frameCount } from '../../../../src/runtime/fleetColumns';
import { describe, expect, it } from 'vitest';
import { ScenarioSession } from '../../../../src/runtime/session';
import { formatScenarioError } from '../../../../src/scenario/errors';
import { readManifest } from '../../../../src/scenario/manifest/read';
import type { CompareEntry } from '../../../../src/scenario/types';
import { scenarioOf } from '../helpers';

const rollout = (steps: string) => `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: app }
spec:
  strategy:
    canary:
      trafficRouting: { nginx: { stableIngress: app } }
      steps:
${steps}`;

function entryOf(text: string): CompareEntry {
  const r = readManifest(text, 'm.yaml');
  if (!r.ok) throw new Error(r.errors.map(formatScenarioError).join('\n'));
  return r.entries[0];
}

const SCENARIO = `schemaVersion: 1
title: canary sizing
duration: 12m
fleet: { instances: 10, startupTime: 20s }
traffic: { rps: 50 }
versions:
  - { name: v1, serviceTime: { distribution: exponential, mean: 50ms } }
  - { name: v2, serviceTime: { distribution: exponential, mean: 50ms } }
rollout: { from: v1, to: v2, at: 1m }
`;

/** Canary (v2) instances, minute by minute (read at mm:30, away from the step boundaries). */
function canaryInstances(entry: CompareEntry): Map<number, number> {
  const session = new ScenarioSession({ ...scenarioOf(SCENARIO), compare: [entry] }, {}, { frameSeconds: 30, requestsPerSecond: 0 });
  session.start(10);
  const byMinute = new Map<number, number>();
  while (!session.done) {
    const slice = session.advance(session.now + 30);
    const fleet = slice.runs[0].fleet;
    const frame = decodeFrame(fleet, frameCount(fleet) - 1);
    if (slice.t1 % 60 === 30) byMinute.set((slice.t1 - 30) / 60, frame.version.filter((v) => v === 1).length);
  }
  return byMinute;
}

describe('an Argo canary’s size', () => {
  it('reads setCanaryScale in its three forms, and refuses two at once', () => {
    const steps = '        - setCanaryScale: { replicas: 3 }\n        - setCanaryScale: { weight: 40 }\n        - setCanaryScale: { matchTrafficWeight: true }\n';
    expect(entryOf(rollout(steps)).options.steps).toEqual([{ setCanaryScale: { replicas: 3 } }, { setCanaryScale: { weight: 0.4 } }, { setCanaryScale: { matchTrafficWeight: true } }]);
    const r = readManifest(rollout('        - setCanaryScale: { replicas: 3, weight: 40 }\n'), 'm.yaml');
    expect(r.ok ? [] : r.errors.map(formatScenarioError)).toEqual(['m.yaml:9:27: spec.strategy.canary.steps[0].setCanaryScale: expected exactly one of replicas, weight or matchTrafficWeight: true']);
  });

  it('follows the weight, until setCanaryScale sets it apart, and again after matchTrafficWeight', () => {
    const steps = [
      '        - setWeight: 10', // 1 instance (ceil 10% of 10)
      '        - pause: { duration: 2m }',
      '        - setCanaryScale: { replicas: 4 }', // 4 instances, still 10% of the traffic
      '        - pause: { duration: 2m }',
      '        - setCanaryScale: { matchTrafficWeight: true }',
      '        - setWeight: 20', // back to the weight: 2 instances
      '        - pause: { duration: 2m }',
      '',
    ].join('\n');
    const n = canaryInstances(entryOf(rollout(steps)));
    expect([n.get(2), n.get(4), n.get(6)]).toEqual([1, 4, 2]);
  });

  it('runs no canary instance at setWeight: 0', () => {
    const n = canaryInstances(entryOf(rollout('        - setWeight: 0\n        - pause: { duration: 3m }\n        - setWeight: 10\n        - pause: { duration: 3m }\n')));
    expect([n.get(2), n.get(5)]).toEqual([0, 1]);
  });
});
