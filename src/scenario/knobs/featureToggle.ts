// Feature toggle: the new build everywhere, its code behind a flag. Rules first (first match wins),
// then a sticky share of the remaining users; a flag change takes propagationDelay to reach every instance.
import { z } from 'zod';
import { closed } from '../closed';
import { duration, name } from '../fields';
import { analysis } from './analysis';
import { knobs } from './rules';
import { steps } from './steps';
import { userMatch } from './userMatch';

const flagRule = closed(
  {
    when: userMatch('The users this rule applies to.'),
    serve: z.enum(['on', 'off']).describe('on: these users get the new code; off: they keep the old.'),
  },
  'A targeting rule; rules are read in order and the first match wins.',
);

export const featureToggleKnobs = knobs({
  flag: name('The flag key. Default new-feature.').prefault('new-feature'),
  steps: steps('rollout', 'Share of users (sticky) with the flag on.', 'The rollout plan for users no rule matches. Default: rollout 10%, pause 5m, rollout 50%, pause 5m.').prefault([
    { rollout: '10%' },
    { pause: '5m' },
    { rollout: '50%' },
    { pause: '5m' },
  ]),
  rules: z.array(flagRule).describe('Targeting rules, evaluated before the percentage. Default: none.').prefault([]),
  propagationDelay: duration('How long a flag change takes to reach every instance. Default 30s.').prefault('30s'),
  analysis: analysis('Background analysis of the users with the flag on; a failure turns the flag off (kill switch). Default: none.').optional(),
});
