// Simulated time must keep moving. A zero delay that schedules itself again (an instance that
// crashes the moment it starts, with no startup time) keeps the clock at one instant while events
// pile up, and a run would spin until its whole event budget was spent: hours, with the page
// showing "Simulating…". So the run advances one simulated second at a time, each with a budget of
// events proportional to the traffic, and stops with a reason when a second needs more.
import { LIMITS } from '../scenario/limits';
import { BudgetExceededError } from '../sim/engine';
import type { World } from '../world/world';

const SLICE_SECONDS = 1;

/** A run stopped because simulated time stopped moving; `path` names the likely cause when known. */
export class ProgressStalledError extends BudgetExceededError {
  constructor(
    message: string,
    readonly path: PropertyKey[],
  ) {
    super(message);
  }
}

/** Events one simulated second may take: LIMITS.eventsPerRequest per request at the peak rate, plus a floor. */
export function eventsAllowedPerSecond(world: World): number {
  return Math.ceil(LIMITS.eventsPerRequest * world.traffic.peakRate + LIMITS.eventsPerSimulatedSecond);
}

/** The key most likely to blame: a zero startup time lets a crashing instance be replaced at the same instant. */
function likelyCause(world: World): PropertyKey[] {
  return world.fleet.startupTime === 0 ? ['fleet', 'startupTime'] : [];
}

/** world.runUntil(end), one simulated second at a time, each second within its event allowance. */
export function runGuarded(world: World, end: number): void {
  const { engine } = world;
  const total = engine.eventBudget;
  const allowed = eventsAllowedPerSecond(world) * SLICE_SECONDS;
  try {
    for (let t = engine.now; t < end; ) {
      t = Math.min(end, t + SLICE_SECONDS);
      engine.eventBudget = Math.min(total, engine.events + allowed);
      world.runUntil(t);
    }
  } catch (error) {
    if (!(error instanceof BudgetExceededError) || engine.events > total) throw error;
    const path = likelyCause(world);
    const where = path.length > 0 ? `; ${path.join('.')} is ${world.fleet.startupTime}s, so a failing instance is replaced at the same instant` : '; look for a delay of zero that repeats';
    throw new ProgressStalledError(
      `simulated time stopped moving at t=${engine.now.toFixed(1)}s: the events of one simulated second exceed the limit of ${allowed.toLocaleString('en-US')} ` +
        `(${LIMITS.eventsPerRequest} per request at the peak rate of ${Math.round(world.traffic.peakRate).toLocaleString('en-US')} requests/s, plus ${LIMITS.eventsPerSimulatedSecond.toLocaleString('en-US')})${where}`,
      path,
    );
  } finally {
    engine.eventBudget = total;
  }
}
