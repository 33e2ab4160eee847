// latency: the version's requests take `factor` times longer plus `add` seconds, maybe only under
// load; the 503s of its instances meanwhile are charged to the fault.
import { type Effect, type FaultTarget, service } from '../effect';

export interface LatencyFault {
  kind: 'latency';
  version: string;
  factor: number;
  add: number;
  above: { utilisation: number } | null;
}

export function latencyEffects(f: LatencyFault, at: FaultTarget): Effect[] {
  const version = at.version(f.version);
  return [service(version, { factor: f.factor, add: f.add, aboveUtilisation: f.above?.utilisation ?? 0 }), { type: 'capacity', version }];
}
