// Time series sampled at every bucket boundary: what the animations replay and `--series` prints.
import type { RunSeries, VersionSeries } from '../runtime/types';
import type { Recorder } from './recorder';
import { DRAINING, READY, STARTING, type Fleet } from '../world/fleet';

export class SeriesCollector {
  readonly t: number[] = [];
  private readonly perVersion: VersionSeries[];

  constructor(private readonly names: string[]) {
    this.perVersion = names.map(() => ({
      requests: [], errors: [], rejected: [], p99Ms: [], ready: [], starting: [], draining: [], weight: [],
    }));
  }

  /** Records the bucket that started at `start`, just before the recorder's bucket is reset. */
  sample(start: number, recorder: Recorder, fleet: Fleet, weights: Float64Array): void {
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
  }

  toJSON(): RunSeries {
    const versions: Record<string, VersionSeries> = {};
    this.names.forEach((name, v) => (versions[name] = this.perVersion[v]));
    return { t: this.t, versions };
  }
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
