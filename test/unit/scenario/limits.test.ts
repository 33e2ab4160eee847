// Hostile sizes are refused before the costly work, with the limit in the message.
import { describe, expect, it } from 'vitest';
import { MAX_VERSIONS } from '../../../src/metrics/recorder';
import { closestMatch } from '../../../src/scenario/didYouMean';
import { LIMITS } from '../../../src/scenario/limits';
import { bareTextProblem } from '../../../src/scenario/nesting';
import { EXAMPLE, errorsOf, exampleWith } from './helpers';

const keys = (n: number, indent = '') => Array.from({ length: n }, (_, i) => `${indent}k${i}: 1`).join('\n');

describe('size limits', () => {
  it('refuses a file over the size limit before reading it', () => {
    const text = `${EXAMPLE}# ${'x'.repeat(LIMITS.fileChars)}\n`;
    expect(errorsOf(text)).toEqual([`s.yaml:1:1: the file's ${text.length.toLocaleString('en-US')} characters exceeds the limit of 100,000`]);
  });

  it('refuses a long string at its position, naming the limit', () => {
    expect(errorsOf(exampleWith({ 2: `title: ${'t'.repeat(90_000)}` }))).toEqual(['s.yaml:2:8: title: a text of 90,000 characters exceeds the limit of 20,000']);
  });

  it('refuses a mapping of thousands of unknown keys with one error, not one per key', () => {
    expect(errorsOf(`${EXAMPLE}bogus:\n${keys(8000, '  ')}\n`)).toEqual(['s.yaml:15:3: bogus: a mapping of 8,000 keys exceeds the limit of 1,000']);
    expect(errorsOf(`${EXAMPLE}${keys(8000)}\n`)).toEqual(['s.yaml:1:1: a mapping of 8,010 keys exceeds the limit of 1,000']);
  });

  it('refuses a long list', () => {
    const block = `objectives:\n${Array.from({ length: 5000 }, () => '  - a').join('\n')}`;
    expect(errorsOf(`${EXAMPLE}${block}\n`)).toEqual(['s.yaml:15:3: objectives: a list of 5,000 entries exceeds the limit of 1,000']);
  });

  it('refuses a long bracketed list or mapping from the bare text, with one error even when its syntax is broken', () => {
    const entries = (n: number) => Array.from({ length: n }, () => 'a').join(', ');
    expect(errorsOf(`${EXAMPLE}objectives: [${entries(5000)}]\n`)).toEqual(['s.yaml:14:13: a list of more than 1,000 entries exceeds the limit of 1,000']);
    // a list whose opening bracket became a brace made the YAML library report an error per entry (2 s)
    expect(errorsOf(`${EXAMPLE}objectives: {${entries(20_000)}]\n`)).toEqual(['s.yaml:14:13: a mapping of more than 1,000 keys exceeds the limit of 1,000']);
    const keyed = Array.from({ length: 1500 }, (_, i) => `k${i}: 1`).join(', ');
    expect(errorsOf(`${EXAMPLE}bogus: {${keyed}}\n`)).toEqual(['s.yaml:14:8: a mapping of more than 1,000 keys exceeds the limit of 1,000']);
  });

  it('counts only the commas of a bracketed collection at its own level, outside quotes and comments', () => {
    expect(bareTextProblem(`a: [${Array.from({ length: 1000 }, () => 'x').join(', ')}]\n`)).toBeUndefined();
    expect(bareTextProblem(`a: [${Array.from({ length: 1001 }, () => 'x').join(', ')}]\n`)?.offset).toBe(3);
    expect(bareTextProblem(`a: [${Array.from({ length: 600 }, () => '[x, y]').join(', ')}]\n`)).toBeUndefined();
    expect(bareTextProblem(`a: ["${','.repeat(2000)}", '${','.repeat(2000)}'] # ${','.repeat(2000)}\nb: ${','.repeat(2000)}\n`)).toBeUndefined();
  });

  it('lists at most LIMITS.errorsReported errors and counts the rest', () => {
    const errors = errorsOf(`${EXAMPLE}${keys(500)}\n`);
    expect(errors).toHaveLength(LIMITS.errorsReported + 1);
    expect(errors.at(-1)).toMatch(/: and 400 more errors \(at most 100 are listed\)$/);
  });

  it('refuses deep nesting before the parser recurses, in flow and block style', () => {
    expect(errorsOf(`${EXAMPLE}zzz: ${'['.repeat(5000)}${']'.repeat(5000)}\n`)).toEqual(['s.yaml:14:69: the nesting of mappings and lists exceeds the limit of 64']);
    expect(errorsOf(`${EXAMPLE}zzz: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`)).toEqual(['s.yaml:14:258: the nesting of mappings and lists exceeds the limit of 64']);
    const block = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    expect(errorsOf(`${EXAMPLE}${block}\n`)).toEqual(['s.yaml:78:65: the nesting of mappings and lists exceeds the limit of 64']);
  });

  it('counts no nesting inside quotes, comments or plain text', () => {
    expect(bareTextProblem(`title: "${'['.repeat(100)}"\nsummary: '${'{'.repeat(100)}'\n# ${'['.repeat(100)}\nnarrative: don't ${'x'.repeat(5)}\n`)).toBeUndefined();
  });

  it('reads lone carriage returns as line ends, not as one long comment', () => {
    expect(errorsOf(`${EXAMPLE}bogus: 1\n`.replace(/\n/g, '\r'))).toEqual(['s.yaml:14:1: bogus: unknown key "bogus"; expected one of "summary", "objectives", "narrative", "faults", "manual", "expect"']);
  });

  it('refuses a key that is a list or mapping instead of printing a warning', () => {
    expect(errorsOf(`${EXAMPLE}? [a, b]\n: 1\n`)).toEqual(['s.yaml:14:3: a key must be a plain name, got a list']);
  });

  it('finds a duplicate key among many in linear time', () => {
    expect(errorsOf(`${EXAMPLE}bogus:\n${keys(999, '  ')}\n  k3: 2\n`)).toEqual(['s.yaml:1014:3: bogus.k3: "k3" is already a key of this mapping; keys must be unique']);
  });

  it('suggests nothing for long names instead of computing a length² distance', () => {
    // 20,000 × 20,000 cells took minutes and gigabytes before.
    expect(closestMatch('a'.repeat(20_000), ['a'.repeat(19_999) + 'b'])).toBeUndefined();
    const rollout = `rollout: { from: ${'a'.repeat(19_999)}b, to: v2, at: 5m }`;
    expect(errorsOf(exampleWith({ 9: `  - { name: ${'a'.repeat(20_000)}, serviceTime: { distribution: constant, value: 1 } }`, 11: rollout }))).toEqual([
      `s.yaml:11:18: rollout.from: unknown version "${'a'.repeat(19_999)}b"; declared versions are "${'a'.repeat(20_000)}", "v2"`,
    ]);
  });
});

