// Scripted human actions in a scenario file (`manual:`): parsed into the runtime's manual controls,
// checked against the compare labels with positions and did-you-mean, and applied to the run.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/index';
import { errorsOf, scenarioOf } from './helpers';

const FILE = `schemaVersion: 1
title: A canary waiting for a human
duration: 15m
traffic: { rps: 40 }
versions:
  - { name: v1, serviceTime: { distribution: exponential, mean: 50ms } }
  - { name: v2, serviceTime: { distribution: exponential, mean: 50ms } }
rollout: { from: v1, to: v2, at: 1m }
compare:
  - { pattern: canary, label: gated, steps: [ { setWeight: 20 }, { pause: {} }, { setWeight: 60 } ] }
  - { pattern: canary, label: other, steps: [ { setWeight: 20 }, { pause: {} }, { setWeight: 60 } ] }
manual:
  - { at: 5m, run: gated, event: abort }
`;
const withManual = (line: string) => FILE.replace('  - { at: 5m, run: gated, event: abort }', line);

describe('manual actions in a scenario file', () => {
  it('become the runtime manual controls: seconds, the statechart event, the run label', () => {
    expect(scenarioOf(FILE).manual).toEqual([{ t: 300, event: 'ABORT', label: 'gated' }]);
    expect(scenarioOf(withManual('  - { at: 90s, event: flagOn }')).manual).toEqual([{ t: 90, event: 'FLAG_ON' }]);
    expect(scenarioOf(FILE.replace(/manual:\n.*\n/, '')).manual).toEqual([]);
  });

  it('an abort at 5m rolls back that run at 5m, with the decision; the other run stays paused', () => {
    const [gated, other] = runScenario(scenarioOf(FILE)).runs;
    expect(gated.outcome).toBe('rolled-back');
    expect(gated.decisions[0]).toMatchObject({ t: 300, reason: 'manual abort' });
    expect(other.outcome).toBe('paused');
    expect(other.decisions).toEqual([]);
  });

  it('reports unknown runs and events at their place, with a did-you-mean', () => {
    expect(errorsOf(withManual('  - { at: 5m, run: gatd, event: abrot }'))).toEqual([
      's.yaml:13:20: manual[0].run: unknown run label "gatd"; did you mean "gated"?',
      's.yaml:13:33: manual[0].event: expected one of "promote", "pause", "resume", "abort", "flagOn", "flagOff", got "abrot"; did you mean "abort"?',
    ]);
    expect(errorsOf(withManual('  - { at: 20m, event: promote, who: ops }'))).toEqual([
      's.yaml:13:11: manual[0].at: must be before the end of the run (duration 15m), got 20m',
      's.yaml:13:32: manual[0].who: unknown key "who"; expected one of "run"',
    ]);
    expect(errorsOf(withManual('  - { run: gated }'))).toEqual([
      's.yaml:13:5: manual[0].at: required field is missing',
      's.yaml:13:5: manual[0].event: required field is missing',
    ]);
  });
});
