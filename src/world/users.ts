// The user population: one row per user in typed arrays, drawn once from the "users" stream so that
// every compared run sees the same people. Regions and platforms are taken in sorted name order, so
// the population (and every figure) is the same whatever order the file lists them in.
import { createStream } from '../random/streams';

/** The population a world is built from (part of its spec). */
export interface UsersSpec {
  count: number;
  /** region name → share; shares sum to 1 */
  regions: Record<string, number>;
  /** platform name → share; shares sum to 1 */
  platforms: Record<string, number>;
  /** share of users who are employees */
  internal: number;
  /** share of users who opted into beta */
  beta: number;
  /** share of users who registered within the day before the run starts */
  newUsers: number;
  /** the oldest account age, for the rest of the users (registration spread uniformly) */
  maxAccountAge: number;
}

export const INTERNAL = 1;
export const BETA = 2;

const DAY = 86400;

export class Users {
  readonly count: number;
  readonly regionNames: string[];
  readonly platformNames: string[];
  /** index into regionNames (16 bits: a map holds at most LIMITS.keysPerMap names) */
  readonly region: Uint16Array;
  readonly platform: Uint16Array;
  /** bit flags: INTERNAL, BETA */
  readonly flags: Uint8Array;
  /** registration time in seconds relative to the start of the run (≤ 0) */
  readonly registeredAt: Float64Array;
  /** a fixed uniform draw per user: the basis of sticky percentage rollouts */
  readonly stickyDraw: Float64Array;

  constructor(spec: UsersSpec, seed: number) {
    const n = spec.count;
    this.count = n;
    this.regionNames = Object.keys(spec.regions).sort();
    this.platformNames = Object.keys(spec.platforms).sort();
    this.region = new Uint16Array(n);
    this.platform = new Uint16Array(n);
    this.flags = new Uint8Array(n);
    this.registeredAt = new Float64Array(n);
    this.stickyDraw = new Float64Array(n);
    const regionCdf = cumulative(this.regionNames.map((name) => spec.regions[name]));
    const platformCdf = cumulative(this.platformNames.map((name) => spec.platforms[name]));
    const rand = createStream(seed, 'users');
    for (let i = 0; i < n; i++) {
      // A fixed number of draws per user, in a fixed order, keeps the population reproducible.
      this.region[i] = pick(regionCdf, rand());
      this.platform[i] = pick(platformCdf, rand());
      this.flags[i] = (rand() < spec.internal ? INTERNAL : 0) | (rand() < spec.beta ? BETA : 0);
      const isNew = rand() < spec.newUsers;
      const age = isNew ? rand() * DAY : DAY + rand() * Math.max(0, spec.maxAccountAge - DAY);
      this.registeredAt[i] = -age;
      this.stickyDraw[i] = rand();
    }
  }
}

function cumulative(shares: number[]): Float64Array {
  const cdf = new Float64Array(shares.length);
  let acc = 0;
  shares.forEach((s, i) => (cdf[i] = acc += s));
  return cdf;
}

function pick(cdf: Float64Array, u: number): number {
  const total = cdf[cdf.length - 1];
  for (let i = 0; i < cdf.length - 1; i++) if (u * total < cdf[i]) return i;
  return cdf.length - 1;
}
