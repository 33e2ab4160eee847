// What an analysis judges: one version's traffic since the window opened, real and mirrored together
// (a dark launch is judged on its shadow traffic). Built from the recorder's cumulative counters.
// Requests are counted when their outcome is known (served, failed or rejected), like their
// failures: counting arrivals instead would charge a window with failures of requests that
// arrived in the one before.
import { LogHistogram } from './histogram';
import type { Recorder } from './recorder';

export interface WindowStats {
  /** requests whose outcome (served, failed or rejected) came in the window */
  requests: number;
  /** failed requests: errors plus 503 rejections */
  failures: number;
  /** latencies (seconds) of the requests served in the window, fine resolution (7 sub-bucket bits) */
  latency: LogHistogram;
}

export class MetricWindow {
  private requests = 0;
  private failures = 0;
  private readonly latencyAtStart = new LogHistogram(7);

  constructor(
    private readonly recorder: Recorder,
    private readonly v: number,
  ) {
    this.open();
  }

  /** Starts a new window now. */
  open(): void {
    const r = this.recorder;
    const v = this.v;
    this.requests = outcomes(r, v);
    this.failures = r.errors[v] + r.rejected[v] + r.shadowFailures[v];
    this.latencyAtStart.clear();
    this.latencyAtStart.merge(r.latency[v]);
    this.latencyAtStart.merge(r.shadowLatency[v]);
  }

  /** Whether the version has had any request at all: before its first, a metrics store has no series for it. */
  everServed(): boolean {
    return outcomes(this.recorder, this.v) > 0;
  }

  /** The traffic since open(). */
  read(): WindowStats {
    const r = this.recorder;
    const v = this.v;
    const latency = new LogHistogram(7);
    latency.merge(r.latency[v]);
    latency.merge(r.shadowLatency[v]);
    const counts = latency.counts;
    const before = this.latencyAtStart.counts;
    for (let i = 0; i < counts.length; i++) counts[i] -= before[i];
    latency.total -= this.latencyAtStart.total;
    latency.sum -= this.latencyAtStart.sum;
    return {
      requests: outcomes(r, v) - this.requests,
      failures: r.errors[v] + r.rejected[v] + r.shadowFailures[v] - this.failures,
      latency,
    };
  }
}

function outcomes(r: Recorder, v: number): number {
  return r.ok[v] + r.errors[v] + r.rejected[v] + r.shadowOutcomes[v];
}
