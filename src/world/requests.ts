// Requests in flight, as slots in typed arrays with a free list: a request costs no allocation.

export class Requests {
  arrivedAt = new Float64Array(1024);
  startedAt = new Float64Array(1024);
  serviceDraw = new Float64Array(1024);
  user = new Int32Array(1024);
  instance = new Int32Array(1024);
  version = new Uint8Array(1024);
  failed = new Uint8Array(1024);
  /** the fault that made the request fail (−1: none) */
  cause = new Int16Array(1024);
  private free = new Int32Array(1024);
  private freeCount = 0;
  private used = 0;
  inFlight = 0;

  alloc(): number {
    this.inFlight++;
    if (this.freeCount > 0) return this.free[--this.freeCount];
    if (this.used === this.arrivedAt.length) this.grow();
    return this.used++;
  }

  release(slot: number): void {
    this.inFlight--;
    this.free[this.freeCount++] = slot;
  }

  private grow(): void {
    const cap = this.arrivedAt.length * 2;
    const g = <T extends Float64Array | Int32Array | Int16Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
    this.arrivedAt = g(this.arrivedAt, new Float64Array(cap));
    this.startedAt = g(this.startedAt, new Float64Array(cap));
    this.serviceDraw = g(this.serviceDraw, new Float64Array(cap));
    this.user = g(this.user, new Int32Array(cap));
    this.instance = g(this.instance, new Int32Array(cap));
    this.version = g(this.version, new Uint8Array(cap));
    this.failed = g(this.failed, new Uint8Array(cap));
    this.cause = g(this.cause, new Int16Array(cap));
    this.free = g(this.free, new Int32Array(cap));
  }
}
