// A/B test (GrowthBook, Optimizely, Flagger's A/B): users are split between variants by a sticky
// hash and a business metric — per-user conversion — decides. The fixed method reads the test once,
// at its horizon (minSamples users per variant); the sequential method may look every interval and
// stay valid. A sample-ratio mismatch means the split itself is broken: the experiment halts.
import { assign, setup } from 'xstate';
import { type BaseContext, type DecisionParams, type PatternEvent, type PatternInput, once, recordDecision, recorded, untilRollout } from './common';
import { abLook, planned } from './decisions';
import type { AbTestOptions } from './options';
import type { AbVerdict, ArmStats } from '../judges/types';
import { count, pEquals, percent } from '../judges/format';
import { judgeFixed } from '../judges/abTest';
import { planAbTest } from '../judges/abPlan';
import { SEQUENTIAL_TUNING, initialSequentialState, judgeSequential, type SequentialState } from '../judges/sequential';

interface Context extends BaseContext {
  options: AbTestOptions;
  a: number;
  b: number;
  startedAt: number;
  sequential: SequentialState;
  verdict: AbVerdict | null;
}

const percentOf = (arm: ArmStats) => percent(arm.users > 0 ? arm.converters / arm.users : 0);
const shareA = (c: Context) => c.options.variants[0].weight / (c.options.variants[0].weight + c.options.variants[1].weight);
const bScale = (c: Context) => Math.max(1, Math.ceil(c.platform.instances * (1 - shareA(c))));

/** The current read: sequential (always valid, carrying its state) or the fixed test. */
function read(c: Context): AbVerdict & { state?: SequentialState } {
  const [a, b] = arms(c);
  if (c.options.method === 'sequential') {
    return judgeSequential(a, b, c.options.alpha, c.sequential, shareA(c), c.options.sequentialTuning ?? SEQUENTIAL_TUNING);
  }
  return judgeFixed(a, b, c.options.alpha, shareA(c));
}

/** The run record's abTest: the verdict, the method and what the planned test could see. */
function record(c: Context, v: AbVerdict, winner: string | null) {
  const o = c.options;
  return {
    winner,
    lift: v.lift,
    liftInterval: v.liftInterval,
    pValue: v.pValue,
    samples: v.samples,
    method: o.method,
    srmPValue: v.srmPValue,
    plan: planAbTest(c.platform.world.versions.conversionRate[c.a], o.minSamples, o.alpha),
  };
}

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
      const v = read(context);
      if (v.state) return { verdict: v, sequential: v.state };
      // The fixed test is read once, when both variants reach the horizon; before that only SRM is checked.
      const [a, b] = arms(context);
      const atHorizon = Math.min(a.users, b.users) >= context.options.minSamples;
      return { verdict: atHorizon || v.srm ? v : null };
    }),
    measure: ({ context }) => {
      const p = context.platform;
      const [a, b] = arms(context);
      p.measure(abLook(p.now, p.measurements.length + 1, context.verdict, a.users + b.users, context.options.minSamples));
    },
    report: ({ context }) => {
      const v = context.verdict;
      if (!v) return;
      const winner = v.winner === null ? null : context.options.variants[v.winner === 'A' ? 0 : 1].name;
      context.platform.abTest = record(context, v, winner);
    },
    decide: ({ context }, params: { to: string; what: string }) => {
      const p = context.platform;
      const v = context.verdict;
      if (params.to === 'rolledBack' || params.to === 'halted') p.markDetected();
      p.decide(planned(p.now, context.label, 'Running', params.to, v?.srm ? 'sample ratio mismatch' : 'experiment read', `${params.what}: ${v?.text ?? 'no verdict'}`, v ? { ...v } : undefined));
    },
    recordTimeout: ({ context }) => {
      // No decision was taken, so none is reported: the sequential method's always-valid p-value
      // (never the fixed-horizon one, which peeking would make meaningless), and no winner.
      const p = context.platform;
      const v = read(context);
      p.abTest = record(context, { ...v, winner: null }, null);
      const method = context.options.method === 'sequential' ? 'always-valid ' : 'before its horizon, ';
      const [a, b] = arms(context);
      const reading = `B converts ${percentOf(b)} vs A ${percentOf(a)} (${method}${pEquals(v.pValue)}, n=${count(v.samples)})`;
      p.decide(planned(p.now, context.label, 'Running', 'concluded', 'maxDuration', `ended without a decision after maxDuration ${context.options.maxDuration} s: ${reading} → no winner; A stays`, { ...v, winner: null }));
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
              after: { interval: { actions: ['look', 'measure'], target: 'Collecting', reenter: true } },
              always: [
                { guard: 'srm', actions: ['report', { type: 'decide', params: { to: 'halted', what: 'halted' } }], target: '#ab-test.halted' },
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
