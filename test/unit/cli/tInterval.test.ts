// Student-t quantiles and intervals, against published values.
import { describe, expect, it } from 'vitest';
import { meanInterval, tQuantile975, Z975 } from '../../../src/cli/stats/tInterval';

describe('tQuantile975', () => {
  // Two-sided 95% critical values of Student's t, as printed in statistics tables.
  const TABLE: [number, number][] = [
    [1, 12.706], [2, 4.303], [3, 3.182], [4, 2.776], [5, 2.571], [6, 2.447], [7, 2.365], [8, 2.306], [9, 2.262],
    [10, 2.228], [15, 2.131], [20, 2.086], [25, 2.06], [29, 2.045], [30, 2.042], [40, 2.021], [50, 2.009],
    [60, 2.0], [80, 1.99], [100, 1.984], [120, 1.98], [1000, 1.962],
  ];

  it.each(TABLE)('df = %i → %f', (df, t) => {
    expect(tQuantile975(df)).toBeCloseTo(t, 3);
  });

  it('matches the exact quantile to 6 decimals on both sides of the table/expansion switch', () => {
    expect(tQuantile975(30)).toBeCloseTo(2.042272456, 9);
    expect(tQuantile975(31)).toBeCloseTo(2.039513446, 6);
    expect(tQuantile975(45)).toBeCloseTo(2.014103389, 6);
    expect(tQuantile975(200)).toBeCloseTo(1.971896224, 6);
  });

  it('tends to the normal quantile and decreases with df', () => {
    expect(tQuantile975(Infinity)).toBe(Z975);
    expect(tQuantile975(1e9)).toBeCloseTo(1.959964, 6);
    for (let df = 1; df < 500; df++) expect(tQuantile975(df + 1)).toBeLessThan(tQuantile975(df));
  });

  it('refuses degrees of freedom that are not whole and ≥ 1', () => {
    expect(() => tQuantile975(0)).toThrow(RangeError);
    expect(() => tQuantile975(2.5)).toThrow(RangeError);
  });
});

describe('meanInterval', () => {
  it('is mean ± t(0.975, n−1)·sd/√n', () => {
    // mean 5, sd = √(20/3) = 2.581989; half-width = 3.182446 · 2.581989 / √4 = 4.108521
    const { mean, ci95 } = meanInterval([2, 4, 6, 8]);
    expect(mean).toBe(5);
    expect(ci95[0]).toBeCloseTo(5 - 4.108521, 5);
    expect(ci95[1]).toBeCloseTo(5 + 4.108521, 5);
  });

  it('has zero width for constant values and needs two values', () => {
    expect(meanInterval([3, 3, 3]).ci95).toEqual([3, 3]);
    expect(() => meanInterval([1])).toThrow(RangeError);
  });
});
