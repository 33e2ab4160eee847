// A run that would allocate without bound is refused up front with its figures, and a run whose
// simulated time stops moving is stopped with a reason instead of spinning through its budget.
import { describe, expect, it } from 'vitest';
import { ProgressStalledError, eventsAllowedPerSecond, runGuarded } from '../../../src/runtime/progressGuard';
import { runScenario } from '../../../src/index';
import { RunLimitError, checkRunSize } from '../../../src/runtime/runSize';
import { measuredWorld } from '../../../src/metrics/measuredWorld';
import { CLI_TIMEOUTS, TINY, scratch, sim } from '../cli/helpers';
import { scenario } from '../../support/scenarios';

const limitError = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (error instanceof RunLimitError) return error.message;
    throw error;
  }
  throw new Error('expected a RunLimitError');
};

describe('run-size estimate', () => {
  it('refuses a series bucket too short to be useful before allocating it (0.0001s ran out of heap after 109 s)', () => {
    expect(limitError(() => runScenario(scenario({ duration: 1800 }), { seriesBucket: 0.0001 }))).toBe('--series: a bucket of 0.0001s is shorter than the limit of 1s');
    expect(limitError(() => checkRunSize(scenario({ duration: 7 * 86400 }), 1))).toBe(
      '--series: 604,800 time-series buckets (604,800s ÷ 1s) exceeds the limit of 100,000',
    );
  });

  it('refuses a fleet whose full queues would take gigabytes, naming the figures', () => {
    const huge = scenario({ fleet: { instances: 10_000, concurrency: 4, queueLimit: 1_000_000, startupTime: 20, loadBalancer: 'random' } });
    expect(limitError(() => runScenario(huge))).toBe(
      'fleet.queueLimit: the run would allocate up to 80,001 MB, mostly 2 × 10,000 instances × 1,000,000 queued requests × 4 bytes, which exceeds the limit of 1,000 MB',
    );
  });

  it('lets ordinary runs through', () => {
    expect(checkRunSize(scenario(), undefined)).toBeLessThan(100e6);
    expect(checkRunSize(scenario({ duration: 7 * 86400 }), 10)).toBeLessThan(1e9);
  });

  it('is reported by the command line at the field to change, with exit code 2', () => {
    const files = scratch();
    try {
      const file = files.write('q.yaml', TINY.replace('instances: 3, concurrency: 2, queueLimit: 4', 'instances: 10000, concurrency: 2, queueLimit: 1000000'));
      const result = sim(['run', file]);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`${file}:5:56: fleet.queueLimit: the run would allocate up to 80,000 MB, mostly 2 × 10,000 instances × 1,000,000 queued requests × 4 bytes, which exceeds the limit of 1,000 MB\n`);
      const series = sim(['run', files.write('s.yaml', TINY), '--json', '--series', '0.0001']);
      expect(series.status).toBe(2);
      expect(series.stderr).toBe('--series: a bucket of 0.0001s is shorter than the limit of 1s\n');
    } finally {
      files.remove();
    }
  }, CLI_TIMEOUTS.testTimeout);
});

describe('progress guard', () => {
  it('stops a run whose simulated time stands still, long before the event budget', () => {
    const s = scenario({ traffic: { rps: 10, shape: { kind: 'constant' } } });
    const world = measuredWorld(s, { seed: 1, bucketSeconds: 10, eventBudget: 500_000_000 });
    world.provision(0, 2);
    // A callback that schedules itself again at the same instant: the clock never moves past t=30.
    const again = () => void world.engine.schedule(world.engine.now, again);
    world.engine.schedule(30, again);
    expect(() => runGuarded(world, s.duration)).toThrow(ProgressStalledError);
    expect(world.engine.now).toBe(30);
    expect(world.engine.events).toBeLessThan(2 * eventsAllowedPerSecond(world) + 1000);
    expect(() => runGuarded(measuredWorld(s, { seed: 1, bucketSeconds: 10, eventBudget: 500_000_000 }), s.duration)).not.toThrow();
  });

  it('says the limit and the peak rate it derives from', () => {
    const s = scenario({ traffic: { rps: 10, shape: { kind: 'constant' } }, fleet: { ...scenario().fleet, startupTime: 0 } });
    const world = measuredWorld(s, { seed: 1, bucketSeconds: 10, eventBudget: 500_000_000 });
    const again = () => void world.engine.schedule(world.engine.now, again);
    world.engine.schedule(5, again);
    expect(() => runGuarded(world, s.duration)).toThrow(
      'simulated time stopped moving at t=5.0s: the events of one simulated second exceed the limit of 100,200 (20 per request at the peak rate of 10 requests/s, plus 100,000); fleet.startupTime is 0s, so a failing instance is replaced at the same instant',
    );
  });

  it('gives the same figures as an unsliced run', () => {
    const s = scenario({ duration: 300 });
    const sliced = measuredWorld(s, { seed: 3, bucketSeconds: 10, eventBudget: 500_000_000 });
    const whole = measuredWorld(s, { seed: 3, bucketSeconds: 10, eventBudget: 500_000_000 });
    for (const w of [sliced, whole]) w.provision(0, 10);
    runGuarded(sliced, s.duration);
    whole.runUntil(s.duration);
    expect(sliced.engine.events).toBe(whole.engine.events);
    expect([...sliced.recorder.requests]).toEqual([...whole.recorder.requests]);
    expect([...sliced.recorder.errors]).toEqual([...whole.recorder.errors]);
  });
});
