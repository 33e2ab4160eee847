// The world as a scenario describes it, normalised: durations in seconds, rates and shares as
// fractions (0.05 = 5%). The scenario layer validates files into these; the world needs nothing else.
import type { Fault } from './faults/types';

export type LoadBalancer = 'round-robin' | 'random' | 'least-connections';

export type ServiceTimeSpec =
  | { distribution: 'exponential'; mean: number }
  | { distribution: 'lognormal'; median: number; p99: number }
  | { distribution: 'constant'; value: number };

export interface VersionSpec {
  name: string;
  serviceTime: ServiceTimeSpec;
  errorRate: number;
  conversionRate: number;
}

export interface FleetSpec {
  instances: number;
  concurrency: number;
  queueLimit: number;
  startupTime: number;
  loadBalancer: LoadBalancer;
}

export type { TrafficShape, TrafficSpec } from './traffic';
import type { TrafficSpec } from './traffic';
export type { UsersSpec } from './users';
import type { UsersSpec } from './users';

export interface RolloutSpec {
  from: string;
  to: string;
  at: number;
}

/** What a world is built from: the part of a scenario the engine reads. */
export interface WorldSpec {
  duration: number;
  fleet: FleetSpec;
  traffic: TrafficSpec;
  users: UsersSpec;
  versions: VersionSpec[];
  rollout?: RolloutSpec;
  faults?: Fault[];
}
