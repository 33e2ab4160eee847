// Traffic splitting (Istio VirtualService match rules, Flagger A/B routing, Argo setHeaderRoute):
// the new version gets traffic by user attributes or weight, stage by stage — EU first, then EU and
// US, then everyone. Rolling back routes everyone to the stable version at once.
import { assign, setup } from 'xstate';
import { analysisActor } from './analysisActor';
import { type BaseContext, type DecisionParams, type PatternEvent, type PatternInput, analysisOf, once, pausedState, progressingReactions, recordDecision, untilRollout } from './common';
import type { TrafficSplitOptions, TrafficSplitStage } from './options';

interface Context extends BaseContext {
  options: TrafficSplitOptions;
  stage: number;
}

const current = (c: Context): TrafficSplitStage | undefined => c.options.stages[c.stage];
/** The share of traffic the stage sends to the new version, to size its fleet. */
const stageShare = (c: Context) => {
  const s = current(c);
  if (!s) return 1;
  return s.match ? c.platform.shareMatching([s.match]) : (s.weight ?? 0);
};
const stageScale = (c: Context) => Math.max(1, Math.ceil(c.platform.instances * stageShare(c)));

export const trafficSplitMachine = setup({
  types: { context: {} as Context, events: {} as PatternEvent, input: {} as PatternInput<TrafficSplitOptions> },
  actors: { analysis: analysisActor },
  delays: {
    untilRollout,
    stagePause: ({ context }) => (current(context)?.pause ?? 0) * 1000,
  },
  guards: {
    noMoreStages: ({ context }) => context.stage >= context.options.stages.length,
    isFullWeight: ({ context }) => !current(context)?.match && current(context)?.weight === 1,
    candidateReadyForStage: ({ context }) => context.platform.ready(context.platform.candidate) >= stageScale(context),
    candidateFullyReady: ({ context }) => context.platform.ready(context.platform.candidate) >= context.platform.instances,
    waitsForHuman: ({ context }) => current(context)?.pause === null,
  },
  actions: {
    recordDecision: ({ context, event }, params: DecisionParams) => recordDecision(context, event, params),
    scaleForStage: ({ context }) => context.platform.scaleTo(context.platform.candidate, stageScale(context)),
    applyStage: ({ context }) => {
      const s = current(context)!;
      const p = context.platform;
      if (s.match) {
        p.setCandidateWeight(0);
        p.routeMatchingToCandidate([s.match]);
      } else {
        p.routeMatchingToCandidate([]);
        p.setCandidateWeight(s.weight ?? 0);
      }
    },
    nextStage: assign({ stage: ({ context }) => context.stage + 1 }),
    scaleCandidateToFull: ({ context }) => context.platform.scaleTo(context.platform.candidate, context.platform.instances),
    switchToCandidate: ({ context: { platform: p } }) => p.cutOver(p.candidate, p.stable),
    routeBack: ({ context: { platform: p } }) => p.routeBack(p.stable, p.candidate),
  },
}).createMachine({
  id: 'traffic-split',
  context: ({ input }) => ({ platform: input.platform, label: input.label, options: input.options, stage: 0 }),
  initial: 'idle',
  states: {
    idle: { after: { untilRollout: 'progressing' } },
    progressing: {
      invoke: analysisOf((c: Context) => c.options.analysis, false),
      initial: 'stage',
      states: {
        stage: {
          always: [
            { guard: 'noMoreStages', target: '#traffic-split.promoting' },
            { guard: 'isFullWeight', target: '#traffic-split.promoting' },
            { target: 'Scaling' },
          ],
        },
        Scaling: {
          entry: 'scaleForStage',
          ...once('candidateReadyForStage', 'StagePause', 'applyStage'),
        },
        StagePause: {
          always: { guard: 'waitsForHuman', actions: 'nextStage', target: '#traffic-split.paused' },
          after: { stagePause: { actions: 'nextStage', target: 'stage' } },
        },
      },
      on: progressingReactions('traffic-split', 'routing everyone back'),
    },
    paused: pausedState('traffic-split'),
    promoting: {
      entry: 'scaleCandidateToFull',
      ...once('candidateFullyReady', 'succeeded', 'switchToCandidate'),
    },
    succeeded: { type: 'final' },
    aborted: { entry: 'routeBack', always: 'rolledBack' },
    rolledBack: { type: 'final' },
  },
});
