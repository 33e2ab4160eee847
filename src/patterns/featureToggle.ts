// Feature toggle (Unleash gradual rollout, LaunchDarkly, OpenFeature): the new code is already on
// every instance, dark behind a flag. The flag is turned on for a sticky share of users, after its
// targeting rules (first match wins; time rules read the simulated clock). A failed analysis flips
// the kill switch: no redeploy, but the change still takes propagationDelay to reach every instance.
import { assign, setup } from 'xstate';
import { analysisActor } from './analysisActor';
import { type BaseContext, type DecisionParams, type PatternEvent, type PatternInput, analysisOf, pausedState, progressingReactions, recordDecision, recorded, untilRollout } from './common';
import type { FeatureToggleOptions, FlagStep } from './options';
import type { Platform } from './platform';
import type { FlagRule } from '../world/flag';

interface Context extends BaseContext {
  options: FeatureToggleOptions;
  rules: FlagRule[];
  step: number;
}

const current = (c: Context): FlagStep | undefined => c.options.steps[c.step];

/** Before the rollout: the new build on every instance, the flag off for everyone. */
export function prepareFeatureToggle(platform: Platform, options: FeatureToggleOptions): void {
  platform.world.provision(platform.candidate, platform.instances);
  platform.useFlag(platform.candidate, options.propagationDelay);
}

export const featureToggleMachine = setup({
  types: { context: {} as Context, events: {} as PatternEvent, input: {} as PatternInput<FeatureToggleOptions> },
  actors: { analysis: analysisActor },
  delays: {
    untilRollout,
    stepPause: ({ context }) => {
      const s = current(context);
      return s && 'pause' in s && s.pause !== null ? s.pause * 1000 : 0;
    },
    propagation: ({ context }) => context.options.propagationDelay * 1000,
  },
  guards: {
    noMoreSteps: ({ context }) => context.step >= context.options.steps.length,
    isRolloutStep: ({ context }) => 'rollout' in (current(context) ?? {}),
    isTimedPause: ({ context }) => {
      const s = current(context);
      return !!s && 'pause' in s && s.pause !== null;
    },
  },
  actions: {
    recordDecision: ({ context, event }, params: DecisionParams) => recordDecision(context, event, params),
    setRolloutShare: ({ context }) => {
      const s = current(context);
      if (s && 'rollout' in s) context.platform.setFlag({ rollout: s.rollout, rules: context.rules });
    },
    nextStep: assign({ step: ({ context }) => context.step + 1 }),
    turnOnForEveryone: ({ context }) => context.platform.setFlag({ rollout: 1, rules: context.rules }),
    markRolledOut: ({ context }) => context.platform.markFullyRolledOut(),
    killSwitch: ({ context }) => {
      const p = context.platform;
      p.setFlag({ rollout: 0, rules: [] });
      p.markRecovered(p.flag!.fullyPropagatedAt());
    },
  },
}).createMachine({
  id: 'feature-toggle',
  context: ({ input }) => ({
    platform: input.platform,
    label: input.label,
    options: input.options,
    step: 0,
    rules: input.options.rules.map((r) => ({ match: input.platform.compileMatch(r.when), serve: r.serve === 'on' })),
  }),
  initial: 'idle',
  states: {
    idle: { after: { untilRollout: 'progressing' } },
    progressing: {
      invoke: analysisOf((c: Context) => c.options.analysis, false),
      initial: 'step',
      states: {
        step: {
          always: [
            { guard: 'noMoreSteps', target: '#feature-toggle.promoting' },
            { guard: 'isRolloutStep', actions: ['setRolloutShare', 'nextStep'], target: 'step', reenter: true },
            { guard: 'isTimedPause', target: 'StepPause' },
            { actions: 'nextStep', target: '#feature-toggle.paused' }, // pause: {} — wait for a human, then go on past it
          ],
        },
        StepPause: { after: { stepPause: { actions: 'nextStep', target: 'step' } } },
      },
      on: {
        ...progressingReactions('feature-toggle', 'flag turned off (kill switch)'),
        FLAG_ON: recorded('promoting', 'progressing'),
        FLAG_OFF: recorded('aborted', 'progressing'),
      },
    },
    paused: {
      on: {
        ...pausedState('feature-toggle').on,
        FLAG_ON: recorded('promoting', 'paused'),
        FLAG_OFF: recorded('aborted', 'paused'),
      },
    },
    // The flag is on for everyone the rules allow once every instance has the change.
    promoting: {
      entry: 'turnOnForEveryone',
      after: { propagation: { actions: 'markRolledOut', target: 'succeeded' } },
      on: {
        ABORT: recorded('aborted', 'promoting'),
        FLAG_OFF: recorded('aborted', 'promoting'),
      },
    },
    // Even after the release, the flag still works as a kill switch: no redeploy needed.
    succeeded: {
      on: { FLAG_OFF: recorded('aborted', 'succeeded') },
    },
    aborted: { entry: 'killSwitch', always: 'rolledBack' },
    rolledBack: { type: 'final' },
  },
});
