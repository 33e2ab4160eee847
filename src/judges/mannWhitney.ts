// Mann–Whitney U on two latency histograms: the rank test Kayenta's NetflixACAJudge
// (MannWhitneyClassifier) runs on canary vs baseline. The simulator keeps latencies as log-linear
// histograms, not raw samples, so U is counted bucket by bucket: a canary sample beats every baseline
// sample in a lower bucket and half of those in its own bucket (a tie). With 7 sub-bucket bits a tie
// means "within 0.8%", finer than any latency difference worth judging. O(buckets), not O(n·m).
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import type { LogHistogram } from '../metrics/histogram';

interface MannWhitneyResult {
  /** pairs (canary, baseline) where the canary sample is larger, ties counted as half */
  u: number;
  n1: number;
  n2: number;
  /** normal approximation with tie and continuity correction; 0 when every sample ties */
  z: number;
  /** one-sided p-value for "canary tends to be larger (slower)" */
  pGreater: number;
  /** one-sided p-value for "canary tends to be smaller (faster)" */
  pLess: number;
}

export function mannWhitneyFromHistograms(canary: LogHistogram, baseline: LogHistogram): MannWhitneyResult {
  const c = canary.counts;
  const b = baseline.counts;
  if (c.length !== b.length) throw new Error('Mann–Whitney needs two histograms of the same resolution');

  let n1 = 0;
  let n2 = 0;
  let u = 0;
  let tieCubes = 0; // Σ (t³ − t) over buckets, t = samples of both versions in the bucket
  let baselineBelow = 0;
  for (let i = 0; i < c.length; i++) {
    const ci = c[i];
    const bi = b[i];
    if (ci === 0 && bi === 0) continue;
    u += ci * (baselineBelow + 0.5 * bi);
    baselineBelow += bi;
    n1 += ci;
    n2 += bi;
    const t = ci + bi;
    tieCubes += t * t * t - t;
  }

  const n = n1 + n2;
  const mean = (n1 * n2) / 2;
  // Tie-corrected variance (e.g. Hollander & Wolfe; scipy.stats.mannwhitneyu's asymptotic method).
  const variance = n > 1 ? ((n1 * n2) / 12) * (n + 1 - tieCubes / (n * (n - 1))) : 0;
  if (!(variance > 0)) return { u, n1, n2, z: 0, pGreater: 1, pLess: 1 };
  const sd = Math.sqrt(variance);
  // Continuity correction of half a unit toward the mean, as scipy does by default.
  const zGreater = (u - mean - 0.5) / sd;
  const zLess = (u - mean + 0.5) / sd;
  return {
    u,
    n1,
    n2,
    z: (u - mean) / sd,
    pGreater: Math.min(1, normalCdf(-zGreater, 0, 1)),
    pLess: Math.min(1, normalCdf(zLess, 0, 1)),
  };
}
