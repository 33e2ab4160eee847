// What the learner changed in a run's flag, kept apart from what the plan set, so that each can be
// re-applied over the other. The plan (an automated rollout, like a progressive rollout in a flag
// service) owns the percentage: its next step sets its own share over a hand-set one, and says so.
// The targeting rules are the learner's to edit: the plan's steps only move the percentage, so a
// rule added or removed by hand stays through them (added rules come first: first match wins, and
// the learner's rule is meant to win). The kill switch clears both.
import type { FlagRuleOptions } from '../../patterns/options';
import { sameRule } from './flagRule';

export interface RuleEdit {
  change: 'add' | 'remove';
  rule: FlagRuleOptions;
}

export class HandFlag {
  /** the rules the plan set last (the scenario's own `rules:`) */
  planRules: FlagRuleOptions[] = [];
  /** a share set by hand that the plan has not overwritten yet */
  share: number | null = null;
  edits: RuleEdit[] = [];

  /** The plan's rules with the learner's edits applied, in order. */
  rules(): FlagRuleOptions[] {
    let rules = this.planRules;
    for (const edit of this.edits) rules = applyEdit(rules, edit) ?? rules;
    return rules;
  }

  /** Records an edit; false when it removes a rule the flag does not have (nothing changes). */
  edit(edit: RuleEdit): boolean {
    if (applyEdit(this.rules(), edit) === null) return false;
    this.edits.push(edit);
    return true;
  }

  clear(): void {
    this.planRules = [];
    this.share = null;
    this.edits = [];
  }
}

/** The rules after one edit, or null when a removal finds no such rule. */
function applyEdit(rules: FlagRuleOptions[], { change, rule }: RuleEdit): FlagRuleOptions[] | null {
  if (change === 'add') return [rule, ...rules];
  const at = rules.findIndex((r) => sameRule(r, rule));
  return at < 0 ? null : [...rules.slice(0, at), ...rules.slice(at + 1)];
}
