// Traffic split: stages that send chosen users (by region, platform, …) or a share of all traffic
// to the new version, each held for a pause.
import { z } from 'zod';
import { closed } from '../closed';
import { analysis } from './analysis';
import { untilPromoted, weight } from './fields';
import { exactlyOne, knobs } from './rules';
import { userMatch } from './userMatch';

const stage = closed(
  {
    match: userMatch('Users sent to the new version in this stage.').optional(),
    weight: weight('Share of all traffic sent to the new version in this stage.').optional(),
    pause: untilPromoted('How long to hold this stage before the next. Default 0.').prefault(0),
  },
  'One stage: match (which users) or weight (a share of all traffic), then a pause.',
).check(exactlyOne(['match', 'weight'], 'a stage', 'a stage routes either chosen users or a share of all traffic'));

export const trafficSplitKnobs = knobs({
  stages: z.array(stage).min(1).describe('The stages, in order; the last usually sends everyone (weight: 100%).'),
  analysis: analysis('Background analysis while the stages run; a failure routes all traffic back at once. Default: none.').optional(),
});
