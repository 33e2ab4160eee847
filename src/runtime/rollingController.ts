// The Deployment controller of a rolling update, on the platform: its reconcile step, and the
// progress it watches for progressDeadlineSeconds.
import { planRollingStep, resolveCount } from '../patterns/rollingPlan';
import type { RollingParams } from '../patterns/vocabulary';
import type { Platform } from './platform';

/**
 * Reconciles like the Deployment controller: start target instances, drain source ones, within the
 * limits, and again while that changes anything (draining a starting instance ends it at once, which
 * can allow the next step without any later event to wake us). `wake` runs when the next instance
 * becomes available, since minReadySeconds has no event of its own.
 */
export function reconcile(p: Platform, target: number, source: number, o: RollingParams, wake: () => void): void {
  const minReady = o.minReadySeconds;
  const desired = p.instances;
  for (let changed = true, rounds = 0; changed && rounds < 2 * desired + 2; rounds++) {
    const step = planRollingStep({
      desired,
      surge: resolveCount(o.maxSurge, desired, true),
      unavailable: resolveCount(o.maxUnavailable, desired, false),
      targetLive: p.live(target),
      targetAvailable: p.available(target, minReady),
      sourceLive: p.live(source),
      sourceAvailable: p.available(source, 0),
    });
    changed = step.targetLive > p.live(target) || step.drainSource > 0;
    if (step.targetLive > p.live(target)) p.scaleTo(target, step.targetLive);
    if (step.drainSource > 0) p.drainSome(source, step.drainSource);
  }
  const next = p.nextAvailableAt(target, minReady);
  if (next !== null) p.at(next, wake);
}
