// A scripted or clicked human act, as the runtime schedules it: the scenario's `manual:` entries and
// the page's buttons both become these.

/** A human at the console: promote, pause, resume or abort at simulated time t; or flip a feature flag. */
export interface ManualAction {
  /** simulated seconds */
  t: number;
  event: 'PROMOTE' | 'PAUSE' | 'RESUME' | 'ABORT' | 'FLAG_ON' | 'FLAG_OFF';
  /** the run (by label) it applies to; all runs when absent */
  label?: string;
}
