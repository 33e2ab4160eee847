// Numbers on the charts' axes, as a reader says them: 0.5%, 850 ms, 1.2 s, 3.4k, and m:ss ticks on
// whole minutes.
import { format } from 'd3-format';

const percent = format('.2~%');
const si = format('.3~s');

export const formatRate = (x: number) => percent(x);
export const formatMs = (ms: number) => (ms >= 1000 ? `${format('.2~f')(ms / 1000)} s` : `${Math.round(ms)} ms`);
export const formatCount = (x: number) => (Math.abs(x) < 1000 ? String(Math.round(x)) : si(x));

const MINUTE_STEPS = [10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];

/** Tick positions on whole minutes (or round seconds for short runs), at most `most` of them, from 0 to the run's duration. */
export function minuteTicks(durationSeconds: number, most = 6): number[] {
  const step = MINUTE_STEPS.find((s) => durationSeconds / s <= most) ?? Math.ceil(durationSeconds / most / 3600) * 3600;
  const ticks: number[] = [];
  for (let t = 0; t <= durationSeconds + 1e-9; t += step) ticks.push(t);
  return ticks;
}
