// Time series, one record per bucket of simulated time: what the charts draw and `--series` prints.
// Each field says what happened during the bucket, not only at its end:
//  - requests: arrivals, by the version whose behaviour they got (shadow copies excluded);
//  - errors, rejected, p99Ms: outcomes known during the bucket;
//  - ready, starting, draining: the most instances able to serve the version at any moment of the
//    bucket (with a feature flag, every instance of the flag's build serves both behaviours);
//  - weight: the version's share of the bucket's requests (0 for all when there were none);
//  - usersAffected, conversions, corruptedWrites (per run): totals so far, at the bucket's end.
import type { Recorder } from './recorder';
import { DRAINING, READY, STARTING, type Fleet } from '../world/fleet';
import type { Router } from '../world/router';
import type { BucketEnd, BucketListener } from '../world/measure';

export interface VersionSeries {
  requests: number[];
  errors: number[];
  rejected: number[];
  p99Ms: number[];
  ready: number[];
  starting: number[];
  draining: number[];
  weight: number[];
}

export interface RunSeries {
  /** bucket start times, seconds */
  t: number[];
  versions: Record<string, VersionSeries>;
  /** cumulative over the run up to each bucket's end: users who saw a failure, conversions, writes corrupted by faults */
  usersAffected: number[];
  conversions: number[];
  corruptedWrites: number[];
}

export interface SeriesBucket {
  /** bucket start, simulated seconds; the bucket is [t, t + bucketSeconds) */
  t: number;
  versions: Array<{
    requests: number;
    errors: number;
    rejected: number;
    p99Ms: number;
    ready: number;
    starting: number;
    draining: number;
    weight: number;
  }>;
  /** cumulative over the run up to the bucket's end */
  usersAffected: number;
  conversions: number;
  corruptedWrites: number;
}

/** Run totals so far, read at a bucket's end. */
interface CumulativeTotals {
  usersAffected: number;
  conversions: number;
  corruptedWrites: number;
}

export class SeriesCollector implements BucketListener {
  readonly t: number[] = [];
  private readonly perVersion: VersionSeries[];
  private readonly usersAffected: number[] = [];
  private readonly conversions: number[] = [];
  private readonly corruptedWrites: number[] = [];

  constructor(
    private readonly names: string[],
    private readonly recorder: Recorder,
  ) {
    this.perVersion = names.map(() => ({
      requests: [], errors: [], rejected: [], p99Ms: [], ready: [], starting: [], draining: [], weight: [],
    }));
  }

  /** The world's bucket that started at `start` ended: sample it with the run's totals, then start a new one. */
  endBucket(start: number, world: BucketEnd): void {
    const r = this.recorder;
    this.sample(start, r, world.fleet, world.router, {
      usersAffected: r.usersAffectedAll,
      conversions: r.conversions.reduce((a, b) => a + b, 0),
      corruptedWrites: world.faultCosts.corrupted.reduce((a, b) => a + b, 0),
    });
    r.resetBucket();
  }

  /** Records the bucket that started at `start`, before the recorder's bucket and the fleet's peaks are reset. */
  sample(start: number, recorder: Recorder, fleet: Fleet, router: Router, totals: CumulativeTotals): void {
    this.t.push(start);
    const requests = recorder.bucketRequests;
    const total = requests.reduce((a, b) => a + b, 0);
    this.perVersion.forEach((s, v) => {
      s.requests.push(requests[v]);
      s.errors.push(recorder.bucketErrors[v]);
      s.rejected.push(recorder.bucketRejected[v]);
      s.p99Ms.push(round3(recorder.bucketLatency[v].quantile(0.99) * 1000));
      const build = router.servingBuild(v);
      s.ready.push(fleet.peakIn(READY, build));
      s.starting.push(fleet.peakIn(STARTING, build));
      s.draining.push(fleet.peakIn(DRAINING, build));
      s.weight.push(total > 0 ? requests[v] / total : 0);
    });
    this.usersAffected.push(totals.usersAffected);
    this.conversions.push(totals.conversions);
    this.corruptedWrites.push(totals.corruptedWrites);
  }

  /** Buckets recorded so far. */
  get length(): number {
    return this.t.length;
  }

  /** Bucket k as one record (the streamed form). */
  bucket(k: number): SeriesBucket {
    return {
      t: this.t[k],
      versions: this.perVersion.map((s) => ({
        requests: s.requests[k], errors: s.errors[k], rejected: s.rejected[k], p99Ms: s.p99Ms[k],
        ready: s.ready[k], starting: s.starting[k], draining: s.draining[k], weight: s.weight[k],
      })),
      usersAffected: this.usersAffected[k],
      conversions: this.conversions[k],
      corruptedWrites: this.corruptedWrites[k],
    };
  }

  toJSON(): RunSeries {
    const versions: Record<string, VersionSeries> = {};
    this.names.forEach((name, v) => (versions[name] = this.perVersion[v]));
    return { t: this.t, versions, usersAffected: this.usersAffected, conversions: this.conversions, corruptedWrites: this.corruptedWrites };
  }
}


export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
