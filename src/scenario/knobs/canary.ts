// Canary (Argo Rollouts' canary strategy): a growing share of traffic in steps, judged in the background.
import { analysis } from './analysis';
import { knobs } from './rules';
import { steps } from './steps';

export const canaryKnobs = knobs({
  steps: steps('setWeight', 'Share of traffic sent to the new version.', 'The canary steps; after the last one all traffic goes to the new version. Default: setWeight 20, pause 1m, setWeight 50, pause 1m.').prefault([
    { setWeight: 20 },
    { pause: '1m' },
    { setWeight: 50 },
    { pause: '1m' },
  ]),
  analysis: analysis('Background analysis while the steps run; a failure routes all traffic back at once. Default: none.').optional(),
});
