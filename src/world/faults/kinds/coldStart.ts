// cold-start: new instances are slow (`factor`×) and warm up linearly over `warmup` seconds; the
// 503s of the slowed instances are charged to the fault.
import { type Effect, type FaultTarget, service } from '../effect';

export interface ColdStartFault {
  kind: 'cold-start';
  version: string | null;
  warmup: number;
  factor: number;
}

export function coldStartEffects(f: ColdStartFault, at: FaultTarget): Effect[] {
  const version = at.version(f.version);
  return [service(version, { factor: f.factor, warmup: f.warmup }), { type: 'capacity', version }];
}
