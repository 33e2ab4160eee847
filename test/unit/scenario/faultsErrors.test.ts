// Errors in `faults:`: position (line:column of the offending key or value), field path, what was
// expected, and a did-you-mean where one fits. Lines refer to FAULTS_EXAMPLE.
import { describe, expect, it } from 'vitest';
import { errorsOf } from './helpers';
import { FAULTS_EXAMPLE, faultsWith, withFault } from './faultsFixture';

describe('fault errors', () => {
  it('the example itself is valid', () => {
    expect(errorsOf(FAULTS_EXAMPLE)).toEqual([]);
  });

  it('suggests the kind a misspelt one resembles, at the kind', () => {
    expect(errorsOf(faultsWith({ 16: '  - { kind: latncy, version: v2, factor: 3 }' }))).toEqual([
      's.yaml:16:13: faults[1].kind: expected one of "error-rate", "latency", "crash-loop", "memory-leak", "segment", "conversion-drop", "dependency-outage", "instance-loss", "traffic-spike", "mixed-version", "cold-start", "bad-writes", got "latncy"; did you mean "latency"?',
    ]);
    expect(errorsOf(faultsWith({ 16: '  - { version: v2, factor: 3 }' }))).toEqual(['s.yaml:16:5: faults[1].kind: required field is missing']);
    expect(errorsOf(faultsWith({ 16: '  - latency' }))).toEqual(['s.yaml:16:5: faults[1]: expected a mapping like { kind: latency, … }, got "latency"']);
  });

  it('reports a missing required field at the fault, and misspelt keys at the key', () => {
    expect(errorsOf(faultsWith({ 20: '  - { kind: error-rate, version: v2, when: { weightAtLeast: 40% } }' }))).toEqual(['s.yaml:20:5: faults[5].rate: required field is missing']);
    expect(errorsOf(withFault('{ kind: cold-start, factor: 2 }'))).toEqual(['s.yaml:22:5: faults[7].warmup: required field is missing']);
    expect(errorsOf(faultsWith({ 18: '  - { kind: memory-leak, version: v2, pre: 10m, errorRate: 1% }' }))).toEqual([
      's.yaml:18:5: faults[3].per: required field is missing',
      's.yaml:18:39: faults[3].pre: unknown key "pre"; did you mean "per"?',
    ]);
  });

  it('starts a fault at a time or on a phase, not both', () => {
    expect(errorsOf(faultsWith({ 20: '  - { kind: error-rate, version: v2, rate: 5%, at: 8m, when: { weightAtLeast: 40% } }' }))).toEqual([
      's.yaml:20:62: faults[5].when: a fault starts either at a time ("at") or on a rollout phase ("when"), not both; remove one',
    ]);
    expect(errorsOf(faultsWith({ 21: '  - { kind: crash-loop, version: v2, when: { state: promoting, weightAtLeast: 40% } }' }))).toEqual([
      's.yaml:21:53: faults[6].when.state: when has either "weightAtLeast" or "state", not both; a fault starts on one phase',
    ]);
    expect(errorsOf(faultsWith({ 21: '  - { kind: crash-loop, version: v2, when: {} }' }))).toEqual(['s.yaml:21:44: faults[6].when: when needs "weightAtLeast" or "state"']);
  });

  it('checks a state a fault starts on against the compared patterns\' statecharts, with a did-you-mean', () => {
    expect(errorsOf(faultsWith({ 21: '  - { kind: crash-loop, version: v2, when: { state: promotng } }' }))).toEqual([
      's.yaml:21:53: faults[6].when.state: no compared pattern has a state "promotng"; did you mean "promoting"?',
    ]);
    // A state of any one compared pattern is fine: the fault starts in the runs that reach it.
    expect(errorsOf(faultsWith({ 21: '  - { kind: crash-loop, version: v2, when: { state: stepPause } }' }))).toEqual([]);
    // …but not a state only a pattern that is not compared has.
    expect(errorsOf(faultsWith({ 10: '  - { pattern: rolling, label: canary }', 21: '  - { kind: crash-loop, version: v2, when: { state: stepPause } }' }))).toEqual([
      's.yaml:21:53: faults[6].when.state: no compared pattern has a state "stepPause"; the compared patterns\' states are "aborted", "collecting", "concluded", "creating", "deploying", "halted", "idle", "paused", "progressing", "promoting", "releasing", "rolledBack", "rolling", "running", "shadowing", "succeeded", "terminating", "verifying"',
    ]);
  });

  it('explains why a traffic spike cannot start on a phase', () => {
    expect(errorsOf(withFault('{ kind: traffic-spike, factor: 3, when: { weightAtLeast: 50% } }'))).toEqual([
      "s.yaml:22:45: faults[7].when: a traffic spike starts at a time (\"at\"), not on a rollout phase: it changes arrivals, which must be the same in every compared run, so it cannot depend on a pattern's phase",
    ]);
  });

  it('takes an instance count or a zone, not both', () => {
    expect(errorsOf(faultsWith({ 19: '  - { kind: instance-loss, at: 15m, count: 3, zone: a }' }))).toEqual([
      's.yaml:19:53: faults[4].zone: an instance-loss fault has either "count" or "zone", not both; it removes a number of instances or a whole zone',
    ]);
    expect(errorsOf(faultsWith({ 19: '  - { kind: instance-loss, at: 15m }' }))).toEqual(['s.yaml:19:5: faults[4]: an instance-loss fault needs "count" or "zone"']);
    expect(errorsOf(faultsWith({ 19: '  - { kind: instance-loss, zone: d }' }))).toEqual(['s.yaml:19:34: faults[4].zone: expected one of "a", "b", "c", got "d"']);
  });

  it('requires declared versions, and declared platforms in segment matches', () => {
    expect(errorsOf(faultsWith({ 17: '  - { kind: segment, version: v3, match: { platform: ios }, rate: 30% }' }))).toEqual([
      's.yaml:17:31: faults[2].version: unknown version "v3"; declared versions are "v1", "v2"',
    ]);
    expect(errorsOf(faultsWith({ 17: '  - { kind: segment, version: v22, match: { platform: iso }, rate: 30% }' }))).toEqual([
      's.yaml:17:31: faults[2].version: unknown version "v22"; did you mean "v2"?',
      's.yaml:17:55: faults[2].match.platform: unknown platform "iso"; did you mean "ios"?',
    ]);
  });

  it('requires unique labels, the kind being the default one', () => {
    expect(errorsOf(withFault('{ kind: latency, version: v1, add: 10ms }'))).toEqual([
      's.yaml:22:5: faults[7].label: label "latency" is already used by faults[1]; labels must be unique (a fault without a label is labelled by its kind; add a distinct label)',
    ]);
    expect(errorsOf(withFault('{ kind: latency, version: v1, add: 10ms, label: latency-v1 }'))).toEqual([]);
  });

  it('starts within the run, and on a phase only when there is a rollout', () => {
    expect(errorsOf(faultsWith({ 15: '  - { kind: dependency-outage, at: 1h, duration: 4m, rate: 20% }' }))).toEqual([
      's.yaml:15:36: faults[0].at: must be before the end of the run (duration 1h), got 1h',
    ]);
    const noRollout = faultsWith({ 8: null, 10: '  - { pattern: none }', 11: null, 12: null, 13: null, 22: null, 23: null, 24: null, 25: null, 26: null });
    expect(errorsOf(noRollout)).toEqual([
      's.yaml:16:54: faults[5].when: starts on a rollout phase, but the scenario has no rollout section; use at: instead',
      's.yaml:17:44: faults[6].when: starts on a rollout phase, but the scenario has no rollout section; use at: instead',
    ]);
  });

  it('bounds magnitudes and requires a latency or leak to do something', () => {
    expect(errorsOf(faultsWith({ 16: '  - { kind: latency, version: v2 }' }))).toEqual([
      's.yaml:16:5: faults[1]: a latency fault must change something: give factor (other than 1) and/or add (more than 0s)',
    ]);
    expect(errorsOf(faultsWith({ 18: '  - { kind: memory-leak, version: v2, per: 0 }' }))).toEqual(['s.yaml:18:44: faults[3].per: must be greater than 0s, got 0s']);
    expect(errorsOf(withFault('{ kind: traffic-spike, at: 10m, factor: 1 }'))).toEqual(['s.yaml:22:45: faults[7].factor: must be greater than 1, got 1']);
    expect(errorsOf(withFault('{ kind: traffic-spike, at: 10m, factor: 200 }'))).toEqual(['s.yaml:22:45: faults[7].factor: must be at most 100, got 200']);
    expect(errorsOf(withFault('{ kind: conversion-drop, version: v2, drop: 30, duration: 0 }'))).toEqual([
      's.yaml:22:49: faults[7].drop: must be between 0% and 100%, got 3,000%; a bare number is a fraction, write 30% for 30 percent',
      's.yaml:22:63: faults[7].duration: must be greater than 0s, got 0s',
    ]);
  });
});
