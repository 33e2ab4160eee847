// bad-writes: silent data corruption; `rate` of the version's writes are corrupted (and mirroring
// duplicates writes). No request fails.
import type { Effect, FaultTarget } from '../effect';

export interface BadWritesFault {
  kind: 'bad-writes';
  version: string;
  rate: number;
  writes: number;
}

export const badWritesEffects = (f: BadWritesFault, at: FaultTarget): Effect[] => [
  { type: 'writes', version: at.version(f.version), rate: f.rate, writes: f.writes },
];
