// What the world tells its metrics, as interfaces the world defines and the metrics room
// implements (it is injected: the world never builds its own recorder).
import type { Fleet } from './fleet';
import type { Router } from './router';
import type { FaultCosts } from './faults/costs';

/** Hears every request's fate, per version (shadow copies apart), and counts the current bucket. */
export interface RequestRecorder {
  /** a real request routed to version v at time `now` */
  arrival(v: number, now: number): void;
  rejection(v: number, user: number): void;
  /** `enrolled`: the request arrived while an A/B experiment was enrolling (it counts for its arm) */
  completion(v: number, user: number, latency: number, wait: number, failed: boolean, converted: boolean, enrolled?: boolean): void;
  shadowArrival(v: number, now: number): void;
  /** an A/B experiment has enrolled: requests arriving from now on are tagged with their arm */
  readonly enrolled: boolean;
  shadowRejection(v: number): void;
  shadowCompletion(v: number, latency: number, failed: boolean): void;
  /** arrivals per version in the current bucket: phase-triggered faults read the candidate's share */
  readonly bucketRequests: ArrayLike<number>;
}

/** What the world shows when a bucket ends: the fleet, the routing, and the costs of faults so far. */
export interface BucketEnd {
  readonly fleet: Fleet;
  readonly router: Router;
  readonly faultCosts: FaultCosts;
}

/** Told when a bucket of simulated time ends (the time series samples, then starts a new bucket). */
export interface BucketListener {
  endBucket(start: number, world: BucketEnd): void;
}

export interface WorldMetrics<R extends RequestRecorder, S extends BucketListener> {
  recorder: R;
  series: S;
}
