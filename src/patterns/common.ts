// The building blocks every pattern machine shares: its input (data only), the events it hears,
// the platform's vocabulary, and the pieces of statechart several patterns are made of — waiting
// for the fleet, an analysis invocation, a recorded decision, the paused state.
import type { AnalysisEvent } from './analysis';
import type { AnalysisOptions } from './options';
import { platformActions, platformDelays, platformGuards } from './vocabulary';
import { analysisActor } from './analysis';

export interface PatternInput<O> {
  options: O;
  label: string;
  /** the versions rolled from and to, by name, for the decision sentences */
  versions: { stable: string; candidate: string };
  /** the fleet's desired size */
  instances: number;
}

/** Manual controls, as a human at the console would use them. */
type ManualEvent =
  | { type: 'PROMOTE' }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'ABORT' }
  /** the flag console: only feature toggles listen */
  | { type: 'FLAG_ON' }
  | { type: 'FLAG_OFF' };
/** The fleet changed (an instance became ready): controllers re-check what they wait for. */
type FleetEvent = { type: 'fleet.changed' };
export type PatternEvent = ManualEvent | FleetEvent | AnalysisEvent;

export type BaseContext<O> = PatternInput<O>;

/** A machine's context before its own fields: the input as it came. */
export const baseContext = <O>(input: PatternInput<O>): BaseContext<O> => ({ ...input });

/** What every pattern's `setup` starts from: the platform's vocabulary and the analysis run. */
export const platform = {
  actors: { analysis: analysisActor },
  actions: platformActions,
  guards: platformGuards,
  delays: platformDelays,
};

/**
 * Tags on the top-level states: how far the release got, read by the runtime instead of state names.
 * A run's outcome is the tag of the state it ends in (none of them: incomplete).
 */
export const TAGS = {
  steady: 'steady',
  progressing: 'progressing',
  paused: 'paused',
  rollingBack: 'rollingBack',
  succeeded: 'succeeded',
  rolledBack: 'rolledBack',
  concluded: 'concluded',
} as const;

/** A transition a judge or a human causes: go to `target` and record why. */
export function recorded(target: string, from: string, to: string = target.replace(/^#[^.]+\./, ''), consequence?: string) {
  return { target, actions: { type: 'recordDecision' as const, params: { from, to, ...(consequence ? { consequence } : {}) } } };
}

/** The analysis run a state invokes: the candidate judged against the stable version. */
export function analysisOf<C>(spec: (context: C) => AnalysisOptions | undefined, bounded: boolean) {
  return {
    src: 'analysis' as const,
    input: ({ context }: { context: C }) => ({ spec: spec(context), bounded }),
  };
}

/** What a paused rollout hears: resume where it was, promote, or abort. */
export function pausedState(machine: string) {
  return {
    tags: TAGS.paused,
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
export function waitFor<const G>(guard: G, target: string): { always: { guard: G; target: string }; on: { 'fleet.changed': { guard: G; target: string } } };
export function waitFor<const G, const A>(guard: G, target: string, actions: A): { always: { guard: G; target: string; actions: A }; on: { 'fleet.changed': { guard: G; target: string; actions: A } } };
export function waitFor(guard: unknown, target: string, actions?: unknown) {
  const transition = actions === undefined ? { guard, target } : { guard, target, actions };
  return { always: transition, on: { 'fleet.changed': transition } };
}

/** The platform's guard: at least `share` of the instances of `version` (and `min`) are ready. */
export const fleetReady = (version: 'stable' | 'candidate', share = 1) => ({ type: 'fleetReady' as const, params: { version, share } });
