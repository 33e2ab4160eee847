// Rolling update (Kubernetes Deployment RollingUpdate): instances are replaced a few at a time,
// within maxSurge and maxUnavailable, one service over old and new alike. Kubernetes itself never
// rolls back: without analysis a failing update stalls at progressDeadline (ProgressDeadlineExceeded).
// With analysis (as Argo Rollouts adds), a failure rolls forward to the old version, instance by instance.
// The replacing itself is the Deployment controller's (`reconcile`, see rollingPlan.ts).
import { assign, setup } from 'xstate';
import { type BaseContext, type PatternEvent, type PatternInput, TAGS, analysisOf, baseContext, platform, recorded } from './common';
import type { RollingOptions } from './options';

interface Context extends BaseContext<RollingOptions> {
  /** the version being rolled to, and from (swapped by a rollback) */
  target: 'stable' | 'candidate';
  source: 'stable' | 'candidate';
  /** progress: available target instances last seen; the deadline moves on each time that grows */
  progress: number;
  deadline: number;
}

type Event = PatternEvent | { type: 'deadline.check' };

type Args = { context: Context };
const reconcile = { type: 'reconcile' as const, params: ({ context: c }: Args) => ({ target: c.target, source: c.source, ...c.options }) };
const replaced = { type: 'fleetReplaced' as const, params: ({ context: c }: Args) => ({ target: c.target, source: c.source, minReadySeconds: c.options.minReadySeconds }) };
const trackProgress = (restart: boolean) => ({
  type: 'trackProgress' as const,
  params: ({ context: c }: Args) => ({ version: c.target, minReadySeconds: c.options.minReadySeconds, deadlineSeconds: c.options.progressDeadline, restart }),
});
/** ProgressDeadlineExceeded, with the progress it saw. */
const stall = {
  type: 'decide' as const,
  params: ({ context: c }: Args) => ({
    from: 'progressing',
    to: 'paused',
    reason: 'ProgressDeadlineExceeded',
    what: `stalled: no new instance became available for ${c.options.progressDeadline} s (ProgressDeadlineExceeded); Kubernetes does not roll back on its own`,
    evidence: { progressDeadline: c.options.progressDeadline, available: c.progress, desired: c.instances },
  }),
};

export const rollingMachine = setup({
  types: { context: {} as Context, events: {} as Event, input: {} as PatternInput<RollingOptions> },
  ...platform,
  actions: {
    ...platform.actions,
    reverse: assign({ target: 'stable', source: 'candidate' }),
  },
}).createMachine({
  id: 'rolling',
  context: ({ input }) => ({ ...baseContext(input), target: 'candidate', source: 'stable', progress: 0, deadline: 0 }),
  initial: 'idle',
  states: {
    idle: { entry: 'usePool', after: { untilRollout: 'progressing' } },
    progressing: {
      tags: TAGS.progressing,
      entry: trackProgress(true),
      invoke: analysisOf((c: Context) => c.options.analysis, false),
      initial: 'rolling',
      states: {
        rolling: {
          entry: [reconcile, trackProgress(false)],
          always: { guard: replaced, actions: 'markRolledOut', target: '#rolling.succeeded' },
          on: { 'fleet.changed': { actions: [reconcile, trackProgress(false)] } },
          after: { untilDeadline: { target: 'rolling', reenter: true } },
        },
      },
      always: { guard: 'deadlinePassed', actions: stall, target: 'paused' },
      on: {
        'analysis.failed': recorded('aborted', 'progressing', 'aborted', 'rolling back instance by instance'),
        'analysis.inconclusive': recorded('paused', 'progressing'),
        PAUSE: recorded('paused', 'progressing'),
        ABORT: recorded('aborted', 'progressing'),
      },
    },
    paused: {
      tags: TAGS.paused,
      on: {
        RESUME: recorded('progressing', 'paused'),
        ABORT: recorded('aborted', 'paused'),
      },
    },
    succeeded: { type: 'final', tags: TAGS.succeeded },
    aborted: {
      tags: TAGS.rollingBack,
      entry: ['reverse', reconcile],
      always: { guard: replaced, actions: 'markRecovered', target: 'rolledBack' },
      on: { 'fleet.changed': { actions: reconcile } },
    },
    rolledBack: { type: 'final', tags: TAGS.rolledBack },
  },
});

