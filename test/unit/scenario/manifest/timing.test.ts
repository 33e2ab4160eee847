// A Flagger canary run in the simulation, against the timing Flagger documents ("How it works"):
// with interval 1m, stepWeight 10 and maxWeight 50 it promotes after about
// interval × maxWeight / stepWeight = 5 min of checks; with a bad release it rolls back after
// interval × threshold = 5 min (threshold 5 failed checks, the first one interval after the start).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario, type RunRecord } from '../../../../src/index';
import { readManifest } from '../../../../src/scenario/manifest/read';
import { scenarioOf } from '../helpers';

const manifest = readManifest(readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'manifests', 'flagger-podinfo.yaml'), 'utf8'), 'podinfo.yaml');
const scenario = (v2ErrorRate: string) =>
  scenarioOf(`schemaVersion: 1
title: Flagger timing
duration: 20m
fleet: { instances: 10, startupTime: 20s }
traffic: { rps: 100 }
versions:
  - { name: v1, serviceTime: { distribution: exponential, mean: 50ms } }
  - { name: v2, serviceTime: { distribution: exponential, mean: 50ms }, errorRate: ${v2ErrorRate} }
rollout: { from: v1, to: v2, at: 1m }
`);
const run = (v2ErrorRate: string): RunRecord => {
  if (!manifest.ok) throw new Error('fixture must read');
  return runScenario({ ...scenario(v2ErrorRate), compare: manifest.entries }).runs[0];
};

describe('a Flagger canary manifest, run', () => {
  let good: RunRecord;
  let bad: RunRecord;
  beforeAll(() => {
    good = run('0');
    bad = run('5%');
  });

  it('promotes a healthy release after interval × maxWeight / stepWeight, once the canary is up', () => {
    expect(good.outcome).toBe('promoted');
    // Five weights held one minute each: 300 s, after the one startup (20 s here) of the canary
    // Deployment, which Flagger scales to full size before the first step. (Starting instances at
    // each step instead took 420 s.)
    expect(good.rolloutSeconds).toBeGreaterThanOrEqual(300 + 20);
    expect(good.rolloutSeconds).toBeLessThan(300 + 20 + 5);
  });

  it('rolls a bad release back after threshold failed checks, one per interval: about interval × threshold', () => {
    expect(bad.outcome).toBe('rolled-back');
    const decision = bad.decisions.find((d) => d.reason === 'analysis failed');
    expect(decision?.evidence).toMatchObject({ failedChecks: 5 });
    const afterStart = (decision?.t ?? 0) - 60;
    expect(afterStart).toBeGreaterThanOrEqual(300);
    expect(afterStart).toBeLessThan(300 + 60);
  });
});
