// What a sweep says about an A/B experiment's own decisions, over K seeds: how often each arm was
// declared the winner (at the null, every winner is a false one), how often the sample-ratio guard
// halted the experiment, and the mean lift with its 95% interval (an unbiased test averages the
// true lift). Reactions alone miss these: a B win ships B and a halt keeps A, so neither is a rollback.
import type { RunRecord } from '../../runtime/types';
import { meanInterval } from '../stats/tInterval';
import { wilson } from '../stats/wilson';

export interface ExperimentCell {
  /** wins of the first variant (the stable version stays) and of the second (the new version ships) */
  winsA: number;
  winsB: number;
  /** runs with a winner, and its Wilson 95% interval */
  winnerRate: number;
  winnerCi95: [number, number];
  /** halted on a sample ratio mismatch */
  srmHalts: number;
  srmHaltCi95: [number, number];
  liftMean: number;
  liftCi95: [number, number] | null;
}

const SRM_REASON = 'sample ratio mismatch';

/** The experiment figures of one run of `compare` over its seeds; null for a run that is no experiment. */
export function summariseExperiment(runs: readonly RunRecord[]): ExperimentCell | null {
  if (runs.some((r) => r.abTest === undefined)) return null;
  // Variants may have any names: A's win keeps the stable version (a rollback), B's ships the new one.
  const won = runs.filter((r) => r.abTest!.winner !== null);
  const winsA = won.filter((r) => r.outcome === 'rolled-back').length;
  const winsB = won.length - winsA;
  const srmHalts = runs.filter((r) => r.decisions.some((d) => d.reason === SRM_REASON)).length;
  const lifts = runs.map((r) => r.abTest!.lift).filter((x) => Number.isFinite(x));
  const lift = lifts.length > 1 ? meanInterval(lifts) : null;
  return {
    winsA,
    winsB,
    winnerRate: (winsA + winsB) / runs.length,
    winnerCi95: wilson(winsA + winsB, runs.length),
    srmHalts,
    srmHaltCi95: wilson(srmHalts, runs.length),
    liftMean: lift ? lift.mean : (lifts[0] ?? Number.NaN),
    liftCi95: lift ? lift.ci95 : null,
  };
}
