// crash-loop: new instances of the version fail their readiness probe (after: null) or crash
// `after` seconds once ready, and restart with Kubernetes' CrashLoopBackOff (see instanceFailures).
// The 503s while wanted instances never come up are charged to the fault.
import type { Effect, FaultTarget } from '../effect';

export interface CrashLoopFault {
  kind: 'crash-loop';
  version: string;
  after: number | null;
}

export function crashLoopEffects(f: CrashLoopFault, at: FaultTarget): Effect[] {
  const version = at.version(f.version);
  return [{ type: 'crashLoop', version }, { type: 'capacity', version }];
}
