// Good and bad releases under every pattern, over several seeds: what each pattern is for.
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src';
import type { RunRecord, CompareEntry } from '../../src/index';
import { scenario, version } from '../support/scenarios';
import { allPatterns } from '../support/compare';

const SEEDS = [1, 2, 3];
const ROLLOUT_AT = 120;
// Long enough for the slowest plan (700 s from the rollout) to finish with minutes to spare; after
// that a run only repeats its steady state.
const DURATION = 1000;
// The A/B test decides on conversion, not on errors: it has its own file (abTest.test.ts).
const GATED = allPatterns().filter((c) => c.pattern !== 'ab-test');

function release(errorRate: number, seed: number, compare: CompareEntry[] = GATED, duration = DURATION): Record<string, RunRecord> {
  const s = scenario({
    seed,
    duration,
    traffic: { rps: 100, shape: { kind: 'constant' } },
    fleet: { instances: 8, concurrency: 4, queueLimit: 100, startupTime: 20, loadBalancer: 'round-robin' },
    users: { ...scenario().users, count: 10_000 },
    versions: [version('v1', 0.1, 0), version('v2', 0.1, errorRate)],
    rollout: { from: 'v1', to: 'v2', at: ROLLOUT_AT },
    compare,
  });
  return Object.fromEntries(runScenario(s).runs.map((r) => [r.label, r]));
}

// How long each plan takes at most from the rollout's start (steps, pauses, startups, minReady).
const PLAN_SECONDS: Record<string, number> = {
  'big-bang': 60,
  rolling: 300,
  'blue-green': 400, // deploy 20 s + pre-promotion analysis 3 checks + autoPromotion 120 s
  canary: 700,
  'feature-toggle': 700,
  'dark-launch': 700,
  'traffic-split': 700,
};

describe.each(SEEDS)('seed %i', (seed) => {
  let good: Record<string, RunRecord>;
  let bad: Record<string, RunRecord>;
  let noAnalysis: Record<string, RunRecord>;
  beforeAll(() => {
    good = release(0, seed);
    bad = release(0.1, seed);
    // Long enough for nearly every user to come back and meet the bad version.
    noAnalysis = release(0.1, seed, allPatterns(null).filter((c) => ['rolling', 'big-bang'].includes(c.pattern)), 2100);
  });

  it('sees the same arrivals in every run', () => {
    const counts = new Set([...Object.values(good), ...Object.values(bad)].map((r) => r.requests));
    expect(counts.size).toBe(1);
  });

  it.each(Object.keys(PLAN_SECONDS))('promotes a good release with %s, within its plan', (label) => {
    const run = good[label];
    expect(run.outcome).toBe('promoted');
    expect(run.rolloutSeconds).not.toBeNull();
    expect(run.rolloutSeconds!).toBeLessThanOrEqual(PLAN_SECONDS[label]);
    expect(run.decisions.filter((d) => d.reason === 'analysis failed')).toEqual([]);
  });

  it.each(Object.keys(PLAN_SECONDS))('rolls back a release with a 10 percent error rate with %s, explaining why', (label) => {
    const run = bad[label];
    expect(run.outcome).toBe('rolled-back');
    expect(run.detectionSeconds).not.toBeNull();
    expect(run.recoverySeconds).not.toBeNull();
    const decision = run.decisions.find((d) => d.reason === 'analysis failed')!;
    expect(decision.text).toMatch(/error rate \d+(\.\d+)?% > 1%/);
  });

  it('limits the harm: canary, feature toggle, traffic split and dark launch hurt far fewer users than big bang', () => {
    const bigBang = bad['big-bang'].usersAffected;
    expect(bigBang).toBeGreaterThan(1000);
    for (const label of ['canary', 'feature-toggle', 'traffic-split', 'dark-launch']) {
      expect(bad[label].usersAffected, label).toBeLessThan(bigBang / 5);
    }
  });

  it('dark launch harms no external user: only employees ever got the new version', () => {
    expect(bad['dark-launch'].usersAffected).toBeGreaterThan(0); // employees did see errors
    expect(bad['dark-launch'].usersAffectedExternal).toBe(0);
  });

  it('blue-green with smoke traffic catches the release before any user is switched', () => {
    expect(bad['blue-green'].usersAffected).toBe(0);
    expect(bad['blue-green'].instanceSeconds).toBeGreaterThan(bad.none.instanceSeconds);
  });

  it('rolling without analysis completes and harms nearly everyone; so does big bang', () => {
    expect(noAnalysis.rolling.outcome).toBe('promoted');
    expect(noAnalysis.rolling.decisions).toEqual([]);
    expect(noAnalysis.rolling.usersAffected).toBeGreaterThan(0.8 * 10_000);
    expect(noAnalysis['big-bang'].usersAffected).toBeGreaterThan(0.8 * 10_000);
  });

  it('big bang drops requests while the old fleet is gone and the new one starts', () => {
    expect(good['big-bang'].rejected).toBeGreaterThan(0);
    expect(good.rolling.rejected).toBe(0);
  });
});
