// The A/B pattern end to end: users split by a sticky hash, per-user conversion, a decision.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src';
import type { AbTestOptions } from '../../src/patterns/options';
import { scenario, version } from '../support/scenarios';

function experiment(seed: number, conversionB: number, method: AbTestOptions['method'] = 'fixed', minSamples = 4000, duration = 900, users = 400_000) {
  const v1 = { ...version('v1'), conversionRate: 0.1 };
  const v2 = { ...version('v2'), conversionRate: conversionB };
  const options: AbTestOptions = {
    variants: [{ name: 'A', version: 'v1', weight: 0.5 }, { name: 'B', version: 'v2', weight: 0.5 }],
    metric: 'conversion', alpha: 0.05, method, minSamples, maxDuration: 1200, interval: 60,
  };
  // Many users, each visiting about once: per-user conversion is close to the per-visit rate.
  const s = scenario({
    seed,
    duration,
    traffic: { rps: 100, shape: { kind: 'constant' } },
    users: { ...scenario().users, count: users },
    versions: [v1, v2],
    rollout: { from: 'v1', to: 'v2', at: 30 },
    compare: [{ pattern: 'ab-test', label: 'ab', options: options as unknown as Record<string, unknown> }],
  });
  return runScenario(s).runs[0];
}

describe('an A/B test', () => {
  it('finds a true +20% conversion lift and ships B', () => {
    const runs = [1, 2, 3, 4, 5].map((seed) => experiment(seed, 0.12));
    const found = runs.filter((r) => r.abTest?.winner === 'B' && r.outcome === 'promoted');
    expect(found.length).toBeGreaterThanOrEqual(4); // power ≈ 0.9 at 4,000 users per arm
    for (const r of found) {
      expect(r.abTest!.lift).toBeGreaterThan(0.05);
      expect(r.abTest!.pValue).toBeLessThan(0.05);
      expect(r.decisions[0].text).toMatch(/B wins, shipping B to everyone: B converts/);
    }
  }, 30_000);

  it('keeps A when B converts worse', () => {
    const r = experiment(7, 0.08);
    expect(r.outcome).toBe('rolled-back');
    expect(r.abTest!.winner).toBe('A');
    expect(r.abTest!.lift).toBeLessThan(0);
  });

  it('with no lift, the fixed test declares a winner in about alpha of seeds', () => {
    const seeds = Array.from({ length: 60 }, (_, i) => 100 + i);
    const winners = seeds.map((seed) => experiment(seed, 0.1, 'fixed', 1000, 150, 100_000)).filter((r) => r.abTest?.winner !== null);
    // Binomial(60, 0.05): mean 3; at most 9 with probability > 0.999.
    expect(winners.length).toBeLessThanOrEqual(9);
    const concluded = seeds.length - winners.length;
    expect(concluded).toBeGreaterThanOrEqual(51);
  }, 60_000);

  it('the sequential method may decide early, before the fixed horizon', () => {
    const r = experiment(3, 0.14, 'sequential');
    expect(r.abTest!.winner).toBe('B');
    expect(r.decisions[0].t).toBeLessThan(900);
  });
});
