// What each fault cost a run: failures it caused, the users who saw them, writes it corrupted.
import type { Fault, FaultCost } from './types';

export class FaultCosts {
  readonly failed: Float64Array;
  readonly users: Float64Array;
  readonly corrupted: Float64Array;
  readonly duplicated: Float64Array;
  readonly startedAt: (number | null)[];
  /** when each fault ended (null: not yet, or never: it lasts to the run's end) */
  readonly endedAt: (number | null)[];
  /** bit f set: user saw a failure caused by fault f (at most 16 faults are told apart) */
  private readonly harm: Uint16Array;

  constructor(private readonly faults: Fault[], users: number) {
    const n = faults.length;
    this.failed = new Float64Array(n);
    this.users = new Float64Array(n);
    this.corrupted = new Float64Array(n);
    this.duplicated = new Float64Array(n);
    this.startedAt = faults.map(() => null);
    this.endedAt = faults.map(() => null);
    this.harm = new Uint16Array(n > 0 ? users : 0);
  }

  failure(f: number, user: number): void {
    this.failed[f]++;
    const bit = 1 << Math.min(f, 15);
    if (!(this.harm[user] & bit)) {
      this.harm[user] |= bit;
      this.users[f]++;
    }
  }

  report(): FaultCost[] {
    return this.faults.map((fault, f) => ({
      label: fault.label,
      kind: fault.kind,
      startedAt: this.startedAt[f],
      failedRequests: this.failed[f],
      usersAffected: this.users[f],
      corruptedWrites: this.corrupted[f],
      duplicatedWrites: this.duplicated[f],
    }));
  }
}
