// What the polite live region says as the playback passes decisions. Screen readers queue every
// change of a live region, so a burst (three runs roll back in the same minute, or a jump to the end)
// must become one sentence, and sentences must come no faster than a listener can follow: at most
// one per `gapMs`, merging whatever arrived meanwhile.
import type { Decision } from '../runtime/types';
import { formatClock } from './playback';

export interface Announcer {
  /** sentences waiting to be said */
  pending: string[];
  /** when the region last changed (ms), -Infinity before the first time */
  lastAt: number;
}

export const ANNOUNCE_GAP_MS = 2000;
/** a merged announcement names this many decisions and counts the rest */
const MERGED = 3;

export const quietAnnouncer = (): Announcer => ({ pending: [], lastAt: -Infinity });

/** The sentence for one decision of one run. */
export function decisionSentence(label: string, d: Pick<Decision, 't' | 'text'>): string {
  return `${label}, ${formatClock(d.t)}: ${d.text}`;
}

/** The decisions the playhead passed going forward from `from` (exclusive) to `to` (inclusive), in time order. */
export function passedDecisions(runs: Array<{ label: string; decisions: Array<Pick<Decision, 't' | 'text'>> }>, from: number, to: number): string[] {
  if (to <= from) return [];
  return runs
    .flatMap((run) => run.decisions.filter((d) => d.t > from && d.t <= to).map((d) => ({ t: d.t, text: decisionSentence(run.label, d) })))
    .sort((a, b) => a.t - b.t)
    .map((d) => d.text);
}

/** One sentence for everything waiting: one decision as it is, several as a count and the first few. */
export function mergeSentences(pending: string[]): string {
  if (pending.length === 1) return pending[0];
  const named = pending.slice(0, MERGED).join(' — ');
  const rest = pending.length - MERGED;
  return `${pending.length} decisions. ${named}${rest > 0 ? ` — and ${rest} more, in the log` : ''}`;
}

/**
 * At `now` (ms): the sentence to put in the live region, if one is due, and the announcer after it;
 * `wait` is how long until the next one may be said when sentences are still pending.
 */
export function announce(state: Announcer, now: number, gapMs = ANNOUNCE_GAP_MS): { say: string | null; state: Announcer; wait: number | null } {
  if (state.pending.length === 0) return { say: null, state, wait: null };
  const wait = state.lastAt + gapMs - now;
  if (wait > 0) return { say: null, state, wait };
  return { say: mergeSentences(state.pending), state: { pending: [], lastAt: now }, wait: null };
}
