// One reconcile step of a Kubernetes rolling update (the Deployment controller's arithmetic):
// how many new instances may exist and how many old ones may go, given maxSurge and maxUnavailable.
import type { CountOrPercent } from './options';

/** maxSurge rounds up, maxUnavailable rounds down, as in Kubernetes. */
export function resolveCount(value: CountOrPercent, desired: number, roundUp: boolean): number {
  if (value.kind === 'count') return value.value;
  const exact = value.value * desired;
  return Math.max(0, roundUp ? Math.ceil(exact - 1e-9) : Math.floor(exact + 1e-9)); // max: never -0
}

/**
 * maxSurge and maxUnavailable resolved together, as Kubernetes' ResolveFenceposts does: when both
 * round to 0, maxUnavailable becomes 1 ("surge might not work due to quota"), so an old instance
 * goes before a new one starts.
 */
export function resolveFenceposts(maxSurge: CountOrPercent, maxUnavailable: CountOrPercent, desired: number): { surge: number; unavailable: number } {
  const surge = resolveCount(maxSurge, desired, true);
  const unavailable = resolveCount(maxUnavailable, desired, false);
  return { surge, unavailable: surge === 0 && unavailable === 0 ? 1 : unavailable };
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

interface RollingStep {
  /** live instances the target version should have */
  targetLive: number;
  /** source instances to drain now */
  drainSource: number;
  done: boolean;
}

export function planRollingStep(s: RollingState): RollingStep {
  // Progress needs one fencepost; when both are 0, Kubernetes lets one instance be unavailable.
  const surge = s.surge;
  const unavailable = s.surge === 0 && s.unavailable === 0 ? 1 : s.unavailable;
  const targetLive = Math.min(s.desired, Math.max(s.targetLive, s.desired + surge - s.sourceLive));
  const minAvailable = s.desired - unavailable;
  const targetUnavailable = targetLive - s.targetAvailable;
  // Old instances may go while enough instances stay available (unready old ones may always go).
  const sourceUnavailable = s.sourceLive - s.sourceAvailable;
  const removable = targetLive + s.sourceLive - minAvailable - targetUnavailable;
  const drainSource = Math.max(0, Math.min(s.sourceLive, Math.max(removable, sourceUnavailable)));
  const done = s.targetAvailable >= s.desired && s.sourceLive === 0;
  return { targetLive, drainSource, done };
}
