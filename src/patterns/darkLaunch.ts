// Dark launch (Istio/Flagger traffic mirroring, internal dogfooding): the new version is deployed but
// not exposed. It receives a mirrored copy of production requests, whose answers are thrown away,
// and serves internal users for real. It is judged on that traffic; only then is it released to
// everyone. Mirroring doubles the load the new version carries, and duplicates any writes it makes.
import { enqueueActions, setup } from 'xstate';
import { type BaseContext, type PatternEvent, type PatternInput, TAGS, analysisOf, baseContext, fleetReady, pausedState, platform, progressingReactions, recorded, waitFor } from './common';
import type { DarkLaunchOptions } from './options';

type Context = BaseContext<DarkLaunchOptions>;

const deployDark = { type: 'scaleTo' as const, params: { version: 'candidate' as const, share: 1 } };
const release = { type: 'cutOver' as const, params: { to: 'candidate' as const, from: 'stable' as const } };

export const darkLaunchMachine = setup({
  types: { context: {} as Context, events: {} as PatternEvent, input: {} as PatternInput<DarkLaunchOptions> },
  ...platform,
  delays: { ...platform.delays, duration: ({ context }) => context.options.duration * 1000 },
  actions: {
    ...platform.actions,
    startShadowing: enqueueActions(({ context, enqueue }) => {
      enqueue({ type: 'mirror', params: { version: 'candidate', share: context.options.mirror } });
      if (context.options.internalUsers) enqueue({ type: 'routeMatching', params: { matches: [{ internal: true }] } });
    }),
  },
}).createMachine({
  id: 'dark-launch',
  context: ({ input }) => baseContext(input),
  initial: 'idle',
  states: {
    idle: { after: { untilRollout: 'progressing' } },
    progressing: {
      tags: TAGS.progressing,
      initial: 'deploying',
      states: {
        deploying: {
          entry: deployDark,
          ...waitFor(fleetReady('candidate'), 'shadowing'),
        },
        shadowing: {
          entry: 'startShadowing',
          invoke: analysisOf((c: Context) => c.options.analysis, false),
          after: {
            duration: {
              actions: [
                {
                  type: 'decide',
                  params: ({ context: c }) => ({
                    from: 'shadowing',
                    to: 'succeeded',
                    reason: 'duration elapsed',
                    what: `released ${c.versions.candidate} to everyone after ${c.options.duration} s in the dark`,
                  }),
                },
                release,
              ],
              target: '#dark-launch.succeeded',
            },
          },
        },
      },
      on: {
        ...progressingReactions('dark-launch', 'tearing the dark version down; no external user saw it'),
        // Released by hand: still only once the dark fleet is ready (see `releasing`).
        PROMOTE: recorded('releasing', 'progressing'),
      },
    },
    paused: {
      ...pausedState('dark-launch'),
      on: {
        ...pausedState('dark-launch').on,
        PROMOTE: recorded('releasing', 'paused'),
      },
    },
    // Released by hand: as soon as the dark fleet is ready, never onto a fleet still starting.
    releasing: {
      tags: TAGS.progressing,
      entry: deployDark,
      ...waitFor(fleetReady('candidate'), 'succeeded', release),
    },
    succeeded: { type: 'final', tags: TAGS.succeeded },
    aborted: { tags: TAGS.rollingBack, entry: { type: 'routeBack', params: { to: 'stable', from: 'candidate' } }, always: 'rolledBack' },
    rolledBack: { type: 'final', tags: TAGS.rolledBack },
  },
});
