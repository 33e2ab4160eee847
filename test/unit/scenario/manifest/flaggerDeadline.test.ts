// Flagger's progressDeadlineSeconds (default 600): "the maximum time in seconds for the canary
// deployment to make progress before it is rolled back". IsCanaryReady (pkg/canary/deployment_ready.go)
// turns non-retriable once the canary Deployment has had too few available replicas for longer
// than the deadline, and the scheduler then rolls back ("Rolling back … progress deadline exceeded").
// A crash-looping release never gets its pods ready: without the deadline it would wait for ever.
// A blue/green's green stack is held to the same deadline (the same IsCanaryReady check).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario, type RunRecord } from '../../../../src/index';
import { formatScenarioError } from '../../../../src/scenario/errors';
import { readManifest } from '../../../../src/scenario/manifest/read';
import { scenarioOf } from '../helpers';

const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'manifests', name), 'utf8');
const CANARY = fixture('flagger-podinfo.yaml'); // progressDeadlineSeconds: 60
const DEFAULT_DEADLINE = CANARY.replace('  progressDeadlineSeconds: 60\n', '');
const AB_TEST = fixture('flagger-abtest.yaml'); // no progressDeadlineSeconds: Flagger's 600

const ROLLOUT_AT = 60;
function run(text: string, faults = ''): RunRecord {
  const r = readManifest(text, 'm.yaml');
  if (!r.ok) throw new Error(r.errors.map(formatScenarioError).join('\n'));
  return runScenario({
    ...scenarioOf(`schemaVersion: 1
title: Flagger progress deadline
duration: 20m
fleet: { instances: 10, startupTime: 20s }
traffic: { rps: 100 }
versions:
  - { name: v1, serviceTime: { distribution: exponential, mean: 50ms } }
  - { name: v2, serviceTime: { distribution: exponential, mean: 50ms } }
rollout: { from: v1, to: v2, at: ${ROLLOUT_AT}s }
${faults}`),
    compare: r.entries,
  }).runs[0];
}
const CRASH_LOOP = 'faults:\n  - { kind: crash-loop, version: v2 }\n';
const deadlineDecision = (r: RunRecord) => r.decisions.find((d) => d.reason === 'progress deadline exceeded');

describe('a Flagger canary whose pods never become ready', () => {
  it('rolls back when progressDeadlineSeconds runs out, counted from the canary’s scale-up', () => {
    const r = run(CANARY, CRASH_LOOP);
    expect(r.outcome).toBe('rolled-back');
    const d = deadlineDecision(r)!;
    expect(d.t - ROLLOUT_AT).toBe(60);
    expect(d.evidence).toMatchObject({ progressDeadline: 60 });
    expect(d.text).toMatch(/progressDeadlineSeconds \(60 s\)/);
  });

  it('waits Flagger’s default 600 s when the field is left out, in a canary and in an A/B test', () => {
    // Flagger holds its checks while the canary is not ready; the simulation's checks run and find no
    // data, so the deadline decides only when it comes before threshold failed checks: here without
    // analysis (skipAnalysis still rolls back on the deadline: shouldSkipAnalysis) and with threshold 20
    const skipped = run(DEFAULT_DEADLINE.replace('  analysis:\n', '  skipAnalysis: true\n  analysis:\n'), CRASH_LOOP);
    expect(skipped.outcome).toBe('rolled-back');
    expect(deadlineDecision(skipped)!.t - ROLLOUT_AT).toBe(600);
    const ab = run(AB_TEST.replace('    threshold: 2\n', '    threshold: 20\n'), CRASH_LOOP);
    expect(ab.outcome).toBe('rolled-back');
    expect(deadlineDecision(ab)!.t - ROLLOUT_AT).toBe(600);
  });

  it('rolls a blue/green back too when green is not ready in time; blue never stopped serving', () => {
    const r = run(fixture('flagger-bluegreen.yaml'), CRASH_LOOP); // progressDeadlineSeconds: 60
    expect(r.outcome).toBe('rolled-back');
    expect(deadlineDecision(r)!.t - ROLLOUT_AT).toBe(60);
    expect(r.usersAffected).toBe(0);
  });

  it('does not fire for a canary whose pods become ready in time', () => {
    const healthy = run(CANARY);
    expect(healthy.outcome).toBe('promoted');
    expect(deadlineDecision(healthy)).toBeUndefined();
  });
});
