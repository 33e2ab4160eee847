// A/B test (GrowthBook, Optimizely, Flagger's A/B): users are split between variants by a sticky
// hash and a business metric — per-user conversion — decides. The fixed method reads the test once,
// at its horizon (minSamples users per variant); the sequential method may look every interval and
// stay valid. A sample-ratio mismatch means the split itself is broken: the experiment halts.
import { assign, setup } from 'xstate';
import { type BaseContext, type PatternEvent, type PatternInput, TAGS, baseContext, platform, recorded, waitFor } from './common';
import { abLook } from './decisions';
import type { AbTestOptions } from './options';
import type { AbTestRecord } from './report';
import type { VersionRef } from './vocabulary';
import type { AbVerdict, ArmStats } from '../judges/types';
import { count, pEquals, percent } from '../judges/format';
import { judgeFixed } from '../judges/abTest';
import { planAbTest } from '../judges/abPlan';
import { SEQUENTIAL_TUNING, initialSequentialState, judgeSequential, type SequentialState } from '../judges/sequential';

/** The users the platform counted per variant, at simulated time t (sent when asked with readExperiment). */
export interface ExperimentReading {
  t: number;
  a: ArmStats;
  b: ArmStats;
  /** control's conversion rate as planned, for the test's power */
  baselineRate: number;
}
type ExperimentEvent = ({ type: 'experiment.read' } | { type: 'experiment.ended' }) & ExperimentReading;
type Event = PatternEvent | ExperimentEvent;

interface Context extends BaseContext<AbTestOptions> {
  a: VersionRef;
  b: VersionRef;
  looks: number;
  baselineRate: number;
  sequential: SequentialState;
  verdict: AbVerdict | null;
  deadline: number;
}
type Args = { context: Context; event: Event };

const percentOf = (arm: ArmStats) => percent(arm.users > 0 ? arm.converters / arm.users : 0);
const shareA = (c: Context) => c.options.variants[0].weight / (c.options.variants[0].weight + c.options.variants[1].weight);
const reading = (event: Event) => event as ExperimentEvent;

/** The current read: sequential (always valid, carrying its state) or the fixed test. */
function read(c: Context, { a, b }: ExperimentReading): AbVerdict & { state?: SequentialState } {
  if (c.options.method === 'sequential') {
    return judgeSequential(a, b, c.options.alpha, c.sequential, shareA(c), c.options.sequentialTuning ?? SEQUENTIAL_TUNING);
  }
  return judgeFixed(a, b, c.options.alpha, shareA(c));
}

/** The run record's abTest: the verdict, the method and what the planned test could see. */
function record(c: Context, v: AbVerdict, winner: string | null, baselineRate: number): AbTestRecord {
  const o = c.options;
  return { winner, lift: v.lift, liftInterval: v.liftInterval, pValue: v.pValue, samples: v.samples, method: o.method, srmPValue: v.srmPValue, plan: planAbTest(baselineRate, o.minSamples, o.alpha) };
}

/** A read experiment decides: report the result, record why. */
const decided = (to: string, what: string) => [
  {
    type: 'reportAbTest' as const,
    params: ({ context: c }: Args) => {
      const v = c.verdict!;
      return { record: record(c, v, v.winner === null ? null : c.options.variants[v.winner === 'A' ? 0 : 1].name, c.baselineRate) };
    },
  },
  {
    type: 'decide' as const,
    params: ({ context: { verdict: v } }: Args) => ({
      from: 'running',
      to,
      reason: v?.srm ? 'sample ratio mismatch' : 'experiment read',
      what: `${what}: ${v?.text ?? 'no verdict'}`,
      evidence: v ? { ...v } : undefined,
      detected: to === 'rolledBack' || to === 'halted',
    }),
  },
];

/** No decision was taken, so none is reported: the sequential method's always-valid p-value, and no winner. */
const timedOut = [
  {
    type: 'reportAbTest' as const,
    params: ({ context: c, event }: Args) => ({ record: record(c, { ...read(c, reading(event)), winner: null }, null, reading(event).baselineRate) }),
  },
  {
    type: 'decide' as const,
    params: ({ context: c, event }: Args) => {
      // never the fixed-horizon p-value before the horizon, which peeking would make meaningless
      const { a, b } = reading(event);
      const v = read(c, reading(event));
      const method = c.options.method === 'sequential' ? 'always-valid ' : 'before its horizon, ';
      const said = `B converts ${percentOf(b)} vs A ${percentOf(a)} (${method}${pEquals(v.pValue)}, n=${count(v.samples)})`;
      return { from: 'running', to: 'concluded', reason: 'maxDuration', what: `ended without a decision after maxDuration ${c.options.maxDuration} s: ${said} → no winner; A stays`, evidence: { ...v, winner: null } };
    },
  },
];

