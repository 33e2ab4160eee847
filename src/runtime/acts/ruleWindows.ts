// A rule's calendar window (after / before) needs no configuration change: every instance reads it
// against the clock. So that the learner still sees it happen, the log says when a window of the
// plan's rules opens and closes, if the flag still has that rule then (the kill switch clears it).
import { clock } from '../../patterns/decisions';
import type { FlagRuleOptions } from '../../patterns/options';
import type { Platform } from '../platform';
import { ruleWords } from './flagRule';

export function announceRuleWindows(platform: Platform, rules: FlagRuleOptions[]): void {
  for (const rule of rules) {
    const edges = [
      { t: rule.after, what: 'opens: the rule applies from now' },
      { t: rule.before, what: 'closes: the rule no longer applies' },
    ];
    for (const { t, what } of edges) {
      if (t === undefined) continue;
      platform.world.engine.schedule(t, () => {
        const held = platform.flag?.config.rules.some((r) => r.after === (rule.after ?? -Infinity) && r.before === (rule.before ?? Infinity) && r.serve === (rule.serve === 'on'));
        if (!held) return;
        platform.decide({ t, from: '', to: '', reason: 'rule window', text: `${clock(t)} ${platform.label} flag rule "${ruleWords(rule)}" window ${what}` });
      });
    }
  }
}
