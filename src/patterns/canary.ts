// Canary (Argo Rollouts canary with traffic routing; Flagger): the candidate gets a growing share of
// traffic in steps — setWeight, pause — while a background analysis judges it. A failed analysis
// routes all traffic back to the stable version at once; an inconclusive one pauses the rollout.
import { assign, setup } from 'xstate';
import { type BaseContext, type PatternEvent, type PatternInput, TAGS, analysisOf, baseContext, fleetReady, pausedState, platform, progressingReactions, waitFor } from './common';
import type { CanaryOptions, CanaryScale, CanaryStep } from './options';

interface Context extends BaseContext<CanaryOptions> {
  step: number;
  /** the canary's instances set apart from its weight (setCanaryScale); null: they follow the weight */
  scale: CanaryScale | null;
}

const current = (c: Context): CanaryStep | undefined => c.options.steps[c.step];
/** The weight the canary has: the last setWeight up to the current step. */
const weightOf = (c: Context) => {
  for (let i = Math.min(c.step, c.options.steps.length - 1); i >= 0; i--) {
    const s = c.options.steps[i];
    if ('setWeight' in s) return s.setWeight;
  }
  return 0;
};
/**
 * Argo scales the canary to the share of replicas its weight asks for (at least one, none at weight
 * 0), unless setCanaryScale set its size apart.
 */
const canaryFleet = ({ context }: { context: Context }) => {
  const scale = context.scale;
  if (scale && 'replicas' in scale) return { version: 'candidate' as const, share: 0, min: scale.replicas };
  const share = scale && 'weight' in scale ? scale.weight : weightOf(context);
  return { version: 'candidate' as const, share, min: share > 0 ? 1 : 0 };
};

export const canaryMachine = setup({
  types: { context: {} as Context, events: {} as PatternEvent, input: {} as PatternInput<CanaryOptions> },
  ...platform,
  delays: {
    ...platform.delays,
    stepPause: ({ context }) => {
      const s = current(context);
      return s && 'pause' in s && s.pause !== null ? s.pause * 1000 : 0;
    },
  },
  guards: {
    ...platform.guards,
    noMoreSteps: ({ context }) => context.step >= context.options.steps.length,
    isWeightStep: ({ context }) => 'setWeight' in (current(context) ?? {}),
    isScaleStep: ({ context }) => 'setCanaryScale' in (current(context) ?? {}),
    isTimedPause: ({ context }) => {
      const s = current(context);
      return !!s && 'pause' in s && s.pause !== null;
    },
  },
  actions: {
    ...platform.actions,
    nextStep: assign({ step: ({ context }) => context.step + 1 }),
    takeScale: assign({
      scale: ({ context }) => {
        const s = current(context);
        const scale = s && 'setCanaryScale' in s ? s.setCanaryScale : null;
        return scale && 'matchTrafficWeight' in scale ? null : scale;
      },
    }),
  },
}).createMachine({
  id: 'canary',
  context: ({ input }) => ({ ...baseContext(input), step: 0, scale: null }),
  initial: 'idle',
  states: {
    idle: { after: { untilRollout: 'progressing' } },
    progressing: {
      tags: TAGS.progressing,
      invoke: analysisOf((c: Context) => c.options.analysis, false),
      initial: 'step',
      states: {
        step: {
          always: [
            { guard: 'noMoreSteps', target: '#canary.promoting' },
            { guard: 'isWeightStep', target: 'settingWeight' },
            { guard: 'isScaleStep', actions: 'takeScale', target: 'settingScale' },
            { guard: 'isTimedPause', target: 'stepPause' },
            { actions: 'nextStep', target: '#canary.paused' }, // pause: {} — wait for a human, then go on past it
          ],
        },
        settingWeight: {
          entry: { type: 'scaleTo', params: canaryFleet },
          ...waitFor({ type: 'fleetReady', params: canaryFleet }, 'step', [
            { type: 'setWeight', params: ({ context }: { context: Context }) => ({ share: weightOf(context) }) },
            'nextStep',
          ]),
        },
        // setCanaryScale: the canary's size changes, its traffic does not; the next step waits for it.
        settingScale: {
          entry: { type: 'scaleTo', params: canaryFleet },
          ...waitFor({ type: 'fleetReady', params: canaryFleet }, 'step', 'nextStep'),
        },
        stepPause: { after: { stepPause: { actions: 'nextStep', target: 'step' } } },
      },
      on: progressingReactions('canary'),
    },
    paused: pausedState('canary'),
    promoting: {
      tags: TAGS.progressing,
      entry: { type: 'scaleTo', params: { version: 'candidate', share: 1 } },
      ...waitFor(fleetReady('candidate'), 'succeeded', { type: 'cutOver', params: { to: 'candidate', from: 'stable' } }),
    },
    succeeded: { type: 'final', tags: TAGS.succeeded },
    aborted: { tags: TAGS.rollingBack, entry: { type: 'routeBack', params: { to: 'stable', from: 'candidate' } }, always: 'rolledBack' },
    rolledBack: { type: 'final', tags: TAGS.rolledBack },
  },
});
