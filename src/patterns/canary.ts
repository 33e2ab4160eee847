// Canary (Argo Rollouts canary; Flagger): the candidate gets a growing share of traffic in steps —
// setWeight, pause, setCanaryScale, and inline analysis steps that block until their run completes
// (success: the next step; failure: abort; inconclusive: pause) — while a background analysis judges it. With a traffic router (the default) the
// weight is exact and the stable stays at full size; Argo's basic canary (trafficRouting: false)
// sizes both sides by the weight and lets the Service spread traffic over their pods. A failed
// analysis sends all traffic back to the stable version; an inconclusive one pauses the rollout.
// After promotion the old stable stays scaleDownDelay (30 s), after an abort the canary
// abortScaleDownDelay (30 s), as Argo keeps them for a quick way back. Route steps send matched users
// to the canary (A/B) or copy traffic to it (mirroring); a progressDeadline (Flagger's) rolls back a
// canary whose pods are still not ready when it runs out.
import { assign, enqueueActions, not, or, setup } from 'xstate';
import { type BaseContext, type PatternEvent, type PatternInput, TAGS, analysisOf, baseContext, fleetReady, pausedState, platform, progressingReactions, waitFor } from './common';
import type { CanaryOptions, CanaryScale, CanaryStep } from './options';
import { abortScaleDownDelayOf, canaryFleet, isBasicCanary, isDynamicStableScale, scaleDownDelayOf, stableFleet, weightOf } from './canarySizing';

interface Context extends BaseContext<CanaryOptions> {
  step: number;
  /** a background analysis with a startingStep has been started (it is spawned, not invoked) */
  backgroundStarted: boolean;
  /** the canary's instances set apart from its weight (setCanaryScale); null: they follow the weight */
  scale: CanaryScale | null;
}

/** the basic canary and dynamicStableScale run the stable below full size during the steps */
const shrinksStable = (o: CanaryOptions) => isBasicCanary(o) || isDynamicStableScale(o);
const current = (c: Context): CanaryStep | undefined => c.options.steps[c.step];
const stepAnalysis = (c: Context) => {
  const s = current(c);
  return s && 'analysis' in s ? s.analysis : undefined;
};
/** Argo's analysis.startingStep: the background run waits for that step (BeforeStartingStep) */
const startsLater = (o: CanaryOptions) => (o.analysis?.startingStep ?? 0) > 0;
const BACKGROUND = 'background';
const backToStable = ['stopMirror', { type: 'routeAllTo', params: { version: 'stable' } }, 'markRecovered'] as const;

/** Still waiting for the canary's pods when the progress deadline runs out: roll back (Flagger). */
const pastDeadline = { progressDeadline: { guard: 'hasProgressDeadline', actions: 'recordProgressDeadline', target: '#canary.aborted' } } as const;

