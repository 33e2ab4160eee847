// Big bang (Kubernetes Deployment strategy Recreate): every old instance is terminated, then every
// new one is started. Users get 503s in between. An optional verification analysis after the switch
// can only undo the release the same way: recreate the old version.
import { not, setup } from 'xstate';
import { type BaseContext, type PatternEvent, type PatternInput, TAGS, analysisOf, baseContext, fleetReady, platform, recorded, waitFor } from './common';
import type { BigBangOptions } from './options';

type Context = BaseContext<BigBangOptions>;

const gone = (version: 'stable' | 'candidate') => ({ type: 'fleetGone' as const, params: { version } });
const scale = (version: 'stable' | 'candidate', share: number) => ({ type: 'scaleTo' as const, params: { version, share } });

export const bigBangMachine = setup({
  types: { context: {} as Context, events: {} as PatternEvent, input: {} as PatternInput<BigBangOptions> },
  ...platform,
  guards: {
    ...platform.guards,
    hasAnalysis: ({ context }) => context.options.analysis !== undefined,
  },
}).createMachine({
  id: 'big-bang',
  context: ({ input }) => baseContext(input),
  initial: 'idle',
  states: {
    idle: { entry: 'usePool', after: { untilRollout: 'progressing' } },
    progressing: {
      tags: TAGS.progressing,
      initial: 'terminating',
      states: {
        // Recreate waits for every old instance to finish before starting new ones.
        terminating: {
          entry: scale('stable', 0),
          ...waitFor(gone('stable'), 'creating'),
        },
        creating: {
          entry: scale('candidate', 1),
          ...waitFor(fleetReady('candidate'), '#big-bang.promoting'),
        },
      },
      on: { ABORT: recorded('aborted', 'progressing') },
    },
    promoting: {
      tags: TAGS.progressing,
      entry: 'markRolledOut',
      always: { guard: not('hasAnalysis'), target: 'succeeded' },
      initial: 'verifying',
      states: {
        verifying: {
          invoke: analysisOf((c: Context) => c.options.analysis, true),
        },
      },
      on: {
        'analysis.passed': 'succeeded',
        'analysis.inconclusive': recorded('paused', 'promoting'),
        'analysis.failed': recorded('aborted', 'promoting', 'aborted', 'recreating the old version'),
        ABORT: recorded('aborted', 'promoting'),
      },
    },
    // Verification could not judge (too little traffic): the new version serves, a human decides.
    paused: {
      tags: TAGS.paused,
      on: {
        RESUME: recorded('promoting', 'paused'),
        PROMOTE: recorded('succeeded', 'paused'),
        ABORT: recorded('aborted', 'paused'),
      },
    },
    succeeded: { type: 'final', tags: TAGS.succeeded },
    aborted: {
      tags: TAGS.rollingBack,
      initial: 'terminating',
      states: {
        terminating: {
          entry: scale('candidate', 0),
          ...waitFor(gone('candidate'), 'creating'),
        },
        creating: {
          entry: scale('stable', 1),
          ...waitFor(fleetReady('stable'), '#big-bang.rolledBack', 'markRecovered'),
        },
      },
    },
    rolledBack: { type: 'final', tags: TAGS.rolledBack },
  },
});
