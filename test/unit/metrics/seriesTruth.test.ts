// The series tell what happened: tied, bucket by bucket, to the requests each version really served.
// Field meanings (README, JSON output): requests = arrivals in the bucket by the version whose
// behaviour they got; errors, rejected and p99Ms = outcomes known in the bucket; ready, starting,
// draining = the most instances able to serve the version at any moment of the bucket; weight =
// the version's share of the bucket's user requests (shadow copies excluded).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario, runScenario } from '../../../src';
import { ScenarioSession } from '../../../src/runtime/session';
import type { Fault, RunRecord, RunSeries, Scenario } from '../../../src/index';
import { scenario, version } from '../../support/scenarios';
import { allPatterns } from '../../support/compare';

const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
const served = (s: RunSeries, v: string, k: number) => s.versions[v].requests[k] - s.versions[v].rejected[k];

/** Every check that ties a run's series to its record. */
function expectTrue(run: RunRecord) {
  const s = run.series!;
  const names = Object.keys(s.versions);
  for (let k = 0; k < s.t.length; k++) {
    const total = sum(names.map((v) => s.versions[v].requests[k]));
    for (const v of names) {
      if (served(s, v, k) > 0) expect(s.versions[v].ready[k], `${run.label} ${v} served in bucket ${s.t[k]} but was never ready`).toBeGreaterThanOrEqual(1);
      const share = total > 0 ? s.versions[v].requests[k] / total : 0;
      expect(s.versions[v].weight[k]).toBeCloseTo(share, 9);
    }
    if (total > 0) expect(sum(names.map((v) => s.versions[v].weight[k]))).toBeCloseTo(1, 9);
    if (k > 0) expect(s.usersAffected[k]).toBeGreaterThanOrEqual(s.usersAffected[k - 1]);
  }
  expect(sum(names.map((v) => sum(s.versions[v].requests)))).toBe(run.requests);
  expect(sum(names.map((v) => sum(s.versions[v].errors)))).toBe(run.errors);
  expect(sum(names.map((v) => sum(s.versions[v].rejected)))).toBe(run.rejected);
  expect(s.usersAffected.at(-1)).toBe(run.usersAffected);
  expect(s.conversions.at(-1)).toBe(run.conversions);
  expect(s.corruptedWrites.at(-1)).toBe(sum(run.faults.map((f) => f.corruptedWrites)));
}

describe('the default scenario, minute by minute', () => {
  let runs: Record<string, RunRecord>;
  beforeAll(() => {
    const parsed = parseScenario(readFileSync('scenarios/default.yaml', 'utf8'), 'default.yaml');
    if (!parsed.ok) throw new Error('default.yaml does not parse');
    runs = Object.fromEntries(runScenario(parsed.scenario, { seriesBucket: 60 }).runs.map((r) => [r.label, r]));
  });
  const v2 = (label: string) => runs[label].series!.versions.v2;

  it('gives v2 the whole weight once big bang and rolling have replaced v1 (it serves every request)', () => {
    for (const label of ['big-bang', 'rolling']) {
      const s = runs[label].series!;
      const v2Only = s.t.filter((_, k) => s.versions.v1.requests[k] === 0 && v2(label).requests[k] > 0);
      expect(v2Only.length, label).toBeGreaterThan(20); // from 6:00 or 7:00 to the end
      s.t.forEach((t, k) => {
        if (v2Only.includes(t)) expect(v2(label).weight[k], `${label} at ${t}`).toBe(1);
      });
    }
  });

  it('gives the toggled v2 no weight before the flag is on, while v1 serves everyone', () => {
    const s = runs['feature-toggle'].series!;
    s.t.forEach((t, k) => {
      if (t < 300) {
        expect(v2('feature-toggle').weight[k]).toBe(0);
        expect(s.versions.v1.weight[k]).toBe(1);
        expect(s.versions.v1.ready[k]).toBe(10); // every instance runs v1's code path too
      }
    });
  });

  it('shows the canary ready in the minute it served requests, though it was rolled back before its end', () => {
    const k = runs.canary.series!.t.indexOf(300);
    expect(v2('canary').requests[k]).toBeGreaterThan(0);
    expect(v2('canary').ready[k]).toBeGreaterThanOrEqual(1);
  });

  it('holds every tie between series and record in every run', () => {
    for (const run of Object.values(runs)) expectTrue(run);
  });
}, 60_000);

