// What a planned A/B test can see: the minimum detectable effect (MDE) of a fixed-horizon
// two-sided test with n users per arm, at significance alpha and the usual 80% power. The normal
// approximation with each arm's own variance (as sample-size calculators such as Evan Miller's and
// GrowthBook's power tool use): the smallest rate p₂ > p₁ with
//   (z₁₋α/₂ + z_power) · √((p₁(1 − p₁) + p₂(1 − p₂)) / n) = p₂ − p₁.
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

interface AbPlan {
  /** the control's conversion rate the plan assumes */
  baselineRate: number;
  /** users per arm at the horizon */
  samplesPerArm: number;
  alpha: number;
  power: number;
  /** smallest relative lift found with that power, e.g. 0.17 = +17%; null when none is */
  mde: number | null;
}

export function planAbTest(baselineRate: number, samplesPerArm: number, alpha = 0.05, power = 0.8): AbPlan {
  const plan = { baselineRate, samplesPerArm, alpha, power };
  if (!(baselineRate > 0 && baselineRate < 1) || !(samplesPerArm > 0)) return { ...plan, mde: null };
  const z = normalQuantile(1 - alpha / 2, 0, 1) + normalQuantile(power, 0, 1);
  const p1 = baselineRate;
  // Fixed-point iteration on p₂: the variance depends on the rate being solved for; converges in a few steps.
  let p2 = p1 + z * Math.sqrt((2 * p1 * (1 - p1)) / samplesPerArm);
  for (let i = 0; i < 50; i++) {
    const next = p1 + z * Math.sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / samplesPerArm);
    if (Math.abs(next - p2) < 1e-14) break;
    p2 = next;
  }
  return { ...plan, mde: p2 < 1 ? p2 / p1 - 1 : null };
}
