// A flag that follows scheduled changes (LaunchDarkly's scheduled flag changes): what it serves
// before the first change, what each change makes of it, and the sentence the log reads.
import type { FlagChange } from './options';

/** The flag as the schedule leaves it: on or off, and the share of the users no rule matches. */
export interface FlagState {
  on: boolean;
  share: number;
}

/**
 * Before its first change the flag is the opposite of the first `on:` (a flag scheduled to turn on
 * is off until then; on when no change turns it either way), and serves 0% of the users no rule
 * matches when a change sets the share later (it ramps from nothing), else 100%.
 */
export function initialFlagState(schedule: FlagChange[]): FlagState {
  const firstOn = schedule.find((c) => c.on !== undefined)?.on;
  return { on: firstOn === undefined ? true : !firstOn, share: schedule.some((c) => c.rollout !== undefined) ? 0 : 1 };
}

export function applyChange(state: FlagState, change: FlagChange): FlagState {
  return { on: change.on ?? state.on, share: change.rollout ?? state.share };
}

const percent = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** "on for 50% of the users no rule matches", "off for everyone (rules and 50% kept)" */
export function flagStateWords({ on, share }: FlagState, hasRules: boolean): string {
  const rest = hasRules ? 'of the users no rule matches' : 'of users';
  return on ? `on for ${percent(share)} ${rest}` : `off for everyone (its ${percent(share)}${hasRules ? ' and rules' : ''} kept for later)`;
}

/** What a change did, e.g. "turned the flag on", "set the share from 10% to 50%". */
export function changeWords(before: FlagState, change: FlagChange): string {
  const parts: string[] = [];
  if (change.on !== undefined) parts.push(change.on === before.on ? `kept the flag ${change.on ? 'on' : 'off'}` : `turned the flag ${change.on ? 'on' : 'off'}`);
  if (change.rollout !== undefined) parts.push(`set the share from ${percent(before.share)} to ${percent(change.rollout)}`);
  return parts.join(' and ');
}
