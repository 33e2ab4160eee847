// What the world tells its metrics, as interfaces the world defines and the metrics room
// implements (it is injected: the world never builds its own recorder).
import type { World } from './world';

/** Hears every request's fate, per version (shadow copies apart), and counts the current bucket. */
export interface RequestRecorder {
  arrival(v: number, user: number): void;
  rejection(v: number, user: number): void;
  completion(v: number, user: number, latency: number, wait: number, failed: boolean, converted: boolean): void;
  shadowArrival(v: number): void;
  shadowRejection(v: number): void;
  shadowCompletion(v: number, latency: number, failed: boolean): void;
  /** arrivals per version in the current bucket: phase-triggered faults read the candidate's share */
  readonly bucketRequests: ArrayLike<number>;
}

/** Told when a bucket of simulated time ends (the time series samples, then starts a new bucket). */
export interface BucketListener {
  endBucket(start: number, world: World<RequestRecorder, BucketListener>): void;
}

export interface WorldMetrics<R extends RequestRecorder, S extends BucketListener> {
  recorder: R;
  series: S;
}
