// Blue-green (Argo Rollouts blueGreen, CodeDeploy): a full second stack (green) starts beside the
// live one (blue), gets smoke traffic and a pre-promotion analysis, then all traffic switches at once.
// Blue stays up through the post-promotion analysis and scaleDownDelay after it, so a failure can
// switch back instantly; after that, going back means redeploying blue. Both stacks cost double.
import { and, assign, enqueueActions, or, setup, stateIn } from 'xstate';
import { type BaseContext, type PatternEvent, type PatternInput, TAGS, analysisOf, baseContext, fleetReady, platform, recorded, waitFor } from './common';
import type { BlueGreenOptions } from './options';

/** Argo's scaleDownDelaySeconds default: with it left out, the old stack stays at least this long. */
const ARGO_MINIMUM_SCALE_DOWN_DELAY = 30;

interface Context extends BaseContext<BlueGreenOptions> {
  /** a human promoted: no automatic-promotion record, no wait for the pre-promotion analysis */
  promotedByHand: boolean;
}

// Once blue is ready again, traffic goes back to it; green goes at once, or is kept abortScaleDownDelay.
const blueIsBack = [
  { guard: and([fleetReady('stable'), 'dropsGreenAtOnce']), target: 'rolledBack', actions: { type: 'routeBack', params: { to: 'stable', from: 'candidate' } } },
  { guard: fleetReady('stable'), target: 'keepingGreen', actions: ['stopMirror', { type: 'routeAllTo', params: { version: 'stable' } }, 'markRecovered'] },
] as const;

/** Green's instances before promotion: previewReplicaCount, else the full fleet. */
const previewFleet = ({ context }: { context: Context }) => {
  const count = context.options.previewReplicaCount;
  return count === undefined ? { version: 'candidate' as const, share: 1 } : { version: 'candidate' as const, share: 0, min: count };
};
const fullGreen = { type: 'fleetReady', params: { version: 'candidate', share: 1 } } as const;

