// Picks a few requests for the traffic animation and notes what became of them. The choice is by
// arrival time (the first arrival in each 1/perSecond of simulated time), so it takes no random
// draw: a run's figures are the same with and without sampling, and since every compared run sees
// the same arrivals, the same requests are sampled in each of them. Not by arrival count: a
// round-robin balancer gives every n-th arrival to the same instance when n is a multiple of the
// fleet's size, and the sample would show one instance taking all the traffic.

export interface SampledRequest {
  /** arrival, simulated seconds */
  t: number;
  /** when its outcome was known (served, failed or rejected), simulated seconds */
  end: number;
  version: number;
  /** the instance that served it; −1 when rejected before reaching one */
  instance: number;
  outcome: 'ok' | 'error' | 'rejected';
  /** a mirrored (shadow) copy whose response is discarded */
  shadow: boolean;
}

export class RequestSampler {
  /** requests whose outcome is known, oldest first; the reader takes them away */
  finished: SampledRequest[] = [];
  /** the next arrival at or after this simulated time is sampled */
  private nextAt = 0;
  /** sampled requests in flight, by request slot */
  private readonly open = new Map<number, SampledRequest>();

  constructor(readonly perSecond: number) {}

  /** Called for every arrival: is this one sampled? At most one per 1/perSecond of simulated time. */
  take(now: number): boolean {
    if (now < this.nextAt) return false;
    this.nextAt = (Math.floor(now * this.perSecond) + 1) / this.perSecond;
    return true;
  }

  /** A sampled request (or its mirrored copy) got a slot on instance i. */
  admitted(slot: number, now: number, version: number, instance: number, shadow: boolean): void {
    this.open.set(slot, { t: now, end: now, version, instance, outcome: 'ok', shadow });
  }

  rejected(now: number, version: number, instance: number, shadow: boolean): void {
    this.finished.push({ t: now, end: now, version, instance, outcome: 'rejected', shadow });
  }

  /** The request in `slot` is over: served, failed, or lost with its instance. */
  ended(slot: number, now: number, failed: boolean): void {
    const r = this.open.get(slot);
    if (!r) return;
    this.open.delete(slot);
    r.end = now;
    r.outcome = failed ? 'error' : 'ok';
    this.finished.push(r);
  }

  /** Takes the requests finished since the last call. */
  drain(): SampledRequest[] {
    const out = this.finished;
    this.finished = [];
    return out;
  }
}
