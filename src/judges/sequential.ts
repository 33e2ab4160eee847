// Always-valid A/B test: a mixture sequential probability ratio test (mSPRT; Johari, Koomen, Pekelis &
// Walsh, "Always valid inference: continuous monitoring of A/B tests", the basis of Optimizely's
// Stats Engine). Its p-value may be read after every interval and the experiment stopped at the
// first p < alpha while the chance of ever declaring a false winner stays ≤ alpha.
//
// The difference of conversion rates θ̂ = rateB − rateA is ~N(θ, V). Against θ = 0 the test mixes
// the alternatives θ ~ N(0, τ²) and tracks the likelihood ratio Λ; by Ville's inequality
// P(Λ ever ≥ 1/alpha | θ = 0) ≤ alpha, so p = min over looks of 1/Λ is always valid. τ² = ρ²·N·V
// uses GrowthBook's tuning (its GAVI confidence sequences, Waudby-Smith et al.): ρ makes the boundary
// tightest at N* = 5000 users. With that τ², rejecting here is the same event as a GAVI confidence
// sequence for the difference excluding zero (GrowthBook applies it to the relative lift).
import { abVerdict, confidence, lift, liftStandardError } from './abTest';
import type { AbVerdict, ArmStats } from './types';

/** GrowthBook's default sequential tuning parameter: total users where the test is sharpest. */
export const SEQUENTIAL_TUNING = 5000;

/** Carried from one look to the next. */
export interface SequentialState {
  /** the running (always-valid) p-value: the smallest 1/Λ seen so far */
  minP: number;
  /** fixed at the first look where minP fell below alpha */
  winner: 'A' | 'B' | null;
  looks: number;
}

interface SequentialVerdict extends AbVerdict {
  state: SequentialState;
}

export const initialSequentialState = (): SequentialState => ({ minP: 1, winner: null, looks: 0 });

/** ln Λ for the normal-mixture SPRT at z = θ̂/√V after n users in all, mixing variance ρ²·n·V. */
function logLikelihoodRatio(z: number, n: number, rho2: number): number {
  const k = n * rho2;
  return -0.5 * Math.log1p(k) + (z * z * k) / (2 * (1 + k));
}

/** ρ² tuned so the boundary is tightest at `tuning` users (Waudby-Smith et al., as in GrowthBook). */
function mixingRho2(alpha: number, tuning = SEQUENTIAL_TUNING): number {
  const l = -2 * Math.log(alpha);
  return (l + Math.log(l + 1)) / tuning;
}

/**
 * Half-width of the (1 − alpha) confidence sequence for an estimate with standard error `se` after
 * n users: GrowthBook's sequentialIntervalHalfwidth (Waudby-Smith et al. 2023), with s² = se²·n:
 * √(s² · 2(nρ² + 1)/(n²ρ²) · ln(√(nρ² + 1)/alpha)). It holds at every look at once.
 */
function sequentialHalfwidth(se: number, n: number, alpha: number, tuning = SEQUENTIAL_TUNING): number {
  const rho2 = mixingRho2(alpha, tuning);
  const s2 = se * se * n;
  return Math.sqrt((s2 * 2 * (n * rho2 + 1) * Math.log(Math.sqrt(n * rho2 + 1) / alpha)) / (n * n * rho2));
}

/** One look at the running experiment; pass the previous look's `state` to keep the test valid. */
export function judgeSequential(
  a: ArmStats,
  b: ArmStats,
  alpha = 0.05,
  state: SequentialState = initialSequentialState(),
  expectedShareA = 0.5,
  tuning = SEQUENTIAL_TUNING,
): SequentialVerdict {
  const rateA = a.users > 0 ? a.converters / a.users : 0;
  const rateB = b.users > 0 ? b.converters / b.users : 0;
  const n = a.users + b.users;
  // Pooled variance, as the null hypothesis implies: steadier than per-arm rates while counts are
  // small, where the test's normal approximation is weakest.
  const pooled = n > 0 ? (a.converters + b.converters) / n : 0;
  const variance = pooled * (1 - pooled) * (1 / a.users + 1 / b.users);
  let p = 1;
  if (variance > 0 && Number.isFinite(variance)) {
    const z = (rateB - rateA) / Math.sqrt(variance);
    p = Math.min(1, Math.exp(-logLikelihoodRatio(z, n, mixingRho2(alpha, tuning))));
  }
  const minP = Math.min(state.minP, p);
  // The decision is taken once, at the look that crossed; later looks do not overturn it.
  const winner = state.winner ?? (minP < alpha ? (rateB > rateA ? 'B' : 'A') : null);
  const next: SequentialState = { minP, winner, looks: state.looks + 1 };
  const se = liftStandardError(a, b);
  const half = Number.isFinite(se) && n > 0 ? sequentialHalfwidth(se, n, alpha, tuning) : NaN;
  const range: [number, number] | null = Number.isFinite(half) ? [lift(a, b) - half, lift(a, b) + half] : null;
  const interval = { range, label: `${confidence(alpha)} confidence sequence` };
  return { ...abVerdict(a, b, minP, winner, expectedShareA, 'yet (sequential)', interval), state: next };
}
