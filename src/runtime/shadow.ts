// "A shadow at the playhead": beside the session it streams (which races ahead to the end), the
// worker keeps a second session with the same acts that advances only to a little behind the page's
// playhead, keeping its slices (they are the prefix the page already shows). An act at the
// playhead then joins the shadow live, instead of the whole story being re-simulated from time 0:
// the shadow becomes the streamed session, its kept slices the new stream's prefix. That changes
// nothing in the run (ScenarioSession.addLive: the same records and slices as from time 0).
import type { Act } from './acts/act';
import { actsAdded } from './acts/toRun';
import type { ScenarioSession } from './session';
import type { StreamSlice } from './stream';

export class Shadow {
  /** every slice so far, from time 0 */
  readonly slices: StreamSlice[] = [];

  constructor(
    readonly session: ScenarioSession,
    /** the acts it was built with (checked, in story order) */
    readonly acts: Act[],
  ) {}

  /** Advances at most `span` simulated seconds toward `target`; false when there already. */
  step(target: number, span: number): boolean {
    const { session } = this;
    if (session.done || session.now >= target) return false;
    this.slices.push(session.advance(Math.min(target, session.now + span)));
    return true;
  }

  /**
   * The session with `acts` (this story told further) joined live, or null when they cannot join
   * it (an act undone or changed, one behind the shadow, a fault that shapes the run from its start).
   * The shadow is spent either way when it returns a session.
   */
  join(acts: Act[], labels: string[]): ScenarioSession | null {
    const more = actsAdded(this.acts, acts, labels);
    if (more === null || this.session.cannotAddLive(more) !== null) return null;
    this.session.addLive(more);
    return this.session;
  }
}
