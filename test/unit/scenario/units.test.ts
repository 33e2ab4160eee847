import { describe, expect, it } from 'vitest';
import { formatDuration, formatNumber, formatPercent, parseDuration, parsePercent } from '../../../src/scenario/units';
import { errorsOf, exampleWith, scenarioOf } from './helpers';

describe('durations', () => {
  it.each([
    ['250ms', 0.25],
    ['100ms', 0.1],
    ['90s', 90],
    ['1.5s', 1.5],
    ['5m', 300],
    ['1h', 3600],
    ['1d', 86400],
    ['0.5d', 43200],
    [42, 42],
    [0.25, 0.25],
  ])('%s → %s seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['5 minutes', '5', '5M', '1w', 'ms', '.5s', '5s ', '', 'NaN'])('rejects the form %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('rejects non-finite numbers', () => {
    expect(parseDuration(Number.NaN)).toBeUndefined();
    expect(parseDuration(Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it.each([
    [0, '0s'],
    [0.25, '250ms'],
    [90, '90s'],
    [300, '5m'],
    [5400, '90m'],
    [3600, '1h'],
    [604800, '7d'],
    [-300, '-5m'],
    [1.5, '1.5s'],
  ])('formats %s seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('reads durations in the file as seconds, bare numbers included', () => {
    const s = scenarioOf(exampleWith({ 4: 'duration: 1.5h', 5: 'fleet: { startupTime: 2500ms }', 11: 'rollout: { from: v1, to: v2, at: 120 }' }));
    expect([s.duration, s.fleet.startupTime, s.rollout?.at]).toEqual([5400, 2.5, 120]);
  });

  it('rejects junk, negative and NaN durations, saying what form is expected', () => {
    expect(errorsOf(exampleWith({ 4: 'duration: 5 minutes' }))).toEqual(['s.yaml:4:11: duration: expected a duration like 250ms, 90s, 5m, 1h or 1d, got "5 minutes"']);
    expect(errorsOf(exampleWith({ 4: 'duration: .nan' }))).toEqual(['s.yaml:4:11: duration: expected a duration like 250ms, 90s, 5m, 1h or 1d, got NaN']);
    expect(errorsOf(exampleWith({ 4: 'duration: true' }))).toEqual(['s.yaml:4:11: duration: expected a duration like 250ms, 90s, 5m, 1h or 1d, got true']);
    expect(errorsOf(exampleWith({ 4: 'duration: -5m' }))).toEqual(['s.yaml:4:11: duration: must be greater than 0s, got -5m']);
    expect(errorsOf(exampleWith({ 5: 'fleet: { startupTime: -1 }' }))).toEqual(['s.yaml:5:23: fleet.startupTime: must be at least 0s, got -1s']);
  });
});

describe('percentages', () => {
  it.each([
    ['5%', 0.05],
    ['0.2%', 0.002],
    ['100%', 1],
    ['0%', 0],
    [0.05, 0.05],
    [1, 1],
  ])('%s → %s', (text, fraction) => {
    expect(parsePercent(text)).toBe(fraction);
  });

  it.each(['5', '5 %', 'five%', '%', '5%%'])('rejects the form %j', (text) => {
    expect(parsePercent(text)).toBeUndefined();
  });

  it('formats fractions as percentages without float noise', () => {
    expect(formatPercent(0.002)).toBe('0.2%');
    expect(formatPercent(-0.05)).toBe('-5%');
    expect(formatPercent(0.1 + 0.2)).toBe('30%');
  });

  it('rejects negative rates, rates above 100% and junk', () => {
    expect(errorsOf(exampleWith({ 9: '  - { name: v1, serviceTime: { distribution: exponential, mean: 100ms }, errorRate: -5% }' }))).toEqual([
      's.yaml:9:85: versions[0].errorRate: must be between 0% and 100%, got -5%',
    ]);
    expect(errorsOf(exampleWith({ 7: 'users: { beta: 150% }' }))).toEqual(['s.yaml:7:16: users.beta: must be between 0% and 100%, got 150%']);
    expect(errorsOf(exampleWith({ 7: 'users: { beta: 5 percent }' }))).toEqual([
      's.yaml:7:16: users.beta: expected a percentage like 5% or 0.2%, or a fraction like 0.05, got "5 percent"',
    ]);
  });

  it('hints that a bare number is a fraction', () => {
    expect(errorsOf(exampleWith({ 7: 'users: { internal: 5 }' }))).toEqual([
      's.yaml:7:20: users.internal: must be between 0% and 100%, got 500%; a bare number is a fraction, write 5% for 5 percent',
    ]);
  });
});

describe('numbers in messages', () => {
  it('uses thousands separators', () => {
    expect(formatNumber(1_000_000_000)).toBe('1,000,000,000');
    expect(formatNumber(0.5)).toBe('0.5');
  });
});
