import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeFixed, lift } from '../../../src/judges/abTest';
import { initialSequentialState, judgeSequential } from '../../../src/judges/sequential';
import { sampleRatioMismatch } from '../../../src/judges/srm';

const arm = (users: number, converters: number) => ({ users, converters });

describe('judgeFixed (two-sided two-proportion z-test)', () => {
  it('declares B the winner when B converts significantly more', () => {
    const v = judgeFixed(arm(10_000, 300), arm(10_000, 360), 0.05);
    expect(v.winner).toBe('B');
    expect(v.lift).toBeCloseTo(0.2, 12);
    expect(v.pValue).toBeCloseTo(0.017548, 5); // scipy: 2·norm.sf(2.37501)
    expect(v.samples).toBe(20_000);
    expect(v.srm).toBe(false);
    expect(v.text).toBe('B converts 3.6% vs A 3.0% (+20.0%, 95% CI +1.9% to +38.1%, p=0.018, n=20,000) → B wins');
  });

  it('declares A the winner when B converts significantly less', () => {
    const v = judgeFixed(arm(5000, 600), arm(5000, 520), 0.05);
    expect(v.winner).toBe('A');
    expect(v.lift).toBeCloseTo(-2 / 15, 12);
    expect(v.text).toBe('B converts 10.4% vs A 12.0% (-13.3%, 95% CI -22.9% to -3.7%, p=0.011, n=10,000) → A wins');
  });

  it('declares no winner when the same lift is not significant', () => {
    const v = judgeFixed(arm(6000, 180), arm(6000, 216), 0.05);
    expect(v.winner).toBeNull();
    expect(v.pValue).toBeCloseTo(0.065816, 5);
    expect(v.text).toBe('B converts 3.6% vs A 3.0% (+20.0%, 95% CI -3.3% to +43.3%, p=0.066, n=12,000) → no winner at α=0.05');
    expect(judgeFixed(arm(6000, 180), arm(6000, 216), 0.1).winner).toBe('B');
  });

  it('withholds the winner under a sample-ratio mismatch (always-valid, checked at every look)', () => {
    const v = judgeFixed(arm(5000, 150), arm(5600, 400), 0.05);
    expect(v.srm).toBe(true);
    expect(v.srmPValue).toBeLessThan(0.001);
    expect(v.winner).toBeNull();
    expect(v.text).toMatch(/^sample ratio mismatch: 5,000 vs 5,600 users for a 50\/50 split \(always-valid p<0\.0001\), the split is broken; B converts .* is not trustworthy$/);
  });

  it('gives the lift a confidence interval by the delta method (GrowthBook), checked with SciPy', () => {
    // scipy: l ± norm.ppf(0.975)·√(mB(1−mB)/(mA²nB) + mA(1−mA)mB²/(mA⁴nA))
    const [lo, hi] = judgeFixed(arm(10_000, 300), arm(10_000, 360), 0.05).liftInterval!;
    expect(lo).toBeCloseTo(0.01917274131993149, 10);
    expect(hi).toBeCloseTo(0.3808272586800684, 10);
  });

  it('computes the lift as rateB / rateA − 1', () => {
    expect(lift(arm(1000, 100), arm(500, 60))).toBeCloseTo(0.2, 12);
    expect(lift(arm(1000, 0), arm(1000, 0))).toBe(0);
    expect(lift(arm(1000, 0), arm(1000, 3))).toBe(Infinity);
  });
});

