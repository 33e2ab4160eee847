// A flag's schedule and rule windows in a scenario file: parsed into seconds and shares, and every
// mistake reported at its place, with a did-you-mean where a key is misspelt.
import { describe, expect, it } from 'vitest';
import { errorsOf, scenarioOf } from './helpers';

const FILE = `schemaVersion: 1
title: A flag on the clock
duration: 30m
traffic: { rps: 40 }
versions:
  - { name: v1, serviceTime: { distribution: exponential, mean: 50ms } }
  - { name: v2, serviceTime: { distribution: exponential, mean: 50ms } }
rollout: { from: v1, to: v2, at: 2m }
compare:
  - pattern: feature-toggle
    rules: [ { when: { beta: true }, serve: on, after: 5m, before: 25m } ]
    schedule: [ { at: 10m, on: true }, { at: 15m, rollout: 50% } ]
`;
const withLines = (rules: string, schedule: string) =>
  FILE.replace('    rules: [ { when: { beta: true }, serve: on, after: 5m, before: 25m } ]', rules).replace('    schedule: [ { at: 10m, on: true }, { at: 15m, rollout: 50% } ]', schedule);

describe('a flag schedule and rule windows in a scenario file', () => {
  it('become seconds and shares; steps are left to the schedule', () => {
    const options = scenarioOf(FILE).compare[0].options as Record<string, unknown>;
    expect(options.schedule).toEqual([{ at: 600, on: true }, { at: 900, rollout: 0.5 }]);
    expect(options.rules).toEqual([{ when: { beta: true }, serve: 'on', after: 300, before: 1500 }]);
    expect(options.steps).toBeUndefined();
  });

  it('reports a misspelt key, an empty change, a change outside the run and an empty window', () => {
    expect(
      errorsOf(withLines('    rules: [ { when: { beta: true }, serve: on, after: 25m, before: 5m } ]', '    schedule: [ { at: 1m, on: true }, { at: 9m, rolout: 5% }, { at: 12m }, { at: 40m, on: false } ]')),
    ).toEqual([
      's.yaml:11:69: compare[0].rules[0].before: must be later than after (25m), got 5m; the window would never open',
      's.yaml:12:23: compare[0].schedule[0].at: must not be before the release (rollout.at 2m), got 1m; the flag follows its schedule from the release on',
      's.yaml:12:49: compare[0].schedule[1].rolout: unknown key "rolout"; did you mean "rollout"?',
      's.yaml:12:63: compare[0].schedule[2]: a scheduled change needs on (true or false), rollout (a percentage) or both',
      's.yaml:12:82: compare[0].schedule[3].at: must be before the end of the run (duration 30m), got 40m',
    ]);
  });

  it('reports changes out of time order, a share over 100%, and steps beside a schedule', () => {
    expect(errorsOf(withLines('    rules: []', '    schedule: [ { at: 15m, on: true }, { at: 10m, rollout: 50% } ]'))).toEqual([
      's.yaml:12:46: compare[0].schedule[1].at: must not be earlier than the change before it (15m), got 10m; list the changes in time order',
    ]);
    expect(errorsOf(withLines('    rules: []', '    schedule: [ { at: 15m, rollout: 150 } ]'))).toEqual([
      's.yaml:12:37: compare[0].schedule[0].rollout: must be between 0 and 100 (percent), got 150',
    ]);
    expect(errorsOf(withLines('    rules: [ { serve: on } ]', '    schedule: [ { at: 15m, on: true } ]'))).toEqual([
      "s.yaml:11:14: compare[0].rules[0]: a rule needs when (the users it applies to), after or before (its time window); with none it would apply to every user at all times, which is what the share is for",
    ]);
    expect(errorsOf(withLines('    steps: [ { rollout: 10% } ]', '    schedule: [ { at: 15m, on: true } ]'))).toEqual([
      's.yaml:12:15: compare[0].schedule: give either steps or schedule, not both; a schedule is the rollout plan of its own',
    ]);
  });
});
