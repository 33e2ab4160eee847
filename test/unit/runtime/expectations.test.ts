import { beforeAll, describe, expect, it } from 'vitest';
import { checkExpectations, formatExpectationFailure } from '../../../src/runtime/expectations';
import { runScenario } from '../../../src';
import type { ScenarioExpectation, ScenarioResult } from '../../../src/index';
import { scenario, version } from '../../support/scenarios';
import { allPatterns } from '../../support/compare';
import { fault } from '../../support/faults';

const base = scenario({
  duration: 900,
  versions: [version('v1'), version('v2', 0.1, 0.1)],
  rollout: { from: 'v1', to: 'v2', at: 60 },
  compare: allPatterns().filter((c) => ['canary', 'big-bang'].includes(c.pattern)),
  faults: [fault('bad-writes', { version: 'v2', rate: 0.5, writes: 0.2 }, { at: 60 }, null, 'writes')],
});
let results: ScenarioResult[] = [];
beforeAll(() => {
  results = [runScenario(base), runScenario(base, { seed: 2 })];
});

describe('checking expectations', () => {
  it('passes when every bound holds in every seed', () => {
    const expectations: ScenarioExpectation = {
      canary: { outcome: ['rolled-back'], bounds: { usersAffected: { max: 1000 }, detectionSeconds: { max: 180 } }, faults: { writes: { corruptedWrites: { min: 1 } } } },
      'big-bang': { outcome: ['rolled-back'], bounds: { usersAffected: { min: 2000 } }, faults: {} },
    };
    expect(checkExpectations({ ...base, expect: expectations }, results)).toEqual([]);
  });

  it('names the run, field, bound, measured value, seed and position of each failure', () => {
    const expectations: ScenarioExpectation = {
      canary: { outcome: ['promoted'], bounds: { usersAffected: { max: 5 }, rolloutSeconds: { min: 1 } }, faults: {} },
    };
    const positions = { canary: { at: { line: 30, column: 3 }, fields: { 'usersAffected.max': { line: 31, column: 40 } } } };
    const failures = checkExpectations({ ...base, expect: expectations, expectPositions: positions }, results);
    expect(failures.map((f) => `${f.field}@${f.seed}`)).toEqual([
      'outcome@1', 'usersAffected.max@1', 'rolloutSeconds.min@1', 'outcome@2', 'usersAffected.max@2', 'rolloutSeconds.min@2',
    ]);
    const text = formatExpectationFailure('s.yaml', failures[1]);
    expect(text).toMatch(/^s\.yaml:31:40: expect\.canary\.usersAffected\.max: expected at most 5, measured \d+ \(seed 1\)$/);
    expect(formatExpectationFailure('s.yaml', failures[2])).toBe('s.yaml:30:3: expect.canary.rolloutSeconds.min: expected at least 1, measured none (it never happened) (seed 1)');
  });

  it('bounds the p95 and mean latency, and an A/B run’s lift, p-value and samples', () => {
    const run = results[0].runs[0];
    const ab = { ...run, label: 'ab', abTest: { ...AB, lift: -0.3, pValue: 0.0004, samples: 12_000 } };
    const withAb = [{ ...results[0], runs: [ab] }];
    const bounds = (b: object): ScenarioExpectation => ({ ab: { bounds: b, faults: {} } });
    const lat = { latencyP95Ms: { min: run.latencyMs.p95 - 1, max: run.latencyMs.p95 + 1 }, latencyMeanMs: { min: run.latencyMs.mean - 1, max: run.latencyMs.mean + 1 } };
    expect(checkExpectations({ ...base, expect: bounds({ ...lat, abLift: { max: -0.2 }, abPValue: { max: 0.001 }, abSamples: { min: 10_000 } }) }, withAb)).toEqual([]);
    const failed = checkExpectations({ ...base, expect: bounds({ latencyP95Ms: { max: 1 }, latencyMeanMs: { max: 1 }, abLift: { min: 0 }, abPValue: { min: 0.05 }, abSamples: { max: 100 } }) }, withAb);
    expect(failed.map((f) => f.field)).toEqual(['latencyP95Ms.max', 'latencyMeanMs.max', 'abLift.min', 'abPValue.min', 'abSamples.max']);
    // A run without an A/B test has none to bound.
    expect(checkExpectations({ ...base, expect: { canary: { bounds: { abLift: { max: 0 } }, faults: {} } } }, results).map((f) => f.measured)).toContain('none (it never happened)');
  });
});

const AB = { winner: 'A', lift: 0, liftInterval: null, pValue: 1, samples: 0, method: 'fixed' as const, srmPValue: 1, plan: { baselineRate: 0.1, samplesPerArm: 5000, alpha: 0.05, power: 0.8, mde: 0.17 } };
