// A flag on the simulated clock: scheduled changes (LaunchDarkly's) and rule windows (Unleash's
// DATE_AFTER / DATE_BEFORE). Seeded runs, read per minute: no request reaches the new code before
// a change is due, and after it the share of requests on the new code is the share the change set.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/index';
import { scenarioOf } from '../unit/scenario/helpers';

const file = (toggle: string) => `schemaVersion: 1
title: A flag on the clock
seed: 3
duration: 30m
fleet: { instances: 6, concurrency: 8, queueLimit: 100, startupTime: 10s }
traffic: { rps: 60 }
users: { count: 20000, beta: 10% }
versions:
  - { name: v1, serviceTime: { distribution: exponential, mean: 50ms } }
  - { name: v2, serviceTime: { distribution: exponential, mean: 50ms } }
rollout: { from: v1, to: v2, at: 2m }
compare:
  - { pattern: feature-toggle, label: flag, propagationDelay: 0s, ${toggle} }
`;

/** The share of each minute's requests served by the new code (v2). */
function newCodeShare(toggle: string) {
  const [run] = runScenario(scenarioOf(file(toggle)), { seriesBucket: 60 }).runs;
  const { v1, v2 } = run.series!.versions;
  return { run, share: v2.requests.map((n, i) => n / (n + v1.requests[i])), v2: v2.requests };
}

const minutes = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

describe('scheduled flag changes', () => {
  it('serve nobody before the first share is due, then the share each change sets', () => {
    const { run, share, v2 } = newCodeShare('schedule: [ { at: 10m, rollout: 20% }, { at: 20m, rollout: 60% } ]');
    for (const m of minutes(0, 10)) expect(v2[m], `minute ${m}`).toBe(0);
    for (const m of minutes(10, 20)) expect(share[m], `minute ${m}`).toBeCloseTo(0.2, 1);
    for (const m of minutes(20, 30)) expect(share[m], `minute ${m}`).toBeCloseTo(0.6, 1);
    expect(run.outcome).toBe('paused'); // the schedule ended at 60%: promoting is a person's call
    expect(run.decisions.map((d) => d.text)).toEqual([
      '2:00 flag flag follows its schedule: on for 0% of users until the first change at 10:00',
      '10:00 flag scheduled change: set the share from 0% to 20%; the flag is on for 20% of users',
      '20:00 flag scheduled change: set the share from 20% to 60%; the flag is on for 60% of users',
      '20:00 flag schedule ended with the flag on for 60% of users; it stays so until promoted by hand',
    ]);
  });

  it('turn the flag off and on: off serves nobody, whatever its share; on at 100% is a promotion', () => {
    const { run, share, v2 } = newCodeShare('schedule: [ { at: 8m, on: false }, { at: 16m, on: true } ]');
    for (const m of minutes(2, 8)) expect(share[m], `minute ${m}`).toBe(1); // on, 100%: nothing scheduled a share
    for (const m of minutes(8, 16)) expect(v2[m], `minute ${m}`).toBe(0);
    for (const m of minutes(16, 30)) expect(share[m], `minute ${m}`).toBe(1);
    expect(run.outcome).toBe('promoted');
    expect(run.decisions[1].text).toBe('8:00 flag scheduled change: turned the flag off; the flag is off for everyone (its 100% kept for later)');
  });

  it('start off when the first on/off change turns the flag on, with its rules waiting', () => {
    const { share, v2 } = newCodeShare('rules: [ { when: { beta: true }, serve: on } ], schedule: [ { at: 10m, on: true }, { at: 20m, rollout: 50% } ]');
    for (const m of minutes(0, 10)) expect(v2[m], `minute ${m}`).toBe(0);
    for (const m of minutes(10, 20)) expect(share[m], `minute ${m}`).toBeCloseTo(0.1, 1); // the beta rule only
    for (const m of minutes(20, 30)) expect(share[m], `minute ${m}`).toBeCloseTo(0.55, 1); // beta, and half the rest
  });
});

describe('a rule window (after / before) on the simulated clock', () => {
  it('applies the rule only between its times, with no propagation delay', () => {
    const { run, share, v2 } = newCodeShare('rules: [ { when: { beta: true }, serve: on, after: 10m, before: 20m } ], steps: [ { rollout: 0% }, { pause: {} } ]');
    for (const m of [...minutes(0, 10), ...minutes(20, 30)]) expect(v2[m], `minute ${m}`).toBe(0);
    for (const m of minutes(10, 20)) expect(share[m], `minute ${m}`).toBeCloseTo(0.1, 1);
    expect(run.decisions.map((d) => d.text)).toEqual([
      '10:00 flag flag rule "beta users (after 10:00 and before 20:00) → on" window opens: the rule applies from now',
      '20:00 flag flag rule "beta users (after 10:00 and before 20:00) → on" window closes: the rule no longer applies',
    ]);
  });

  it('applies to every user when the rule names no users; the kill switch takes the window away with the rule', () => {
    const everyone = 'rules: [ { serve: on, after: 10m, before: 20m } ], steps: [ { rollout: 0% }, { pause: {} } ]';
    const { share } = newCodeShare(everyone);
    for (const m of minutes(10, 20)) expect(share[m], `minute ${m}`).toBe(1);
    const [killed] = runScenario(scenarioOf(file(everyone)), { seriesBucket: 60, manual: [{ t: 900, event: 'FLAG_OFF' }] }).runs;
    expect(killed.series!.versions.v2.requests.slice(16)).toEqual(Array(14).fill(0));
    expect(killed.decisions.map((d) => d.reason)).toEqual(['rule window', 'manual flag_off']); // no "closes" line for a rule that is gone
  });
});