export const blueGreenMachine = setup({
  types: { context: {} as Context, events: {} as PatternEvent, input: {} as PatternInput<BlueGreenOptions> },
  ...platform,
  delays: {
    ...platform.delays,
    autoPromotion: ({ context }) => (context.options.autoPromotionSeconds ?? 0) * 1000,
    scaleDownDelay: ({ context }) => (context.options.scaleDownDelay ?? ARGO_MINIMUM_SCALE_DOWN_DELAY) * 1000,
    abortScaleDownDelay: ({ context }) => (context.options.abortScaleDownDelay ?? 0) * 1000,
    // no deadline: a timer that never fires (one at 0 s would still be an event of the run)
    progressDeadline: ({ context }) => (context.options.progressDeadline ?? Infinity) * 1000,
  },
  guards: {
    ...platform.guards,
    promotedByHand: ({ context }) => context.promotedByHand,
    previewIsFullSize: ({ context }) => context.options.previewReplicaCount === undefined,
    waitsForHuman: ({ context }) => context.options.autoPromotionSeconds === null,
    noPreAnalysis: ({ context }) => context.options.prePromotionAnalysis === undefined,
    dropsGreenAtOnce: ({ context }) => context.options.abortScaleDownDelay === undefined,
    scalesGreenDownAfterAbort: ({ context }) => context.options.abortScaleDownDelay !== null,
    noPostAnalysis: ({ context }) => context.options.postPromotionAnalysis === undefined,
    hasProgressDeadline: ({ context }) => context.options.progressDeadline !== undefined,
    blueMayGo: or([({ context }) => context.options.scaleDownDelay !== null, stateIn('#blue-green.promoting.verification.passed')]),
  },
  actions: {
    ...platform.actions,
    startSmokeTraffic: enqueueActions(({ context, enqueue }) => {
      const { previewTraffic, previewMirror = 0 } = context.options;
      if (previewTraffic > 0 || previewMirror > 0) enqueue({ type: 'mirror', params: { version: 'candidate', rps: previewTraffic, share: previewMirror } });
    }),
    notePromotedByHand: assign({ promotedByHand: true }),
    /** Flagger's progressDeadlineSeconds ran out while green's pods were still starting */
    recordProgressDeadline: enqueueActions(({ context: c, enqueue }) => {
      const what = `rolled back: ${c.versions.candidate}'s pods were not ready within progressDeadlineSeconds (${c.options.progressDeadline} s); blue never stopped serving`;
      enqueue({ type: 'decide', params: { from: 'progressing', to: 'aborted', reason: 'progress deadline exceeded', what, evidence: { progressDeadline: c.options.progressDeadline }, detected: true } });
    }),
    recordAutoPromotion: enqueueActions(({ context: c, enqueue }) => {
      const what = `switched all traffic to ${c.versions.candidate} (autoPromotionSeconds ${c.options.autoPromotionSeconds} s elapsed)`;
      enqueue({ type: 'decide', params: { from: 'waitingPromotion', to: 'promoting', reason: 'autoPromotionSeconds', what } });
    }),
    recordWaitForHuman: enqueueActions(({ context: c, enqueue }) => {
      const what = `paused: ${c.versions.candidate} is up beside ${c.versions.stable} and waits for a promotion (autoPromotionEnabled: false)`;
      enqueue({ type: 'decide', params: { from: 'waitingPromotion', to: 'paused', reason: 'autoPromotionEnabled', what } });
    }),
  },
}).createMachine({
  id: 'blue-green',
  context: ({ input }) => ({ ...baseContext(input), promotedByHand: false }),
  initial: 'idle',
  states: {
    idle: { after: { untilRollout: 'progressing' } },
    progressing: {
      tags: TAGS.progressing,
      initial: 'deploying',
      states: {
        deploying: {
          entry: { type: 'scaleTo', params: previewFleet },
          ...waitFor({ type: 'fleetReady', params: previewFleet }, 'prePromotionAnalysis'),
          after: { progressDeadline: { guard: 'hasProgressDeadline', actions: 'recordProgressDeadline', target: '#blue-green.aborted' } },
        },
        // Argo's BlueGreenPause: green is up and previewed, blue still serves everyone.
        prePromotionAnalysis: {
          entry: 'startSmokeTraffic',
          always: [
            { guard: 'promotedByHand', target: 'scalingUpGreen' },
            { guard: 'noPreAnalysis', target: 'waitingPromotion' },
          ],
          invoke: analysisOf((c: Context) => c.options.prePromotionAnalysis, true),
          on: {
            'analysis.passed': 'waitingPromotion',
            'analysis.failed': recorded('#blue-green.aborted', 'prePromotionAnalysis', 'aborted', 'tearing green down; blue never stopped serving'),
          },
        },
        // The autoPromotionSeconds countdown starts once the pre-promotion analysis has succeeded, as
        // in Argo; with autoPromotionEnabled: false the rollout pauses for a human instead.
        waitingPromotion: {
          always: [
            { guard: 'promotedByHand', target: 'scalingUpGreen' },
            { guard: 'waitsForHuman', actions: 'recordWaitForHuman', target: '#blue-green.paused' },
          ],
          after: { autoPromotion: { actions: 'recordAutoPromotion', target: 'scalingUpGreen' } },
        },
        // With previewReplicaCount, green is scaled to full size at promotion and the switch waits until
        // it is all available (utils/replicaset/replicaset.go, NewRSNewReplicas; rollout/bluegreen.go).
        // Still part of progressing: blue serves everyone, and an abort tears green down as before.
        scalingUpGreen: {
          always: [{ guard: 'previewIsFullSize', target: '#blue-green.promoting' }, { guard: fullGreen, target: '#blue-green.promoting' }],
          entry: { type: 'scaleTo', params: { version: 'candidate', share: 1 } },
          on: { 'fleet.changed': { guard: fullGreen, target: '#blue-green.promoting' } },
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
        // Blue is kept for scaleDownDelay after the switch: until then, going back is a switch, not a
        // redeploy. Left out (Argo's scaleDownDelaySeconds nil), blue also waits for the
        // post-promotion analysis to pass, so that its failure always switches back at once
        // (rollout/bluegreen.go, scaleDownOldReplicaSetsForBlueGreen: "Cannot scale down old
        // ReplicaSets while Analysis is running and no ScaleDownDelaySeconds").
        blue: {
          initial: 'up',
          states: {
            up: { after: { scaleDownDelay: 'delayOver' } },
            delayOver: { always: { guard: 'blueMayGo', target: 'scaledDown' } },
            scaledDown: { type: 'final', entry: { type: 'scaleTo', params: { version: 'stable', share: 0 } } },
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
      always: blueIsBack,
      on: { 'fleet.changed': blueIsBack },
    },
    // Traffic is back on blue; green stays abortScaleDownDelay (Argo's abortScaleDownDelaySeconds,
    // for good with its 0), then goes (docs/features/scaledown-aborted-rs.md).
    keepingGreen: {
      tags: TAGS.rolledBack,
      after: { abortScaleDownDelay: { guard: 'scalesGreenDownAfterAbort', target: 'rolledBack' } },
    },
    rolledBack: { type: 'final', tags: TAGS.rolledBack, entry: { type: 'scaleTo', params: { version: 'candidate', share: 0 } } },
  },
});
