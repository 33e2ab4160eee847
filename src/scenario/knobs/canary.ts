// Canary (Argo Rollouts' canary strategy): a growing share of traffic in steps, judged in the
// background. With a traffic router (the default) the weights are exact; without one (Argo's basic
// canary) they come from the ratio of pods. Argo's own validation rules (validation.go,
// ValidateRolloutStrategyCanary) apply to the knobs that need a router.
import { z } from 'zod';
import type { CanaryScale, CanaryStep } from '../../patterns/options';
import { closed } from '../closed';
import { duration } from '../fields';
import { analysis } from './analysis';
import { weight } from './fields';
import { exactlyOne, knobs } from './rules';
import { steps } from './steps';

const canaryScale = closed(
  {
    replicas: z.number().int().min(0).max(10_000).describe('The canary runs this many instances, whatever its weight.').optional(),
    weight: weight('The canary runs this share of the fleet, whatever its weight.').optional(),
    matchTrafficWeight: z.literal(true).describe('The canary is sized by its weight again.').optional(),
  },
  "Argo's setCanaryScale: the canary's instances apart from its traffic weight (needs a traffic router).",
)
  .check(exactlyOne<Record<string, unknown>>(['replicas', 'weight', 'matchTrafficWeight'], 'setCanaryScale', 'write one of them'))
  .transform((s) => s as CanaryScale);

export const canaryKnobs = knobs(
  {
    steps: steps(
      'setWeight',
      'Share of traffic sent to the new version.',
      'The canary steps; after the last one all traffic goes to the new version. Default: setWeight 20, pause 1m, setWeight 50, pause 1m.',
      {
        setCanaryScale: { schema: canaryScale, form: '{ replicas: 3 }, { weight: 40 } or { matchTrafficWeight: true }' },
        analysis: {
          schema: analysis("Argo's analysis step: an analysis run of its own that blocks the steps until it completes after count checks (passed: the next step; failed: abort; inconclusive: pause). Beside the background analysis, if any."),
          form: 'an analysis block, e.g. { errorRate: { max: 1% }, count: 3 }',
        },
      },
    )
      .transform((s) => s as CanaryStep[])
      .prefault([{ setWeight: 20 }, { pause: '1m' }, { setWeight: 50 }, { pause: '1m' }]),
    analysis: analysis('Background analysis while the steps run (from startingStep on); a failure routes all traffic back at once. Default: none.', { background: true }).optional(),
    trafficRouting: z
      .boolean()
      .describe("true: a traffic router sets each weight exactly and the stable stays at full size. false: Argo's basic canary, one Service over both versions' pods: the canary gets ceil(instances × weight) pods, the stable ceil(instances × (1 − weight)), and the traffic follows the pods. Default true.")
      .optional(),
    dynamicStableScale: z.boolean().describe('Scale the stable down as the canary weight rises (needs trafficRouting). Default false.').optional(),
    minPodsPerReplicaSet: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .describe("With a traffic router, the canary and (with dynamicStableScale) the stable never run fewer instances than this while they run any (Argo's minPodsPerReplicaSet). Default 1.")
      .optional(),
    scaleDownDelay: duration('How long the old stable stays up after full promotion (needs trafficRouting; not with dynamicStableScale). Default 30s.').optional(),
    abortScaleDownDelay: duration('How long the canary stays up after an abort; 0 keeps it up for good, as in Argo. Default 30s (with dynamicStableScale: it goes once the stable is back).')
      .optional()
      .transform((s) => (s === 0 ? null : s)),
  },
  (o, report) => {
    const starting = o.analysis?.startingStep;
    if (starting !== undefined && starting >= o.steps.length) {
      report(`startingStep ${starting} is past the last step (the steps count from 0 to ${o.steps.length - 1}): the background analysis would never start`, ['analysis', 'startingStep']);
    }
    if (o.trafficRouting === false) {
      const needsRouter = 'needs a traffic router (trafficRouting: true), as Argo validates it';
      if (o.scaleDownDelay !== undefined) report(`scaleDownDelay ${needsRouter}: the basic canary scales the stable down step by step`, ['scaleDownDelay']);
      if (o.minPodsPerReplicaSet !== undefined) report('minPodsPerReplicaSet needs a traffic router (trafficRouting: true): Argo applies it only there, so here it would change nothing', ['minPodsPerReplicaSet']);
      if (o.dynamicStableScale) report(`dynamicStableScale ${needsRouter}: the basic canary always scales the stable with the weight`, ['dynamicStableScale']);
      o.steps.forEach((s, i) => 'setCanaryScale' in s && report(`setCanaryScale ${needsRouter}`, ['steps', i, 'setCanaryScale']));
    } else if (o.dynamicStableScale && o.scaleDownDelay !== undefined) {
      report('dynamicStableScale and scaleDownDelay do not go together (Argo refuses both): with dynamicStableScale the old stable goes at once', ['dynamicStableScale']);
    }
  },
);
