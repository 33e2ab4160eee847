// Fixed-horizon A/B test on per-user conversion: the two-sided two-proportion z-test of the classic
// frequentist engines (GrowthBook's frequentist engine, Optimizely before Stats Engine). Valid only
// when read ONCE, at the sample size planned in advance; reading it at every interval and stopping on
// the first p < alpha ("peeking") inflates false winners, which is why sequential.ts exists.
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { count, pEquals, percent, signedPercent } from './format';
import { alwaysValidSrm } from './srmSequential';
import { twoProportionTest } from './twoProportion';
import type { AbVerdict, ArmStats } from './types';

/** Relative lift of B over A; 0 when neither converts, +∞ when only B does. */
export function lift(a: ArmStats, b: ArmStats): number {
  const rateA = a.users > 0 ? a.converters / a.users : 0;
  const rateB = b.users > 0 ? b.converters / b.users : 0;
  if (rateA === 0) return rateB === 0 ? 0 : Infinity;
  return rateB / rateA - 1;
}

/**
 * Standard error of the relative lift by the delta method, as GrowthBook's frequentist engine
 * computes it for a ratio of means: Var ≈ vB/(mA²·nB) + vA·mB²/(mA⁴·nA), v = m(1 − m) per user.
 * NaN when A has no conversions (the lift is undefined).
 */
export function liftStandardError(a: ArmStats, b: ArmStats): number {
  const mA = a.users > 0 ? a.converters / a.users : 0;
  const mB = b.users > 0 ? b.converters / b.users : 0;
  if (mA === 0 || b.users === 0) return NaN;
  const variance = (mB * (1 - mB)) / (mA * mA * b.users) + (mA * (1 - mA) * mB * mB) / (mA ** 4 * a.users);
  return Math.sqrt(variance);
}

/** The fixed test's (1 − alpha) confidence interval for the relative lift; null when undefined. */
export function liftInterval(a: ArmStats, b: ArmStats, alpha: number): [number, number] | null {
  const se = liftStandardError(a, b);
  if (!Number.isFinite(se)) return null;
  const half = normalQuantile(1 - alpha / 2, 0, 1) * se;
  const l = lift(a, b);
  return [l - half, l + half];
}

/** "+4.1% to +36.0%" */
const range = (i: [number, number]) => `${signedPercent(i[0])} to ${signedPercent(i[1])}`;

/** "B converts 3.6% vs A 3.0% (+20.0%, 95% CI +4.1% to +36.0%, p=0.003, n=12,040)" */
function conversionPhrase(a: ArmStats, b: ArmStats, pValue: number, interval?: { range: [number, number] | null; label: string }): string {
  const rateA = a.users > 0 ? a.converters / a.users : 0;
  const rateB = b.users > 0 ? b.converters / b.users : 0;
  const ci = interval?.range ? `${interval.label} ${range(interval.range)}, ` : '';
  return `B converts ${percent(rateB)} vs A ${percent(rateA)} (${signedPercent(lift(a, b))}, ${ci}${pEquals(pValue)}, n=${count(a.users + b.users)})`;
}

interface LiftInterval {
  range: [number, number] | null;
  /** "95% CI" (fixed) or "95% confidence sequence" (sequential, valid at every look) */
  label: string;
}

/**
 * Builds the verdict shared by the fixed and sequential tests: a winner only when significant and the
 * split is sound (a sample-ratio mismatch voids the comparison, as GrowthBook warns). The split is
 * checked with the always-valid SRM test, since it is checked at every look.
 */
export function abVerdict(a: ArmStats, b: ArmStats, pValue: number, significant: 'A' | 'B' | null, expectedShareA: number, method: string, interval: LiftInterval): AbVerdict {
  const srm = alwaysValidSrm(a.users, b.users, expectedShareA);
  const winner = srm.srm ? null : significant;
  const phrase = conversionPhrase(a, b, pValue, interval);
  const text = srm.srm
    ? `${srm.text}; ${phrase} is not trustworthy`
    : `${phrase} → ${winner ? `${winner} wins` : `no winner ${method}`}`;
  return { winner, lift: lift(a, b), liftInterval: interval.range, pValue, samples: a.users + b.users, srm: srm.srm, srmPValue: srm.pValue, text };
}

/** Two-sided two-proportion z-test at `alpha`: B wins if significantly higher, A if significantly lower. */
export function judgeFixed(a: ArmStats, b: ArmStats, alpha = 0.05, expectedShareA = 0.5): AbVerdict {
  const t = twoProportionTest(b.converters, b.users, a.converters, a.users);
  const significant = t.pTwoSided < alpha ? (t.rate1 > t.rate2 ? 'B' : 'A') : null;
  const interval = { range: liftInterval(a, b, alpha), label: `${confidence(alpha)} CI` };
  return abVerdict(a, b, t.pTwoSided, significant, expectedShareA, `at α=${alpha}`, interval);
}

/** 0.05 → "95%" */
export const confidence = (alpha: number) => `${Number(((1 - alpha) * 100).toPrecision(3))}%`;
