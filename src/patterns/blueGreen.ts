// Blue-green (Argo Rollouts blueGreen, CodeDeploy): a full second stack (green) starts beside the
// live one (blue), gets smoke traffic and a pre-promotion analysis, then all traffic switches at once.
// Blue stays up for scaleDownDelay, so a failed post-promotion analysis can switch back instantly;
// after that, going back means redeploying blue. Both stacks running costs double capacity.
import { and, assign, enqueueActions, setup } from 'xstate';
import { type BaseContext, type PatternEvent, type PatternInput, TAGS, analysisOf, baseContext, fleetReady, platform, recorded, waitFor } from './common';
import type { BlueGreenOptions } from './options';

interface Context extends BaseContext<BlueGreenOptions> {
  preAnalysisDone: boolean;
  promotionDue: boolean;
  /** a human promoted: no automatic-promotion record, no wait for the pre-promotion analysis */
  promotedByHand: boolean;
}

type Event = PatternEvent | { type: 'promotion.due' } | { type: 'blue.scaledDown' };

export const blueGreenMachine = setup({
  types: { context: {} as Context, events: {} as Event, input: {} as PatternInput<BlueGreenOptions> },
  ...platform,
  delays: {
    ...platform.delays,
    autoPromotion: ({ context }) => (context.options.autoPromotionSeconds ?? 0) * 1000,
    scaleDownDelay: ({ context }) => context.options.scaleDownDelay * 1000,
  },
  guards: {
    ...platform.guards,
    autoPromotes: ({ context }) => context.options.autoPromotionSeconds !== null,
    preAnalysisDone: ({ context }) => context.preAnalysisDone || context.promotedByHand || context.options.prePromotionAnalysis === undefined,
    promotionDue: ({ context }) => context.promotionDue,
    noPostAnalysis: ({ context }) => context.options.postPromotionAnalysis === undefined,
  },
  actions: {
    ...platform.actions,
    startSmokeTraffic: enqueueActions(({ context, enqueue }) => {
      if (context.options.previewTraffic > 0) enqueue({ type: 'mirror', params: { version: 'candidate', rps: context.options.previewTraffic } });
    }),
    notePreAnalysisDone: assign({ preAnalysisDone: true }),
    notePromotionDue: assign({ promotionDue: true }),
    notePromotedByHand: assign({ promotionDue: true, promotedByHand: true }),
    recordAutoPromotion: enqueueActions(({ context: c, enqueue }) => {
      if (c.promotedByHand) return; // the human's decision is already recorded
      const what = `switched all traffic to ${c.versions.candidate} (autoPromotionSeconds ${c.options.autoPromotionSeconds} s elapsed)`;
      enqueue({ type: 'decide', params: { from: 'waitingPromotion', to: 'promoting', reason: 'autoPromotionSeconds', what } });
    }),
  },
}).createMachine({
  id: 'blue-green',
  context: ({ input }) => ({ ...baseContext(input), preAnalysisDone: false, promotionDue: false, promotedByHand: false }),
  initial: 'idle',
  states: {
    idle: { after: { untilRollout: 'progressing' } },
    progressing: {
      tags: TAGS.progressing,
      initial: 'deploying',
      states: {
        deploying: {
          entry: { type: 'scaleTo', params: { version: 'candidate', share: 1 } },
          ...waitFor(fleetReady('candidate'), 'waitingPromotion'),
        },
        // Argo's BlueGreenPause: green is up and previewed, blue still serves everyone.
        waitingPromotion: {
          entry: 'startSmokeTraffic',
          invoke: analysisOf((c: Context) => c.options.prePromotionAnalysis, true),
          after: { autoPromotion: { guard: 'autoPromotes', actions: 'notePromotionDue' } },
          always: { guard: and(['preAnalysisDone', 'promotionDue']), actions: 'recordAutoPromotion', target: '#blue-green.promoting' },
          on: {
            'analysis.passed': { actions: 'notePreAnalysisDone' },
            'analysis.failed': recorded('#blue-green.aborted', 'waitingPromotion', 'aborted', 'tearing green down; blue never stopped serving'),
          },
        },
      },
      on: {
        'analysis.inconclusive': recorded('paused', 'progressing'),
        // Promoting by hand still waits for green to be ready: switching to a stack that is not up drops everyone.
        PROMOTE: { actions: ['notePromotedByHand', { type: 'recordDecision', params: { from: 'progressing', to: 'promoting' } }] },
        ABORT: recorded('aborted', 'progressing'),
      },
    },
    paused: {
      tags: TAGS.paused,
      on: {
        RESUME: recorded('progressing', 'paused'),
        PROMOTE: { target: 'progressing', actions: ['notePromotedByHand', { type: 'recordDecision', params: { from: 'paused', to: 'promoting' } }] },
        ABORT: recorded('aborted', 'paused'),
      },
    },
    promoting: {
      tags: TAGS.progressing,
      entry: ['stopMirror', { type: 'routeAllTo', params: { version: 'candidate' } }, 'markRolledOut'],
      type: 'parallel',
      states: {
        // Blue is kept for scaleDownDelay: until then, going back is a switch, not a redeploy.
        blue: {
          initial: 'up',
          states: {
            up: { after: { scaleDownDelay: { actions: { type: 'scaleTo', params: { version: 'stable', share: 0 } }, target: 'scaledDown' } } },
            scaledDown: { type: 'final' },
          },
        },
        verification: {
          initial: 'postPromotionAnalysis',
          states: {
            postPromotionAnalysis: {
              always: { guard: 'noPostAnalysis', target: 'passed' },
              invoke: analysisOf((c: Context) => c.options.postPromotionAnalysis, true),
              on: {
                'analysis.passed': 'passed',
                // Too little traffic to judge after the switch: green serves, a human decides.
                'analysis.inconclusive': recorded('#blue-green.paused', 'promoting'),
              },
            },
            passed: { type: 'final' },
          },
        },
      },
      onDone: 'succeeded',
      on: {
        'analysis.failed': [
          { guard: fleetReady('stable'), ...recorded('aborted', 'promoting', 'aborted', 'switching back to blue (still up)') },
          recorded('aborted', 'promoting', 'aborted', 'redeploying blue (already scaled down)'),
        ],
        ABORT: recorded('aborted', 'promoting'),
      },
    },
    succeeded: { type: 'final', tags: TAGS.succeeded },
    aborted: {
      tags: TAGS.rollingBack,
      entry: { type: 'scaleTo', params: { version: 'stable', share: 1 } },
      ...waitFor(fleetReady('stable'), 'rolledBack', { type: 'routeBack', params: { to: 'stable', from: 'candidate' } }),
    },
    rolledBack: { type: 'final', tags: TAGS.rolledBack },
  },
});
