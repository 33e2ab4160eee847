// The simulated clock and the event queue, plus scheduled callbacks for controllers and statecharts.
// Model events (arrivals, departures…) are plain numbers dispatched by the world; callbacks are the
// rare, irregular events (a pattern's pause ending) that need a closure.
import { EventQueue } from './eventQueue';

/** The queue kind reserved for scheduled callbacks; other kinds belong to the world. */
export const EV_CALLBACK = 0;

/** The clock interface XState's `createActor(machine, { clock })` expects, in milliseconds. */
interface ActorClock {
  setTimeout(fn: (...args: unknown[]) => void, timeout: number): unknown;
  clearTimeout(id: unknown): void;
}

export class BudgetExceededError extends Error {}

export class Engine {
  readonly queue = new EventQueue();
  /** simulated time, seconds */
  now = 0;
  events = 0;
  private readonly callbacks = new Map<number, () => void>();
  private nextCallbackId = 1;

  /** events allowed in all; the run may lower it for a while (see runtime/progressGuard) */
  constructor(public eventBudget: number) {}

  /** Runs fn at simulated time `at` (seconds); returns an id for cancel(). */
  schedule(at: number, fn: () => void): number {
    const id = this.nextCallbackId++;
    this.callbacks.set(id, fn);
    this.queue.push(Math.max(at, this.now), EV_CALLBACK, id);
    return id;
  }

  /**
   * Runs fn at simulated time `at` as an act from outside the model: before any other event at the
   * same time, ordered among acts by `order` (not by when it was scheduled), so an act scheduled
   * live, just before its time, lands exactly where it would have had it been scheduled at time 0.
   */
  scheduleAct(at: number, order: number, fn: () => void): number {
    if (at < this.now) throw new Error(`an act at t=${at}s cannot be scheduled: the simulation is already at t=${this.now}s`);
    const id = this.nextCallbackId++;
    this.callbacks.set(id, fn);
    this.queue.pushAct(at, EV_CALLBACK, id, order);
    return id;
  }

  cancel(id: number): void {
    this.callbacks.delete(id);
  }

  runCallback(id: number): void {
    const fn = this.callbacks.get(id);
    if (!fn) return; // cancelled
    this.callbacks.delete(id);
    fn();
  }

  /** Counts one event; stops a runaway scenario with a clear error. */
  countEvent(): void {
    if (++this.events > this.eventBudget) {
      throw new BudgetExceededError(
        `the simulation stopped after ${this.eventBudget.toLocaleString('en-US')} events at t=${this.now.toFixed(1)}s: ` +
          'the scenario generates more events than the budget allows (lower traffic.rps or duration)',
      );
    }
  }

  /** A clock for XState actors whose delays run on simulated time. */
  actorClock(): ActorClock {
    return {
      setTimeout: (fn, ms) => this.schedule(this.now + ms / 1000, () => fn()),
      clearTimeout: (id) => this.cancel(id as number),
    };
  }
}
