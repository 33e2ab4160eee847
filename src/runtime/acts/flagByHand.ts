// The flag console applied to a run, as remote configuration (no redeploy): a new percentage, or a
// targeting rule added or removed. The change reaches instances over the flag's propagation delay.
// The plan keeps running: its next step sets its own share over a hand-set one and the log says so
// (pause the plan to keep yours); rules edited by hand stay through its steps (see handFlag.ts).
import { clock } from '../../patterns/decisions';
import type { FlagRuleOptions } from '../../patterns/options';
import type { FlagRule } from '../../world/flag';
import type { Platform } from '../platform';
import { ruleWords } from './flagRule';

const percent = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** The rules as the world evaluates them; a rule without a window applies at every time. */
export function compiled(platform: Platform, rules: FlagRuleOptions[]): FlagRule[] {
  return rules.map((r) => ({ match: platform.compileMatch(r.when), serve: r.serve === 'on', after: r.after ?? -Infinity, before: r.before ?? Infinity }));
}

function say(platform: Platform, reason: string, text: string, evidence?: Record<string, number>): void {
  platform.decide({ t: platform.now, from: '', to: '', reason, text: `${clock(platform.now)} ${platform.label}${text}`, ...(evidence ? { evidence } : {}) });
}

export function setFlagByHand(platform: Platform, rollout: number): void {
  const { flag } = platform;
  if (!flag) return say(platform, 'manual flag', `: flag set to ${percent(rollout)} by hand, but this run has no feature flag: nothing changed`);
  const before = flag.config.rollout;
  platform.setFlag({ rollout, rules: flag.config.rules });
  platform.handFlag.share = rollout;
  say(platform, 'manual flag', ` flag set by hand from ${percent(before)} to ${percent(rollout)} of users; every instance has it by ${clock(flag.fullyPropagatedAt())}`, {
    before,
    rollout,
    propagationDelay: flag.propagationDelay,
  });
}

export function changeRuleByHand(platform: Platform, change: 'add' | 'remove', rule: FlagRuleOptions): void {
  const { flag, handFlag } = platform;
  const words = ruleWords(rule);
  if (!flag) return say(platform, 'manual flag rule', `: flag rule "${words}" ${change === 'add' ? 'added' : 'removed'} by hand, but this run has no feature flag: nothing changed`);
  if (!handFlag.edit({ change, rule })) return say(platform, 'manual flag rule', `: flag rule "${words}" removed by hand, but the flag has no such rule: nothing changed`);
  platform.setFlag({ rollout: flag.config.rollout, rules: compiled(platform, handFlag.rules()) });
  const what = change === 'add' ? `added by hand, ahead of the others` : 'removed by hand';
  say(platform, 'manual flag rule', ` flag rule "${words}" ${what}; every instance has it by ${clock(flag.fullyPropagatedAt())}`, { rules: handFlag.rules().length, propagationDelay: flag.propagationDelay });
}

/**
 * The plan's step sets the flag: its share, its rules with the learner's edits applied. A share set
 * by hand is overwritten, as a rollout controller reconciles its own desired state, and the log says
 * whose share the flag now has. `planCompiled`: the plan's rules compiled (used when nothing was edited).
 */
export function planSetsFlag(platform: Platform, rollout: number, planRules: FlagRuleOptions[], planCompiled: FlagRule[]): void {
  const { handFlag } = platform;
  handFlag.planRules = planRules;
  platform.setFlag({ rollout, rules: handFlag.edits.length === 0 ? planCompiled : compiled(platform, handFlag.rules()) });
  const mine = handFlag.share;
  handFlag.share = null;
  if (mine === null || mine === rollout) return;
  say(platform, 'plan over hand', `: the plan's step set the flag to ${percent(rollout)}, over your ${percent(mine)} (the plan owns the share; pause it to keep yours)`, { rollout, yours: mine });
}
