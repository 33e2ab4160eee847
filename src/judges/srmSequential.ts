// Sample-ratio mismatch for an experiment read at every interval: an always-valid test, so that
// checking the split at every look does not halt sound experiments more often than its threshold
// says (a chi-square test at p < 0.001 read at 20 looks may halt up to 2% of them). After Lindon &
// Malek, "Anytime-valid inference for multinomial count data" (NeurIPS 2022), the sequential SRM
// test of Optimizely and Eppo: the users' arms are Bernoulli(shareA) under a sound split; mixing
// the alternatives over a Beta prior centred on the design gives a Bayes factor that is a
// nonnegative martingale under the null, so by Ville's inequality P(it ever reaches 1/threshold)
// ≤ threshold, however often it is read.
import gammaln from '@stdlib/math-base-special-gammaln';
import { count, pEquals } from './format';
import { SRM_P_THRESHOLD, type SrmResult, splitLabel } from './srm';

/**
 * Prior concentration: Beta(c·shareA, c·(1 − shareA)) has a standard deviation of about 1.6
 * percentage points around a 50% share at c = 1,000, the size of imbalance a broken redirect or
 * bot filter produces; it sets where the test is sharpest, not its validity.
 */
const SRM_PRIOR_CONCENTRATION = 1000;

const logBeta = (x: number, y: number) => gammaln(x) + gammaln(y) - gammaln(x + y);

/** ln of the Bayes factor (mixture over the Beta prior against the designed share). */
export function srmLogBayesFactor(usersA: number, usersB: number, shareA: number, concentration = SRM_PRIOR_CONCENTRATION): number {
  const a = concentration * shareA;
  const b = concentration * (1 - shareA);
  return logBeta(a + usersA, b + usersB) - logBeta(a, b) - usersA * Math.log(shareA) - usersB * Math.log(1 - shareA);
}

/** The always-valid SRM check: halt when the always-valid p-value 1/BF falls below the threshold. */
export function alwaysValidSrm(usersA: number, usersB: number, expectedShareA = 0.5, threshold = SRM_P_THRESHOLD): SrmResult {
  if (!(expectedShareA > 0 && expectedShareA < 1)) throw new Error('expectedShareA must lie strictly between 0 and 1');
  const design = `${splitLabel(expectedShareA)} split`;
  if (usersA + usersB === 0) return { srm: false, pValue: 1, chiSquare: 0, text: `no users yet for a ${design}` };
  const pValue = Math.min(1, Math.exp(-srmLogBayesFactor(usersA, usersB, expectedShareA)));
  const expectedA = (usersA + usersB) * expectedShareA;
  const expectedB = usersA + usersB - expectedA;
  const chiSquare = (usersA - expectedA) ** 2 / expectedA + (usersB - expectedB) ** 2 / expectedB;
  const srm = pValue < threshold;
  const observed = `${count(usersA)} vs ${count(usersB)} users for a ${design} (always-valid ${pEquals(pValue)})`;
  return { srm, pValue, chiSquare, text: srm ? `sample ratio mismatch: ${observed}, the split is broken` : observed };
}
