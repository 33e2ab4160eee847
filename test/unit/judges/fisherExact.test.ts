// Fisher's one-sided exact test against SciPy 1.17: scipy.stats.fisher_exact([[x1, n1 - x1],
// [x2, n2 - x2]], alternative='greater').pvalue, printed to full precision.
import { describe, expect, it } from 'vitest';
import { fisherGreater } from '../../../src/judges/fisherExact';

const SCIPY: [number, number, number, number, number][] = [
  [12, 2400, 19, 9600, 0.012613737990522735],
  [5, 2400, 19, 9600, 0.5402453181425999],
  [0, 100, 3, 100, 1.0],
  [30, 1000, 10, 1000, 0.0010041667809150047],
  [480, 2400, 1920, 9600, 0.5100140319847017],
  [530, 2400, 1920, 9600, 0.01308897686824323],
  [3, 50, 0, 50, 0.12121212121212122],
  [1, 1000, 1, 1000, 0.7501250625312657],
];

describe('fisherGreater', () => {
  it.each(SCIPY)('x1=%i n1=%i x2=%i n2=%i agrees with SciPy', (x1, n1, x2, n2, p) => {
    expect(fisherGreater(x1, n1, x2, n2)).toBeCloseTo(p, 10);
  });

  it('says nothing without failures or without traffic on one side', () => {
    expect(fisherGreater(0, 1000, 0, 1000)).toBe(1);
    expect(fisherGreater(3, 10, 0, 0)).toBe(1);
  });
});
