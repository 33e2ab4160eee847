// The server fleet: instances in typed arrays, each with a version, a lifecycle state,
// `concurrency` service slots and a bounded FIFO queue (a ring buffer that grows up to queueLimit).
import type { EventQueue } from '../sim/eventQueue';
import { EV_INSTANCE_READY } from './events';

export const STARTING = 0;
export const READY = 1;
export const DRAINING = 2;
export const TERMINATED = 3;
export const FAILED = 4;
const STATE_COUNT = 5;
const ZONES = ['a', 'b', 'c'];

export class Fleet {
  count = 0;
  version = new Uint8Array(64);
  state = new Uint8Array(64);
  busy = new Int32Array(64);
  createdAt = new Float64Array(64);
  readyAt = new Float64Array(64);
  endedAt = new Float64Array(64);
  queueHead = new Int32Array(64);
  queueLength = new Int32Array(64);
  queues: Int32Array[] = [];
  /** the fault that killed each failed instance (−1: none) */
  killedBy = new Int16Array(64).fill(-1);
  /** instances each version should have (a ReplicaSet's replicas): failed ones are replaced up to it */
  readonly desired: Int32Array;
  /** instances per (state, version): stateCounts[state * versions + v] */
  readonly stateCounts: Int32Array;
  /** the most instances per (state, version) at any moment since resetPeaks(), for the series */
  readonly peakCounts: Int32Array;
  /** ready instances of each version, for O(1) choice; readyPos[i] is i's index in its list */
  readonly ready: Int32Array[];
  readonly readyCount: Int32Array;
  private readyPos = new Int32Array(64);
  /** instance-seconds of instances already ended */
  private endedSeconds = 0;

  constructor(
    private readonly queue: EventQueue,
    readonly versions: number,
    readonly concurrency: number,
    readonly queueLimit: number,
    readonly startupTime: number,
  ) {
    this.stateCounts = new Int32Array(STATE_COUNT * versions);
    this.peakCounts = new Int32Array(STATE_COUNT * versions);
    this.ready = Array.from({ length: versions }, () => new Int32Array(16));
    this.readyCount = new Int32Array(versions);
    this.desired = new Int32Array(versions);
  }

  /** Availability zone of instance i: instances are spread over three zones in launch order. */
  zoneOf(i: number): string {
    return ZONES[i % ZONES.length];
  }

  /** Starting or ready instances of version v. */
  live(v: number): number {
    return this.countIn(STARTING, v) + this.countIn(READY, v);
  }

  /** Instance i crashed or was lost, by fault f. */
  fail(i: number, f: number, now: number): void {
    if (this.state[i] === TERMINATED || this.state[i] === FAILED) return;
    this.killedBy[i] = f;
    this.end(i, FAILED, now);
  }

  /** Starts a new instance of version v at time now; it becomes ready after startupTime. */
  launch(v: number, now: number, warm = false): number {
    if (this.count === this.version.length) this.grow();
    const i = this.count++;
    this.version[i] = v;
    this.createdAt[i] = now;
    this.readyAt[i] = warm ? now : now + this.startupTime; // when it becomes (or became) ready
    this.queues.push(new Int32Array(Math.min(16, Math.max(1, this.queueLimit))));
    this.state[i] = STARTING;
    this.changeCount(STARTING, v, 1);
    if (warm) this.markReady(i);
    else this.queue.push(now + this.startupTime, EV_INSTANCE_READY, i);
    return i;
  }

  /** Marks a started instance ready; false if it was drained or failed while starting. */
  markReady(i: number): boolean {
    if (this.state[i] !== STARTING) return false;
    this.setState(i, READY);
    const v = this.version[i];
    if (this.readyCount[v] === this.ready[v].length) {
      const bigger = new Int32Array(this.ready[v].length * 2);
      bigger.set(this.ready[v]);
      this.ready[v] = bigger;
    }
    this.readyPos[i] = this.readyCount[v];
    this.ready[v][this.readyCount[v]++] = i;
    return true;
  }

