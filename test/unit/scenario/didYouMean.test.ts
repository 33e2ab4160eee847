import { describe, expect, it } from 'vitest';
import { abbreviationOf, closestMatch, didYouMean, didYouMeanName, editDistance } from '../../../src/scenario/didYouMean';

describe('editDistance', () => {
  it.each([
    ['instances', 'instances', 0],
    ['instnces', 'instances', 1],
    ['randm', 'random', 1],
    ['radnom', 'random', 1], // one transposition
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s ↔ %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('closestMatch', () => {
  const balancers = ['round-robin', 'random', 'least-connections'];

  it('suggests the closest candidate within the typo limit', () => {
    expect(closestMatch('randm', balancers)).toBe('random');
    expect(closestMatch('roundrobin', balancers)).toBe('round-robin');
    expect(closestMatch('Random', balancers)).toBe('random');
    expect(closestMatch('instnces', ['instances', 'concurrency'])).toBe('instances');
  });

  it('suggests nothing when nothing is close', () => {
    expect(closestMatch('weighted', balancers)).toBeUndefined();
    expect(closestMatch('v4', ['v1', 'v2'])).toBeUndefined(); // one edit in two letters is a different name
    expect(closestMatch('foo', [])).toBeUndefined();
  });

  it('formats the hint', () => {
    expect(didYouMean('randm', balancers)).toBe('; did you mean "random"?');
    expect(didYouMean('weighted', balancers)).toBe('');
  });
});

describe('abbreviationOf', () => {
  const regions = ['us', 'eu', 'apac'];

  it('finds the short name a word spells out', () => {
    expect(abbreviationOf('europe', regions)).toBe('eu');
    expect(abbreviationOf('asia-pacific', regions)).toBe('apac');
    expect(abbreviationOf('USA', regions)).toBe('us');
  });

  it('needs the same first letter and every letter in order', () => {
    expect(abbreviationOf('mars', regions)).toBeUndefined();
    expect(abbreviationOf('seu', regions)).toBeUndefined();
    expect(abbreviationOf('e', regions)).toBeUndefined();
  });

  it('is the fallback of didYouMeanName', () => {
    expect(didYouMeanName('europe', regions)).toBe('; did you mean "eu"?');
    expect(didYouMeanName('apak', regions)).toBe('; did you mean "apac"?'); // a typo first
    expect(didYouMean('europe', regions)).toBe('');
  });
});
