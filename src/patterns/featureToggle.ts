// Feature toggle (Unleash gradual rollout, LaunchDarkly, OpenFeature): the new code is already on
// every instance, dark behind a flag. The flag is turned on for a sticky share of users, after its
// targeting rules (first match wins; time rules read the simulated clock). A failed analysis flips
// the kill switch: no redeploy, but the change still takes propagationDelay to reach every instance.
// Before the rollout the new build runs everywhere with the flag off (the registry's `before: 'flag'`).
import { assign, setup } from 'xstate';
import { type BaseContext, type PatternEvent, type PatternInput, TAGS, analysisOf, baseContext, pausedState, platform, progressingReactions, recorded } from './common';
import type { FeatureToggleOptions, FlagStep } from './options';

interface Context extends BaseContext<FeatureToggleOptions> {
  step: number;
}

const current = (c: Context): FlagStep | undefined => c.options.steps[c.step];
const rolloutOf = (c: Context) => {
  const s = current(c);
  return s && 'rollout' in s ? s.rollout : 0;
};

export const featureToggleMachine = setup({
  types: { context: {} as Context, events: {} as PatternEvent, input: {} as PatternInput<FeatureToggleOptions> },
  ...platform,
  delays: {
    ...platform.delays,
    stepPause: ({ context }) => {
      const s = current(context);
      return s && 'pause' in s && s.pause !== null ? s.pause * 1000 : 0;
    },
    propagation: ({ context }) => context.options.propagationDelay * 1000,
  },
  guards: {
    ...platform.guards,
    noMoreSteps: ({ context }) => context.step >= context.options.steps.length,
    isRolloutStep: ({ context }) => 'rollout' in (current(context) ?? {}),
    isTimedPause: ({ context }) => {
      const s = current(context);
      return !!s && 'pause' in s && s.pause !== null;
    },
  },
  actions: {
    ...platform.actions,
    nextStep: assign({ step: ({ context }) => context.step + 1 }),
  },
}).createMachine({
  id: 'feature-toggle',
  context: ({ input }) => ({ ...baseContext(input), step: 0 }),
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
            { guard: 'noMoreSteps', target: '#feature-toggle.promoting' },
            {
              guard: 'isRolloutStep',
              actions: [{ type: 'setFlag', params: ({ context }) => ({ rollout: rolloutOf(context), rules: context.options.rules }) }, 'nextStep'],
              target: 'step',
              reenter: true,
            },
            { guard: 'isTimedPause', target: 'stepPause' },
            { actions: 'nextStep', target: '#feature-toggle.paused' }, // pause: {} — wait for a human, then go on past it
          ],
        },
        stepPause: { after: { stepPause: { actions: 'nextStep', target: 'step' } } },
      },
      on: {
        ...progressingReactions('feature-toggle', 'flag turned off (kill switch)'),
        FLAG_ON: recorded('promoting', 'progressing'),
        FLAG_OFF: recorded('aborted', 'progressing'),
      },
    },
    paused: {
      ...pausedState('feature-toggle'),
      on: {
        ...pausedState('feature-toggle').on,
        FLAG_ON: recorded('promoting', 'paused'),
        FLAG_OFF: recorded('aborted', 'paused'),
      },
    },
    // The flag is on for everyone the rules allow once every instance has the change.
    promoting: {
      tags: TAGS.progressing,
      entry: { type: 'setFlag', params: ({ context }) => ({ rollout: 1, rules: context.options.rules }) },
      after: { propagation: { actions: 'markRolledOut', target: 'succeeded' } },
      on: {
        ABORT: recorded('aborted', 'promoting'),
        FLAG_OFF: recorded('aborted', 'promoting'),
      },
    },
    // Even after the release, the flag still works as a kill switch: no redeploy needed.
    succeeded: {
      tags: TAGS.succeeded,
      on: { FLAG_OFF: recorded('aborted', 'succeeded') },
    },
    aborted: { tags: TAGS.rollingBack, entry: 'killSwitch', always: 'rolledBack' },
    rolledBack: { type: 'final', tags: TAGS.rolledBack },
  },
});
