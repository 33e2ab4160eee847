// One reconcile step of a Kubernetes rolling update (the Deployment controller's arithmetic):
// how many new instances may exist and how many old ones may go, given maxSurge and maxUnavailable.
import type { CountOrPercent } from './options';

/** maxSurge rounds up, maxUnavailable rounds down, as in Kubernetes. */
export function resolveCount(value: CountOrPercent, desired: number, roundUp: boolean): number {
  if (value.kind === 'count') return value.value;
  const exact = value.value * desired;
  return roundUp ? Math.ceil(exact - 1e-9) : Math.floor(exact + 1e-9);
}

export interface RollingState {
  desired: number;
  surge: number;
  unavailable: number;
  /** live (starting or ready) and available instances of the version rolled to and from */
  targetLive: number;
  targetAvailable: number;
  sourceLive: number;
  sourceAvailable: number;
}

export interface RollingStep {
  /** live instances the target version should have */
  targetLive: number;
  /** source instances to drain now */
  drainSource: number;
  done: boolean;
}

export function planRollingStep(s: RollingState): RollingStep {
  // Kubernetes refuses maxSurge = maxUnavailable = 0; progress needs one of them.
  const surge = s.surge === 0 && s.unavailable === 0 ? 1 : s.surge;
  const targetLive = Math.min(s.desired, Math.max(s.targetLive, s.desired + surge - s.sourceLive));
  const minAvailable = s.desired - s.unavailable;
  const targetUnavailable = targetLive - s.targetAvailable;
  // Old instances may go while enough instances stay available (unready old ones may always go).
  const sourceUnavailable = s.sourceLive - s.sourceAvailable;
  const removable = targetLive + s.sourceLive - minAvailable - targetUnavailable;
  const drainSource = Math.max(0, Math.min(s.sourceLive, Math.max(removable, sourceUnavailable)));
  const done = s.targetAvailable >= s.desired && s.sourceLive === 0;
  return { targetLive, drainSource, done };
}
