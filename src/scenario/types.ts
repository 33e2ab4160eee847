import type { Fault } from '../world/faults/types';

// The validated, normalised scenario the engine consumes.
// All durations are in seconds, all rates and shares are fractions (0.05 = 5%).

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

export type PatternName =
  | 'none'
  | 'big-bang'
  | 'rolling'
  | 'blue-green'
  | 'canary'
  | 'feature-toggle'
  | 'ab-test'
  | 'dark-launch'
  | 'traffic-split';

export interface CompareEntry {
  pattern: PatternName;
  /** unique within the scenario; defaults to the pattern name */
  label: string;
  /** the pattern's own knobs, validated per pattern */
  options: Record<string, unknown>;
}

export interface Scenario {
  schemaVersion: 1;
  title: string;
  summary?: string;
  seed: number;
  duration: number;
  fleet: FleetSpec;
  traffic: TrafficSpec;
  users: UsersSpec;
  versions: VersionSpec[];
  rollout?: RolloutSpec;
  compare: CompareEntry[];
  /** the failures injected into every compared run */
  faults?: Fault[];
}
