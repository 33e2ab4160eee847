// The user population: one row per user in typed arrays, drawn once from the "users" stream so that
// every compared run sees the same people.
import type { UsersSpec } from './spec';
import { createStream } from '../random/streams';

export const INTERNAL = 1;
export const BETA = 2;

const DAY = 86400;

export class Users {
  readonly count: number;
  readonly regionNames: string[];
  readonly platformNames: string[];
  readonly region: Uint8Array;
  readonly platform: Uint8Array;
  /** bit flags: INTERNAL, BETA */
  readonly flags: Uint8Array;
  /** registration time in seconds relative to the start of the run (≤ 0) */
  readonly registeredAt: Float64Array;
  /** a fixed uniform draw per user: the basis of sticky percentage rollouts */
  readonly stickyDraw: Float64Array;

  constructor(spec: UsersSpec, seed: number) {
    const n = spec.count;
    this.count = n;
    this.regionNames = Object.keys(spec.regions);
    this.platformNames = Object.keys(spec.platforms);
    this.region = new Uint8Array(n);
    this.platform = new Uint8Array(n);
    this.flags = new Uint8Array(n);
    this.registeredAt = new Float64Array(n);
    this.stickyDraw = new Float64Array(n);
    const regionCdf = cumulative(Object.values(spec.regions));
    const platformCdf = cumulative(Object.values(spec.platforms));
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
