// Dark launch: requests mirrored to the new version (responses discarded), employees served by it
// for real; after `duration` with a passing analysis the release goes to everyone.
import { z } from 'zod';
import { duration, percent } from '../fields';
import { analysis } from './analysis';
import { knobs } from './rules';

export const darkLaunchKnobs = knobs({
  mirror: percent('Share of requests copied to the new version. Default 100%.').prefault('100%'),
  internalUsers: z.boolean().describe('Whether employees are served by the new version for real. Default true.').prefault(true),
  duration: duration('How long to watch before releasing to everyone. Default 10m.', { above: 0 }).prefault('10m'),
  analysis: analysis('Analysis of the new version during the dark launch; a failure cancels the release. Default: none.').optional(),
});
