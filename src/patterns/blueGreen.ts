// Blue-green (Argo Rollouts blueGreen, CodeDeploy): a full second stack (green) starts beside the
// live one (blue), gets smoke traffic and a pre-promotion analysis, then all traffic switches at once.
// Blue stays up for scaleDownDelay, so a failed post-promotion analysis can switch back instantly;
// after that, going back means redeploying blue. Both stacks running costs double capacity.
import { and, assign, setup } from 'xstate';
import { analysisActor } from './analysisActor';
import { type BaseContext, type DecisionParams, type PatternEvent, type PatternInput, analysisOf, once, recordDecision, recorded, untilRollout } from './common';
import { planned } from './decisions';
import type { BlueGreenOptions } from './options';

interface Context extends BaseContext {
  options: BlueGreenOptions;
  preAnalysisDone: boolean;
  promotionDue: boolean;
  /** a human promoted: no automatic-promotion record, no wait for the pre-promotion analysis */
  promotedByHand: boolean;
}

type Event = PatternEvent | { type: 'promotion.due' } | { type: 'blue.scaledDown' };

const previewShare = (c: Context) => Math.min(1, c.options.previewTraffic / c.platform.scenario.traffic.rps);

export const blueGreenMachine = setup({
  types: { context: {} as Context, events: {} as Event, input: {} as PatternInput<BlueGreenOptions> },
  actors: { analysis: analysisActor },
  delays: {
    untilRollout,
    autoPromotion: ({ context }) => (context.options.autoPromotionSeconds ?? 0) * 1000,
    scaleDownDelay: ({ context }) => context.options.scaleDownDelay * 1000,
  },
  guards: {
    greenReady: ({ context }) => context.platform.ready(context.platform.candidate) >= context.platform.instances,
    blueReady: ({ context }) => context.platform.ready(context.platform.stable) >= context.platform.instances,
    autoPromotes: ({ context }) => context.options.autoPromotionSeconds !== null,
    preAnalysisDone: ({ context }) => context.preAnalysisDone || context.promotedByHand || context.options.prePromotionAnalysis === undefined,
    promotionDue: ({ context }) => context.promotionDue,
    noPostAnalysis: ({ context }) => context.options.postPromotionAnalysis === undefined,
  },
  actions: {
    recordDecision: ({ context, event }, params: DecisionParams) => recordDecision(context, event as PatternEvent, params),
    deployGreen: ({ context }) => context.platform.scaleTo(context.platform.candidate, context.platform.instances),
    startSmokeTraffic: ({ context }) => {
      if (context.options.previewTraffic > 0) context.platform.mirror(context.platform.candidate, previewShare(context));
    },
    notePreAnalysisDone: assign({ preAnalysisDone: true }),
    notePromotionDue: assign({ promotionDue: true }),
    notePromotedByHand: assign({ promotionDue: true, promotedByHand: true }),
    switchToGreen: ({ context }) => {
      const p = context.platform;
      p.stopMirror();
      p.routeAllTo(p.candidate);
      p.markFullyRolledOut();
    },
    recordAutoPromotion: ({ context }) => {
      const p = context.platform;
      if (context.promotedByHand) return; // the human's decision is already recorded
      p.decide(planned(p.now, context.label, 'WaitingPromotion', 'promoting', 'autoPromotionSeconds', `switched all traffic to ${p.versionName(p.candidate)} (autoPromotionSeconds ${context.options.autoPromotionSeconds} s elapsed)`));
    },
    scaleDownBlue: ({ context }) => context.platform.scaleTo(context.platform.stable, 0),
    redeployBlue: ({ context }) => context.platform.scaleTo(context.platform.stable, context.platform.instances),
    switchToBlue: ({ context: { platform: p } }) => p.routeBack(p.stable, p.candidate),
  },
}).createMachine({
  id: 'blue-green',
  context: ({ input }) => ({ platform: input.platform, label: input.label, options: input.options, preAnalysisDone: false, promotionDue: false, promotedByHand: false }),
  initial: 'idle',
  states: {
    idle: { after: { untilRollout: 'progressing' } },
    progressing: {
      initial: 'Deploying',
      states: {
        Deploying: {
          entry: 'deployGreen',
          ...once('greenReady', 'WaitingPromotion'),
        },
        // Argo's BlueGreenPause: green is up and previewed, blue still serves everyone.
        WaitingPromotion: {
          entry: 'startSmokeTraffic',
          invoke: analysisOf((c: Context) => c.options.prePromotionAnalysis, true),
          after: { autoPromotion: { guard: 'autoPromotes', actions: 'notePromotionDue' } },
          always: { guard: and(['preAnalysisDone', 'promotionDue']), actions: 'recordAutoPromotion', target: '#blue-green.promoting' },
          on: {
            'analysis.passed': { actions: 'notePreAnalysisDone' },
            'analysis.failed': recorded('#blue-green.aborted', 'WaitingPromotion', 'aborted', 'tearing green down; blue never stopped serving'),
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
      on: {
        RESUME: recorded('progressing', 'paused'),
        PROMOTE: { target: 'progressing', actions: ['notePromotedByHand', { type: 'recordDecision', params: { from: 'paused', to: 'promoting' } }] },
        ABORT: recorded('aborted', 'paused'),
      },
    },
    promoting: {
      entry: 'switchToGreen',
      type: 'parallel',
      states: {
        // Blue is kept for scaleDownDelay: until then, going back is a switch, not a redeploy.
        blue: {
          initial: 'Up',
          states: { Up: { after: { scaleDownDelay: { actions: 'scaleDownBlue', target: 'ScaledDown' } } }, ScaledDown: { type: 'final' } },
        },
        verification: {
          initial: 'PostPromotionAnalysis',
          states: {
            PostPromotionAnalysis: {
              always: { guard: 'noPostAnalysis', target: 'Passed' },
              invoke: analysisOf((c: Context) => c.options.postPromotionAnalysis, true),
              on: {
                'analysis.passed': 'Passed',
                // Too little traffic to judge after the switch: green serves, a human decides.
                'analysis.inconclusive': recorded('#blue-green.paused', 'promoting'),
              },
            },
            Passed: { type: 'final' },
          },
        },
      },
      onDone: 'succeeded',
      on: {
        'analysis.failed': [
          { guard: 'blueReady', ...recorded('aborted', 'promoting', 'aborted', 'switching back to blue (still up)') },
          recorded('aborted', 'promoting', 'aborted', 'redeploying blue (already scaled down)'),
        ],
        ABORT: recorded('aborted', 'promoting'),
      },
    },
    succeeded: { type: 'final' },
    aborted: {
      entry: 'redeployBlue',
      ...once('blueReady', 'rolledBack', 'switchToBlue'),
    },
    rolledBack: { type: 'final' },
  },
});
