// The always-valid SRM test against SciPy: ln BF = betaln(a + nA, b + nB) − betaln(a, b)
// − nA·ln p − nB·ln(1 − p), a = 1000·p, b = 1000·(1 − p) (scipy.special.betaln).
import { describe, expect, it } from 'vitest';
import { sampleRatioMismatch } from '../../../src/judges/srm';
import { alwaysValidSrm, srmLogBayesFactor } from '../../../src/judges/srmSequential';

const SCIPY: [number, number, number, number][] = [
  [5000, 5400, 0.5, 5.802565749954283],
  [5000, 5300, 0.5, 2.7704921479057703],
  [5000, 5050, 0.5, -1.0883097935079604],
  [50000, 52000, 0.5, 17.101272590349254],
  [9000, 1100, 0.9, 2.7217774739697234],
  [300, 700, 0.3, -0.34673033621524496],
];

describe('alwaysValidSrm (Lindon & Malek’s Beta-binomial Bayes factor)', () => {
  it.each(SCIPY)('%i vs %i users for share %f agrees with SciPy', (a, b, share, lnBf) => {
    expect(srmLogBayesFactor(a, b, share)).toBeCloseTo(lnBf, 8);
  });

  it('halts only when 1/BF < 0.001, and says so once', () => {
    expect(alwaysValidSrm(5000, 5050).srm).toBe(false);
    const broken = alwaysValidSrm(50_000, 52_000);
    expect(broken.srm).toBe(true);
    expect(broken.pValue).toBeCloseTo(Math.exp(-17.101272590349254), 12);
    expect(broken.text).toBe('sample ratio mismatch: 50,000 vs 52,000 users for a 50/50 split (always-valid p<0.0001), the split is broken');
  });
});

describe('the one-look chi-square p-value', () => {
  it('keeps tiny p-values (the survival function, not 1 − CDF): SciPy chi2.sf', () => {
    // 11,000 vs 9,000 users: χ² = 200; 1 − CDF would print 0.
    expect(sampleRatioMismatch(5050, 4950).pValue).toBeCloseTo(0.31731050786291115, 12);
    expect(sampleRatioMismatch(10_500, 9_500).chiSquare).toBeCloseTo(50, 10);
    expect(sampleRatioMismatch(11_000, 9_000).chiSquare).toBeCloseTo(200, 10);
    expect(sampleRatioMismatch(12_000, 8_000).chiSquare).toBeCloseTo(800, 10);
    expect(sampleRatioMismatch(11_000, 9_000).pValue / 2.0884875837625688e-45).toBeCloseTo(1, 9);
    expect(sampleRatioMismatch(12_000, 8_000).pValue / 5.395865611607819e-176).toBeCloseTo(1, 9);
  });
});
