// Sample-ratio mismatch, as GrowthBook (and Optimizely, Statsig…) check it: a chi-square
// goodness-of-fit test of the observed users per arm against the designed split. A mismatch means
// assignment or logging is broken (a redirect that loses users, a bot filter hitting one arm), so the
// experiment's comparison is invalid whatever its p-value says. GrowthBook's bar is p < 0.001.
// This is the test for ONE look; an experiment read at every interval halts on srmSequential.ts,
// whose guarantee holds over all its looks.
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { count, pEquals } from './format';

export const SRM_P_THRESHOLD = 0.001;

export interface SrmResult {
  srm: boolean;
  pValue: number;
  chiSquare: number;
  text: string;
}

/** Chi-square test (1 degree of freedom) of usersA : usersB against expectedShareA : 1 − expectedShareA. */
export function sampleRatioMismatch(usersA: number, usersB: number, expectedShareA = 0.5): SrmResult {
  const total = usersA + usersB;
  if (!(expectedShareA > 0 && expectedShareA < 1)) throw new Error('expectedShareA must lie strictly between 0 and 1');
  const design = `${splitLabel(expectedShareA)} split`;
  if (total === 0) return { srm: false, pValue: 1, chiSquare: 0, text: `no users yet for a ${design}` };

  const expectedA = total * expectedShareA;
  const expectedB = total - expectedA;
  const chiSquare = (usersA - expectedA) ** 2 / expectedA + (usersB - expectedB) ** 2 / expectedB;
  // The survival function, not 1 − CDF (which rounds to 0 below ~1e-16): for one degree of freedom
  // P(χ² > x) = P(|Z| > √x) = 2·Φ(−√x), accurate far into the tail.
  const pValue = Math.min(1, 2 * normalCdf(-Math.sqrt(chiSquare), 0, 1));
  const srm = pValue < SRM_P_THRESHOLD;
  const observed = `${count(usersA)} vs ${count(usersB)} users for a ${design} (${pEquals(pValue)})`;
  return { srm, pValue, chiSquare, text: srm ? `sample ratio mismatch: ${observed} → halt` : observed };
}

export function splitLabel(shareA: number): string {
  const a = Math.round(shareA * 1000) / 10;
  return `${a}/${Math.round((100 - a) * 10) / 10}`;
}
