// The effects of the faults active right now, in the form the hot path reads them. They are rebuilt
// from the active faults' effects (see kinds/) whenever a fault starts or ends: nothing is undone
// by arithmetic. When nothing is active, the world checks one boolean per request and pays nothing else.
import type { Users } from '../users';
import type { Effect } from './effect';
import { matches, type UserMatch } from '../userMatch';

/** A fault that makes requests fail with some probability. */
export interface FailureEffect {
  fault: number;
  /** the version it hits; −1: every version */
  version: number;
  rate: number;
  /** segment faults: only users matching this */
  match: UserMatch | null;
  /** memory leaks: the rate grows by `rate` per `per` seconds of instance uptime */
  per: number;
  /** mixed-version faults: only users whose previous request went to another version */
  mixed: boolean;
}

export interface ServiceEffect {
  fault: number;
  version: number; // −1: every version
  factor: number;
  add: number;
  /** only while the instance's busy share of slots is at least this */
  aboveUtilisation: number;
  /** memory leaks: factor^(uptime / per); cold starts: slow for the first `warmup` seconds */
  per: number;
  warmup: number;
}

interface WriteEffect {
  fault: number;
  version: number;
  rate: number;
  writes: number;
}

const NO_VERSION = 255;

export class FaultEffects {
  active = false;
  failures: FailureEffect[] = [];
  service: ServiceEffect[] = [];
  writes: WriteEffect[] = [];
  /** multiplier on each version's conversion rate */
  readonly conversion: Float64Array;
  /**
   * The faults a 503 is charged to while capacity is short (−1: none): one that hits every version
   * (a traffic spike, a lost zone), and per version one that slows or breaks its instances
   * (latency, cold start, crash loop).
   */
  capacityFault = -1;
  readonly capacityByVersion: Int32Array;
  /** per version: the crash-loop fault now hitting its new instances (−1: none) */
  readonly crashLoop: Int32Array;
  /** per user: the version their previous request went to (kept only if a mixed-version fault exists) */
  readonly lastVersion: Uint8Array;

  constructor(versions: number, users: number, trackVersions: boolean) {
    this.conversion = new Float64Array(versions).fill(1);
    this.capacityByVersion = new Int32Array(versions).fill(-1);
    this.crashLoop = new Int32Array(versions).fill(-1);
    this.lastVersion = new Uint8Array(trackVersions ? users : 0).fill(NO_VERSION);
  }

  /**
   * Rebuilds every table from the effects of the faults active now, in the order they started (the
   * order failure draws are rescaled in; a later capacity or crash-loop fault takes the 503s).
   */
  rebuild(active: readonly { fault: number; effects: readonly Effect[] }[]): void {
    this.failures = [];
    this.service = [];
    this.writes = [];
    this.conversion.fill(1);
    this.capacityFault = -1;
    this.capacityByVersion.fill(-1);
    this.crashLoop.fill(-1);
    for (const { fault, effects } of active) for (const e of effects) this.add(fault, e);
    this.refresh();
  }

  private add(fault: number, e: Effect): void {
    switch (e.type) {
      case 'failure':
        this.failures.push({ fault, version: e.version, rate: e.rate, match: e.match, per: e.per, mixed: e.mixed });
        return;
      case 'service':
        this.service.push({ fault, version: e.version, factor: e.factor, add: e.add, aboveUtilisation: e.aboveUtilisation, per: e.per, warmup: e.warmup });
        return;
      case 'writes':
        this.writes.push({ fault, version: e.version, rate: e.rate, writes: e.writes });
        return;
      case 'conversion':
        this.conversion[e.version] *= e.factor;
        return;
      case 'capacity':
        if (e.version < 0) this.capacityFault = fault;
        else this.capacityByVersion[e.version] = fault;
        return;
      case 'crashLoop':
        this.crashLoop[e.version] = fault;
        return;
      case 'loseInstances': // an event at the start, not a lasting effect
        return;
    }
  }

  refresh(): void {
    this.active =
      this.failures.length > 0 ||
      this.service.length > 0 ||
      this.writes.length > 0 ||
      this.capacityFault >= 0 ||
      this.capacityByVersion.some((f) => f >= 0) ||
      this.conversion.some((c) => c !== 1);
  }

  /**
   * Which fault fails this request, if any (−1: none). `u` is the request's failure draw, already
   * known not to fail on the version's own error rate `base`; it is rescaled for each fault in turn,
   * so every run maps the same draw to the same outcome.
   */
  failureCause(v: number, user: number, uptime: number, now: number, u: number, base: number, users: Users): number {
    let w = (u - base) / (1 - base);
    const previous = this.lastVersion.length > 0 ? this.lastVersion[user] : NO_VERSION;
    for (const e of this.failures) {
      if (e.version >= 0 && e.version !== v) continue;
      if (e.match && !matches(e.match, users, user, now)) continue;
      if (e.mixed && (previous === NO_VERSION || previous === v)) continue;
      const rate = e.per > 0 ? Math.min(1, (e.rate * uptime) / e.per) : e.rate;
      if (w < rate) return e.fault;
      w = (w - rate) / (1 - rate);
    }
    return -1;
  }

  /** Service time after latency faults, leaks and cold starts. */
  serviceTime(v: number, base: number, uptime: number, utilisation: number): number {
    let t = base;
    for (const e of this.service) {
      if (e.version >= 0 && e.version !== v) continue;
      if (utilisation < e.aboveUtilisation) continue;
      if (e.per > 0) t *= Math.pow(e.factor, uptime / e.per);
      else if (e.warmup > 0) t *= uptime < e.warmup ? e.factor - ((e.factor - 1) * uptime) / e.warmup : 1;
      else t = t * e.factor + e.add;
    }
    return t;
  }
}
