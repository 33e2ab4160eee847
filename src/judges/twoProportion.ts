// The two-proportion z-test: are x1/n1 and x2/n2 draws from the same rate? The textbook test behind
// A/B conversion tools (Optimizely's and GrowthBook's fixed-horizon proportions) and a fair stand-in
// for comparing two error rates in one interval. Uses the pooled rate under "no difference", so the
// variance is the one the null hypothesis implies.
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

interface TwoProportionResult {
  rate1: number;
  rate2: number;
  /** (rate1 − rate2) / pooled standard error; 0 when there is no variation at all */
  z: number;
  /** one-sided p-value for "rate1 > rate2" */
  pGreater: number;
  /** one-sided p-value for "rate1 < rate2" */
  pLess: number;
  /** two-sided p-value */
  pTwoSided: number;
}

export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): TwoProportionResult {
  const rate1 = n1 > 0 ? x1 / n1 : 0;
  const rate2 = n2 > 0 ? x2 / n2 : 0;
  const pooled = n1 + n2 > 0 ? (x1 + x2) / (n1 + n2) : 0;
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  // All successes or all failures on both sides (or an empty side): no evidence either way.
  if (!(variance > 0) || !Number.isFinite(variance)) {
    return { rate1, rate2, z: 0, pGreater: 1, pLess: 1, pTwoSided: 1 };
  }
  const z = (rate1 - rate2) / Math.sqrt(variance);
  // Φ(−z) rather than 1 − Φ(z): keeps tiny upper-tail p-values accurate.
  const pGreater = normalCdf(-z, 0, 1);
  const pLess = normalCdf(z, 0, 1);
  const pTwoSided = Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
  return { rate1, rate2, z, pGreater, pLess, pTwoSided };
}