export const canaryMachine = setup({
  types: { context: {} as Context, events: {} as PatternEvent, input: {} as PatternInput<CanaryOptions> },
  ...platform,
  delays: {
    ...platform.delays,
    stepPause: ({ context }) => {
      const s = current(context);
      return s && 'pause' in s && s.pause !== null ? s.pause * 1000 : 0;
    },
    scaleDownDelay: ({ context }) => scaleDownDelayOf(context.options) * 1000,
    abortScaleDownDelay: ({ context }) => (abortScaleDownDelayOf(context.options) ?? 0) * 1000,
    // no deadline: a timer that never fires (one at 0 s would still be an event of the run)
    progressDeadline: ({ context }) => (context.options.progressDeadline ?? Infinity) * 1000,
  },
  guards: {
    ...platform.guards,
    noMoreSteps: ({ context }) => context.step >= context.options.steps.length,
    isWeightStep: ({ context }) => 'setWeight' in (current(context) ?? {}),
    isScaleStep: ({ context }) => 'setCanaryScale' in (current(context) ?? {}),
    isAnalysis: ({ context }) => 'analysis' in (current(context) ?? {}),
    /** the inline step's run passed (a background run that ends passing moves no step on) */
    stepRunPassed: ({ event }) => event.type === 'analysis.passed' && event.step === true,
    isRouteStep: ({ context }) => {
      const s = current(context) ?? {};
      return 'setHeaderRoute' in s || 'setMirrorRoute' in s;
    },
    hasProgressDeadline: ({ context }) => context.options.progressDeadline !== undefined,
    isTimedPause: ({ context }) => {
      const s = current(context);
      return !!s && 'pause' in s && s.pause !== null;
    },
    stableCanTakeBack: or([not(({ context }) => shrinksStable(context.options)), fleetReady('stable')]),
    scalesCanaryDownAfterAbort: ({ context }) => abortScaleDownDelayOf(context.options) !== null,
    advancesOnChecks: ({ context }) => context.options.holdOnFailedCheck === true && context.options.analysis !== undefined,
    checkPassed: ({ event }) => event.type === 'analysis.check' && event.verdict.verdict !== 'fail',
  },
  actions: {
    ...platform.actions,
    nextStep: assign({ step: ({ context }) => context.step + 1 }),
    takeScale: assign({
      scale: ({ context }) => {
        const s = current(context);
        const scale = s && 'setCanaryScale' in s ? s.setCanaryScale : null;
        return scale && 'matchTrafficWeight' in scale ? null : scale;
      },
    }),
    /** the basic canary's Service spreads requests over every ready pod of both versions */
    routeByPods: enqueueActions(({ context, enqueue }) => {
      if (isBasicCanary(context.options)) enqueue('usePool');
    }),
    /** basic canary: the stable shrinks with the step, beside the canary's growth (Argo scales both in one sync) */
    shrinkStableWithCanary: enqueueActions(({ context, enqueue }) => {
      if (isBasicCanary(context.options)) enqueue({ type: 'scaleTo', params: stableFleet({ context }) });
    }),
    restoreShrunkenStable: enqueueActions(({ context, enqueue }) => {
      if (shrinksStable(context.options)) enqueue({ type: 'scaleTo', params: { version: 'stable', share: 1 } });
    }),
    /** Argo creates the background run once the current step index reaches startingStep */
    startBackgroundAtStartingStep: enqueueActions(({ context, enqueue }) => {
      const spec = context.options.analysis;
      if (!spec || !startsLater(context.options) || context.backgroundStarted) return;
      if (context.step < spec.startingStep! || context.step >= context.options.steps.length) return;
      enqueue.spawnChild('analysis', { id: BACKGROUND, input: { spec, bounded: false } });
      enqueue.assign({ backgroundStarted: true });
    }),
    /** leaving the steps ends the background run, as Argo terminates it */
    stopStartedBackground: enqueueActions(({ context, enqueue }) => {
      if (!context.backgroundStarted) return;
      enqueue.stopChild(BACKGROUND);
      enqueue.assign({ backgroundStarted: false });
    }),
    /** a header route (matched users to the canary) or a mirror route (a copy of the traffic, answers discarded) */
    applyRoute: enqueueActions(({ context, enqueue }) => {
      const s = current(context);
      if (s && 'setHeaderRoute' in s) enqueue({ type: 'routeMatching', params: { matches: s.setHeaderRoute } });
      if (s && 'setMirrorRoute' in s) enqueue(s.setMirrorRoute > 0 ? { type: 'mirror', params: { version: 'candidate', share: s.setMirrorRoute } } : 'stopMirror');
    }),
    /** Flagger's progressDeadlineSeconds ran out while the canary waited for its pods */
    recordProgressDeadline: enqueueActions(({ context: c, enqueue }) => {
      const what = `rolled back: ${c.versions.candidate}'s pods were not ready within progressDeadlineSeconds (${c.options.progressDeadline} s)`;
      enqueue({ type: 'decide', params: { from: 'progressing', to: 'aborted', reason: 'progress deadline exceeded', what, evidence: { progressDeadline: c.options.progressDeadline }, detected: true } });
    }),
    /** the canary is up: a traffic router moves the weight, and dynamicStableScale then shrinks the stable */
    moveWeight: enqueueActions(({ context, enqueue }) => {
      if (isBasicCanary(context.options)) return;
      enqueue({ type: 'setWeight', params: { share: weightOf(context) } });
      if (isDynamicStableScale(context.options)) enqueue({ type: 'scaleTo', params: stableFleet({ context }) });
    }),
  },
}).createMachine({
  id: 'canary',
  context: ({ input }) => ({ ...baseContext(input), step: 0, scale: null, backgroundStarted: false }),
  initial: 'idle',
  states: {
    idle: { after: { untilRollout: { target: 'progressing', actions: 'routeByPods' } } },
    progressing: {
      tags: TAGS.progressing,
      // from the first step, invoked; with a startingStep, spawned when the steps reach it
      invoke: analysisOf((c: Context) => (startsLater(c.options) ? undefined : c.options.analysis), false),
      exit: 'stopStartedBackground',
      initial: 'step',
      states: {
        step: {
          entry: 'startBackgroundAtStartingStep',
          always: [
            { guard: 'noMoreSteps', target: '#canary.promoting' },
            { guard: 'isWeightStep', target: 'settingWeight' },
            { guard: 'isScaleStep', actions: 'takeScale', target: 'settingScale' },
            { guard: 'isAnalysis', target: 'analysisStep' },
            { guard: 'isRouteStep', target: 'settingRoute' },
            { guard: 'isTimedPause', target: 'stepPause' },
            { actions: 'nextStep', target: '#canary.paused' }, // pause: {} — wait for a human, then go on past it
          ],
        },
        settingWeight: {
          entry: [{ type: 'scaleTo', params: canaryFleet }, 'shrinkStableWithCanary'],
          ...waitFor({ type: 'fleetReady', params: canaryFleet }, 'step', ['moveWeight', 'nextStep']),
          after: pastDeadline,
        },
        // setCanaryScale: the canary's size changes, its traffic does not; the next step waits for it.
        settingScale: {
          entry: { type: 'scaleTo', params: canaryFleet },
          ...waitFor({ type: 'fleetReady', params: canaryFleet }, 'step', 'nextStep'),
          after: pastDeadline,
        },
        // A route changes who reaches the canary, not its size: taken at once.
        settingRoute: { entry: ['applyRoute', 'nextStep'], always: 'step' },
        // A timed pause; Flagger's (holdOnFailedCheck) moves on at its next passing check instead, so a
        // failed check holds the weight one interval more, as Flagger's scheduler halts advancement.
        stepPause: {
          always: { guard: 'advancesOnChecks', target: 'awaitingCheck' },
          after: { stepPause: { actions: 'nextStep', target: 'step' } },
        },
        awaitingCheck: { on: { 'analysis.check': { guard: 'checkPassed', actions: 'nextStep', target: 'step' } } },
        // Argo's analysis step: an AnalysisRun of its own, beside the background one; the steps wait
        // for it. A failure aborts and an inconclusive run pauses (the progressing reactions); after a
        // resume the step starts a new run, as Argo's needsNewAnalysisRun does.
        analysisStep: {
          invoke: { src: 'analysis', input: ({ context }: { context: Context }) => ({ spec: stepAnalysis(context), bounded: true, step: true as const }) },
          on: { 'analysis.passed': { guard: 'stepRunPassed', actions: 'nextStep', target: 'step' } },
        },
      },
      on: progressingReactions('canary'),
    },
    paused: pausedState('canary'),
    promoting: {
      tags: TAGS.progressing,
      entry: { type: 'scaleTo', params: { version: 'candidate', share: 1 } },
      ...waitFor(fleetReady('candidate'), 'scalingDown', ['stopMirror', { type: 'routeAllTo', params: { version: 'candidate' } }, 'markRolledOut']),
    },
    // Fully promoted; the old stable stays scaleDownDelay for a quick way back, then goes.
    scalingDown: { tags: TAGS.succeeded, after: { scaleDownDelay: 'succeeded' } },
    succeeded: { type: 'final', tags: TAGS.succeeded, entry: { type: 'scaleTo', params: { version: 'stable', share: 0 } } },
    // With a traffic router and a full stable, traffic goes back at once. The basic canary (and
    // dynamicStableScale) shrank the stable: it is scaled back up before the traffic returns (Argo
    // moves a dynamicStableScale weight back pod by pod as the stable becomes available; the
    // simulated pods start together, so it comes back in one go).
    aborted: {
      tags: TAGS.rollingBack,
      entry: 'restoreShrunkenStable',
      ...waitFor('stableCanTakeBack', 'keepingCanary', backToStable),
    },
    // Rolled back; the canary stays abortScaleDownDelay (for good with Argo's 0), then goes.
    keepingCanary: { tags: TAGS.rolledBack, after: { abortScaleDownDelay: { guard: 'scalesCanaryDownAfterAbort', target: 'rolledBack' } } },
    rolledBack: { type: 'final', tags: TAGS.rolledBack, entry: { type: 'scaleTo', params: { version: 'candidate', share: 0 } } },
  },
});
