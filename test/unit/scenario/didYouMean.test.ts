import { describe, expect, it } from 'vitest';
import { closestMatch, didYouMean, editDistance } from '../../../src/scenario/didYouMean';

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
