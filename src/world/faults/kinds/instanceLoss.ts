// instance-loss: a node or a zone goes away; its instances die at once (a ReplicaSet replaces
// them) and the 503s while capacity is short are charged to the fault.
import type { Effect, FaultTarget } from '../effect';

export interface InstanceLossFault {
  kind: 'instance-loss';
  count: number | null;
  zone: string | null;
  version: string | null;
}

export const instanceLossEffects = (f: InstanceLossFault, at: FaultTarget): Effect[] => [
  { type: 'loseInstances', count: f.count, zone: f.zone, version: at.version(f.version) },
  { type: 'capacity', version: -1 },
];
