// assignment-loss: a share of the users routed to a version are never logged as exposed (a
// tracking call the new page drops, a redirect that loses them, a filter that hits one arm). They
// are served as usual; an experiment simply never counts them, so its split looks broken and its
// sample-ratio-mismatch guard should halt it. Without an experiment it changes nothing.
import type { Effect, FaultTarget } from '../effect';

export interface AssignmentLossFault {
  kind: 'assignment-loss';
  version: string;
  share: number;
}

export const assignmentLossEffects = (f: AssignmentLossFault, at: FaultTarget): Effect[] => [
  { type: 'assignmentLoss', version: at.version(f.version), share: f.share },
];

/**
 * A fixed uniform number in [0, 1) per user, independent of every drawn attribute (the arm comes
 * from the user's sticky draw): the same users are lost at every look, as a real logging bug
 * loses the same clients. murmur3's 32-bit finaliser mixes the index.
 */
export function userLossDraw(user: number): number {
  let h = (user + 0x9e3779b9) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}
