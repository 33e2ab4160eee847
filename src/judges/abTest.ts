// Fixed-horizon A/B test on per-user conversion: the two-sided two-proportion z-test of the classic
// frequentist engines (GrowthBook's frequentist engine, Optimizely before Stats Engine). Valid only
// when read ONCE, at the sample size planned in advance; reading it at every interval and stopping on
// the first p < alpha ("peeking") inflates false winners, which is why sequential.ts exists.
import { count, pEquals, percent, signedPercent } from './format';
import { sampleRatioMismatch } from './srm';
import { twoProportionTest } from './twoProportion';
import type { AbVerdict, ArmStats } from './types';

/** Relative lift of B over A; 0 when neither converts, +∞ when only B does. */
export function lift(a: ArmStats, b: ArmStats): number {
  const rateA = a.users > 0 ? a.converters / a.users : 0;
  const rateB = b.users > 0 ? b.converters / b.users : 0;
  if (rateA === 0) return rateB === 0 ? 0 : Infinity;
  return rateB / rateA - 1;
}

/** "B converts 3.6% vs A 3.0% (+20.0%, p=0.003, n=12,040)" */
export function conversionPhrase(a: ArmStats, b: ArmStats, pValue: number): string {
  const rateA = a.users > 0 ? a.converters / a.users : 0;
  const rateB = b.users > 0 ? b.converters / b.users : 0;
  return `B converts ${percent(rateB)} vs A ${percent(rateA)} (${signedPercent(lift(a, b))}, ${pEquals(pValue)}, n=${count(a.users + b.users)})`;
}

/**
 * Builds the verdict shared by the fixed and sequential tests: a winner only when significant and the
 * split is sound (a sample-ratio mismatch voids the comparison, as GrowthBook warns).
 */
export function abVerdict(a: ArmStats, b: ArmStats, pValue: number, significant: 'A' | 'B' | null, expectedShareA: number, method: string): AbVerdict {
  const srm = sampleRatioMismatch(a.users, b.users, expectedShareA);
  const winner = srm.srm ? null : significant;
  const phrase = conversionPhrase(a, b, pValue);
  const text = srm.srm
    ? `${srm.text}; ${phrase} is not trustworthy`
    : `${phrase} → ${winner ? `${winner} wins` : `no winner ${method}`}`;
  return { winner, lift: lift(a, b), pValue, samples: a.users + b.users, srm: srm.srm, srmPValue: srm.pValue, text };
}

/** Two-sided two-proportion z-test at `alpha`: B wins if significantly higher, A if significantly lower. */
export function judgeFixed(a: ArmStats, b: ArmStats, alpha = 0.05, expectedShareA = 0.5): AbVerdict {
  const t = twoProportionTest(b.converters, b.users, a.converters, a.users);
  const significant = t.pTwoSided < alpha ? (t.rate1 > t.rate2 ? 'B' : 'A') : null;
  return abVerdict(a, b, t.pTwoSided, significant, expectedShareA, `at α=${alpha}`);
}
