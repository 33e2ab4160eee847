// Builders for judge inputs: windows of seeded synthetic traffic.
import type { WindowStats } from '../../../src/judges/types';
import { LogHistogram } from '../../../src/metrics/histogram';
import { lognormalQuantile } from '../../../src/random/distributions';
import { createStream } from '../../../src/random/streams';

/** A window whose served requests have the given latencies (seconds). */
export function windowOf(requests: number, failures: number, latencies: number[]): WindowStats {
  const latency = new LogHistogram(7);
  for (const v of latencies) latency.add(v);
  return { requests, failures, latency };
}

export interface Traffic {
  requests: number;
  /** probability that a request fails */
  errorRate: number;
  /** lognormal service latency: median and log-sd (seconds) */
  median: number;
  sigma?: number;
}

/** A window of seeded random traffic: each request fails with errorRate, else is served. */
export function simulateWindow(seed: number, name: string, t: Traffic): WindowStats {
  const rand = createStream(seed, name);
  const latency = new LogHistogram(7);
  let failures = 0;
  for (let i = 0; i < t.requests; i++) {
    if (rand() < t.errorRate) failures++;
    else latency.add(lognormalQuantile(rand(), t.median, t.sigma ?? 0.5));
  }
  return { requests: t.requests, failures, latency };
}

/** Number of successes in n Bernoulli(p) trials, drawn one by one. */
export function binomial(rand: () => number, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rand() < p) k++;
  return k;
}
