// Canary (Argo Rollouts canary with traffic routing; Flagger): the candidate gets a growing share of
// traffic in steps — setWeight, pause — while a background analysis judges it. A failed analysis
// routes all traffic back to the stable version at once; an inconclusive one pauses the rollout.
import { assign, setup } from 'xstate';
import { analysisActor } from './analysisActor';
import { type BaseContext, type DecisionParams, type PatternEvent, type PatternInput, analysisOf, once, pausedState, progressingReactions, recordDecision, untilRollout } from './common';
import type { CanaryOptions, CanaryStep } from './options';

interface Context extends BaseContext {
  options: CanaryOptions;
  step: number;
}

const current = (c: Context): CanaryStep | undefined => c.options.steps[c.step];
const weightOf = (c: Context) => {
  const s = current(c);
  return s && 'setWeight' in s ? s.setWeight : 0;
};
/** Argo scales the canary to the share of replicas its weight asks for (at least one). */
const canaryScale = (c: Context) => Math.max(1, Math.ceil(c.platform.instances * weightOf(c)));

export const canaryMachine = setup({
  types: { context: {} as Context, events: {} as PatternEvent, input: {} as PatternInput<CanaryOptions> },
  actors: { analysis: analysisActor },
  delays: {
    untilRollout,
    stepPause: ({ context }) => {
      const s = current(context);
      return s && 'pause' in s && s.pause !== null ? s.pause * 1000 : 0;
    },
  },
  guards: {
    noMoreSteps: ({ context }) => context.step >= context.options.steps.length,
    isWeightStep: ({ context }) => 'setWeight' in (current(context) ?? {}),
    isTimedPause: ({ context }) => {
      const s = current(context);
      return !!s && 'pause' in s && s.pause !== null;
    },
    canaryReady: ({ context }) => context.platform.ready(context.platform.candidate) >= canaryScale(context),
    candidateFullyReady: ({ context }) => context.platform.ready(context.platform.candidate) >= context.platform.instances,
  },
  actions: {
    recordDecision: ({ context, event }, params: DecisionParams) => recordDecision(context, event, params),
    scaleCanary: ({ context }) => context.platform.scaleTo(context.platform.candidate, canaryScale(context)),
    setWeight: ({ context }) => context.platform.setCandidateWeight(weightOf(context)),
    nextStep: assign({ step: ({ context }) => context.step + 1 }),
    scaleCandidateToFull: ({ context }) => context.platform.scaleTo(context.platform.candidate, context.platform.instances),
    switchToCandidate: ({ context: { platform: p } }) => p.cutOver(p.candidate, p.stable),
    routeBack: ({ context: { platform: p } }) => p.routeBack(p.stable, p.candidate),
  },
}).createMachine({
  id: 'canary',
  context: ({ input }) => ({ platform: input.platform, label: input.label, options: input.options, step: 0 }),
  initial: 'idle',
  states: {
    idle: { after: { untilRollout: 'progressing' } },
    progressing: {
      invoke: analysisOf((c: Context) => c.options.analysis, false),
      initial: 'step',
      states: {
        step: {
          always: [
            { guard: 'noMoreSteps', target: '#canary.promoting' },
            { guard: 'isWeightStep', target: 'SettingWeight' },
            { guard: 'isTimedPause', target: 'StepPause' },
            { actions: 'nextStep', target: '#canary.paused' }, // pause: {} — wait for a human, then go on past it
          ],
        },
        SettingWeight: {
          entry: 'scaleCanary',
          ...once('canaryReady', 'step', ['setWeight', 'nextStep']),
        },
        StepPause: { after: { stepPause: { actions: 'nextStep', target: 'step' } } },
      },
      on: progressingReactions('canary'),
    },
    paused: pausedState('canary'),
    promoting: {
      entry: 'scaleCandidateToFull',
      ...once('candidateFullyReady', 'succeeded', 'switchToCandidate'),
    },
    succeeded: { type: 'final' },
    aborted: { entry: 'routeBack', always: 'rolledBack' },
    rolledBack: { type: 'final' },
  },
});
