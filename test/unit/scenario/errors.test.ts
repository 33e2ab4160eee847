import { describe, expect, it } from 'vitest';
import { formatScenarioError, formatPath } from '../../../src/scenario/errors';
import { parseScenario } from '../../../src';
import { EXAMPLE, errorsOf, exampleWith } from './helpers';

describe('unknown keys', () => {
  it('points at the key and suggests the declared key it resembles', () => {
    expect(errorsOf(exampleWith({ 5: 'fleet: { instnces: 10 }' }))).toEqual(['s.yaml:5:10: fleet.instnces: unknown key "instnces"; did you mean "instances"?']);
  });

  it('lists the allowed keys when nothing is close', () => {
    expect(errorsOf(exampleWith({ 6: 'traffic: { rps: 300, burst: 2 }' }))).toEqual(['s.yaml:6:22: traffic.burst: unknown key "burst"; expected one of "shape"']);
  });

  it('reports each unknown key of a mapping separately, at its own position', () => {
    expect(errorsOf(exampleWith({ 3: 'sead: 8\ncolour: blue' }))).toEqual([
      's.yaml:3:1: sead: unknown key "sead"; did you mean "seed"?',
      's.yaml:4:1: colour: unknown key "colour"; expected one of "summary", "objectives", "narrative", "seed", "faults", "manual", "expect"',
    ]);
  });

  it('does not suggest a key that is already present', () => {
    const [error] = errorsOf(exampleWith({ 5: 'fleet: { instances: 10, instnces: 10 }' }));
    expect(error).toBe('s.yaml:5:25: fleet.instnces: unknown key "instnces"; expected one of "concurrency", "queueLimit", "startupTime", "loadBalancer"');
  });

  it('finds unknown keys inside lists and tagged unions', () => {
    expect(errorsOf(exampleWith({ 9: '  - { name: v1, serviceTime: { distribution: exponential, mean: 100ms, meen: 1 }, errorRate: 0 }' }))).toEqual([
      's.yaml:9:72: versions[0].serviceTime.meen: unknown key "meen"',
    ]);
    expect(errorsOf(exampleWith({ 9: '  - { name: v1, serviceTime: { distribution: exponential, mean: 100ms }, erorRate: 0 }' }))).toEqual([
      's.yaml:9:74: versions[0].erorRate: unknown key "erorRate"; did you mean "errorRate"?',
    ]);
    expect(errorsOf(exampleWith({ 6: 'traffic: { rps: 300, shape: { kind: spike, at: 1m, duration: 1m, factor: 2, facter: 3 } }' }))).toEqual([
      's.yaml:6:77: traffic.shape.facter: unknown key "facter"',
    ]);
  });
});

