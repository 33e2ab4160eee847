// Uniform draws from a stream, produced in blocks into a typed array. Calling the generator once per
// draw from the hot path costs a call and a boxed double each time; reading a typed array does not,
// and the sequence of values is exactly the stream's.
import type { Stream } from './streams';

const BLOCK = 4096;

export class DrawBuffer {
  readonly block = new Float64Array(BLOCK);
  private next = BLOCK;

  constructor(private readonly stream: Stream) {}

  /** One draw. */
  draw(): number {
    if (this.next === BLOCK) this.refill(0);
    return this.block[this.next++];
  }

  /** Reserves the next n draws (n ≤ BLOCK): they are block[k] … block[k + n − 1] for the returned k. */
  reserve(n: number): number {
    if (this.next + n > BLOCK) {
      // Keep the unread draws, in order, at the front; refill behind them.
      const left = BLOCK - this.next;
      this.block.copyWithin(0, this.next, BLOCK);
      this.refill(left);
    }
    const k = this.next;
    this.next += n;
    return k;
  }

  private refill(from: number): void {
    const { block, stream } = this;
    for (let k = from; k < BLOCK; k++) block[k] = stream();
    this.next = 0;
  }
}
