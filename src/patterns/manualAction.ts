// A scripted or clicked human act, as the runtime schedules it: the scenario's `manual:` entries and
// the page's buttons both become these.
import type { FlagRuleOptions } from './options';

/** A human at the console: promote, pause, resume or abort at simulated time t; or flip a feature flag. */
export interface ManualAction {
  /** simulated seconds */
  t: number;
  /** FLAG_SET: the flag console sets the flag's rollout share (remote configuration, no redeploy) */
  event: 'PROMOTE' | 'PAUSE' | 'RESUME' | 'ABORT' | 'FLAG_ON' | 'FLAG_OFF' | 'FLAG_SET' | 'FLAG_RULE';
  /** the run (by label) it applies to; all runs when absent */
  label?: string;
  /** FLAG_SET only: the share of users (0 to 1) who get the feature when no rule matches */
  rollout?: number;
  /** FLAG_RULE only: a targeting rule added to the flag or taken off it */
  rule?: { change: 'add' | 'remove'; rule: FlagRuleOptions };
}
