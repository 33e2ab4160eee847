// A flag on for everyone is still a kill switch. With a post-promotion analysis, a bug that shows
// only after the release is complete (here from 12:00, the flag at 100% since 3:00) is caught
// and the flag turned off, with no redeploy; without one, the run stays promoted and v2 serves on.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/index';
import { scenarioOf } from '../unit/scenario/helpers';

const file = (extra: string) => `schemaVersion: 1
title: A bug after the flag reached everyone
seed: 5
duration: 25m
fleet: { instances: 6, concurrency: 8, queueLimit: 100, startupTime: 10s }
traffic: { rps: 60 }
users: { count: 20000 }
versions:
  - { name: v1, serviceTime: { distribution: exponential, mean: 50ms } }
  - { name: v2, serviceTime: { distribution: exponential, mean: 50ms } }
rollout: { from: v1, to: v2, at: 1m }
faults:
  - { label: late-bug, kind: error-rate, version: v2, rate: 20%, at: 12m }
compare:
  - { pattern: feature-toggle, label: flag, propagationDelay: 0s, steps: [ { rollout: 50% }, { pause: 2m } ]${extra} }
`;

const run = (extra: string) => runScenario(scenarioOf(file(extra)), { seriesBucket: 60 }).runs[0];

describe('feature toggle: postPromotionAnalysis', () => {
  it('turns the flag off when the analysis after 100% fails, and v2 serves nobody after it', () => {
    const r = run(', postPromotionAnalysis: { errorRate: { max: 2% }, interval: 1m, count: 20 }');
    const off = r.decisions.find((d) => d.from === 'verifying' && d.to === 'aborted');
    expect(off, r.decisions.map((d) => d.text).join('\n')).toBeDefined();
    expect(off!.t).toBeGreaterThan(12 * 60); // not before the bug
    expect(off!.t).toBeLessThanOrEqual(14 * 60); // within two checks of it
    expect(r.outcome).toBe('rolled-back');
    const v2 = r.series!.versions.v2.requests;
    const after = Math.ceil(off!.t / 60) + 1;
    for (let m = after; m < v2.length; m++) expect(v2[m], `minute ${m}`).toBe(0);
    expect(v2.slice(5, 12).every((n) => n > 0)).toBe(true); // on for everyone before the bug
  });

  it('without one, the release stays promoted and v2 keeps serving through the bug', () => {
    const r = run('');
    expect(r.outcome).toBe('promoted');
    expect(r.decisions.some((d) => d.to === 'aborted')).toBe(false);
    expect(r.series!.versions.v2.requests.at(-1)).toBeGreaterThan(0);
  });
});