describe('wrong values', () => {
  it('names the allowed enum values and suggests the close one', () => {
    expect(errorsOf(exampleWith({ 5: 'fleet: { instances: 10, concurrency: 4, queueLimit: 200, startupTime: 20s, loadBalancer: randm }' }))).toEqual([
      's.yaml:5:90: fleet.loadBalancer: expected one of "round-robin", "random", "least-connections", got "randm"; did you mean "random"?',
    ]);
    expect(errorsOf(exampleWith({ 5: 'fleet: { loadBalancer: weighted }' }))).toEqual([
      's.yaml:5:24: fleet.loadBalancer: expected one of "round-robin", "random", "least-connections", got "weighted"',
    ]);
  });

  it('suggests tags of tagged unions', () => {
    expect(errorsOf(exampleWith({ 9: '  - { name: v1, serviceTime: { distribution: exponental, mean: 100ms } }' }))).toEqual([
      's.yaml:9:46: versions[0].serviceTime.distribution: expected one of "exponential", "lognormal", "constant", got "exponental"; did you mean "exponential"?',
    ]);
    expect(errorsOf(exampleWith({ 6: 'traffic: { rps: 300, shape: constnt }' }))).toEqual([
      's.yaml:6:29: traffic.shape: expected "constant" or a mapping with kind: diurnal or spike, got "constnt"; did you mean "constant"?',
    ]);
    expect(errorsOf(exampleWith({ 6: 'traffic: { rps: 300, shape: { kind: diurnl, amplitude: 10% } }' }))).toEqual([
      's.yaml:6:37: traffic.shape.kind: expected one of "diurnal", "spike", got "diurnl"; did you mean "diurnal"?',
    ]);
  });

  it('reports out-of-range numbers with separators', () => {
    expect(errorsOf(exampleWith({ 7: 'users: { count: 1000000000 }' }))).toEqual(['s.yaml:7:17: users.count: must be at most 10,000,000, got 1,000,000,000']);
    expect(errorsOf(exampleWith({ 6: 'traffic: { rps: 0 }' }))).toEqual(['s.yaml:6:17: traffic.rps: must be greater than 0, got 0']);
    expect(errorsOf(exampleWith({ 3: 'seed: -1' }))).toEqual(['s.yaml:3:7: seed: must be at least 0, got -1']);
    expect(errorsOf(exampleWith({ 5: 'fleet: { instances: 2.5 }' }))).toEqual(['s.yaml:5:21: fleet.instances: expected an integer, got 2.5']);
    expect(errorsOf(exampleWith({ 4: 'duration: 8d' }))).toEqual(['s.yaml:4:11: duration: must be at most 7d, got 8d']);
    expect(errorsOf(exampleWith({ 6: 'traffic: { rps: .inf }' }))).toEqual(['s.yaml:6:17: traffic.rps: expected a number, got Infinity']);
  });

  it('reports one error per field', () => {
    // zod also flags 1e20 as beyond the safe-integer range; only the first, more useful, error is kept.
    expect(errorsOf(exampleWith({ 7: 'users: { count: 1e20 }' }))).toEqual(['s.yaml:7:17: users.count: must be at most 10,000,000, got 100,000,000,000,000,000,000']);
  });

  it('explains wrong types, and that YAML numbers need quotes to be names', () => {
    expect(errorsOf(exampleWith({ 2: 'title: [a, b]' }))).toEqual(['s.yaml:2:8: title: expected a string, got a list']);
    expect(errorsOf(exampleWith({ 9: '  - { name: 1.0, serviceTime: { distribution: constant, value: 1 } }' }))).toEqual([
      's.yaml:9:13: versions[0].name: expected a string, got 1 (put it in quotes to make it text)',
      's.yaml:11:18: rollout.from: unknown version "v1"; declared versions are "v2"',
    ]);
    expect(errorsOf(exampleWith({ 9: '  - { name: "v 1", serviceTime: { distribution: constant, value: 1 } }' }))).toEqual([
      's.yaml:9:13: versions[0].name: expected a name made of letters, digits, ".", "_" or "-", got "v 1"',
      's.yaml:11:18: rollout.from: unknown version "v1"; did you mean "v 1"?',
    ]);
  });

  it('points at the key when the value is empty', () => {
    expect(errorsOf(exampleWith({ 2: 'title:' }))).toEqual(['s.yaml:2:1: title: expected a string, got an empty value']);
  });

  it('rejects schema versions other than 1', () => {
    expect(errorsOf(exampleWith({ 1: 'schemaVersion: 2' }))).toEqual(['s.yaml:1:16: schemaVersion: expected 1 (the only schema version so far), got 2']);
  });

  it('checks lognormal p99 against the median and region shares against 100%', () => {
    expect(errorsOf(exampleWith({ 10: '  - { name: v2, serviceTime: { distribution: lognormal, median: 80ms, p99: 80ms } }' }))).toEqual([
      's.yaml:10:76: versions[1].serviceTime.p99: must be greater than median (80ms), got 80ms',
    ]);
    expect(errorsOf(exampleWith({ 7: 'users: { regions: { us: 50%, eu: 40% } }' }))).toEqual(['s.yaml:7:19: users.regions: shares must add up to 100%, got 90%']);
  });
});