describe('keys are data', () => {
  it('refuses "__proto__" as a key instead of losing it (an expectation labelled so was silently skipped)', () => {
    const text = exampleWith({ 13: '  - { pattern: none, label: __proto__ }\nexpect:\n  __proto__: { outcome: promoted }' });
    expect(errorsOf(text)).toEqual(['s.yaml:15:3: expect: "__proto__" cannot be used as a key or name; choose another']);
    expect(errorsOf(exampleWith({ 7: 'users: { count: 100, regions: { __proto__: 100% } }' }))).toEqual([
      's.yaml:7:33: users.regions: "__proto__" cannot be used as a key or name; choose another',
    ]);
  });

  it('keeps keys named like Object.prototype members as plain names', () => {
    expect(errorsOf(exampleWith({ 7: 'users: { count: 100, regions: { constructor: 50%, toString: 50% } }' }))).toEqual([]);
  });
});

describe('run-size limits in the schema', () => {
  it('names the limit for instances, queue capacity and users', () => {
    expect(errorsOf(exampleWith({ 5: 'fleet: { instances: 20000, queueLimit: 2000000 }', 7: 'users: { count: 1e8 }' }))).toEqual([
      's.yaml:5:21: fleet.instances: 20,000 instances exceeds the limit of 10,000',
      's.yaml:5:40: fleet.queueLimit: 2,000,000 queued requests exceeds the limit of 1,000,000',
      's.yaml:7:17: users.count: 100,000,000 users exceeds the limit of 10,000,000',
    ]);
  });

  it('refuses more versions or faults than the per-user flag words can tell apart', () => {
    expect(LIMITS.versions).toBe(MAX_VERSIONS);
    const versions = Array.from({ length: 16 }, (_, i) => `  - { name: v${i + 1}, serviceTime: { distribution: constant, value: 1 } }`).join('\n');
    expect(errorsOf(exampleWith({ 9: versions, 10: null }))).toEqual(['s.yaml:9:3: versions: 16 versions exceeds the limit of 15']);
    const faults = Array.from({ length: 17 }, (_, i) => `  - { kind: dependency-outage, label: f${i}, rate: 1%, at: 1m }`).join('\n');
    expect(errorsOf(`${EXAMPLE}faults:\n${faults}\n`)).toEqual(['s.yaml:15:3: faults: 17 faults exceeds the limit of 16']);
  });
});

describe('minimum intervals', () => {
  it('refuses an analysis interval so short that the run crawls (1ms: ~6,700 events per simulated second, hours of work)', () => {
    const canary = '  - { pattern: canary, steps: [ { setWeight: 10 }, { pause: 5m } ], analysis: { interval: 1ms, errorRate: { max: 1% } } }';
    expect(errorsOf(exampleWith({ 13: canary }))).toEqual(['s.yaml:13:91: compare[0].analysis.interval: must be at least 1s, got 1ms']);
  });
});
