// A flag's scheduled changes (LaunchDarkly's scheduled flag changes, Unleash's scheduled change
// requests): at a simulated time, turn the flag on or off, or set the share of the users no rule
// matches. The list is the flag's rollout plan, in time order.
import { z } from 'zod';
import type { FlagChange } from '../../patterns/options';
import { closed } from '../closed';
import { duration } from '../fields';
import { formatDuration } from '../units';
import { weight } from './fields';
import { rule } from './rules';

const change = closed(
  {
    at: duration('When the change is made, on the simulated clock from the start of the run.'),
    on: z.boolean().describe('true: turn the flag on (its rules and share apply); false: turn it off (everyone keeps the old code; rules and share are kept for later).').optional(),
    rollout: weight('Set the share of users (sticky) with the flag on, among those no rule matches.').optional(),
  },
  'One scheduled change: at, and on, rollout or both.',
).check(
  rule<FlagChange>((c, report) => {
    if (c.on === undefined && c.rollout === undefined) report('a scheduled change needs on (true or false), rollout (a percentage) or both');
  }),
);

export const flagSchedule = z
  .array(change)
  .min(1)
  .check(
    rule<FlagChange[]>((changes, report) => {
      changes.forEach((c, i) => {
        if (i > 0 && c.at < changes[i - 1].at) report(`must not be earlier than the change before it (${formatDuration(changes[i - 1].at)}), got ${formatDuration(c.at)}; list the changes in time order`, [i, 'at']);
      });
    }),
  )
  .describe(
    'Scheduled changes instead of steps (LaunchDarkly scheduled flag changes), in time order. Before the first change the flag is the opposite of the first on: given (on when none is), and serves 0% of the users no rule matches if a change sets rollout later, else 100%. After the last change the flag stays as it is: promoted when it is on for 100%, else paused.',
  );
