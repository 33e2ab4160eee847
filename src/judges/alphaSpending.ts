// Plan-wide error control for an analysis that looks many times. A rollout's analysis is one
// decision made over many looks: testing every look at α rolls a good release back with probability
// about 1 − (1 − α)^k after k looks (40% after 25 looks at α = 0.02). An α-spending plan gives each
// look a share α_k of one budget α with Σ α_k ≤ α, so by the union bound (Bonferroni, valid whatever
// the dependence between looks) the chance of ANY false failure over the whole plan stays ≤ α.
//
// The shares: the `looks` planned looks spend the budget evenly (Pocock-like in spending, like the
// linear spending function α·t of Lan & DeMets), keeping one share in reserve; looks past the plan
// (a longer pause, an unplanned extension) draw on the reserve with weights 1/(j(j+1)), which add up
// to exactly the reserve however many extra looks come. So the guarantee never runs out, and the
// planned looks are nearly as sharp as α/looks.

export type ErrorControl = 'plan' | 'per-look';

/** The significance level of look `k` (1-based) under a plan of `looks` looks and budget `alpha`. */
export function lookAlpha(alpha: number, looks: number, k: number, control: ErrorControl = 'plan'): number {
  if (control === 'per-look') return alpha;
  if (!(looks >= 1) || !(k >= 1)) throw new Error('looks and k must be at least 1');
  const share = alpha / (Math.floor(looks) + 1);
  if (k <= looks) return share;
  const j = k - Math.floor(looks);
  return share / (j * (j + 1));
}

/** Σ of the α spent by looks 1…k: never above alpha for the plan, k·alpha per look. */
export function alphaSpent(alpha: number, looks: number, k: number, control: ErrorControl = 'plan'): number {
  let spent = 0;
  for (let i = 1; i <= k; i++) spent += lookAlpha(alpha, looks, i, control);
  return spent;
}

/** The looks a background analysis plans when its spec does not say. */
export const DEFAULT_PLANNED_LOOKS = 20;
