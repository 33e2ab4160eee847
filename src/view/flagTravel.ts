// A flag change travelling to the fleet: each instance picks it up at its own moment within the
// propagation delay (as the world's Flag does), so the page can say "config reaching instances: 3/10".
import { pickupPhase } from '../world/flag';

export interface FlagTravel {
  reached: number;
  of: number;
}

/** Of the instances `ids` (a fleet frame's), how many serve a change made at `changedAt`, at time t. */
export function flagTravel(ids: number[], changedAt: number, delay: number, t: number): FlagTravel {
  if (t < changedAt) return { reached: 0, of: ids.length };
  const reached = ids.filter((i) => t >= changedAt + delay * pickupPhase(i)).length;
  return { reached, of: ids.length };
}
