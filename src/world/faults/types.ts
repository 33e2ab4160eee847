// The fault catalogue, as the scenario layer hands it over (durations in seconds, shares as fractions).
// Every fault has a kind, a start (a time, or a rollout phase), an optional duration, a target and a magnitude.
// Each kind's own fields and effects live in kinds/, one file per kind.
import type { BadWritesFault } from './kinds/badWrites';
import type { ColdStartFault } from './kinds/coldStart';
import type { ConversionDropFault } from './kinds/conversionDrop';
import type { CrashLoopFault } from './kinds/crashLoop';
import type { DependencyOutageFault } from './kinds/dependencyOutage';
import type { ErrorRateFault } from './kinds/errorRate';
import type { InstanceLossFault } from './kinds/instanceLoss';
import type { LatencyFault } from './kinds/latency';
import type { MemoryLeakFault } from './kinds/memoryLeak';
import type { MixedVersionFault } from './kinds/mixedVersion';
import type { SegmentFault } from './kinds/segment';
import type { TrafficSpikeFault } from './kinds/trafficSpike';
import type { FaultStart } from './start';
export type { FaultStart } from './start';

interface FaultBase {
  start: FaultStart;
  /** seconds; null: until the end of the run */
  duration: number | null;
  /** a name for reports; defaults to the kind */
  label: string;
}

export type Fault = FaultBase &
  (
    | ErrorRateFault
    | LatencyFault
    | CrashLoopFault
    | MemoryLeakFault
    | SegmentFault
    | ConversionDropFault
    | DependencyOutageFault
    | InstanceLossFault
    | TrafficSpikeFault
    | MixedVersionFault
    | ColdStartFault
    | BadWritesFault
  );

export type FaultKind = Fault['kind'];

export const FAULT_KINDS: FaultKind[] = [
  'error-rate', 'latency', 'crash-loop', 'memory-leak', 'segment', 'conversion-drop',
  'dependency-outage', 'instance-loss', 'traffic-spike', 'mixed-version', 'cold-start', 'bad-writes',
];

/** What one fault cost one run. */
export interface FaultCost {
  label: string;
  kind: FaultKind;
  /** when it started (null: its trigger never came) */
  startedAt: number | null;
  /** requests that failed because of it (errors and 503s) */
  failedRequests: number;
  /** users who saw at least one of those failures */
  usersAffected: number;
  /** writes corrupted by it, and writes duplicated by mirroring while it was active */
  corruptedWrites: number;
  duplicatedWrites: number;
}
