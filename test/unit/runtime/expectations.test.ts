import { describe, expect, it } from 'vitest';
import { checkExpectations, formatExpectationFailure } from '../../../src/runtime/expectations';
import { runScenario } from '../../../src';
import type { ScenarioExpectation } from '../../../src/scenario/types';
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
const results = [runScenario(base), runScenario(base, { seed: 2 })];

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
});
