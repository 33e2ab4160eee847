// The arrival process: a Poisson process whose rate follows the scenario's traffic shape.
// A shaped rate is produced by thinning a constant-rate process at the peak rate, so arrival times
// depend only on the traffic stream, never on what any pattern does.
import type { DrawBuffer } from '../random/drawBuffer';

export type TrafficShape =
  | { kind: 'constant' }
  /** rps × (1 + amplitude·cos(2π(t − peakAt)/period)) */
  | { kind: 'diurnal'; amplitude: number; period: number; peakAt: number }
  /** rps × factor during [at, at + duration) */
  | { kind: 'spike'; at: number; duration: number; factor: number };

export interface TrafficSpec {
  rps: number;
  shape: TrafficShape;
}

/** A window of multiplied traffic (a traffic-spike fault). */
export interface Spike {
  at: number;
  duration: number;
  factor: number;
}

export class Traffic {
  readonly peakRate: number;
  /** a constant rate: the next arrival is one exponential gap away, no thinning needed */
  readonly constant: boolean;

  constructor(
    private readonly spec: TrafficSpec,
    private readonly spikes: Spike[] = [],
  ) {
    const s = spec.shape;
    this.constant = s.kind === 'constant' && spikes.length === 0;
    const peakFactor = s.kind === 'diurnal' ? 1 + s.amplitude : s.kind === 'spike' ? Math.max(1, s.factor) : 1;
    const spikeFactor = spikes.reduce((p, x) => p * Math.max(1, x.factor), 1);
    this.peakRate = spec.rps * peakFactor * spikeFactor;
  }

  /** Requests per second at time t. */
  rateAt(t: number): number {
    let rate = this.shapeAt(t);
    for (const x of this.spikes) if (t >= x.at && t < x.at + x.duration) rate *= x.factor;
    return rate;
  }

  private shapeAt(t: number): number {
    const s = this.spec.shape;
    switch (s.kind) {
      case 'constant':
        return this.spec.rps;
      case 'diurnal':
        return this.spec.rps * (1 + s.amplitude * Math.cos((2 * Math.PI * (t - s.peakAt)) / s.period));
      case 'spike':
        return t >= s.at && t < s.at + s.duration ? this.spec.rps * s.factor : this.spec.rps;
    }
  }

  /** The next arrival after t, from the uniform draw u (and more from `draws` when thinning). */
  next(t: number, u: number, draws: DrawBuffer): number {
    const peak = this.peakRate;
    let next = t - Math.log(1 - u) / peak;
    if (this.constant) return next;
    while (draws.draw() * peak >= this.rateAt(next)) next -= Math.log(1 - draws.draw()) / peak;
    return next;
  }
}