describe('missing fields', () => {
  it('points at the mapping the field is missing from', () => {
    expect(errorsOf(exampleWith({ 2: null }))).toEqual(['s.yaml:1:1: title: required field is missing']);
    expect(errorsOf(exampleWith({ 6: 'traffic: {}' }))).toEqual(['s.yaml:6:10: traffic.rps: required field is missing']);
    expect(errorsOf(exampleWith({ 9: '  - { name: v1, serviceTime: { distribution: lognormal, median: 1s } }' }))).toEqual([
      's.yaml:9:30: versions[0].serviceTime.p99: required field is missing',
    ]);
  });

  it('reports a missing section (and a missing tag) the same way', () => {
    expect(errorsOf(exampleWith({ 4: null }))).toEqual(['s.yaml:1:1: duration: required field is missing']);
    expect(errorsOf(exampleWith({ 9: '  - { name: v1, serviceTime: { mean: 1s } }' }))).toEqual([
      's.yaml:9:30: versions[0].serviceTime.distribution: required field is missing',
    ]);
  });

  it('counts from the first key when comments come first', () => {
    expect(errorsOf(`# a comment\n\n${exampleWith({ 2: null })}`)).toEqual(['s.yaml:3:1: title: required field is missing']);
  });
});

describe('cross-field rules', () => {
  it('requires unique version names, pointing at the duplicate', () => {
    expect(errorsOf(exampleWith({ 10: '  - { name: v1, serviceTime: { distribution: constant, value: 1 } }' }))).toEqual([
      's.yaml:10:13: versions[1].name: version name "v1" is already used by versions[0]; version names must be unique',
      's.yaml:11:26: rollout.to: unknown version "v2"; declared versions are "v1"',
    ]);
  });

  it('requires the rollout to name declared, distinct versions before the end of the run', () => {
    expect(errorsOf(exampleWith({ 11: 'rollout: { from: v1, to: v3, at: 5m }' }))).toEqual(['s.yaml:11:26: rollout.to: unknown version "v3"; declared versions are "v1", "v2"']);
    expect(errorsOf(exampleWith({ 11: 'rollout: { from: v11, to: v2, at: 5m }' }))).toEqual(['s.yaml:11:18: rollout.from: unknown version "v11"; did you mean "v1"?']);
    expect(errorsOf(exampleWith({ 11: 'rollout: { from: v1, to: v1, at: 5m }' }))).toEqual(['s.yaml:11:26: rollout.to: must differ from rollout.from (both are "v1")']);
    expect(errorsOf(exampleWith({ 11: 'rollout: { from: v1, to: v2, at: 1h }' }))).toEqual(['s.yaml:11:34: rollout.at: must be before the end of the run (duration 1h), got 1h']);
  });

  it('reports all errors, sorted by position', () => {
    const errors = errorsOf(exampleWith({ 3: 'seed: -1', 5: 'fleet: { instnces: 10 }', 7: 'users: { count: 0 }', 11: 'rollout: { from: v1, to: v9, at: 5m }' }));
    expect(errors.map((e) => e.split(': ')[0])).toEqual(['s.yaml:3:7', 's.yaml:5:10', 's.yaml:7:17', 's.yaml:11:26']);
  });
});

describe('error records', () => {
  it('carry file, 1-based line and column, and the path', () => {
    const result = parseScenario(exampleWith({ 9: '  - { name: v1, serviceTime: { distribution: exponential, mean: 100ms }, errorRate: -5% }' }), 'dir/s.yaml');
    expect(result).toEqual({
      ok: false,
      errors: [{ file: 'dir/s.yaml', line: 9, column: 85, path: 'versions[0].errorRate', message: 'must be between 0% and 100%, got -5%' }],
    });
  });

  it('format as file:line:col: path: message, leaving out an empty path', () => {
    expect(formatScenarioError({ file: 'a.yaml', line: 2, column: 3, path: 'fleet', message: 'm' })).toBe('a.yaml:2:3: fleet: m');
    expect(formatScenarioError({ file: 'a.yaml', line: 2, column: 3, path: '', message: 'm' })).toBe('a.yaml:2:3: m');
    expect(formatPath(['versions', 1, 'errorRate'])).toBe('versions[1].errorRate');
    expect(formatPath(['users', 'regions', 'north america'])).toBe('users.regions["north america"]');
  });

  it('never contain stack traces', () => {
    for (const text of [EXAMPLE.replace('1h', 'x'), 'a: *missing\n', '[', ':\n']) {
      for (const e of errorsOf(text)) expect(e).not.toMatch(/\n\s+at /);
    }
  });
});
