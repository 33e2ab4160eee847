// The main parameters of each fault kind, as a learner sets them in the fault palette and as a
// shared link carries them: a short, ordered list per kind. The rest of a fault takes the scenario
// format's defaults (see src/scenario/faults/kinds.ts), so an act is a small thing to read and share.
import type { FaultKind } from '../../world/faults/types';

export type ParamType =
  /** a version's name, one of the scenario's versions */
  | 'version'
  /** a fraction from 0 to 1, shown as a percentage */
  | 'share'
  /** a plain number */
  | 'number'
  /** simulated seconds */
  | 'seconds'
  /** an availability zone */
  | 'zone'
  /** a user attribute's value (a platform, a region) */
  | 'text';

export interface FaultParam {
  name: string;
  type: ParamType;
  /** what the palette says beside the field */
  label: string;
  /** the palette's starting value; null: left out */
  initial: string | number | null;
  /** null is a valid value (the field may be left empty) */
  optional?: boolean;
  min?: number;
  max?: number;
}

const version = (optional = false): FaultParam => ({ name: 'version', type: 'version', label: 'version', initial: optional ? null : 'new', optional });
const share = (name: string, label: string, initial: number, min = 0): FaultParam => ({ name, type: 'share', label, initial, min, max: 1 });

export const FAULT_PARAMS: Record<FaultKind, FaultParam[]> = {
  'error-rate': [version(), share('rate', 'failing requests', 0.2)],
  latency: [version(), { name: 'factor', type: 'number', label: 'service time ×', initial: 5, min: 0.01, max: 1000 }],
  'crash-loop': [version(), { name: 'after', type: 'seconds', label: 'crash after (s, empty: at start)', initial: null, optional: true, min: 0.001, max: 86_400 }],
  'memory-leak': [version(), { name: 'per', type: 'seconds', label: 'per uptime (s)', initial: 300, min: 1, max: 86_400 }, share('errorRate', 'errors added per step', 0.02)],
  segment: [version(), { name: 'platform', type: 'text', label: 'platform', initial: 'android' }, share('rate', 'failing requests', 0.5)],
  'conversion-drop': [version(), share('drop', 'conversion drop', 0.3)],
  'dependency-outage': [share('rate', 'failing requests', 0.3)],
  'instance-loss': [
    { name: 'count', type: 'number', label: 'instances (or a zone)', initial: 3, optional: true, min: 1, max: 10_000 },
    { name: 'zone', type: 'zone', label: 'zone', initial: null, optional: true },
    version(true),
  ],
  'traffic-spike': [{ name: 'factor', type: 'number', label: 'requests ×', initial: 3, min: 1.01, max: 100 }],
  'mixed-version': [share('rate', 'failing switches', 1)],
  'cold-start': [version(true), { name: 'warmup', type: 'seconds', label: 'warm-up (s)', initial: 60, min: 1, max: 86_400 }, { name: 'factor', type: 'number', label: 'service time ×', initial: 3, min: 1, max: 1000 }],
  'bad-writes': [version(), share('rate', 'corrupted writes', 0.1)],
  'assignment-loss': [version(), share('share', 'users never logged as exposed', 0.1)],
};

/** A fault's duration in the palette when none is chosen: a window a learner can watch end. */
export const DEFAULT_FAULT_SECONDS = 180;

export const ZONES = ['a', 'b', 'c'];
