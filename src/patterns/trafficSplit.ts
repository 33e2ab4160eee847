// Traffic splitting (Istio VirtualService match rules, Flagger A/B routing, Argo setHeaderRoute):
// the new version gets traffic by user attributes or weight, stage by stage — EU first, then EU and
// US, then everyone. Rolling back routes everyone to the stable version at once.
import { assign, setup } from 'xstate';
import { type BaseContext, type PatternEvent, type PatternInput, TAGS, analysisOf, baseContext, fleetReady, pausedState, platform, progressingReactions, waitFor } from './common';
import type { TrafficSplitOptions, TrafficSplitStage } from './options';

interface Context extends BaseContext<TrafficSplitOptions> {
  stage: number;
}

type Args = { context: Context };
const current = (c: Context): TrafficSplitStage | undefined => c.options.stages[c.stage];
/** The stage's fleet: as many instances as the share of traffic it sends to the new version (at least one). */
const stageFleet = ({ context }: Args) => {
  const s = current(context);
  const share = !s ? 1 : s.match ? { matching: s.match } : (s.weight ?? 0);
  return { version: 'candidate' as const, share, min: 1 };
};
const applyStage = ({ context }: Args) => {
  const s = current(context)!;
  return s.match ? { matching: s.match, share: 0 } : { share: s.weight ?? 0 };
};

export const trafficSplitMachine = setup({
  types: { context: {} as Context, events: {} as PatternEvent, input: {} as PatternInput<TrafficSplitOptions> },
  ...platform,
  delays: {
    ...platform.delays,
    stagePause: ({ context }) => (current(context)?.pause ?? 0) * 1000,
  },
  guards: {
    ...platform.guards,
    noMoreStages: ({ context }) => context.stage >= context.options.stages.length,
    isFullWeight: ({ context }) => !current(context)?.match && current(context)?.weight === 1,
    waitsForHuman: ({ context }) => current(context)?.pause === null,
  },
  actions: {
    ...platform.actions,
    nextStage: assign({ stage: ({ context }) => context.stage + 1 }),
  },
}).createMachine({
  id: 'traffic-split',
  context: ({ input }) => ({ ...baseContext(input), stage: 0 }),
  initial: 'idle',
  states: {
    idle: { after: { untilRollout: 'progressing' } },
    progressing: {
      tags: TAGS.progressing,
      invoke: analysisOf((c: Context) => c.options.analysis, false),
      initial: 'stage',
      states: {
        stage: {
          always: [
            { guard: 'noMoreStages', target: '#traffic-split.promoting' },
            { guard: 'isFullWeight', target: '#traffic-split.promoting' },
            { target: 'scaling' },
          ],
        },
        scaling: {
          entry: { type: 'scaleTo', params: stageFleet },
          ...waitFor({ type: 'fleetReady', params: stageFleet }, 'stagePause', { type: 'routeStage', params: applyStage }),
        },
        stagePause: {
          always: { guard: 'waitsForHuman', actions: 'nextStage', target: '#traffic-split.paused' },
          after: { stagePause: { actions: 'nextStage', target: 'stage' } },
        },
      },
      on: progressingReactions('traffic-split', 'routing everyone back'),
    },
    paused: pausedState('traffic-split'),
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
