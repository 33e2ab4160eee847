// Big-bang (Kubernetes' Recreate strategy): every instance replaced at once, optionally verified after.
import { analysis } from './analysis';
import { knobs } from './rules';

export const bigBangKnobs = knobs({
  analysis: analysis('Verification after the switch (a bounded run of `count` checks); a failure redeploys the old version. Default: none.').optional(),
});
