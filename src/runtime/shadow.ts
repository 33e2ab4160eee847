// "A shadow at the playhead": beside the session it streams (which races ahead to the end), the
// worker keeps a second session with the same acts that advances only to a little behind the page's
// playhead, keeping its slices (they are the prefix the page already shows). An act at the
// playhead then joins the shadow live, instead of the whole story being re-simulated from time 0:
// the shadow becomes the streamed session, its kept slices the new stream's prefix. That changes
// nothing in the run (ScenarioSession.addLive: the same records and slices as from time 0).
// The shadow is built in small chunks (a piece of its set-up, or about SHADOW_CHUNK_MS of computing
// a slice) so that the worker, which yields between chunks, hears a newer request at once. Its
// slices stay long (up to SHADOW_SLICE_SECONDS): they are handed to the page in one message when an
// act joins, and a few long slices cost it far less than hundreds of short ones.
import type { Act } from './acts/act';
import { actsAdded } from './acts/toRun';
import type { ScenarioSession } from './session';
import type { StreamSlice } from './stream';

/** The computing time one chunk of the shadow aims at: well under the ~30 ms a request may wait. */
export const SHADOW_CHUNK_MS = 10;
/** The longest slice the shadow keeps, in simulated seconds. */
export const SHADOW_SLICE_SECONDS = 60;
/**
 * While the playhead moves, the shadow takes at most this share of the worker's time. Following a
 * playhead at 600× with nine runs took the worker 87% of a core once the stream had ended, on a
 * machine of two cores that the page's drawing and the browser's compositor share: the page's
 * frames came 30 a second. It catches up at full pace once the playhead stands still, where acts
 * are mostly given; an act while it lags joins it all the same (the new stream computes the rest).
 */
export const SHADOW_SHARE_WHILE_PLAYING = 0.1;

/** How long to rest after a chunk of `spentMs`: none while the playhead stands still, enough to keep to the share while it moves. */
export function restAfterChunk(spentMs: number, playheadMoving: boolean): number {
  return playheadMoving ? (spentMs * (1 - SHADOW_SHARE_WHILE_PLAYING)) / SHADOW_SHARE_WHILE_PLAYING : 0;
}

export class Shadow {
  /** every slice so far, from time 0 */
  readonly slices: StreamSlice[] = [];
  /** null while it is still being set up */
  private session: ScenarioSession | null = null;
  /** the slice being computed, and where it ends */
  private inFlight: { slice: Generator<void, StreamSlice, void>; until: number } | null = null;

  constructor(
    /** the session's set-up, one piece per step (ScenarioSession.stepwise) */
    private readonly setUp: Generator<void, ScenarioSession, void>,
    /** the acts it was built with (checked, in story order) */
    readonly acts: Act[],
    /** a clock in ms (the worker's performance.now), for pacing only: what the shadow computes never depends on it */
    private readonly clock: () => number,
  ) {}

  /** Simulated time the shadow has reached or is computing toward (0 while it is being set up). */
  get now(): number {
    return this.inFlight?.until ?? this.session?.now ?? 0;
  }

  /** Does one chunk of work toward `target`; false when there already (nothing done). */
  step(target: number): boolean {
    if (this.session === null) {
      const next = this.setUp.next();
      if (next.done) this.session = next.value;
      return true;
    }
    const { session } = this;
    if (!this.inFlight) {
      if (session.done || session.now >= target) return false;
      const until = Math.min(target, session.now + SHADOW_SLICE_SECONDS);
      this.inFlight = { slice: session.advancing(until), until };
    }
    const stop = this.clock() + SHADOW_CHUNK_MS;
    while (this.clock() < stop) if (this.land()) break;
    return true;
  }

  /** Computes a piece of the slice in flight; true when that finished it (it is kept). */
  private land(): boolean {
    const next = this.inFlight!.slice.next();
    if (!next.done) return false;
    this.slices.push(next.value);
    this.inFlight = null;
    return true;
  }

  /**
   * The session with `acts` (this story told further) joined live, or null when they cannot join
   * it (the shadow still being set up, an act undone or changed, one behind the shadow, a fault
   * that shapes the run from its start). The shadow is spent either way when it returns a session.
   */
  join(acts: Act[], labels: string[]): ScenarioSession | null {
    const { session } = this;
    if (session === null) return null;
    // a slice in flight ends before the playhead, where acts come: finish it first
    while (this.inFlight && !this.land());
    const more = actsAdded(this.acts, acts, labels);
    if (more === null || session.cannotAddLive(more) !== null) return null;
    session.addLive(more);
    return session;
  }
}

/**
 * Keeps doing `work` one chunk at a time, pausing after each chunk (where a worker hears its
 * messages) and waiting for `idle` to resolve when there is nothing to do, until `cancelled`.
 */
export async function keepUp(work: () => boolean, loop: { pause: () => Promise<void>; idle: () => Promise<void>; cancelled: () => boolean }): Promise<void> {
  while (!loop.cancelled()) await (work() ? loop.pause() : loop.idle());
}
