// mixed-version: the two versions disagree (a schema, a session format); a user whose previous
// request went to the other version fails with probability `rate`.
import { type Effect, failure } from '../effect';

export interface MixedVersionFault {
  kind: 'mixed-version';
  rate: number;
}

export const mixedVersionEffects = (f: MixedVersionFault): Effect[] => [failure(-1, f.rate, { mixed: true })];
