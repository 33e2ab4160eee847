import { describe, expect, it } from 'vitest';
import { LogHistogram } from '../../../src/metrics/histogram';
import { createStream } from '../../../src/random/streams';

describe('LogHistogram', () => {
  it('reports percentiles within its resolution of the exact sorted values', () => {
    const rand = createStream(3, 'histogram-test');
    const values = Array.from({ length: 50_000 }, () => -0.1 * Math.log(1 - rand()) + 0.001);
    const h = new LogHistogram(7);
    values.forEach((v) => h.add(v));
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of [0.5, 0.95, 0.99]) {
      const exact = sorted[Math.ceil(q * sorted.length) - 1];
      expect(Math.abs(h.quantile(q) / exact - 1)).toBeLessThan(1 / 128);
    }
    expect(h.mean()).toBeCloseTo(values.reduce((a, b) => a + b) / values.length, 12);
  });

  it('shares bucket boundaries between resolutions (coarse index = fine index >> 2)', () => {
    const fine = new LogHistogram(7);
    const coarse = new LogHistogram(5);
    for (const v of [1e-6, 0.0123, 0.1, 0.7, 3, 250]) expect(coarse.indexOf(v)).toBe(fine.indexOf(v) >> 2);
  });

  it('merges counts', () => {
    const a = new LogHistogram(7);
    const b = new LogHistogram(7);
    a.add(0.1);
    b.add(0.3);
    a.merge(b);
    expect(a.total).toBe(2);
    expect(a.quantile(1)).toBeCloseTo(0.3, 2);
  });
});
