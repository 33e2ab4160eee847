// Cuts one run's history into slices: what happened since the previous slice (buckets completed,
// transitions, decisions, measurements, faults started or ended, sampled requests finished), plus
// the fleet frames the session took on its way.
import type { FaultWindow, FleetColumns, RunSlice } from './stream';
import { encodeRequests } from './requestColumns';
import type { PatternRun } from './patternRun';

export class RunSlicer {
  private buckets = 0;
  private steps = 0;
  private decisions = 0;
  private measurements = 0;
  private readonly faultStarted: boolean[];
  private readonly faultEnded: boolean[];

  constructor(private readonly run: PatternRun) {
    this.faultStarted = run.world.faults.map(() => false);
    this.faultEnded = run.world.faults.map(() => false);
  }

  slice(fleet: FleetColumns): RunSlice {
    const { world, platform } = this.run;
    const series = world.series;
    const buckets = [];
    for (; this.buckets < series.length; this.buckets++) buckets.push(series.bucket(this.buckets));
    const steps = this.run.steps.slice(this.steps);
    this.steps = this.run.steps.length;
    const decisions = platform.decisions.slice(this.decisions);
    this.decisions = platform.decisions.length;
    const measurements = platform.measurements.slice(this.measurements);
    this.measurements = platform.measurements.length;
    return {
      buckets,
      fleet,
      requests: encodeRequests(world.sampler?.drain() ?? []),
      steps,
      state: this.run.state,
      decisions,
      measurements,
      faults: this.faultChanges(),
    };
  }

  /** Fault windows that opened or closed since the last slice (a window that did both comes once, closed). */
  private faultChanges(): FaultWindow[] {
    const { faults, faultCosts } = this.run.world;
    const out: FaultWindow[] = [];
    faults.forEach((fault, f) => {
      const start = faultCosts.startedAt[f];
      const end = faultCosts.endedAt[f];
      const opened = start !== null && !this.faultStarted[f];
      const closed = end !== null && !this.faultEnded[f];
      if (!opened && !closed) return;
      this.faultStarted[f] = start !== null;
      this.faultEnded[f] = end !== null;
      out.push({ label: fault.label, kind: fault.kind, start: start!, end });
    });
    return out;
  }
}
