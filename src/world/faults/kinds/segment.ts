// segment: a bug only some users hit (a platform, a region…): the version fails their requests.
import { type Effect, type FaultTarget, failure } from '../effect';
import type { UserMatchSpec } from '../../userMatch';

export interface SegmentFault {
  kind: 'segment';
  version: string;
  match: UserMatchSpec;
  rate: number;
}

export const segmentEffects = (f: SegmentFault, at: FaultTarget): Effect[] => [failure(at.version(f.version), f.rate, { match: at.match(f.match) })];