  /** Stops sending new requests to i; it terminates once its queue and slots are empty. */
  drain(i: number, now: number): void {
    const s = this.state[i];
    if (s === STARTING) return this.end(i, TERMINATED, now);
    if (s !== READY) return;
    this.leaveReady(i);
    this.setState(i, DRAINING);
    this.terminateIfIdle(i, now);
  }

  /** Ends a draining instance once it has nothing left to do; true if it did. */
  terminateIfIdle(i: number, now: number): boolean {
    if (this.state[i] !== DRAINING || this.busy[i] !== 0 || this.queueLength[i] !== 0) return false;
    this.end(i, TERMINATED, now);
    return true;
  }

  isQueueFull(i: number): boolean {
    return this.queueLength[i] >= this.queueLimit;
  }

  enqueue(i: number, slot: number): void {
    let q = this.queues[i];
    const len = this.queueLength[i];
    if (len === q.length) q = this.growQueue(i);
    q[(this.queueHead[i] + len) % q.length] = slot;
    this.queueLength[i] = len + 1;
  }

  dequeue(i: number): number {
    const q = this.queues[i];
    const head = this.queueHead[i];
    this.queueHead[i] = head + 1 === q.length ? 0 : head + 1;
    this.queueLength[i]--;
    return q[head];
  }

  /** Instance-seconds consumed up to `now` (cost). */
  instanceSeconds(now: number): number {
    let live = 0;
    for (let i = 0; i < this.count; i++) {
      const s = this.state[i];
      if (s !== TERMINATED && s !== FAILED) live += now - this.createdAt[i];
    }
    return this.endedSeconds + live;
  }

  countIn(state: number, v: number): number {
    return this.stateCounts[state * this.versions + v];
  }

  /** The most instances of version v in `state` at any moment since the last resetPeaks(). */
  peakIn(state: number, v: number): number {
    return this.peakCounts[state * this.versions + v];
  }

  /** Starts watching peaks afresh from the counts now. */
  resetPeaks(): void {
    this.peakCounts.set(this.stateCounts);
  }

  private end(i: number, state: number, now: number): void {
    if (this.state[i] === READY) this.leaveReady(i);
    this.setState(i, state);
    this.endedAt[i] = now;
    this.endedSeconds += now - this.createdAt[i];
  }

  private setState(i: number, s: number): void {
    const v = this.version[i];
    this.changeCount(this.state[i], v, -1);
    this.changeCount(s, v, 1);
    this.state[i] = s;
  }

  private changeCount(state: number, v: number, change: number): void {
    const k = state * this.versions + v;
    const n = (this.stateCounts[k] += change);
    if (n > this.peakCounts[k]) this.peakCounts[k] = n;
  }

  private leaveReady(i: number): void {
    const v = this.version[i];
    const list = this.ready[v];
    const last = list[--this.readyCount[v]];
    list[this.readyPos[i]] = last;
    this.readyPos[last] = this.readyPos[i];
  }

  private growQueue(i: number): Int32Array {
    const old = this.queues[i];
    const q = new Int32Array(old.length * 2);
    const head = this.queueHead[i];
    for (let k = 0; k < old.length; k++) q[k] = old[(head + k) % old.length];
    this.queueHead[i] = 0;
    this.queues[i] = q;
    return q;
  }

  private grow(): void {
    const cap = this.version.length * 2;
    const g = <T extends Float64Array | Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
    this.version = g(this.version, new Uint8Array(cap));
    this.state = g(this.state, new Uint8Array(cap));
    this.busy = g(this.busy, new Int32Array(cap));
    this.createdAt = g(this.createdAt, new Float64Array(cap));
    this.readyAt = g(this.readyAt, new Float64Array(cap));
    this.endedAt = g(this.endedAt, new Float64Array(cap));
    this.queueHead = g(this.queueHead, new Int32Array(cap));
    this.queueLength = g(this.queueLength, new Int32Array(cap));
    this.readyPos = g(this.readyPos, new Int32Array(cap));
    const killedBy = new Int16Array(cap).fill(-1);
    killedBy.set(this.killedBy);
    this.killedBy = killedBy;
  }
}
