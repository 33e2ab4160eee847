// What a pattern's statechart may ask of the platform: named, parameterised actions, guards and
// delays. The machines only name them; the runtime supplies the one implementation of each with
// `machine.provide(...)`. Without it (drawing a statechart, walking it in a test) the actions do
// nothing, the fleet is never ready and the delays are zero: a machine needs no world to exist.
import type { UserMatchSpec } from '../world/userMatch';
import type { CountOrPercent, FlagRuleOptions } from './options';
import type { AbTestRecord, Measurement } from './report';

/** A version as a machine names it: the rollout's two sides, or a version by its name (A/B variants). */
export type VersionRef = 'stable' | 'candidate' | { name: string };

/** How much of the fleet: a share of the instances (rounded up), or the share of users a match selects now. */
export type FleetShare = number | { matching: UserMatchSpec };

export interface ScaleParams {
  version: VersionRef;
  share: FleetShare;
  /** at least this many instances (a canary of 1% still gets one) */
  min?: number;
}

/** Why a judge or a human moved the rollout: the states left and entered, and what happens next. */
export type DecisionParams = { from: string; to: string; consequence?: string };

/** A decision that is not a judge's (a plan step, a timeout, a read experiment), with its sentence. */
export interface PlannedDecision {
  from: string;
  to: string;
  reason: string;
  what: string;
  evidence?: Record<string, unknown>;
  /** the decision reacts to a problem (rollback, halt): it counts as detection */
  detected?: boolean;
}

export interface RollingParams {
  target: VersionRef;
  source: VersionRef;
  maxSurge: CountOrPercent;
  maxUnavailable: CountOrPercent;
  minReadySeconds: number;
}

/** An implementation the platform supplies; declared here with its parameters' type only. */
const declared =
  <P = undefined>() =>
  (_: unknown, _params: P): void => {};
const neverTrue =
  <P = undefined>() =>
  (_: unknown, _params: P): boolean => false;

export const platformActions = {
  // fleet
  scaleTo: declared<ScaleParams>(),
  /** the Deployment controller's reconcile step of a rolling update (rollingPlan.ts) */
  reconcile: declared<RollingParams>(),
  // routing
  /** one service over every ready instance, whatever its version */
  usePool: declared(),
  routeAllTo: declared<{ version: VersionRef }>(),
  /** `share` of traffic to the candidate, the rest to the stable version */
  setWeight: declared<{ share: number }>(),
  /** users matching any of `matches` go to the candidate, the rest follow the weights */
  routeMatching: declared<{ matches: UserMatchSpec[] }>(),
  /** a traffic-split stage: the users `matching` selects, or else `share` of all traffic, to the candidate */
  routeStage: declared<{ matching?: UserMatchSpec; share: number }>(),
  /** users split by a sticky hash between versions (an experiment) */
  splitUsers: declared<{ split: { version: VersionRef; weight: number }[] }>(),
  /** copy a share of requests (or about `rps` requests per second) to a version; its answers are dropped */
  mirror: declared<{ version: VersionRef; share?: number; rps?: number }>(),
  stopMirror: declared(),
  /** release done: everyone on `to`, the other version scaled away */
  cutOver: declared<{ to: VersionRef; from: VersionRef }>(),
  /** rollback: everyone back on `to` at once, the other version scaled away */
  routeBack: declared<{ to: VersionRef; from: VersionRef }>(),
  /** the feature flag: a sticky share of users after the targeting rules */
  setFlag: declared<{ rollout: number; rules: FlagRuleOptions[] }>(),
  /** the flag off for everyone; recovered once every instance has the change */
  killSwitch: declared(),
  // the run's report
  recordDecision: declared<DecisionParams>(),
  decide: declared<PlannedDecision>(),
  /** one measurement of the run (an A/B test's look) */
  measure: declared<{ measurement: Measurement }>(),
  reportAbTest: declared<{ record: AbTestRecord }>(),
  markRolledOut: declared(),
  markRecovered: declared(),
  /** context.deadline = now + seconds */
  setDeadline: declared<{ seconds: number }>(),
  /** rolling: context.progress = available instances of the version; the deadline moves on while it grows */
  trackProgress: declared<{ version: VersionRef; minReadySeconds: number; deadlineSeconds: number; restart: boolean }>(),
  /** count users per variant from now on (an experiment starts) */
  enrolUsers: declared(),
  /** sends the machine `experiment.read` (or `experiment.ended`) with the users counted per variant */
  readExperiment: declared<{ a: VersionRef; b: VersionRef; ended?: boolean }>(),
};

export const platformGuards = {
  /** at least `share` of the fleet (and `min`) of the version is ready */
  fleetReady: neverTrue<ScaleParams>(),
  /** no instance of the version runs or drains any more */
  fleetGone: neverTrue<{ version: VersionRef }>(),
  /** the whole fleet is `target`, available for minReadySeconds, and nothing of `source` is left */
  fleetReplaced: neverTrue<{ target: VersionRef; source: VersionRef; minReadySeconds: number }>(),
  /** simulated time has reached context.deadline */
  deadlinePassed: neverTrue(),
};

/** Milliseconds on the actor clock: until the scenario's rollout starts, until context.deadline, until the simulated second context.scheduledAt. */
export const platformDelays = {
  untilRollout: 0,
  untilDeadline: 0,
  untilScheduled: 0,
};
