// Sample-ratio mismatch, as GrowthBook (and Optimizely, Statsig…) check it: a chi-square
// goodness-of-fit test of the observed users per arm against the designed split. A mismatch means
// assignment or logging is broken (a redirect that loses users, a bot filter hitting one arm), so the
// experiment's comparison is invalid whatever its p-value says. GrowthBook's bar is p < 0.001:
// strict, because the check runs on every experiment at every look.
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
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
  const pValue = Math.max(0, 1 - chisquareCdf(chiSquare, 1));
  const srm = pValue < SRM_P_THRESHOLD;
  const observed = `${count(usersA)} vs ${count(usersB)} users for a ${design} (${pEquals(pValue)})`;
  return { srm, pValue, chiSquare, text: srm ? `sample ratio mismatch: ${observed} → halt` : observed };
}

function splitLabel(shareA: number): string {
  const a = Math.round(shareA * 1000) / 10;
  return `${a}/${Math.round((100 - a) * 10) / 10}`;
}
