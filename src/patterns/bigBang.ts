// Big bang (Kubernetes Deployment strategy Recreate): every old instance is terminated, then every
// new one is started. Users get 503s in between. An optional verification analysis after the switch
// can only undo the release the same way: recreate the old version.
import { not, setup } from 'xstate';
import { analysisActor } from './analysisActor';
import { type BaseContext, type DecisionParams, type PatternEvent, type PatternInput, analysisOf, once, recordDecision, recorded, untilRollout } from './common';
import type { BigBangOptions } from './options';

interface Context extends BaseContext {
  options: BigBangOptions;
}

export const bigBangMachine = setup({
  types: { context: {} as Context, events: {} as PatternEvent, input: {} as PatternInput<BigBangOptions> },
  actors: { analysis: analysisActor },
  delays: { untilRollout },
  guards: {
    stableGone: ({ context }) => context.platform.running(context.platform.stable) === 0,
    candidateGone: ({ context }) => context.platform.running(context.platform.candidate) === 0,
    candidateReady: ({ context }) => context.platform.ready(context.platform.candidate) >= context.platform.instances,
    stableReady: ({ context }) => context.platform.ready(context.platform.stable) >= context.platform.instances,
    hasAnalysis: ({ context }) => context.options.analysis !== undefined,
  },
  actions: {
    recordDecision: ({ context, event }, params: DecisionParams) => recordDecision(context, event, params),
    pool: ({ context }) => context.platform.usePool(),
    terminateStable: ({ context }) => context.platform.scaleTo(context.platform.stable, 0),
    terminateCandidate: ({ context }) => context.platform.scaleTo(context.platform.candidate, 0),
    createCandidate: ({ context }) => context.platform.scaleTo(context.platform.candidate, context.platform.instances),
    createStable: ({ context }) => context.platform.scaleTo(context.platform.stable, context.platform.instances),
    markRolledOut: ({ context }) => context.platform.markFullyRolledOut(),
    markRecovered: ({ context }) => context.platform.markRecovered(),
  },
}).createMachine({
  id: 'big-bang',
  context: ({ input }) => ({ platform: input.platform, label: input.label, options: input.options }),
  initial: 'idle',
  states: {
    idle: { entry: 'pool', after: { untilRollout: 'progressing' } },
    progressing: {
      initial: 'Terminating',
      states: {
        // Recreate waits for every old instance to finish before starting new ones.
        Terminating: {
          entry: 'terminateStable',
          ...once('stableGone', 'Creating'),
        },
        Creating: {
          entry: 'createCandidate',
          ...once('candidateReady', '#big-bang.promoting'),
        },
      },
      on: { ABORT: recorded('aborted', 'progressing') },
    },
    promoting: {
      entry: 'markRolledOut',
      always: { guard: not('hasAnalysis'), target: 'succeeded' },
      initial: 'Verifying',
      states: {
        Verifying: {
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
      on: {
        RESUME: recorded('promoting', 'paused'),
        PROMOTE: recorded('succeeded', 'paused'),
        ABORT: recorded('aborted', 'paused'),
      },
    },
    succeeded: { type: 'final' },
    aborted: {
      initial: 'Terminating',
      states: {
        Terminating: {
          entry: 'terminateCandidate',
          ...once('candidateGone', 'Creating'),
        },
        Creating: {
          entry: 'createStable',
          ...once('stableReady', '#big-bang.rolledBack', 'markRecovered'),
        },
      },
    },
    rolledBack: { type: 'final' },
  },
});