const keepA = { type: 'routeBack' as const, params: ({ context: c }: Args) => ({ to: c.a, from: c.b }) };
const bFleet = (share: (c: Context) => number) => ({ type: 'fleetReady' as const, params: ({ context: c }: Args) => ({ version: c.b, share: share(c), min: 1 }) });
const bShare = (c: Context) => 1 - shareA(c);

export const abTestMachine = setup({
  types: { context: {} as Context, events: {} as Event, input: {} as PatternInput<AbTestOptions> },
  ...platform,
  delays: { ...platform.delays, interval: ({ context }) => context.options.interval * 1000 },
  guards: {
    ...platform.guards,
    srm: ({ context }) => context.verdict?.srm === true,
    bWins: ({ context }) => context.verdict?.winner === 'B',
    aWins: ({ context }) => context.verdict?.winner === 'A',
    /** the fixed test was read at its horizon and found nothing */
    horizonReached: ({ context }) => context.options.method === 'fixed' && context.verdict !== null,
  },
  actions: {
    ...platform.actions,
    look: assign(({ context, event }) => {
      const r = reading(event);
      const looks = context.looks + 1;
      const v = read(context, r);
      if (v.state) return { looks, baselineRate: r.baselineRate, verdict: v, sequential: v.state };
      // The fixed test is read once, when both variants reach the horizon; before that only SRM is checked.
      const atHorizon = Math.min(r.a.users, r.b.users) >= context.options.minSamples;
      return { looks, baselineRate: r.baselineRate, verdict: atHorizon || v.srm ? v : null };
    }),
  },
}).createMachine({
  id: 'ab-test',
  context: ({ input }) => ({
    ...baseContext(input),
    a: { name: input.options.variants[0].version },
    b: { name: input.options.variants[1].version },
    looks: 0,
    baselineRate: 0,
    sequential: initialSequentialState(),
    verdict: null,
    deadline: 0,
  }),
  initial: 'idle',
  states: {
    idle: { after: { untilRollout: 'progressing' } },
    progressing: {
      tags: TAGS.progressing,
      initial: 'deploying',
      states: {
        deploying: {
          entry: { type: 'scaleTo', params: ({ context: c }) => ({ version: c.b, share: bShare(c), min: 1 }) },
          ...waitFor(bFleet(bShare), 'running'),
        },
        running: {
          entry: [
            'enrolUsers',
            { type: 'splitUsers', params: ({ context: c }) => ({ split: [{ version: c.a, weight: shareA(c) }, { version: c.b, weight: 1 - shareA(c) }] }) },
            { type: 'setDeadline', params: ({ context: c }) => ({ seconds: c.options.maxDuration }) },
          ],
          initial: 'collecting',
          states: {
            collecting: {
              after: { interval: { actions: { type: 'readExperiment', params: ({ context: c }) => ({ a: c.a, b: c.b }) }, target: 'collecting', reenter: true } },
              on: {
                'experiment.read': {
                  actions: [
                    'look',
                    {
                      type: 'measure',
                      params: ({ context: c, event }) => {
                        const { t, a, b } = reading(event);
                        return { measurement: abLook(t, c.looks, c.verdict, a.users + b.users, c.options.minSamples) };
                      },
                    },
                  ],
                },
              },
              always: [
                { guard: 'srm', actions: decided('halted', 'halted'), target: '#ab-test.halted' },
                { guard: 'bWins', actions: decided('promoting', 'B wins, shipping B to everyone'), target: '#ab-test.promoting' },
                { guard: 'aWins', actions: decided('rolledBack', 'B is worse, keeping A'), target: '#ab-test.aborted' },
                { guard: 'horizonReached', actions: decided('concluded', 'no significant difference at the horizon, keeping A'), target: '#ab-test.concluded' },
              ],
            },
          },
          // At maxDuration the experiment is read once more, and ends without a decision.
          after: { untilDeadline: { actions: { type: 'readExperiment', params: ({ context: c }) => ({ a: c.a, b: c.b, ended: true }) } } },
          on: { 'experiment.ended': { actions: timedOut, target: '#ab-test.concluded' } },
        },
      },
      on: {
        PROMOTE: recorded('promoting', 'progressing'),
        ABORT: recorded('aborted', 'progressing'),
      },
    },
    promoting: {
      tags: TAGS.progressing,
      entry: { type: 'scaleTo', params: ({ context: c }) => ({ version: c.b, share: 1 }) },
      ...waitFor(bFleet(() => 1), 'succeeded', { type: 'cutOver', params: ({ context: c }: Args) => ({ to: c.b, from: c.a }) }),
    },
    succeeded: { type: 'final', tags: TAGS.succeeded },
    aborted: { tags: TAGS.rollingBack, entry: keepA, always: 'rolledBack' },
    rolledBack: { type: 'final', tags: TAGS.rolledBack },
    // No decision: A keeps serving everyone.
    concluded: { entry: keepA, type: 'final', tags: TAGS.concluded },
    halted: { entry: keepA, type: 'final', tags: TAGS.concluded },
  },
});
