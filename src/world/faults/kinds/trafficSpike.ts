// traffic-spike: arrivals are multiplied by `factor` in the fault's window. The arrival process
// carries the spike (it must be the same in every compared run, so only timed spikes exist); the
// 503s meanwhile are the fault's cost.
import type { Effect } from '../effect';
import type { Spike } from '../../traffic';
import type { FaultStart } from '../start';

export interface TrafficSpikeFault {
  kind: 'traffic-spike';
  factor: number;
}

export const trafficSpikeEffects = (): Effect[] => [{ type: 'capacity', version: -1 }];

/** The spikes the arrival process must know before the run. */
export function spikesOf(faults: { kind: string; start: FaultStart; duration: number | null; factor?: number }[]): Spike[] {
  return faults.flatMap((f) => (f.kind === 'traffic-spike' && 'at' in f.start ? [{ at: f.start.at, duration: f.duration ?? Infinity, factor: f.factor! }] : []));
}
