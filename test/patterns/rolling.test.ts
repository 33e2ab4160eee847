// Rolling update details: the reconcile loop must not stall when a rollback drains starting instances.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src';
import { scenario, version } from '../support/scenarios';
import { analysis } from '../support/compare';

describe('a rolling rollback while new instances are still starting', () => {
  const s = scenario({
    duration: 900,
    traffic: { rps: 100, shape: { kind: 'constant' } },
    fleet: { instances: 10, concurrency: 4, queueLimit: 100, startupTime: 45, loadBalancer: 'round-robin' },
    versions: [version('v1'), version('v2', 0.1, 0.05)],
    rollout: { from: 'v1', to: 'v2', at: 120 },
    compare: [{ pattern: 'rolling', label: 'rolling', options: { maxSurge: { kind: 'percent', value: 0.25 }, maxUnavailable: { kind: 'count', value: 0 }, minReadySeconds: 0, progressDeadline: 600, analysis } }],
  });

  it.each([1, 2, 3])('finishes: every v2 instance replaced by v1 within a startup time (seed %i)', (seed) => {
    const run = runScenario(s, { seed, seriesBucket: 30 }).runs[0];
    expect(run.outcome).toBe('rolled-back');
    expect(run.recoverySeconds!).toBeLessThanOrEqual(60);
    expect(run.series!.versions.v2.ready.at(-1)).toBe(0);
    expect(run.series!.versions.v1.ready.at(-1)).toBe(10);
  });
});
