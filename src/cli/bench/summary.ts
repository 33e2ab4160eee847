// Reduces the interleaved benchmark samples to the printed figures: medians with their range
// (three noisy runs: the median resists one outlier, the range shows the noise).
import type { BenchJob, BenchModel, BenchSample } from './models';

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface ModelFigures {
  model: BenchModel;
  requests: number;
  events: number;
  wallSeconds: Spread;
  requestsPerSecond: Spread;
  eventsPerSecond: Spread;
  /** simulated requests per CPU second of the child: what a core does when it is not shared */
  requestsPerCpuSecond: Spread;
  /** the largest peak resident set over the runs, bytes */
  peakRssBytes: number;
}

export interface BenchSummary {
  runs: number;
  /** the machine's 1-minute load average before and after the bench: how shared the cores were */
  load: { before: number; after: number };
  models: ModelFigures[];
  /** calibration loop iterations per second */
  calibration: Spread;
  /** large model's simulated requests/s ÷ calibration iterations/s, per round */
  largePerCalibration: Spread;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

function modelFigures(model: BenchModel, samples: readonly BenchSample[]): ModelFigures {
  return {
    model,
    requests: samples[0].requests,
    events: samples[0].events,
    wallSeconds: spread(samples.map((s) => s.wallSeconds)),
    requestsPerSecond: spread(samples.map((s) => s.requests / s.wallSeconds)),
    eventsPerSecond: spread(samples.map((s) => s.events / s.wallSeconds)),
    requestsPerCpuSecond: spread(samples.map((s) => s.requests / s.cpuSeconds)),
    peakRssBytes: Math.max(...samples.map((s) => s.maxRssKiB * 1024)),
  };
}

/** `rounds[r]` holds round r's samples by job. */
export function summariseBench(rounds: readonly Record<BenchJob, BenchSample>[], load: BenchSummary['load']): BenchSummary {
  const rate = (s: BenchSample) => s.requests / s.wallSeconds;
  return {
    runs: rounds.length,
    load,
    models: (['large', 'small', 'compare'] as const).map((m) => modelFigures(m, rounds.map((r) => r[m]))),
    calibration: spread(rounds.map((r) => rate(r.calibration))),
    largePerCalibration: spread(rounds.map((r) => rate(r.large) / rate(r.calibration))),
  };
}