describe('sampleRatioMismatch (chi-square goodness of fit, p < 0.001)', () => {
  it('flags a 50/50 design observed as 5,000 vs 5,400', () => {
    const r = sampleRatioMismatch(5000, 5400, 0.5);
    expect(r.srm).toBe(true);
    expect(r.chiSquare).toBeCloseTo(15.384615, 5);
    expect(r.pValue).toBeCloseTo(8.76994e-5, 9); // scipy: chi2.sf(15.3846, 1)
    expect(r.text).toBe('sample ratio mismatch: 5,000 vs 5,400 users for a 50/50 split (p<0.0001) → halt');
  });

  it('does not flag 5,000 vs 5,300 (p ≈ 0.003: suspicious, but above the 0.001 bar)', () => {
    const r = sampleRatioMismatch(5000, 5300, 0.5);
    expect(r.pValue).toBeCloseTo(0.0031167, 6);
    expect(r.srm).toBe(false);
  });

  it('does not flag 5,000 vs 5,050', () => {
    const r = sampleRatioMismatch(5000, 5050, 0.5);
    expect(r.pValue).toBeCloseTo(0.617952, 5);
    expect(r.srm).toBe(false);
    expect(r.text).toBe('5,000 vs 5,050 users for a 50/50 split (p=0.618)');
  });

  it('tests against the designed split, not 50/50', () => {
    expect(sampleRatioMismatch(9000, 1000, 0.9).srm).toBe(false);
    expect(sampleRatioMismatch(9000, 1000, 0.5).srm).toBe(true);
    expect(sampleRatioMismatch(5000, 5000, 0.9).srm).toBe(true);
  });
});

describe('judgeSequential (mSPRT, always valid)', () => {
  it('finds a clear winner in one look and keeps it', () => {
    const first = judgeSequential(arm(10_000, 300), arm(10_000, 420), 0.05);
    expect(first.winner).toBe('B');
    expect(first.pValue).toBeLessThan(0.05);
    expect(first.text).toMatch(/^B converts 4\.2% vs A 3\.0% \(\+40\.0%, 95% confidence sequence \+7\.5% to \+72\.5%, p=0\.\d+, n=20,000\) → B wins$/);
    // Later data that looks even: the decision taken at the crossing look stands.
    const later = judgeSequential(arm(20_000, 700), arm(20_000, 700), 0.05, first.state);
    expect(later.winner).toBe('B');
    expect(later.pValue).toBe(first.pValue);
    expect(later.state.looks).toBe(2);
  });

  it('gives the lift a confidence sequence: GrowthBook’s sequential half-width, wider than the fixed interval', () => {
    // Computed in Python with GrowthBook's sequentialIntervalHalfwidth and sequentialRho.
    expect(judgeSequential(arm(10_000, 300), arm(10_000, 420), 0.05).liftInterval![0]).toBeCloseTo(0.07490042492553356, 10);
    expect(judgeSequential(arm(10_000, 1000), arm(10_000, 1000), 0.05).liftInterval![1]).toBeCloseTo(0.1326722169927685, 10);
    const tuned = judgeSequential(arm(10_000, 1000), arm(10_000, 1000), 0.05, undefined, 0.5, 20_000);
    expect(tuned.liftInterval![1]).toBeCloseTo(0.12877301156480536, 10);
  });

  it('reports a non-increasing running p-value across looks', () => {
    let state = initialSequentialState();
    let previous = 1;
    for (const [ca, cb] of [[30, 35], [60, 80], [90, 95], [120, 150], [150, 160]]) {
      const v = judgeSequential(arm(1000 * (ca / 30), ca), arm(1000 * (ca / 30), cb), 0.05, state);
      expect(v.pValue).toBeLessThanOrEqual(previous);
      previous = v.pValue;
      state = v.state;
    }
    expect(state.looks).toBe(5);
  });

  it('is never more eager than the fixed test on the same data', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 1, max: 50_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (na, nb, ra, rb) => {
        const a = arm(na, Math.round(na * ra));
        const b = arm(nb, Math.round(nb * rb));
        expect(judgeSequential(a, b, 0.05).pValue).toBeGreaterThanOrEqual(judgeFixed(a, b, 0.05).pValue - 1e-12);
      }),
    );
  });

  it('says when there is no winner yet', () => {
    const v = judgeSequential(arm(6000, 180), arm(6000, 216), 0.05);
    expect(v.winner).toBeNull();
    expect(v.text).toMatch(/→ no winner yet \(sequential\)$/);
  });
});
