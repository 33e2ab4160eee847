import type { ManualAction } from '../patterns/manualAction';
import type { Fault } from '../world/faults/types';

// The validated, normalised scenario the engine consumes.
// All durations are in seconds, all rates and shares are fractions (0.05 = 5%).

export type { LoadBalancer, ServiceTimeSpec, VersionSpec, FleetSpec, TrafficShape, TrafficSpec, UsersSpec, RolloutSpec, WorldSpec } from '../world/spec';
export type { PatternName, CompareEntry, RunOutcome } from '../patterns/names';
import type { RunOutcome } from '../patterns/names';
import type { WorldSpec } from '../world/spec';
import type { CompareEntry } from '../patterns/names';

/** A scenario is the world it builds plus the runs to compare and the lesson around them. */
export interface Scenario extends WorldSpec {
  schemaVersion: 1;
  title: string;
  summary?: string;
  seed: number;
  compare: CompareEntry[];
  /** scripted human actions, sent to the runs at their simulated times (a parsed file always has the list) */
  manual?: ManualAction[];
  /** what the learner should take away (a parsed file always has the list, [] by default) */
  objectives?: string[];
  /** a short story that sets the scene; may contain markdown */
  narrative?: string;
  /** per run label, what `sim check` verifies across seeds */
  expect?: ScenarioExpectation;
  /** where each expectation is written in the file (present with `expect`) */
  expectPositions?: Record<string, ExpectationPositions>;
}

/** A scenario read from a file: the lists that default to [] are always there. */
export type ParsedScenario = Scenario & { faults: Fault[]; objectives: string[]; manual: ManualAction[] };


/** The run totals an expectation can bound (seconds for *Seconds, milliseconds for latencyP99Ms). */
export type RunMetric =
  | 'requests' | 'ok' | 'errors' | 'rejected' | 'usersAffected' | 'usersAffectedExternal'
  | 'rolloutSeconds' | 'detectionSeconds' | 'recoverySeconds' | 'instanceSeconds' | 'conversions'
  | 'latencyP99Ms' | 'latencyP95Ms' | 'latencyMeanMs'
  | 'abLift' | 'abPValue' | 'abSamples';

/** What one fault cost a run (see `FaultCost`) that an expectation can bound. */
export type FaultMetric = 'failedRequests' | 'usersAffected' | 'corruptedWrites' | 'duplicatedWrites';

/** Inclusive bounds on a measured value; at least one is given. */
export interface ExpectBounds {
  min?: number;
  max?: number;
}

/** What one run (a `compare` label) must show, in every seed checked. */
export interface RunExpectation {
  /** the run's outcome must be one of these */
  outcome?: RunOutcome[];
  bounds: Partial<Record<RunMetric, ExpectBounds>>;
  /** the A/B test's winner ("none": no decision) */
  abWinner?: 'A' | 'B' | 'none';
  /** fault label → bounds on what that fault cost the run */
  faults: Record<string, Partial<Record<FaultMetric, ExpectBounds>>>;
}

/** run label → its expectation */
export type ScenarioExpectation = Record<string, RunExpectation>;

/** 1-based line and column in the scenario file. */
export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * Where one run's expectation is written: `at` is its label; `fields` has each checked item by its
 * path under the label: "outcome", "abWinner", "usersAffected.max", "fault.outage.failedRequests.min".
 */
export interface ExpectationPositions {
  at: SourcePosition;
  fields: Record<string, SourcePosition>;
}
