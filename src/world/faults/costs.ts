// What each fault cost a run: failures it caused, the users who saw them, writes it corrupted.
import type { Fault, FaultCost } from './types';

export class FaultCosts {
  failed: Float64Array;
  users: Float64Array;
  corrupted: Float64Array;
  duplicated: Float64Array;
  readonly startedAt: (number | null)[];
  /** when each fault ended (null: not yet, or never: it lasts to the run's end) */
  readonly endedAt: (number | null)[];
  /** bit f set: user saw a failure caused by fault f (at most 16 faults are told apart) */
  private harm: Uint16Array;

  /** `faults`: the world's list itself, which an injected fault may lengthen (then call `added`) */
  constructor(private readonly faults: Fault[], private readonly userCount: number) {
    const n = faults.length;
    this.failed = new Float64Array(n);
    this.users = new Float64Array(n);
    this.corrupted = new Float64Array(n);
    this.duplicated = new Float64Array(n);
    this.startedAt = faults.map(() => null);
    this.endedAt = faults.map(() => null);
    this.harm = new Uint16Array(n > 0 ? userCount : 0);
  }

  /** Makes room for the fault last added to the world's list, costing nothing so far. */
  added(): void {
    const longer = (a: Float64Array) => {
      const b = new Float64Array(this.faults.length);
      b.set(a);
      return b;
    };
    this.failed = longer(this.failed);
    this.users = longer(this.users);
    this.corrupted = longer(this.corrupted);
    this.duplicated = longer(this.duplicated);
    this.startedAt.push(null);
    this.endedAt.push(null);
    if (this.harm.length === 0) this.harm = new Uint16Array(this.userCount);
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
