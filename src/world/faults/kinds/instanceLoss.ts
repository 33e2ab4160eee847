// instance-loss: a node or a zone goes away; its instances die at once (a ReplicaSet replaces
// them) and the 503s while capacity is short are charged to the fault.
import type { Effect, FaultTarget } from '../effect';

export interface InstanceLossFault {
  kind: 'instance-loss';
  count: number | null;
  zone: string | null;
  /** one instance by its id (the sandbox's click) */
  instance: number | null;
  version: string | null;
}

export const instanceLossEffects = (f: InstanceLossFault, at: FaultTarget): Effect[] => [
  { type: 'loseInstances', count: f.count, zone: f.zone, instance: f.instance ?? null, version: at.version(f.version) },
  { type: 'capacity', version: -1 },
];
