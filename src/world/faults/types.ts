// The fault catalogue, as the scenario layer hands it over (durations in seconds, shares as fractions).
// Every fault has a kind, a start (a time, or a rollout phase), an optional duration, a target and a magnitude.
import type { UserMatchSpec } from '../userMatch';

/** When a fault starts: at a simulated time, or when the rollout reaches a phase. */
export type FaultStart =
  | { at: number }
  /** once the new version gets at least this share of traffic */
  | { weightAtLeast: number }
  /** once the pattern's statechart enters a state of this name (e.g. "promoting") */
  | { state: string };

interface FaultBase {
  start: FaultStart;
  /** seconds; null: until the end of the run */
  duration: number | null;
  /** a name for reports; defaults to the kind */
  label: string;
}

export type Fault = FaultBase &
  (
    | { kind: 'error-rate'; version: string; rate: number }
    | { kind: 'latency'; version: string; factor: number; add: number; above: { utilisation: number } | null }
    | { kind: 'crash-loop'; version: string; after: number | null }
    | { kind: 'memory-leak'; version: string; per: number; errorRate: number; factor: number }
    | { kind: 'segment'; version: string; match: UserMatchSpec; rate: number }
    | { kind: 'conversion-drop'; version: string; drop: number }
    | { kind: 'dependency-outage'; rate: number }
    | { kind: 'instance-loss'; count: number | null; zone: string | null; version: string | null }
    | { kind: 'traffic-spike'; factor: number }
    | { kind: 'mixed-version'; rate: number }
    | { kind: 'cold-start'; version: string | null; warmup: number; factor: number }
    | { kind: 'bad-writes'; version: string; rate: number; writes: number }
  );

export type FaultKind = Fault['kind'];

export const FAULT_KINDS: FaultKind[] = [
  'error-rate', 'latency', 'crash-loop', 'memory-leak', 'segment', 'conversion-drop',
  'dependency-outage', 'instance-loss', 'traffic-spike', 'mixed-version', 'cold-start', 'bad-writes',
];

/** What one fault cost one run. */
export interface FaultCost {
  label: string;
  kind: FaultKind;
  /** when it started (null: its trigger never came) */
  startedAt: number | null;
  /** requests that failed because of it (errors and 503s) */
  failedRequests: number;
  /** users who saw at least one of those failures */
  usersAffected: number;
  /** writes corrupted by it, and writes duplicated by mirroring while it was active */
  corruptedWrites: number;
  duplicatedWrites: number;
}
