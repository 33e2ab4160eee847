// What a fault does to the world, as data: each fault kind maps a fault to a list of these (see
// kinds/), and the world's effect tables are rebuilt from the effects of the faults active now.
import type { UserMatch, UserMatchSpec } from '../userMatch';

export type Effect =
  /** requests of `version` (−1: every version) fail with probability `rate` */
  | {
      type: 'failure';
      version: number;
      rate: number;
      /** segment faults: only users matching this */
      match: UserMatch | null;
      /** memory leaks: the rate grows by `rate` per `per` seconds of instance uptime (0: constant) */
      per: number;
      /** mixed-version faults: only users whose previous request went to another version */
      mixed: boolean;
    }
  /** service times of `version` (−1: every version) are stretched */
  | {
      type: 'service';
      version: number;
      factor: number;
      add: number;
      /** only while the instance's busy share of slots is at least this */
      aboveUtilisation: number;
      /** memory leaks: factor^(uptime / per); cold starts: slow for the first `warmup` seconds */
      per: number;
      warmup: number;
    }
  /** a share `writes` of requests are writes, and `rate` of those on `version` are corrupted */
  | { type: 'writes'; version: number; rate: number; writes: number }
  /** `version`'s conversion rate is multiplied by `factor` */
  | { type: 'conversion'; version: number; factor: number }
  /** experiments never log a share `share` of the users routed to `version` as exposed */
  | { type: 'assignmentLoss'; version: number; share: number }
  /** 503s are charged to this fault: those of `version`'s instances, or of every version (−1) */
  | { type: 'capacity'; version: number }
  /** new instances of `version` crash (the kind's `after` says when) */
  | { type: 'crashLoop'; version: number }
  /** once, when the fault starts: instances die (`count` of them, or every one in `zone`) */
  | { type: 'loseInstances'; count: number | null; zone: string | null; instance: number | null; version: number };

/** How a fault's names become the world's indices: versions, and user matches compiled. */
export interface FaultTarget {
  /** the index of a version by name; −1 for null (every version) */
  version(name: string | null): number;
  match(spec: UserMatchSpec): UserMatch;
}

/** A failure effect with its usual defaults. */
export function failure(version: number, rate: number, extra: Partial<Extract<Effect, { type: 'failure' }>> = {}): Effect {
  return { type: 'failure', version, rate, match: null, per: 0, mixed: false, ...extra };
}

/** A service-time effect with its usual defaults. */
export function service(version: number, extra: Partial<Extract<Effect, { type: 'service' }>>): Effect {
  return { type: 'service', version, factor: 1, add: 0, aboveUtilisation: 0, per: 0, warmup: 0, ...extra };
}
