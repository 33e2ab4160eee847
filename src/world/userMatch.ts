// Predicates on user attributes ("region eu", "platform ios", "registered at least 1 day ago"),
// compiled to bit masks so that routing rules cost a few integer operations per request.
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
  regionMask: number; // 0: any region
  platformMask: number; // 0: any platform
  flagsMask: number;
  flagsValue: number;
  minAge: number;
  maxAge: number;
}

export function compileMatch(spec: UserMatchSpec, users: Users): UserMatch {
  const mask = (names: string | string[] | undefined, known: string[], what: string) => {
    if (names === undefined) return 0;
    let m = 0;
    for (const n of Array.isArray(names) ? names : [names]) {
      const i = known.indexOf(n);
      if (i < 0) throw new Error(`unknown ${what} "${n}" (known: ${known.join(', ')})`);
      m |= 1 << i;
    }
    return m;
  };
  let flagsMask = 0;
  let flagsValue = 0;
  if (spec.internal !== undefined) (flagsMask |= INTERNAL), (flagsValue |= spec.internal ? INTERNAL : 0);
  if (spec.beta !== undefined) (flagsMask |= BETA), (flagsValue |= spec.beta ? BETA : 0);
  return {
    regionMask: mask(spec.region, users.regionNames, 'region'),
    platformMask: mask(spec.platform, users.platformNames, 'platform'),
    flagsMask,
    flagsValue,
    minAge: spec.registeredFor?.atLeast ?? -Infinity,
    maxAge: spec.registeredFor?.atMost ?? Infinity,
  };
}

/** Does user u match at simulated time now? Time rules read the account's age on the simulated clock. */
export function matches(m: UserMatch, users: Users, u: number, now: number): boolean {
  if (m.regionMask !== 0 && !(m.regionMask & (1 << users.region[u]))) return false;
  if (m.platformMask !== 0 && !(m.platformMask & (1 << users.platform[u]))) return false;
  if ((users.flags[u] & m.flagsMask) !== m.flagsValue) return false;
  const age = now - users.registeredAt[u];
  return age >= m.minAge && age <= m.maxAge;
}
