// Fisher's exact test, one-sided, for "the canary fails more often than the baseline". Errors are
// rare (a few per thousand), the canary gets a fraction of the traffic, and a plan spends tiny α per
// look: exactly where the two-proportion z-test's normal tail is too thin. At 2,400 canary against
// 9,600 baseline requests and 0.2% errors, the z-test at α = 0.001 fails an identical release 2.5
// times as often as α promises; Fisher's test never more often than α (it is exact, conditional on
// the total number of failures, which also makes it indifferent to a shared outage's rate).
// Same as scipy.stats.fisher_exact(table, alternative='greater').
import gammaln from '@stdlib/math-base-special-gammaln';

/** ln C(n, k) */
const logChoose = (n: number, k: number) => gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1);

/**
 * P(X ≥ x1) for X hypergeometric: x1 + x2 failures among n1 + n2 requests, n1 of them the canary's.
 * A small p says the canary got more than its share of the failures.
 */
export function fisherGreater(x1: number, n1: number, x2: number, n2: number): number {
  const failures = x1 + x2;
  const total = n1 + n2;
  if (failures === 0 || failures === total || n1 === 0 || n2 === 0) return 1;
  const hi = Math.min(failures, n1);
  const lo = Math.max(0, failures - n2);
  const logDenominator = logChoose(total, n1);
  const logPmf = (x: number) => logChoose(failures, x) + logChoose(total - failures, n1 - x) - logDenominator;
  // The pmf falls away from its mode; summing the shorter tail keeps the work and the rounding small.
  const mode = Math.floor(((failures + 1) * (n1 + 1)) / (total + 2));
  if (x1 <= mode) return Math.min(1, 1 - sumPmf(logPmf, lo, x1 - 1, -1));
  return Math.min(1, sumPmf(logPmf, x1, hi, 1));
}

/** Σ pmf(x) from `from` toward `to` (step ±1), stopping once the terms no longer matter. */
function sumPmf(logPmf: (x: number) => number, from: number, to: number, step: 1 | -1): number {
  let sum = 0;
  for (let x = step > 0 ? from : to; step > 0 ? x <= to : x >= from; x += step) {
    const term = Math.exp(logPmf(x));
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}
