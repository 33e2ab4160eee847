// Time series sampled at every bucket boundary: what the animations replay and `--series` prints.
import type { RunSeries, VersionSeries } from '../runtime/types';
import type { SeriesBucket } from '../runtime/stream';
import type { Recorder } from './recorder';
import { DRAINING, READY, STARTING, type Fleet } from '../world/fleet';

/** Run totals so far, read at a bucket's end. */
export interface CumulativeTotals {
  usersAffected: number;
  conversions: number;
  corruptedWrites: number;
}

export class SeriesCollector {
  readonly t: number[] = [];
  private readonly perVersion: VersionSeries[];
  private readonly usersAffected: number[] = [];
  private readonly conversions: number[] = [];
  private readonly corruptedWrites: number[] = [];

  constructor(private readonly names: string[]) {
    this.perVersion = names.map(() => ({
      requests: [], errors: [], rejected: [], p99Ms: [], ready: [], starting: [], draining: [], weight: [],
    }));
  }

  /** Records the bucket that started at `start`, just before the recorder's bucket is reset. */
  sample(start: number, recorder: Recorder, fleet: Fleet, weights: Float64Array, totals: CumulativeTotals): void {
    this.t.push(start);
    this.perVersion.forEach((s, v) => {
      s.requests.push(recorder.bucketRequests[v]);
      s.errors.push(recorder.bucketErrors[v]);
      s.rejected.push(recorder.bucketRejected[v]);
      s.p99Ms.push(round3(recorder.bucketLatency[v].quantile(0.99) * 1000));
      s.ready.push(fleet.countIn(READY, v));
      s.starting.push(fleet.countIn(STARTING, v));
      s.draining.push(fleet.countIn(DRAINING, v));
      s.weight.push(weights[v]);
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
