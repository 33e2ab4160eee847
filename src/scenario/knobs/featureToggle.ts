// Feature toggle: the new build everywhere, its code behind a flag. Rules first (first match wins),
// then a sticky share of the remaining users; a flag change takes propagationDelay to reach every instance.
// The share moves by a plan of steps, or by scheduled changes at set times (not both).
import { z } from 'zod';
import { closed } from '../closed';
import { duration, name } from '../fields';
import { formatDuration } from '../units';
import { analysis } from './analysis';
import { knobs, rule } from './rules';
import { steps } from './steps';
import { userMatch } from './userMatch';
import { flagSchedule } from './flagSchedule';

const flagRule = closed(
  {
    when: userMatch('The users this rule applies to. Left out (with after or before): every user.').optional(),
    serve: z.enum(['on', 'off']).describe('on: these users get the new code; off: they keep the old.'),
    after: duration("The rule applies only after this simulated time (Unleash's DATE_AFTER constraint on currentTime); before it, the rule is skipped.").optional(),
    before: duration("The rule applies only before this simulated time (Unleash's DATE_BEFORE constraint on currentTime); from then on, the rule is skipped.").optional(),
  },
  'A targeting rule; rules are read in order and the first match wins. after/before make it a calendar window, read by every instance on the simulated clock (no propagation delay).',
).check(
  rule((r, report) => {
    if (r.when === undefined && r.after === undefined && r.before === undefined) report('a rule needs when (the users it applies to), after or before (its time window); with none it would apply to every user at all times, which is what the share is for');
    if (r.after !== undefined && r.before !== undefined && r.before <= r.after) {
      report(`must be later than after (${formatDuration(r.after)}), got ${formatDuration(r.before)}; the window would never open`, ['before']);
    }
  }),
).transform((r) => ({ ...r, when: r.when ?? {} })); // no `when`: the window applies to every user

export const featureToggleKnobs = knobs(
  {
    flag: name('The flag key. Default new-feature.').prefault('new-feature'),
    steps: steps('rollout', 'Share of users (sticky) with the flag on.', 'The rollout plan for users no rule matches. Default: rollout 10%, pause 5m, rollout 50%, pause 5m (none with a schedule).').optional(),
    schedule: flagSchedule.optional(),
    rules: z.array(flagRule).describe('Targeting rules, evaluated before the percentage. Default: none.').prefault([]),
    propagationDelay: duration('How long a flag change takes to reach every instance. Default 30s.').prefault('30s'),
    analysis: analysis('Background analysis of the users with the flag on; a failure turns the flag off (kill switch). Default: none.').optional(),
    postPromotionAnalysis: analysis('Analysis once the flag is on for everyone; the flag is still a kill switch, so a failure turns it off, with no redeploy. Default: none.').optional(),
  },
  (options, report) => {
    if (options.steps !== undefined && options.schedule !== undefined) report('give either steps or schedule, not both; a schedule is the rollout plan of its own', ['schedule']);
  },
);
