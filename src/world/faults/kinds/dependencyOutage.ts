// dependency-outage: a shared dependency fails; every version's requests fail alike.
import { type Effect, failure } from '../effect';

export interface DependencyOutageFault {
  kind: 'dependency-outage';
  rate: number;
}

export const dependencyOutageEffects = (f: DependencyOutageFault): Effect[] => [failure(-1, f.rate)];
