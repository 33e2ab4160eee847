// Dark launch (Istio/Flagger traffic mirroring, internal dogfooding): the new version is deployed but
// not exposed. It receives a mirrored copy of production requests, whose answers are thrown away,
// and serves internal users for real. It is judged on that traffic; only then is it released to
// everyone. Mirroring doubles the load the new version carries, and duplicates any writes it makes.
import { setup } from 'xstate';
import { analysisActor } from './analysisActor';
import { type BaseContext, type DecisionParams, type PatternEvent, type PatternInput, analysisOf, once, pausedState, progressingReactions, recordDecision, recorded, untilRollout } from './common';
import { planned } from './decisions';
import type { DarkLaunchOptions } from './options';

interface Context extends BaseContext {
  options: DarkLaunchOptions;
}

export const darkLaunchMachine = setup({
  types: { context: {} as Context, events: {} as PatternEvent, input: {} as PatternInput<DarkLaunchOptions> },
  actors: { analysis: analysisActor },
  delays: { untilRollout, duration: ({ context }) => context.options.duration * 1000 },
  guards: {
    darkReady: ({ context }) => context.platform.ready(context.platform.candidate) >= context.platform.instances,
  },
  actions: {
    recordDecision: ({ context, event }, params: DecisionParams) => recordDecision(context, event, params),
    deployDark: ({ context }) => context.platform.scaleTo(context.platform.candidate, context.platform.instances),
    startShadowing: ({ context }) => {
      const p = context.platform;
      p.mirror(p.candidate, context.options.mirror);
      if (context.options.internalUsers) p.routeMatchingToCandidate([{ internal: true }]);
    },
    release: ({ context: { platform: p } }) => p.cutOver(p.candidate, p.stable),
    recordRelease: ({ context }) => {
      const p = context.platform;
      p.decide(planned(p.now, context.label, 'Shadowing', 'succeeded', 'duration elapsed', `released ${p.versionName(p.candidate)} to everyone after ${context.options.duration} s in the dark`));
    },
    tearDown: ({ context: { platform: p } }) => p.routeBack(p.stable, p.candidate),
  },
}).createMachine({
  id: 'dark-launch',
  context: ({ input }) => ({ platform: input.platform, label: input.label, options: input.options }),
  initial: 'idle',
  states: {
    idle: { after: { untilRollout: 'progressing' } },
    progressing: {
      initial: 'Deploying',
      states: {
        Deploying: {
          entry: 'deployDark',
          ...once('darkReady', 'Shadowing'),
        },
        Shadowing: {
          entry: 'startShadowing',
          invoke: analysisOf((c: Context) => c.options.analysis, false),
          after: { duration: { actions: ['recordRelease', 'release'], target: '#dark-launch.succeeded' } },
        },
      },
      on: {
        ...progressingReactions('dark-launch', 'tearing the dark version down; no external user saw it'),
        // Released by hand: still only once the dark fleet is ready (see `releasing`).
        PROMOTE: recorded('releasing', 'progressing'),
      },
    },
    paused: {
      on: {
        ...pausedState('dark-launch').on,
        PROMOTE: recorded('releasing', 'paused'),
      },
    },
    // Released by hand: as soon as the dark fleet is ready, never onto a fleet still starting.
    releasing: {
      entry: 'deployDark',
      ...once('darkReady', 'succeeded', 'release'),
    },
    succeeded: { type: 'final' },
    aborted: { entry: 'tearDown', always: 'rolledBack' },
    rolledBack: { type: 'final' },
  },
});
