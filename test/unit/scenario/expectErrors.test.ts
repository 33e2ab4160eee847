// Errors in `expect:` and the teaching fields: run and fault labels that name nothing (with a
// did-you-mean), unknown metrics, malformed bounds. Lines refer to FAULTS_EXAMPLE.
import { describe, expect, it } from 'vitest';
import { errorsOf } from './helpers';
import { faultsWith } from './faultsFixture';

/** Errors when line 23 (the canary expectation) is replaced by `canary` (or another label's). */
const line23 = (text: string) => errorsOf(faultsWith({ 23: `  ${text}` }));

describe('expect errors', () => {
  it('requires labels of compare entries, suggesting the close one', () => {
    expect(line23('canery: { outcome: rolled-back }')).toEqual(['s.yaml:23:3: expect.canery: unknown run label "canery"; did you mean "canary"?']);
    expect(line23('blue-green: { outcome: promoted }')).toEqual(['s.yaml:23:3: expect.blue-green: unknown run label "blue-green"; compare has "canary", "big-bang", "dark-launch", "ab-test"']);
  });

  it('rejects an unknown metric at its key, suggesting the close one', () => {
    expect(line23('canary: { usersAfected: { max: 500 } }')).toEqual(['s.yaml:23:13: expect.canary.usersAfected: unknown key "usersAfected"; did you mean "usersAffected"?']);
    expect(line23('canary: { fault: { latency: { failedRequest: { max: 5 } } } }')).toEqual([
      's.yaml:23:33: expect.canary.fault.latency.failedRequest: unknown key "failedRequest"; did you mean "failedRequests"?',
    ]);
  });

  it('requires min at most max, in the metric’s unit', () => {
    expect(line23('canary: { usersAffected: { min: 500, max: 100 } }')).toEqual(['s.yaml:23:45: expect.canary.usersAffected.max: must be at least min (500), got 100']);
    expect(line23('canary: { detectionSeconds: { min: 5m, max: 3m } }')).toEqual(['s.yaml:23:47: expect.canary.detectionSeconds.max: must be at least min (5m), got 3m']);
    expect(line23('canary: { latencyP99Ms: { min: 500, max: 100 } }')).toEqual(['s.yaml:23:44: expect.canary.latencyP99Ms.max: must be at least min (500ms), got 100ms']);
  });

  it('says how to write bounds', () => {
    expect(line23('canary: { usersAffected: 500 }')).toEqual(['s.yaml:23:28: expect.canary.usersAffected: expected bounds like { max: 500 } or { min: 500 }, got 500']);
    expect(line23('canary: { usersAffected: {} }')).toEqual(['s.yaml:23:28: expect.canary.usersAffected: give min, max or both']);
    expect(line23('canary: { errors: { max: -1 } }')).toEqual(['s.yaml:23:28: expect.canary.errors.max: must be at least 0, got -1']);
    expect(line23('canary: { latencyP99Ms: { max: 800ms } }')).toEqual(['s.yaml:23:34: expect.canary.latencyP99Ms.max: expected a number of milliseconds like 800, got "800ms"']);
    expect(line23('canary: { detectionSeconds: { max: soon } }')).toEqual([
      's.yaml:23:38: expect.canary.detectionSeconds.max: expected a duration like 250ms, 90s, 5m, 1h or 1d, got "soon"',
    ]);
  });

  it('names the outcomes and suggests the close one', () => {
    expect(line23('canary: { outcome: rolledback }')).toEqual([
      's.yaml:23:22: expect.canary.outcome: expected one of "promoted", "rolled-back", "paused", "incomplete", "steady", got "rolledback"; did you mean "rolled-back"?',
    ]);
    expect(line23('canary: { outcome: [promoted, rolled_back] }')).toEqual([
      's.yaml:23:33: expect.canary.outcome[1]: expected one of "promoted", "rolled-back", "paused", "incomplete", "steady", got "rolled_back"; did you mean "rolled-back"?',
    ]);
    expect(line23('canary: { outcome: 5 }')).toEqual(['s.yaml:23:22: expect.canary.outcome: expected an outcome or a list of them (promoted, rolled-back, paused, incomplete, steady), got 5']);
  });

  it('requires fault labels that exist, and a winner only of an A/B test', () => {
    expect(line23('canary: { fault: { latncy: { failedRequests: { max: 5 } } } }')).toEqual(['s.yaml:23:22: expect.canary.fault.latncy: unknown fault "latncy"; did you mean "latency"?']);
    expect(line23('canary: { abWinner: B }')).toEqual(['s.yaml:23:13: expect.canary.abWinner: only an ab-test run has a winner; run "canary" is a canary run']);
    expect(errorsOf(faultsWith({ 26: '  ab-test: { abWinner: C }' }))).toEqual(['s.yaml:26:24: expect.ab-test.abWinner: expected one of "A", "B", "none", got "C"']);
  });

  it('rejects empty expectations and a list in place of the mapping', () => {
    expect(line23('canary: {}')).toEqual(['s.yaml:23:11: expect.canary: an empty expectation checks nothing; give an outcome, a bound such as usersAffected: { max: 500 }, abWinner or fault']);
    expect(line23('canary: { fault: { latency: {} } }')).toEqual(['s.yaml:23:31: expect.canary.fault.latency: give at least one of failedRequests, usersAffected, corruptedWrites, duplicatedWrites']);
    expect(errorsOf(faultsWith({ 22: 'expect: [canary]', 23: null, 24: null, 25: null, 26: null }))).toEqual(['s.yaml:22:9: expect: expected a mapping, got a list']);
  });

  it('checks the teaching fields', () => {
    expect(errorsOf(faultsWith({ 2: 'title: Faults\nobjectives: Learn.' }))).toEqual(['s.yaml:3:13: objectives: expected a list, got "Learn."']);
    expect(errorsOf(faultsWith({ 2: 'title: Faults\nobjectives: [1]\nnarrative: ""' }))).toEqual([
      's.yaml:3:14: objectives[0]: expected a string, got 1 (put it in quotes to make it text)',
      's.yaml:4:12: narrative: must not be empty',
    ]);
  });
});
