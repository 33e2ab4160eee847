// Conservation, determinism and pairing of whole runs.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runScenario } from '../../../src';
import type { Scenario } from '../../../src/index';
import { measuredWorld } from '../../../src/metrics/measuredWorld';
import { scenario, version } from '../../support/scenarios';

const conserved = (r: { requests: number; ok: number; errors: number; rejected: number; inFlight: number }) =>
  r.requests === r.ok + r.errors + r.rejected + r.inFlight;

describe('a run', () => {
  it('conserves requests: arrived = ok + errors + rejected + in flight', () => {
    const run = runScenario(scenario({ versions: [version('v1', 0.1, 0.05)] })).runs[0];
    expect(run.errors).toBeGreaterThan(0);
    expect(conserved(run)).toBe(true);
  });

  it('rejects with 503 once a queue is full, and still conserves', () => {
    const overloaded = scenario({
      traffic: { rps: 600, shape: { kind: 'constant' } }, // 1.5× capacity
      fleet: { instances: 10, concurrency: 4, queueLimit: 5, startupTime: 20, loadBalancer: 'round-robin' },
    });
    const run = runScenario(overloaded).runs[0];
    expect(run.rejected).toBeGreaterThan(run.requests * 0.2);
    expect(run.usersAffected).toBeGreaterThan(0);
    expect(conserved(run)).toBe(true);
  });

  it('is deterministic: same seed → identical JSON; another seed → different', () => {
    const s = scenario({ duration: 120 });
    const a = JSON.stringify(runScenario(s, { seriesBucket: 10 }));
    const b = JSON.stringify(runScenario(s, { seriesBucket: 10 }));
    const c = JSON.stringify(runScenario(s, { seriesBucket: 10, seed: 2 }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('gives two runs of the same pattern with different labels identical figures', () => {
    const s = scenario({
      duration: 120,
      compare: [
        { pattern: 'none', label: 'first', options: {} },
        { pattern: 'none', label: 'second', options: {} },
      ],
    });
    const [a, b] = runScenario(s).runs;
    expect({ ...a, label: '' }).toEqual({ ...b, label: '' });
  });

  it('counts errors from the version error rate', () => {
    const run = runScenario(scenario({ duration: 600, versions: [version('v1', 0.1, 0.1)] })).runs[0];
    const served = run.ok + run.errors;
    expect(Math.abs(run.errors / served - 0.1)).toBeLessThan(4 * Math.sqrt(0.09 / served));
  });

  it('has series buckets that add up to the totals', () => {
    const run = runScenario(scenario({ duration: 95 }), { seriesBucket: 10 }).runs[0];
    const v1 = run.series!.versions.v1;
    expect(run.series!.t).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(v1.requests.reduce((a, b) => a + b)).toBe(run.requests);
    expect(v1.ready.every((n) => n === 10)).toBe(true);
    expect(v1.weight.every((w) => w === 1)).toBe(true);
  });
});

describe('pairing (common random numbers)', () => {
  // Two worlds routed differently must still see the same arrivals: only what the router does differs.
  function arrivals(split: boolean): { total: number; perBucket: number[]; v2: number } {
    const s = scenario({ duration: 300 });
    const world = measuredWorld(s, { seed: 5, bucketSeconds: 10, eventBudget: 1e9 });
    world.provision(0, 10);
    for (let k = 0; k < 10; k++) world.fleet.launch(1, 0, true);
    if (split) world.router.setWeights([0.5, 0.5]);
    world.runUntil(300);
    const series = world.series.toJSON();
    const perBucket = series.t.map((_, i) => series.versions.v1.requests[i] + series.versions.v2.requests[i]);
    return { total: perBucket.reduce((a, b) => a + b), perBucket, v2: world.recorder.requests[1] };
  }

  it('sends identical arrivals to differently routed worlds', () => {
    const stable = arrivals(false);
    const split = arrivals(true);
    expect(split.v2).toBeGreaterThan(0);
    expect(stable.v2).toBe(0);
    expect(split.perBucket).toEqual(stable.perBucket);
  });
});

describe('property: random valid scenarios', () => {
  const arbScenario = fc
    .record({
      seed: fc.integer({ min: 0, max: 1000 }),
      instances: fc.integer({ min: 1, max: 12 }),
      concurrency: fc.integer({ min: 1, max: 6 }),
      queueLimit: fc.integer({ min: 0, max: 50 }),
      rps: fc.double({ min: 1, max: 400, noNaN: true }),
      mean: fc.double({ min: 0.005, max: 0.5, noNaN: true }),
      errorRate: fc.double({ min: 0, max: 1, noNaN: true }),
      balancer: fc.constantFrom('round-robin' as const, 'random' as const, 'least-connections' as const),
      users: fc.integer({ min: 1, max: 500 }),
    })
    .map(
      (p): Scenario =>
        scenario({
          seed: p.seed,
          duration: 60,
          fleet: { instances: p.instances, concurrency: p.concurrency, queueLimit: p.queueLimit, startupTime: 5, loadBalancer: p.balancer },
          traffic: { rps: p.rps, shape: { kind: 'constant' } },
          users: { ...scenario().users, count: p.users },
          versions: [version('v1', p.mean, p.errorRate)],
        }),
    );

  it('conserves requests, counts affected users within bounds, and repeats exactly', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const a = runScenario(s).runs[0];
        expect(conserved(a)).toBe(true);
        expect(a.usersAffected).toBeLessThanOrEqual(Math.min(s.users.count, a.errors + a.rejected));
        expect(a.latencyMs.p50).toBeLessThanOrEqual(a.latencyMs.p99);
        expect(runScenario(s).runs[0]).toEqual(a);
      }),
      { numRuns: 40 },
    );
  });
});
