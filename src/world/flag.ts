// A feature flag as a remote-config service serves it: rules first (first match wins), then a sticky
// percentage of the remaining users. A change reaches instances gradually over `propagationDelay`
// (SDKs poll or stream), so for a while some instances still evaluate the previous configuration.
// A rule's calendar window is read by each instance against the clock, so it needs no propagation.
import type { Users } from './users';
import { matches, type UserMatch } from './userMatch';

export interface FlagRule {
  match: UserMatch;
  serve: boolean;
  /** a calendar window on the simulated clock (Unleash's DATE_AFTER / DATE_BEFORE on currentTime), both ends excluded; ±Infinity: open */
  after: number;
  before: number;
}

export interface FlagConfig {
  /** share of users (by their sticky draw) who get the feature when no rule matches */
  rollout: number;
  rules: FlagRule[];
}

const OFF: FlagConfig = { rollout: 0, rules: [] };
const GOLDEN = 0.6180339887498949;

/** When, as a share of the propagation delay, instance i picks a change up (0 = first, 1 = last). */
export const pickupPhase = (instance: number): number => (instance * GOLDEN) % 1;

export class Flag {
  private current: FlagConfig = OFF;
  private previous: FlagConfig = OFF;
  private changedAt = -Infinity;

  constructor(
    private readonly users: Users,
    readonly propagationDelay: number,
  ) {}

  set(config: FlagConfig, now: number): void {
    this.previous = this.configAt(now, 1); // what the slowest instance serves right now
    this.current = config;
    this.changedAt = now;
  }

  /** The configuration last set (instances may still be picking it up). */
  get config(): FlagConfig {
    return this.current;
  }

  /** When every instance will serve the configuration last set. */
  fullyPropagatedAt(): number {
    return this.changedAt + this.propagationDelay;
  }

  /** Is the feature on for user u, on instance i, at time now? */
  isOn(u: number, instance: number, now: number): boolean {
    const config = this.configAt(now, pickupPhase(instance));
    for (const rule of config.rules) if (now > rule.after && now < rule.before && matches(rule.match, this.users, u, now)) return rule.serve;
    return this.users.stickyDraw[u] < config.rollout;
  }

  /** Instances pick a change up at a fixed phase of the propagation delay each (0 = first, 1 = last). */
  private configAt(now: number, phase: number): FlagConfig {
    return now >= this.changedAt + this.propagationDelay * phase ? this.current : this.previous;
  }
}
