// The `expect:` example of the contract, and the teaching fields, parse into `ScenarioExpectation`
// (outcomes as lists, durations in seconds) with the position of every expectation.
import { describe, expect, it } from 'vitest';
import type { ScenarioExpectation } from '../../../src/index';
import { EXAMPLE, scenarioOf } from './helpers';
import { FAULTS_EXAMPLE, faultsWith } from './faultsFixture';

describe('the expect example', () => {
  it('parses to one expectation per run label', () => {
    const expected: ScenarioExpectation = {
      canary: { outcome: ['rolled-back'], bounds: { usersAffected: { max: 500 }, detectionSeconds: { max: 180 } }, faults: {} },
      'big-bang': { outcome: ['promoted', 'rolled-back'], bounds: { usersAffected: { min: 2000 } }, faults: {} },
      'dark-launch': { bounds: { usersAffectedExternal: { max: 0 } }, faults: {} },
      'ab-test': { bounds: {}, abWinner: 'B', faults: {} },
    };
    expect(scenarioOf(FAULTS_EXAMPLE).expect).toEqual(expected);
  });

  it('reads durations for the *Seconds bounds, milliseconds for latency, and fault costs by label', () => {
    const s = scenarioOf(
      faultsWith({
        23: '  canary: { rolloutSeconds: { min: 2m, max: 1h }, recoverySeconds: { max: 90 }, latencyP99Ms: { max: 800 }, instanceSeconds: { max: 10h },',
        24: '    fault: { dependency-outage: { failedRequests: { max: 3000 }, usersAffected: { min: 1, max: 900 } }, crash-loop: { corruptedWrites: { max: 0 } } } }',
      }),
    );
    expect(s.expect?.canary).toEqual({
      bounds: { rolloutSeconds: { min: 120, max: 3600 }, recoverySeconds: { max: 90 }, latencyP99Ms: { max: 800 }, instanceSeconds: { max: 36000 } },
      faults: { 'dependency-outage': { failedRequests: { max: 3000 }, usersAffected: { min: 1, max: 900 } }, 'crash-loop': { corruptedWrites: { max: 0 } } },
    });
  });

  it('keeps where each expectation is written', () => {
    const positions = scenarioOf(FAULTS_EXAMPLE).expectPositions;
    expect(positions?.canary).toEqual({
      at: { line: 23, column: 3 },
      fields: { outcome: { line: 23, column: 22 }, 'usersAffected.max': { line: 23, column: 57 }, 'detectionSeconds.max': { line: 23, column: 89 } },
    });
    expect(positions?.['ab-test']).toEqual({ at: { line: 26, column: 3 }, fields: { abWinner: { line: 26, column: 24 } } });
    const withCost = scenarioOf(faultsWith({ 26: '  ab-test: { fault: { latency: { failedRequests: { max: 5 } } } }' })).expectPositions;
    expect(withCost?.['ab-test'].fields).toEqual({ 'fault.latency.failedRequests.max': { line: 26, column: 57 } });
  });

  it('is left out, with its positions, when the file has none', () => {
    const s = scenarioOf(EXAMPLE);
    expect(s.expect).toBeUndefined();
    expect(s.expectPositions).toBeUndefined();
  });
});

describe('teaching fields', () => {
  it('keeps objectives and a markdown narrative', () => {
    const s = scenarioOf(EXAMPLE.replace('seed: 7', 'objectives:\n  - Aggregate metrics dilute a segment bug.\n  - Targeting contains it.\nnarrative: |\n  It is *Friday*.\n\n  The iOS app crashes.\nseed: 7'));
    expect(s.objectives).toEqual(['Aggregate metrics dilute a segment bug.', 'Targeting contains it.']);
    expect(s.narrative).toBe('It is *Friday*.\n\nThe iOS app crashes.\n');
  });

  it('defaults to no objectives and no narrative', () => {
    const s = scenarioOf(EXAMPLE);
    expect(s.objectives).toEqual([]);
    expect(s.narrative).toBeUndefined();
  });
});
