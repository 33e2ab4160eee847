// The fixed benchmark models: a steady fleet with no deployment, large (the engine budget's
// reference: 10.8 M requests in a simulated hour) and small (the sandbox's everyday size), and the
// small fleet's release compared across all nine patterns (the interactive budget).
// Written as scenario files so they go through the same parsing and defaults as users' files.

function steadyFleet(title: string, instances: number, rps: number, users: number): string {
  return `schemaVersion: 1
title: ${JSON.stringify(title)}
seed: 1
duration: 1h
fleet: { instances: ${instances}, concurrency: 4, queueLimit: 1000000, loadBalancer: random }
traffic: { rps: ${rps} }
users: { count: ${users} }
versions:
  - { name: v1, serviceTime: { distribution: exponential, mean: 100ms }, errorRate: 0 }
compare:
  - { pattern: none }
`;
}

/** The interactive budget's reference: a 1-hour, 300 rps release compared across all nine patterns. */
const ALL_PATTERNS = `schemaVersion: 1
title: "bench compare: 10 instances, 300 rps, 1h, nine patterns"
seed: 1
duration: 1h
fleet: { instances: 10, concurrency: 4, queueLimit: 100 }
traffic: { rps: 300 }
users: { count: 20000 }
versions:
  - { name: v1, serviceTime: { distribution: exponential, mean: 100ms } }
  - { name: v2, serviceTime: { distribution: exponential, mean: 100ms } }
rollout: { from: v1, to: v2, at: 2m }
compare:
  - { pattern: none }
  - { pattern: big-bang }
  - { pattern: rolling }
  - { pattern: blue-green, autoPromotionSeconds: 2m }
  - { pattern: canary, analysis: { errorRate: { max: 1% } } }
  - { pattern: feature-toggle, analysis: { errorRate: { max: 1% } } }
  - { pattern: ab-test }
  - { pattern: dark-launch, analysis: { errorRate: { max: 1% } } }
  - { pattern: traffic-split, stages: [ { match: { region: eu }, pause: 5m }, { weight: 100% } ], analysis: { errorRate: { max: 1% } } }
`;

export const BENCH_MODELS = {
  large: steadyFleet('bench large: 100 instances, 3000 rps, 1h', 100, 3000, 100_000),
  small: steadyFleet('bench small: 10 instances, 300 rps, 1h', 10, 300, 20_000),
  compare: ALL_PATTERNS,
} as const;

export type BenchModel = keyof typeof BENCH_MODELS;

/** What the bench parent asks a fresh child process to run: a model, or the calibration loop. */
export type BenchJob = BenchModel | 'calibration';

export interface BenchSample {
  job: BenchJob;
  /** simulated requests (arrivals), or calibration loop iterations */
  requests: number;
  events: number;
  wallSeconds: number;
  /** CPU time of the measured part (user + system): less sensitive than wall time to other load */
  cpuSeconds: number;
  /** peak resident set of the child process, KiB */
  maxRssKiB: number;
}
