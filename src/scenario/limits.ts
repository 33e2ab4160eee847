// Every limit on what a scenario may ask for, in one place. A scenario is untrusted input (it
// travels as a link or a paste), so each limit is checked before the work it protects, and an
// exceeded limit is reported as `file:line:col: path: … exceeds the limit of N`.

export const LIMITS = {
  /** characters in a scenario file: 20 times the largest shipped scenario, what the parser reads well within a second */
  fileChars: 100_000,
  /** characters in one string: a title, a summary, a narrative, a name */
  stringChars: 20_000,
  /** characters in a name or key (versions, labels, regions) */
  nameChars: 200,
  /** keys in one mapping */
  keysPerMap: 1_000,
  /** entries in one list */
  listEntries: 1_000,
  /** nested mappings and lists */
  nestingDepth: 64,
  /** errors reported for one file; the rest are counted */
  errorsReported: 100,
  /** instances of one version (the fleet, and what a pattern may add) */
  instances: 10_000,
  /** distinct users */
  users: 10_000_000,
  /** requests one instance may queue */
  queueLimit: 1_000_000,
  /** versions of the application: each is a bit of a 16-bit per-user flag word, plus one for "any" (MAX_VERSIONS of the recorder) */
  versions: 15,
  /** injected faults: each is a bit of a 16-bit per-user flag word */
  faults: 16,
  /** time-series buckets of one run (duration ÷ bucket) */
  seriesBuckets: 100_000,
  /** bytes a run may allocate for its queues, users and series, by the estimate in runSize */
  runBytes: 1_000_000_000,
  /** shortest interval between a pattern's analysis checks, seconds */
  minIntervalSeconds: 1,
  /** shortest time-series bucket, seconds */
  minBucketSeconds: 1,
  /** events allowed in one simulated second: this many per request at the peak rate, plus eventsPerSimulatedSecond */
  eventsPerRequest: 20,
  /** events allowed in one simulated second besides requests (checks, ticks, instance changes) */
  eventsPerSimulatedSecond: 100_000,
} as const;

export type LimitName = keyof typeof LIMITS;

/** "… exceeds the limit of 1,000" — the limit is the first thing an author wants to know. */
export function exceeds(what: string, limit: LimitName): string {
  return `${what} exceeds the limit of ${LIMITS[limit].toLocaleString('en-US')}`;
}
