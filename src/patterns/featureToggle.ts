// Feature toggle (Unleash gradual rollout, LaunchDarkly, OpenFeature): the new code is already on
// every instance, dark behind a flag. The flag is turned on for a sticky share of users, after its
// targeting rules (first match wins; time rules read the simulated clock). A failed analysis flips
// the kill switch: no redeploy, but the change still takes propagationDelay to reach every instance.
// Before the rollout the new build runs everywhere with the flag off (the registry's `before: 'flag'`).
// Instead of steps, a flag may follow scheduled changes (flagSchedule.ts): the machine waits on the
// simulated clock for each one (`untilScheduled`), applies it and says so in the log.
import { assign, setup } from 'xstate';
import { type BaseContext, type PatternEvent, type PatternInput, TAGS, analysisOf, baseContext, pausedState, platform, progressingReactions, recorded } from './common';
import { clock } from './decisions';
import { type FlagState, applyChange, changeWords, flagStateWords, initialFlagState } from './flagSchedule';
import type { FeatureToggleOptions, FlagChange, FlagStep } from './options';

interface Context extends BaseContext<FeatureToggleOptions> {
  step: number;
  /** the scheduled change waited for; -1: the schedule has not started */
  change: number;
  /** the flag as its schedule has left it */
  flag: FlagState;
  /** when the change waited for is due (simulated seconds) */
  scheduledAt?: number;
}

export const DEFAULT_FLAG_STEPS: FlagStep[] = [{ rollout: 0.1 }, { pause: 300 }, { rollout: 0.5 }, { pause: 300 }];
const planOf = (c: Context): FlagStep[] => c.options.steps ?? (c.options.schedule ? [] : DEFAULT_FLAG_STEPS);
const scheduleOf = (c: Context): FlagChange[] => c.options.schedule ?? [];
const current = (c: Context): FlagStep | undefined => planOf(c)[c.step];
/** the flag as the world serves it: off clears the rules too (everyone keeps the old code) */
const served = (c: Context) => (c.flag.on ? { rollout: c.flag.share, rules: c.options.rules } : { rollout: 0, rules: [] });
const withRules = (c: Context) => c.options.rules.length > 0;
const serveFlag = { type: 'setFlag' as const, params: ({ context }: { context: Context }) => served(context) };
/** The log line of the schedule's next change, read before it is made (it says what the flag was). */
const announceChange = {
  type: 'decide' as const,
  params: ({ context }: { context: Context }) => {
    const change = scheduleOf(context)[context.change];
    const after = applyChange(context.flag, change);
    const delay = context.options.propagationDelay;
    return {
      from: 'progressing',
      to: 'progressing',
      reason: 'scheduled change',
      what: `scheduled change: ${changeWords(context.flag, change)}; the flag is ${flagStateWords(after, withRules(context))}${delay > 0 ? `, on every instance within ${delay} s` : ''}`,
      evidence: { at: change.at, on: after.on, rollout: after.share },
    };
  },
};
const announceSchedule = {
  type: 'decide' as const,
  params: ({ context }: { context: Context }) => ({
    from: 'progressing',
    to: 'progressing',
    reason: 'scheduled change',
    what: `flag follows its schedule: ${flagStateWords(context.flag, withRules(context))} until the first change at ${clock(scheduleOf(context)[0].at)}`,
  }),
};
const announceEnd = {
  type: 'decide' as const,
  params: ({ context }: { context: Context }) => ({
    from: 'progressing',
    to: 'paused',
    reason: 'schedule ended',
    what: `schedule ended with the flag ${flagStateWords(context.flag, withRules(context))}; it stays so until promoted by hand`,
  }),
};
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
    noMoreSteps: ({ context }) => context.step >= planOf(context).length,
    noPostAnalysis: ({ context }) => context.options.postPromotionAnalysis === undefined,
    scheduleStarts: ({ context }) => context.options.schedule !== undefined && context.change < 0,
    scheduleReleased: ({ context }) => context.options.schedule !== undefined && context.change >= scheduleOf(context).length && context.flag.on && context.flag.share === 1,
    scheduleEnded: ({ context }) => context.options.schedule !== undefined && context.change >= scheduleOf(context).length,
    hasSchedule: ({ context }) => context.options.schedule !== undefined,
    isRolloutStep: ({ context }) => 'rollout' in (current(context) ?? {}),
    isTimedPause: ({ context }) => {
      const s = current(context);
      return !!s && 'pause' in s && s.pause !== null;
    },
  },
  actions: {
    ...platform.actions,
    nextStep: assign({ step: ({ context }) => context.step + 1 }),
    makeChange: assign({ flag: ({ context }) => applyChange(context.flag, scheduleOf(context)[context.change]) }),
    nextChange: assign({ change: ({ context }) => context.change + 1 }),
  },
}).createMachine({
  id: 'feature-toggle',
  context: ({ input }) => ({ ...baseContext(input), step: 0, change: -1, flag: initialFlagState(input.options.schedule ?? []) }),
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
            { guard: 'scheduleStarts', actions: [announceSchedule, serveFlag, 'nextChange'], target: 'step', reenter: true },
            { guard: 'scheduleReleased', target: '#feature-toggle.promoting' },
            { guard: 'scheduleEnded', actions: announceEnd, target: '#feature-toggle.paused' },
            { guard: 'hasSchedule', target: 'scheduled' },
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
        // waiting on the simulated clock for the schedule's next change
        scheduled: {
          entry: assign({ scheduledAt: ({ context }) => scheduleOf(context)[context.change].at }),
          after: { untilScheduled: { actions: [announceChange, 'makeChange', serveFlag, 'nextChange'], target: 'step' } },
        },
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
      after: { propagation: { actions: 'markRolledOut', target: 'verifying' } },
      on: {
        ABORT: recorded('aborted', 'promoting'),
        FLAG_OFF: recorded('aborted', 'promoting'),
      },
    },
    // With a post-promotion analysis, the flag on for everyone is still watched: the flag is a kill
    // switch, so a fault that comes after 100% is caught and turned off with no redeploy.
    verifying: {
      tags: TAGS.progressing,
      always: { guard: 'noPostAnalysis', target: 'succeeded' },
      invoke: analysisOf((c: Context) => c.options.postPromotionAnalysis, true),
      on: {
        'analysis.passed': 'succeeded',
        'analysis.failed': recorded('aborted', 'verifying', 'aborted', 'flag turned off (kill switch)'),
        'analysis.inconclusive': recorded('paused', 'verifying'),
        ABORT: recorded('aborted', 'verifying'),
        FLAG_OFF: recorded('aborted', 'verifying'),
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
