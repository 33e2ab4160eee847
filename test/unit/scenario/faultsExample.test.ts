// The fault example of the contract parses into the engine's `Fault`s exactly (durations in
// seconds, percentages as fractions, absent optional fields as null, starts resolved).
import { describe, expect, it } from 'vitest';
import type { Fault } from '../../../src/index';
import { EXAMPLE, scenarioOf } from './helpers';
import { FAULTS_EXAMPLE } from './faultsFixture';

describe('the fault example', () => {
  it('parses to the normalised faults, in order', () => {
    const expected: Fault[] = [
      { kind: 'dependency-outage', label: 'dependency-outage', start: { at: 480 }, duration: 240, rate: 0.2 },
      { kind: 'latency', label: 'latency', start: { at: 300 }, duration: null, version: 'v2', factor: 3, add: 0, above: { utilisation: 0.7 } },
      { kind: 'segment', label: 'segment', start: { at: 300 }, duration: null, version: 'v2', match: { platform: 'ios' }, rate: 0.3 },
      { kind: 'memory-leak', label: 'memory-leak', start: { at: 300 }, duration: null, version: 'v2', per: 600, errorRate: 0.01, factor: 1.5 },
      { kind: 'instance-loss', label: 'instance-loss', start: { at: 900 }, duration: 120, count: 3, zone: null, version: null },
      { kind: 'error-rate', label: 'error-rate', start: { weightAtLeast: 0.4 }, duration: null, version: 'v2', rate: 0.05 },
      { kind: 'crash-loop', label: 'crash-loop', start: { state: 'promoting' }, duration: null, version: 'v2', after: null },
    ];
    expect(scenarioOf(FAULTS_EXAMPLE).faults).toEqual(expected);
  });

  it('leaves no key undefined: every field is a value or null', () => {
    for (const fault of scenarioOf(FAULTS_EXAMPLE).faults) {
      expect(Object.values(fault), fault.label).not.toContain(undefined);
    }
  });

  it('gives a file without faults an empty list', () => {
    expect(scenarioOf(EXAMPLE).faults).toEqual([]);
    expect(scenarioOf(EXAMPLE.replace('compare:', 'faults: []\ncompare:')).faults).toEqual([]);
  });
});
