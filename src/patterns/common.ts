// What every pattern machine shares: its input, the events it hears, the delay until the rollout
// starts, and the actions that write decision records.
import type { AnalysisEvent } from './analysisActor';
import type { Platform } from './platform';
import { analysisFailed, analysisInconclusive, planned } from './decisions';
import type { AnalysisOptions } from './options';

export interface PatternInput<O> {
  platform: Platform;
  options: O;
  label: string;
}

/** Manual controls, as a human at the console would use them. */
export type ManualEvent =
  | { type: 'PROMOTE' }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'ABORT' }
  /** the flag console: only feature toggles listen */
  | { type: 'FLAG_ON' }
  | { type: 'FLAG_OFF' };
/** The fleet changed (an instance became ready): controllers re-check what they wait for. */
export type FleetEvent = { type: 'fleet.changed' };
export type PatternEvent = ManualEvent | FleetEvent | AnalysisEvent;

export interface BaseContext {
  platform: Platform;
  label: string;
}

/** Milliseconds on the actor clock until the rollout starts. */
export const untilRollout = ({ context }: { context: BaseContext }) =>
  Math.max(0, context.platform.rolloutAt - context.platform.now) * 1000;

export type DecisionParams = { from: string; to: string; consequence?: string };

/** Records why a judge or a human moved the rollout, with the evidence. */
export function recordDecision(context: BaseContext, event: PatternEvent, params: DecisionParams): void {
  const { platform, label } = context;
  const t = platform.now;
  switch (event.type) {
    case 'analysis.failed':
      platform.markDetected();
      platform.decide(analysisFailed(t, label, params.from, params.to, event.verdict, event.failedChecks, event.failureLimit, params.consequence ?? 'rolling back', event.errors));
      return;
    case 'analysis.inconclusive':
      platform.decide(analysisInconclusive(t, label, params.from, params.to, event.verdict, event.minSamples));
      return;
    case 'PROMOTE':
    case 'PAUSE':
    case 'RESUME':
    case 'ABORT':
    case 'FLAG_ON':
    case 'FLAG_OFF': {
      if (event.type === 'ABORT' || event.type === 'FLAG_OFF') platform.markDetected();
      const what = {
        PROMOTE: 'promoted by hand',
        PAUSE: 'paused by hand',
        RESUME: 'resumed by hand',
        ABORT: 'aborted by hand → rolling back',
        FLAG_ON: 'flag turned on for everyone by hand',
        FLAG_OFF: 'flag turned off by hand (kill switch)',
      }[event.type];
      platform.decide(planned(t, label, params.from, params.to, `manual ${event.type.toLowerCase()}`, what));
      return;
    }
    default:
      return;
  }
}

/** A transition a judge or a human causes: go to `target` and record why. */
export function recorded(target: string, from: string, to: string = target.replace(/^#[^.]+\./, ''), consequence?: string) {
  return { target, actions: { type: 'recordDecision' as const, params: { from, to, ...(consequence ? { consequence } : {}) } } };
}

/** The analysis run a state invokes: the candidate judged against the stable version. */
export function analysisOf<C extends BaseContext>(spec: (context: C) => AnalysisOptions | undefined, bounded: boolean) {
  return {
    src: 'analysis' as const,
    input: ({ context }: { context: C }) => ({
      platform: context.platform,
      spec: spec(context),
      candidate: context.platform.candidate,
      baseline: context.platform.stable,
      bounded,
    }),
  };
}

/** What a paused rollout hears: resume where it was, promote, or abort. */
export function pausedState(machine: string) {
  return {
    on: {
      RESUME: recorded('progressing', 'paused'),
      PROMOTE: recorded(`#${machine}.promoting`, 'paused'),
      ABORT: recorded(`#${machine}.aborted`, 'paused'),
    },
  };
}

/** How a progressing rollout reacts to its analysis and to a human. */
export function progressingReactions(machine: string, consequence?: string) {
  return {
    'analysis.failed': recorded(`#${machine}.aborted`, 'progressing', 'aborted', consequence),
    'analysis.inconclusive': recorded(`#${machine}.paused`, 'progressing'),
    PAUSE: recorded(`#${machine}.paused`, 'progressing'),
    ABORT: recorded(`#${machine}.aborted`, 'progressing'),
    PROMOTE: recorded(`#${machine}.promoting`, 'progressing'),
  };
}

/**
 * Waits for the fleet: take the transition as soon as `guard` holds, on entry or after any fleet
 * change (an instance became ready or terminated).
 */
export function once<G extends string>(guard: G, target: string): { always: { guard: G; target: string }; on: { 'fleet.changed': { guard: G; target: string } } };
export function once<G extends string, const A extends string | readonly string[]>(guard: G, target: string, actions: A): { always: { guard: G; target: string; actions: A }; on: { 'fleet.changed': { guard: G; target: string; actions: A } } };
export function once(guard: string, target: string, actions?: string | readonly string[]) {
  const transition = actions === undefined ? { guard, target } : { guard, target, actions };
  return { always: transition, on: { 'fleet.changed': transition } };
}
