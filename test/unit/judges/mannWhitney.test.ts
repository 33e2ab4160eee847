import { describe, expect, it } from 'vitest';
import { mannWhitneyFromHistograms } from '../../../src/judges/mannWhitney';
import { LogHistogram } from '../../../src/metrics/histogram';
import { lognormalQuantile } from '../../../src/random/distributions';
import { createStream } from '../../../src/random/streams';

function histogram(values: number[]): LogHistogram {
  const h = new LogHistogram(7);
  values.forEach((v) => h.add(v));
  return h;
}

/** U by definition: pairs where x beats y, ties as half. O(n·m). */
function directU(xs: number[], ys: number[]): number {
  let u = 0;
  for (const x of xs) for (const y of ys) u += x > y ? 1 : x === y ? 0.5 : 0;
  return u;
}

/** Tie-corrected z from midranks, the textbook way (no continuity correction). */
function directZ(xs: number[], ys: number[]): number {
  const n1 = xs.length;
  const n2 = ys.length;
  const n = n1 + n2;
  const counts = new Map<number, number>();
  for (const v of [...xs, ...ys]) counts.set(v, (counts.get(v) ?? 0) + 1);
  let ties = 0;
  for (const t of counts.values()) ties += t ** 3 - t;
  const variance = ((n1 * n2) / 12) * (n + 1 - ties / (n * (n - 1)));
  return (directU(xs, ys) - (n1 * n2) / 2) / Math.sqrt(variance);
}

describe('Mann–Whitney U from histograms', () => {
  const rand = createStream(11, 'mann-whitney');
  const canary = Array.from({ length: 60 }, () => lognormalQuantile(rand(), 0.12, 0.4));
  const stable = Array.from({ length: 45 }, () => lognormalQuantile(rand(), 0.1, 0.4));
  // A few exact ties across versions, and a few values in the same bucket.
  canary.push(0.1, 0.1, 0.2);
  stable.push(0.1, 0.2, 0.2004);
  const h1 = histogram(canary);
  const h2 = histogram(stable);
  const mw = mannWhitneyFromHistograms(h1, h2);

  it('equals the direct O(n·m) U of the bucketed samples, and its tie-corrected z', () => {
    const bucketed = (xs: number[]) => xs.map((x) => h1.valueAt(h1.indexOf(x)));
    expect(mw.u).toBe(directU(bucketed(canary), bucketed(stable)));
    expect(mw.z).toBeCloseTo(directZ(bucketed(canary), bucketed(stable)), 10);
    expect(mw.n1).toBe(63);
    expect(mw.n2).toBe(48);
  });

  it('is within the histogram tie approximation of the direct U on raw samples', () => {
    // Pairs that share a bucket but differ in value count ½ instead of 0 or 1.
    let sharedBucketPairs = 0;
    for (const x of canary) for (const y of stable) if (x !== y && h1.indexOf(x) === h1.indexOf(y)) sharedBucketPairs++;
    const raw = directU(canary, stable);
    expect(sharedBucketPairs).toBeGreaterThan(0);
    expect(Math.abs(mw.u - raw)).toBeLessThanOrEqual(sharedBucketPairs / 2);
    expect(Math.abs(mw.z - directZ(canary, stable))).toBeLessThan(0.05);
  });

  it('matches scipy.stats.mannwhitneyu (asymptotic, tie- and continuity-corrected)', () => {
    // ClickHouse's Mann–Whitney test data; as seconds, 480 and 481 share a bucket, so the reference
    // is scipy on the data with 481 → 480: U = 223.5, greater p = 0.266873, less p = 0.741945.
    // (On the raw data scipy gives U = 223, p = 0.27135.)
    const left = [310, 195, 530, 155, 530, 245, 385, 450, 465, 545, 170, 180, 125, 180, 230, 75, 430, 480, 495, 295];
    const right = [116, 171, 176, 421, 111, 326, 481, 111, 346, 441, 261, 411, 206, 521, 456, 446, 296, 51, 426, 261];
    const r = mannWhitneyFromHistograms(histogram(left), histogram(right));
    expect(r.u).toBe(223.5);
    expect(r.pGreater).toBeCloseTo(0.266873, 5);
    expect(r.pLess).toBeCloseTo(0.741945, 5);
  });

  it('is one-sided in the right direction: a slower canary has a small pGreater', () => {
    expect(mw.pGreater).toBeLessThan(0.05);
    expect(mw.pLess).toBeGreaterThan(0.95);
    const swapped = mannWhitneyFromHistograms(h2, h1);
    expect(swapped.pLess).toBeCloseTo(mw.pGreater, 12);
    expect(swapped.u).toBe(mw.n1 * mw.n2 - mw.u);
  });

  it('has no evidence when every sample ties', () => {
    const r = mannWhitneyFromHistograms(histogram([0.1, 0.1, 0.1]), histogram([0.1, 0.1]));
    expect(r).toMatchObject({ u: 3, z: 0, pGreater: 1, pLess: 1 });
  });

  it('refuses histograms of different resolutions', () => {
    expect(() => mannWhitneyFromHistograms(new LogHistogram(7), new LogHistogram(5))).toThrow(/resolution/);
  });
});
