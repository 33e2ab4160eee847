// Operating characteristics of one grid point: per run of `compare`, over K seeds, the probability
// of rolling back (Wilson 95% interval), the median time to that decision, and the users affected.
import type { ScenarioResult } from '../../runtime/types';
import { meanInterval } from '../stats/tInterval';
import { wilson } from '../stats/wilson';
import { type ExperimentCell, summariseExperiment } from './experiment';

export interface SweepCell {
  value: string;
  label: string;
  seeds: number;
  /** rolled back, halted or aborted: the rollout reacted */
  rollbacks: number;
  rollbackRate: number;
  rollbackCi95: [number, number];
  /** of those, releases with no defect */
  falseAlarms: number;
  detectionSecondsMedian: number | null;
  usersAffectedMean: number;
  usersAffectedCi95: [number, number] | null;
  /** an A/B experiment's winners, sample-ratio halts and lift (null: the run is no experiment) */
  experiment: ExperimentCell | null;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function summarisePoint(value: string, results: readonly ScenarioResult[]): SweepCell[] {
  return results[0].runs.map((_, r) => {
    const runs = results.map((res) => res.runs[r]);
    const reacted = runs.filter((x) => x.detectionSeconds !== null || x.falseAlarm !== undefined);
    const users = runs.map((x) => x.usersAffected);
    const ui = users.length > 1 ? meanInterval(users) : null;
    return {
      value,
      label: runs[0].label,
      seeds: runs.length,
      rollbacks: reacted.length,
      rollbackRate: reacted.length / runs.length,
      rollbackCi95: wilson(reacted.length, runs.length),
      falseAlarms: runs.filter((x) => x.falseAlarm === true).length,
      detectionSecondsMedian: median(reacted.map((x) => x.detectionSeconds).filter((t): t is number => t !== null)),
      usersAffectedMean: ui ? ui.mean : users[0],
      usersAffectedCi95: ui ? ui.ci95 : null,
      experiment: summariseExperiment(runs),
    };
  });
}
