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

export type TrafficShape =
  | { kind: 'constant' }
  /** rps × (1 + amplitude·cos(2π(t − peakAt)/period)) */
  | { kind: 'diurnal'; amplitude: number; period: number; peakAt: number }
  /** rps × factor during [at, at + duration) */
  | { kind: 'spike'; at: number; duration: number; factor: number };

export interface TrafficSpec {
  rps: number;
  shape: TrafficShape;
}

export interface UsersSpec {
  count: number;
  /** region name → share; shares sum to 1 */
  regions: Record<string, number>;
  /** platform name → share; shares sum to 1 */
  platforms: Record<string, number>;
  /** share of users who are employees */
  internal: number;
  /** share of users who opted into beta */
  beta: number;
  /** share of users who registered within the day before the run starts */
  newUsers: number;
  /** the oldest account age, for the rest of the users (registration spread uniformly) */
  maxAccountAge: number;
}

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
