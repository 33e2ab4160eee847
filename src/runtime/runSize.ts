// What a run will allocate, estimated from the scenario before it starts, so that a scenario asking
// for gigabytes is refused with the figures instead of taking the process (or the tab) down. The
// estimate is of the worst case: queues full, every version in every bucket of every run.
import { formatPath } from '../scenario/errors';
import { LIMITS, exceeds } from '../scenario/limits';
import type { Scenario } from '../scenario/types';
import { formatNumber } from '../scenario/units';
import { DEFAULT_BUCKET } from './patternRun';

/** Queues hold request ids (4 bytes); a rollout may run a second full stack beside the first. */
const QUEUE_SLOT_BYTES = 4;
const STACKS = 2;
/** The user table, per-user flag words and fault bits (see world/users, metrics/recorder). */
const BYTES_PER_USER = 40;
/** Eight series per version and bucket (requests, errors, … weight), as numbers in arrays. */
const BYTES_PER_BUCKET_AND_VERSION = 8 * 8;

/** A scenario (or a flag) asks for more than a run may take; `path` is the field or flag to change. */
export class RunLimitError extends Error {
  constructor(
    readonly path: PropertyKey[],
    readonly detail: string,
  ) {
    super(`${String(path[0]).startsWith('--') ? String(path[0]) : formatPath(path)}: ${detail}`);
  }
}

const count = (n: number) => formatNumber(Math.round(n));
const megabytes = (bytes: number) => `${count(bytes / 1e6)} MB`;

/**
 * Throws RunLimitError when the run would exceed a limit; returns the estimated bytes otherwise.
 * `seriesBucket` is the bucket asked for with --series (undefined: the run's default bucket).
 */
export function checkRunSize(scenario: Scenario, seriesBucket: number | undefined): number {
  const bucket = seriesBucket ?? DEFAULT_BUCKET;
  const seriesPath = seriesBucket !== undefined ? ['--series'] : ['duration'];
  if (!(bucket >= LIMITS.minBucketSeconds)) {
    throw new RunLimitError(seriesPath, `a bucket of ${bucket}s is shorter than the limit of ${LIMITS.minBucketSeconds}s`);
  }
  const buckets = Math.ceil(scenario.duration / bucket);
  if (buckets > LIMITS.seriesBuckets) {
    throw new RunLimitError(seriesPath, exceeds(`${count(buckets)} time-series buckets (${count(scenario.duration)}s ÷ ${bucket}s)`, 'seriesBuckets'));
  }
  const parts: { path: PropertyKey[]; bytes: number; how: string }[] = [
    {
      path: ['fleet', 'queueLimit'],
      bytes: STACKS * scenario.fleet.instances * scenario.fleet.queueLimit * QUEUE_SLOT_BYTES,
      how: `${STACKS} × ${count(scenario.fleet.instances)} instances × ${count(scenario.fleet.queueLimit)} queued requests × ${QUEUE_SLOT_BYTES} bytes`,
    },
    { path: ['users', 'count'], bytes: scenario.users.count * BYTES_PER_USER, how: `${count(scenario.users.count)} users × ${BYTES_PER_USER} bytes` },
    {
      path: seriesPath,
      bytes: buckets * scenario.versions.length * scenario.compare.length * BYTES_PER_BUCKET_AND_VERSION,
      how: `${count(buckets)} buckets × ${scenario.versions.length} versions × ${scenario.compare.length} runs × ${BYTES_PER_BUCKET_AND_VERSION} bytes`,
    },
  ];
  const total = parts.reduce((sum, p) => sum + p.bytes, 0);
  if (total > LIMITS.runBytes) {
    const largest = parts.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    throw new RunLimitError(largest.path, `the run would allocate up to ${megabytes(total)}, mostly ${largest.how}, which exceeds the limit of ${megabytes(LIMITS.runBytes)}`);
  }
  return total;
}
