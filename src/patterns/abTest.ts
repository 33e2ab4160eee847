// A/B test (GrowthBook, Optimizely, Flagger's A/B): users are split between variants by a sticky
// hash and a business metric — per-user conversion — decides. The fixed method reads the test once,
// at its horizon (minSamples users per variant); the sequential method may look every interval and
// stay valid. A sample-ratio mismatch means the split itself is broken: the experiment halts.
import { assign, setup } from 'xstate';
import { type BaseContext, type DecisionParams, type PatternEvent, type PatternInput, once, recordDecision, recorded, untilRollout } from './common';
import { planned } from './decisions';
import type { AbTestOptions } from './options';
import type { AbVerdict, ArmStats } from '../judges/types';
import { judgeFixed } from '../judges/abTest';
import { initialSequentialState, judgeSequential, type SequentialState } from '../judges/sequential';

interface Context extends BaseContext {
  options: AbTestOptions;
  a: number;
  b: number;
  startedAt: number;
  sequential: SequentialState;
  verdict: AbVerdict | null;
}

const shareA = (c: Context) => c.options.variants[0].weight / (c.options.variants[0].weight + c.options.variants[1].weight);
const bScale = (c: Context) => Math.max(1, Math.ceil(c.platform.instances * (1 - shareA(c))));

function arms(c: Context): [ArmStats, ArmStats] {
  const r = c.platform.world.recorder;
  return [
    { users: r.usersExposed[c.a], converters: r.usersConverted[c.a] },
    { users: r.usersExposed[c.b], converters: r.usersConverted[c.b] },
  ];
}

export const abTestMachine = setup({
  types: { context: {} as Context, events: {} as PatternEvent, input: {} as PatternInput<AbTestOptions> },
  delays: {
    untilRollout,
    interval: ({ context }) => context.options.interval * 1000,
    untilMaxDuration: ({ context }) => Math.max(0, context.startedAt + context.options.maxDuration - context.platform.now) * 1000,
  },
  guards: {
    bReady: ({ context }) => context.platform.ready(context.b) >= bScale(context),
    bFullyReady: ({ context }) => context.platform.ready(context.b) >= context.platform.instances,
    srm: ({ context }) => context.verdict?.srm === true,
    bWins: ({ context }) => context.verdict?.winner === 'B',
    aWins: ({ context }) => context.verdict?.winner === 'A',
    /** the fixed test was read at its horizon and found nothing */
    horizonReached: ({ context }) => context.options.method === 'fixed' && context.verdict !== null,
  },
  actions: {
    recordDecision: ({ context, event }, params: DecisionParams) => recordDecision(context, event, params),
    deployB: ({ context }) => context.platform.scaleTo(context.b, bScale(context)),
    enrol: ({ context }) => {
      const p = context.platform;
      p.world.recorder.enrol();
      p.setStickyWeights([{ version: context.a, weight: shareA(context) }, { version: context.b, weight: 1 - shareA(context) }]);
    },
    noteStart: assign({ startedAt: ({ context }) => context.platform.now }),
    look: assign(({ context }) => {
      const [a, b] = arms(context);
      if (context.options.method === 'sequential') {
        const v = judgeSequential(a, b, context.options.alpha, context.sequential, shareA(context));
        return { verdict: v, sequential: v.state };
      }
      // The fixed test is read once, when both variants reach the horizon; before that only SRM is checked.
      const v = judgeFixed(a, b, context.options.alpha, shareA(context));
      const atHorizon = Math.min(a.users, b.users) >= context.options.minSamples;
      return { verdict: atHorizon || v.srm ? v : null };
    }),
    report: ({ context }) => {
      const v = context.verdict;
      if (!v) return;
      const winner = v.winner === null ? null : context.options.variants[v.winner === 'A' ? 0 : 1].name;
      context.platform.abTest = { winner, lift: v.lift, pValue: v.pValue, samples: v.samples };
    },
    decide: ({ context }, params: { to: string; what: string }) => {
      const p = context.platform;
      const v = context.verdict;
      if (params.to === 'rolledBack' || params.to === 'halted') p.markDetected();
      p.decide(planned(p.now, context.label, 'Running', params.to, v?.srm ? 'sample ratio mismatch' : 'experiment read', `${params.what}: ${v?.text ?? 'no verdict'}`, v ? { ...v } : undefined));
    },
    recordTimeout: ({ context }) => {
      const p = context.platform;
      const [a, b] = arms(context);
      const v = judgeFixed(a, b, context.options.alpha, shareA(context));
      p.abTest = { winner: null, lift: v.lift, pValue: v.pValue, samples: v.samples };
      p.decide(planned(p.now, context.label, 'Running', 'concluded', 'maxDuration', `ended without a decision after maxDuration ${context.options.maxDuration} s (${v.text}); A stays`));
    },
    keepA: ({ context }) => context.platform.routeBack(context.a, context.b),
    scaleBToFull: ({ context }) => context.platform.scaleTo(context.b, context.platform.instances),
    shipB: ({ context }) => context.platform.cutOver(context.b, context.a),
  },
}).createMachine({
  id: 'ab-test',
  context: ({ input }) => ({
    platform: input.platform,
    label: input.label,
    options: input.options,
    a: input.platform.world.versions.indexOf(input.options.variants[0].version),
    b: input.platform.world.versions.indexOf(input.options.variants[1].version),
    startedAt: 0,
    sequential: initialSequentialState(),
    verdict: null,
  }),
  initial: 'idle',
  states: {
    idle: { after: { untilRollout: 'progressing' } },
    progressing: {
      initial: 'Deploying',
      states: {
        Deploying: {
          entry: 'deployB',
          ...once('bReady', 'Running'),
        },
        Running: {
          entry: ['enrol', 'noteStart'],
          initial: 'Collecting',
          states: {
            Collecting: {
              after: { interval: { actions: 'look', target: 'Collecting', reenter: true } },
              always: [
                { guard: 'srm', actions: ['report', { type: 'decide', params: { to: 'halted', what: 'halted: sample ratio mismatch, the split is broken' } }], target: '#ab-test.halted' },
                { guard: 'bWins', actions: ['report', { type: 'decide', params: { to: 'promoting', what: 'B wins, shipping B to everyone' } }], target: '#ab-test.promoting' },
                { guard: 'aWins', actions: ['report', { type: 'decide', params: { to: 'rolledBack', what: 'B is worse, keeping A' } }], target: '#ab-test.aborted' },
                { guard: 'horizonReached', actions: ['report', { type: 'decide', params: { to: 'concluded', what: 'no significant difference at the horizon, keeping A' } }], target: '#ab-test.concluded' },
              ],
            },
          },
          after: { untilMaxDuration: { actions: 'recordTimeout', target: '#ab-test.concluded' } },
        },
      },
      on: {
        PROMOTE: recorded('promoting', 'progressing'),
        ABORT: recorded('aborted', 'progressing'),
      },
    },
    promoting: {
      entry: 'scaleBToFull',
      ...once('bFullyReady', 'succeeded', 'shipB'),
    },
    succeeded: { type: 'final' },
    aborted: { entry: 'keepA', always: 'rolledBack' },
    rolledBack: { type: 'final' },
    // No decision: A keeps serving everyone.
    concluded: { entry: 'keepA', type: 'final' },
    halted: { entry: 'keepA', type: 'final' },
  },
});
