// The Wilson score interval for a proportion: how often a plan reacted, or an experiment declared a
// winner or halted, over K seeds. Unlike the normal approximation it stays inside [0, 1] and is
// honest at 0 of K.
import { Z975 } from './tInterval';

/** Wilson score interval (Wilson 1927), as statsmodels' proportion_confint(method='wilson'). */
export function wilson(successes: number, n: number, z = Z975): [number, number] {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