describe("a canary's weight", () => {
  it('matches the share its step routes, within sampling error, in every minute spent in the step', () => {
    const canary = allPatterns().find((c) => c.pattern === 'canary')!; // 10%, pause 5m, 50%, pause 5m
    const s = scenario({ duration: 900, rollout: { from: 'v1', to: 'v2', at: 60 }, compare: [canary] });
    const session = new ScenarioSession(s, { seriesBucket: 60 });
    const run = session.finish().runs[0];
    expect(run.outcome).toBe('promoted');
    // the pauses, from the statechart's own transitions: the weight set before each holds throughout
    const steps = session.runs[0].steps;
    const pauses = steps.flatMap((step, k) => (step.to.includes('progressing.stepPause') ? [[step.t, steps[k + 1].t]] : []));
    expect(pauses).toHaveLength(2);
    const series = run.series!;
    let checked = 0;
    pauses.forEach(([from, to], p) => {
      const w = [0.1, 0.5][p];
      series.t.forEach((t, k) => {
        if (t < from || t + 60 > to) return;
        const n = series.versions.v1.requests[k] + series.versions.v2.requests[k];
        const sd = Math.sqrt((w * (1 - w)) / n);
        expect(Math.abs(series.versions.v2.weight[k] - w), `minute ${t / 60}`).toBeLessThan(4 * sd);
        checked++;
      });
    });
    expect(checked).toBeGreaterThanOrEqual(6);
  });
});

describe('property: series are true in random scenarios', () => {
  const faults: Record<string, Fault> = {
    'error-rate': { kind: 'error-rate', version: 'v2', rate: 0.2, start: { at: 90 }, duration: null, label: 'errors' },
    'instance-loss': { kind: 'instance-loss', count: 2, zone: null, version: null, start: { at: 120 }, duration: 60, label: 'loss' },
    'crash-loop': { kind: 'crash-loop', version: 'v2', after: null, start: { at: 0 }, duration: 200, label: 'crash' },
    'bad-writes': { kind: 'bad-writes', version: 'v2', rate: 0.3, writes: 0.2, start: { at: 0 }, duration: null, label: 'writes' },
  };
  const patterns = allPatterns().filter((c) => c.pattern !== 'none');
  const arbScenario = fc
    .record({
      seed: fc.integer({ min: 0, max: 10_000 }),
      pattern: fc.integer({ min: 0, max: patterns.length - 1 }),
      instances: fc.integer({ min: 2, max: 8 }),
      rps: fc.integer({ min: 20, max: 150 }),
      errorRate: fc.constantFrom(0, 0.002, 0.05),
      fault: fc.constantFrom(null, ...Object.keys(faults)),
      bucket: fc.constantFrom(10, 30, 60),
    })
    .map((p): [Scenario, number] => [
      scenario({
        seed: p.seed,
        duration: 600,
        fleet: { instances: p.instances, concurrency: 4, queueLimit: 100, startupTime: 15, loadBalancer: 'round-robin' },
        traffic: { rps: p.rps, shape: { kind: 'constant' } },
        versions: [version('v1', 0.05), version('v2', 0.04, p.errorRate)],
        rollout: { from: 'v1', to: 'v2', at: 60 },
        compare: [patterns[p.pattern]],
        faults: p.fault ? [faults[p.fault]] : [],
      }),
      p.bucket,
    ]);

  it('ties every bucket to what the run did', () => {
    fc.assert(
      fc.property(arbScenario, ([s, bucket]) => {
        expectTrue(runScenario(s, { seriesBucket: bucket }).runs[0]);
      }),
      { numRuns: 40 },
    );
  });
}, 120_000);
