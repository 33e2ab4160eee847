// A user match (`when:` of a flag rule, `match:` of a traffic-split stage): every listed attribute
// must hold. Region and platform names are checked against `users` in references.ts, because the
// users section may be left to its defaults.
import { z } from 'zod';
import type { UserMatchSpec } from '../../world/userMatch';
import { closed } from '../closed';
import { duration } from '../fields';
import { describeValue, whenPresent } from '../messages';
import { formatDuration } from '../units';
import { rule } from './rules';

function names(what: string, section: string) {
  return z
    .union([z.string().min(1), z.array(z.string().min(1)).min(1)], {
      error: whenPresent((input) => `expected a ${what} name or a list of them, got ${describeValue(input)}`),
    })
    .describe(`Users in this ${what} (a name from users.${section}), or in any of a list of them.`)
    .optional();
}

const registeredFor = closed(
  {
    atLeast: duration('Users whose account is at least this old (on the simulated clock).').optional(),
    atMost: duration('Users whose account is at most this old (on the simulated clock).').optional(),
  },
  'Account age at the time of the request; give atLeast, atMost or both.',
).check(
  rule((age, report) => {
    if (age.atLeast === undefined && age.atMost === undefined) report('give atLeast, atMost or both');
    else if (age.atLeast !== undefined && age.atMost !== undefined && age.atMost < age.atLeast) {
      report(`must be at least atLeast (${formatDuration(age.atLeast)}), got ${formatDuration(age.atMost)}`, ['atMost']);
    }
  }),
);

const ATTRIBUTES = ['region', 'platform', 'internal', 'beta', 'registeredFor'] as const;

/** A user match → `UserMatchSpec` (names kept as written: one name or a list). */
export function userMatch(description: string) {
  return closed(
    {
      region: names('region', 'regions'),
      platform: names('platform', 'platforms'),
      internal: z.boolean().describe('true: employees only; false: everyone but employees.').optional(),
      beta: z.boolean().describe('true: users who opted into beta only; false: the others.').optional(),
      registeredFor: registeredFor.optional(),
    },
    `${description} Every attribute given must hold.`,
  ).check(
    rule<UserMatchSpec>((m, report) => {
      if (ATTRIBUTES.every((a) => m[a] === undefined)) report(`an empty match selects every user; give at least one of region, platform, internal, beta or registeredFor`);
    }),
  );
}
