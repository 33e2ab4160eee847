// Rolling update (Kubernetes Deployment RollingUpdate): instances are replaced a few at a time,
// within maxSurge and maxUnavailable, one service over old and new alike. Kubernetes itself never
// rolls back: without analysis a failing update stalls at progressDeadline (ProgressDeadlineExceeded).
// With analysis (as Argo Rollouts adds), a failure rolls forward to the old version, instance by instance.
import { assign, setup } from 'xstate';
import { analysisActor } from './analysisActor';
import { type BaseContext, type DecisionParams, type PatternEvent, type PatternInput, analysisOf, recordDecision, recorded, untilRollout } from './common';
import { planned } from './decisions';
import type { RollingOptions } from './options';
import { planRollingStep, resolveCount } from './rollingPlan';

interface Context extends BaseContext {
  options: RollingOptions;
  /** the version being rolled to, and from (swapped by a rollback) */
  target: number;
  source: number;
  /** progress: available target instances last seen, and when that last grew */
  progress: number;
  progressAt: number;
}

type Event = PatternEvent | { type: 'deadline.check' };

/**
 * Reconciles like the Deployment controller: start target instances, drain source ones, within the
 * limits, and again while that changes anything (draining a starting instance ends it at once, which
 * can allow the next step without any later event to wake us).
 */
function reconcile(c: Context, wake: () => void): void {
  const p = c.platform;
  const minReady = c.options.minReadySeconds;
  const desired = p.instances;
  for (let changed = true, rounds = 0; changed && rounds < 2 * desired + 2; rounds++) {
    const step = planRollingStep({
      desired,
      surge: resolveCount(c.options.maxSurge, desired, true),
      unavailable: resolveCount(c.options.maxUnavailable, desired, false),
      targetLive: p.live(c.target),
      targetAvailable: p.available(c.target, minReady),
      sourceLive: p.live(c.source),
      sourceAvailable: p.available(c.source, 0),
    });
    changed = step.targetLive > p.live(c.target) || step.drainSource > 0;
    if (step.targetLive > p.live(c.target)) p.scaleTo(c.target, step.targetLive);
    if (step.drainSource > 0) p.drainSome(c.source, step.drainSource);
  }
  // minReadySeconds has no event of its own: wake up when the next instance becomes available.
  const next = p.nextAvailableAt(c.target, minReady);
  if (next !== null) p.at(next, wake);
}

const availableTarget = (c: Context) => c.platform.available(c.target, c.options.minReadySeconds);

export const rollingMachine = setup({
  types: { context: {} as Context, events: {} as Event, input: {} as PatternInput<RollingOptions> },
  actors: { analysis: analysisActor },
  delays: {
    untilRollout,
    untilDeadline: ({ context }) => Math.max(0, context.progressAt + context.options.progressDeadline - context.platform.now) * 1000,
  },
  guards: {
    complete: ({ context }) => availableTarget(context) >= context.platform.instances && context.platform.live(context.source) === 0,
    stalled: ({ context }) => context.platform.now >= context.progressAt + context.options.progressDeadline,
  },
  actions: {
    recordDecision: ({ context, event }, params: DecisionParams) => recordDecision(context, event as PatternEvent, params),
    reconcile: ({ context, self }) => reconcile(context, () => self.getSnapshot().status === 'active' && self.send({ type: 'fleet.changed' })),
    pool: ({ context }) => context.platform.usePool(),
    startClock: assign(({ context }) => ({ progress: availableTarget(context), progressAt: context.platform.now })),
    noteProgress: assign(({ context }) =>
      availableTarget(context) > context.progress ? { progress: availableTarget(context), progressAt: context.platform.now } : {},
    ),
    reverse: assign(({ context }) => ({ target: context.platform.stable, source: context.platform.candidate })),
    markRolledOut: ({ context }) => context.platform.markFullyRolledOut(),
    markRecovered: ({ context }) => context.platform.markRecovered(),
    recordStall: ({ context }) => {
      const p = context.platform;
      p.decide(
        planned(p.now, context.label, 'progressing', 'paused', 'ProgressDeadlineExceeded',
          `stalled: no new instance became available for ${context.options.progressDeadline} s (ProgressDeadlineExceeded); Kubernetes does not roll back on its own`,
          { progressDeadline: context.options.progressDeadline, available: context.progress, desired: p.instances }),
      );
    },
  },
}).createMachine({
  id: 'rolling',
  context: ({ input }) => ({
    platform: input.platform,
    label: input.label,
    options: input.options,
    target: input.platform.candidate,
    source: input.platform.stable,
    progress: 0,
    progressAt: 0,
  }),
  initial: 'idle',
  states: {
    idle: { entry: 'pool', after: { untilRollout: 'progressing' } },
    progressing: {
      entry: 'startClock',
      invoke: analysisOf((c: Context) => c.options.analysis, false),
      initial: 'Rolling',
      states: {
        Rolling: {
          entry: ['reconcile', 'noteProgress'],
          always: { guard: 'complete', actions: 'markRolledOut', target: '#rolling.succeeded' },
          on: { 'fleet.changed': { actions: ['reconcile', 'noteProgress'] } },
          after: { untilDeadline: { target: 'Rolling', reenter: true } },
        },
      },
      always: { guard: 'stalled', actions: 'recordStall', target: 'paused' },
      on: {
        'analysis.failed': recorded('aborted', 'progressing', 'aborted', 'rolling back instance by instance'),
        'analysis.inconclusive': recorded('paused', 'progressing'),
        PAUSE: recorded('paused', 'progressing'),
        ABORT: recorded('aborted', 'progressing'),
      },
    },
    paused: {
      on: {
        RESUME: recorded('progressing', 'paused'),
        ABORT: recorded('aborted', 'paused'),
      },
    },
    succeeded: { type: 'final' },
    aborted: {
      entry: ['reverse', 'reconcile'],
      always: { guard: 'complete', actions: 'markRecovered', target: 'rolledBack' },
      on: { 'fleet.changed': { actions: 'reconcile' } },
    },
    rolledBack: { type: 'final' },
  },
});
