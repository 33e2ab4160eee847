// A binary min-heap of events over parallel typed arrays, ordered by (time, insertion sequence).
// No object is allocated per event: an event is a (time, kind, payload) triple of numbers.

/** Sequence numbers of acts: far below the ordinary ones (which count up from 0), exact in a double. */
const ACT_BAND = -(2 ** 52);

export class EventQueue {
  private times: Float64Array;
  private seqs: Float64Array;
  private kinds: Uint8Array;
  private payloads: Int32Array;
  private nextSeq = 0;
  size = 0;

  // Fields of the event last returned by pop().
  time = 0;
  kind = 0;
  payload = 0;

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.kinds = new Uint8Array(capacity);
    this.payloads = new Int32Array(capacity);
  }

  /**
   * Takes the next insertion sequence number without queueing anything: for an event kept outside
   * the heap (the one pending arrival) that must still be ordered as if it had been pushed now.
   */
  takeSeq(): number {
    return this.nextSeq++;
  }

  /** Sequence number of the earliest event; Infinity when empty. */
  peekSeq(): number {
    return this.size > 0 ? this.seqs[0] : Infinity;
  }

  push(time: number, kind: number, payload: number): void {
    this.pushWithSeq(time, kind, payload, this.nextSeq++);
  }

  /**
   * Queues an event from outside the model (a learner's act) in the reserved band below every
   * ordinary sequence number: at equal time it comes first, ordered by `order` alone, so the run is
   * the same whether it was queued at time 0 or just before it happens (see ACT_ORDER).
   */
  pushAct(time: number, kind: number, payload: number, order: number): void {
    this.pushWithSeq(time, kind, payload, ACT_BAND + order);
  }

  private pushWithSeq(time: number, kind: number, payload: number, seq: number): void {
    if (this.size === this.times.length) this.grow();
    let i = this.size++;
    const { times, seqs, kinds, payloads } = this;
    // Sift up: move parents down until the slot for the new event is found.
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p];
      if (pt < time || (pt === time && seqs[p] < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[p];
      kinds[i] = kinds[p];
      payloads[i] = payloads[p];
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    kinds[i] = kind;
    payloads[i] = payload;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.size > 0 ? this.times[0] : Infinity;
  }

  /** Removes the earliest event into `time`, `kind` and `payload`. */
  pop(): void {
    const { times, seqs, kinds, payloads } = this;
    this.time = times[0];
    this.kind = kinds[0];
    this.payload = payloads[0];
    const n = --this.size;
    if (n === 0) return;
    const lt = times[n];
    const ls = seqs[n];
    const lk = kinds[n];
    const lp = payloads[n];
    let i = 0;
    // Sift down the last event from the root.
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && (times[r] < times[c] || (times[r] === times[c] && seqs[r] < seqs[c]))) c = r;
      const ct = times[c];
      if (lt < ct || (lt === ct && ls < seqs[c])) break;
      times[i] = ct;
      seqs[i] = seqs[c];
      kinds[i] = kinds[c];
      payloads[i] = payloads[c];
      i = c;
    }
    times[i] = lt;
    seqs[i] = ls;
    kinds[i] = lk;
    payloads[i] = lp;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const grow = <T extends Float64Array | Uint8Array | Int32Array>(a: T, b: T): T => (b.set(a), b);
    this.times = grow(this.times, new Float64Array(cap));
    this.seqs = grow(this.seqs, new Float64Array(cap));
    this.kinds = grow(this.kinds, new Uint8Array(cap));
    this.payloads = grow(this.payloads, new Int32Array(cap));
  }
}
