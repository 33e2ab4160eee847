// A Flagger canary run in the simulation, against the timing Flagger documents ("How it works"):
// with interval 1m, stepWeight 10 and maxWeight 50 it promotes after about
// interval × maxWeight / stepWeight = 5 min of checks; with a bad release it rolls back after
// interval × threshold = 5 min (threshold 5 failed checks, the first one interval after the start);
// while a check fails (fewer than threshold), Flagger halts advancement: the weight is held, and
// each failed check adds one interval to the promotion (pkg/controller/scheduler.go, advanceCanary:
// a failed runAnalysis counts FailedChecks and returns before the weight moves).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario, type RunRecord } from '../../../../src/index';
import { readManifest } from '../../../../src/scenario/manifest/read';
import { scenarioOf } from '../helpers';
import { smallWorld } from '../smallWorld';

const manifest = readManifest(readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'manifests', 'flagger-podinfo.yaml'), 'utf8'), 'podinfo.yaml');
const scenario = (v2ErrorRate: string, faults = '') => scenarioOf(smallWorld(v2ErrorRate, faults, '20m'));
const run = (v2ErrorRate: string, faults = ''): RunRecord => {
  if (!manifest.ok) throw new Error('fixture must read');
  return runScenario({ ...scenario(v2ErrorRate, faults), compare: manifest.entries }).runs[0];
};

describe('a Flagger canary manifest, run', () => {
  let good: RunRecord;
  let bad: RunRecord;
  beforeAll(() => {
    good = run('0');
    bad = run('5%');
  });

  it('promotes a healthy release after interval × maxWeight / stepWeight', () => {
    expect(good.outcome).toBe('promoted');
    // Five passing checks one minute apart, each moving the weight on (10, 20, 30, 40, 50 %), the
    // fifth promoting: 300 s. The canary Deployment is scaled to full size (20 s here) before the
    // first step, within the first interval.
    expect(good.rolloutSeconds).toBe(300);
  });

  it('holds the weight while a check fails: two failed checks make the promotion two intervals later', () => {
    // an outage of a shared dependency from 2m10s to 3m50s fails the checks at 3m and 4m (of the
    // 1m-3m and 3m-4m windows) for both versions alike; two failures stay under threshold 5
    const held = run('0', 'faults:\n  - { kind: dependency-outage, at: 130s, duration: 100s, rate: 20% }\n');
    expect(held.outcome).toBe('promoted');
    expect(held.rolloutSeconds).toBe(300 + 2 * 60);
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
