// Predicates on user attributes ("region eu", "platform ios", "registered at least 1 day ago"),
// compiled to lookup tables and bit masks so that routing rules cost a few integer operations per
// request. Regions and platforms are open-ended lists of names, so they get a table with one entry
// per name rather than a bit each: a 32-bit mask would wrap at the 33rd name (1 << 32 === 1).
import { BETA, INTERNAL, type Users } from './users';

/** The scenario form of a match: every listed attribute must hold. */
export interface UserMatchSpec {
  region?: string | string[];
  platform?: string | string[];
  internal?: boolean;
  beta?: boolean;
  /** account age on the simulated clock, seconds */
  registeredFor?: { atLeast?: number; atMost?: number };
}

export interface UserMatch {
  /** 1 for each region index that matches; null: any region */
  regions: Uint8Array | null;
  /** 1 for each platform index that matches; null: any platform */
  platforms: Uint8Array | null;
  flagsMask: number;
  flagsValue: number;
  minAge: number;
  maxAge: number;
}

export function compileMatch(spec: UserMatchSpec, users: Users): UserMatch {
  const table = (names: string | string[] | undefined, known: string[], what: string) => {
    if (names === undefined) return null;
    const t = new Uint8Array(known.length);
    for (const n of Array.isArray(names) ? names : [names]) {
      const i = known.indexOf(n);
      if (i < 0) throw new Error(`unknown ${what} "${n}" (known: ${known.join(', ')})`);
      t[i] = 1;
    }
    return t;
  };
  let flagsMask = 0;
  let flagsValue = 0;
  if (spec.internal !== undefined) (flagsMask |= INTERNAL), (flagsValue |= spec.internal ? INTERNAL : 0);
  if (spec.beta !== undefined) (flagsMask |= BETA), (flagsValue |= spec.beta ? BETA : 0);
  return {
    regions: table(spec.region, users.regionNames, 'region'),
    platforms: table(spec.platform, users.platformNames, 'platform'),
    flagsMask,
    flagsValue,
    minAge: spec.registeredFor?.atLeast ?? -Infinity,
    maxAge: spec.registeredFor?.atMost ?? Infinity,
  };
}

/** Does user u match at simulated time now? Time rules read the account's age on the simulated clock. */
export function matches(m: UserMatch, users: Users, u: number, now: number): boolean {
  if (m.regions !== null && m.regions[users.region[u]] === 0) return false;
  if (m.platforms !== null && m.platforms[users.platform[u]] === 0) return false;
  if ((users.flags[u] & m.flagsMask) !== m.flagsValue) return false;
  const age = now - users.registeredAt[u];
  return age >= m.minAge && age <= m.maxAge;
}
