// A log-linear latency histogram: each power of two is split into 2^subBits equal sub-buckets,
// so the relative error of a percentile is at most 2^-subBits (0.8% at 7 bits, ~3% at 5 bits).
// Recording is a few bit operations on the float's exponent and mantissa: no log, no allocation.

const MIN_EXP = -20; // 2^-20 s ≈ 1 µs: anything faster lands in the first bucket
const MAX_EXP = 13; // 2^13 s ≈ 2.3 h: anything slower lands in the last bucket

const scratch = new Float64Array(1);
const scratchBits = new Uint32Array(scratch.buffer);
// Index of the 32-bit word holding sign, exponent and the top of the mantissa.
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

export class LogHistogram {
  readonly counts: Float64Array;
  private readonly shift: number;
  private readonly subMask: number;
  total = 0;
  sum = 0;

  constructor(readonly subBits = 7) {
    this.counts = new Float64Array((MAX_EXP - MIN_EXP + 1) << subBits);
    this.shift = 20 - subBits;
    this.subMask = (1 << subBits) - 1;
  }

  add(value: number): void {
    this.addAt(this.indexOf(value), value);
  }

  /** Adds a value whose bucket index is already known (see indexOf), to share one computation. */
  addAt(index: number, value: number): void {
    this.total++;
    this.sum += value;
    this.counts[index]++;
  }

  /** Adds every sample of another histogram with the same resolution. */
  merge(other: LogHistogram): void {
    for (let i = 0; i < this.counts.length; i++) this.counts[i] += other.counts[i];
    this.total += other.total;
    this.sum += other.sum;
  }

  indexOf(value: number): number {
    if (!(value > 0)) return 0;
    scratch[0] = value;
    const hi = scratchBits[HI];
    const exp = ((hi >>> 20) & 0x7ff) - 1023;
    if (exp < MIN_EXP) return 0;
    if (exp > MAX_EXP) return this.counts.length - 1;
    return ((exp - MIN_EXP) << this.subBits) | ((hi >>> this.shift) & this.subMask);
  }

  /** The midpoint of bucket i, the value reported for samples in it. */
  valueAt(i: number): number {
    const exp = (i >> this.subBits) + MIN_EXP;
    const sub = i & this.subMask;
    return Math.pow(2, exp) * (1 + (sub + 0.5) / (this.subMask + 1));
  }

  /** Nearest-rank quantile q in [0,1]; 0 when empty. */
  quantile(q: number): number {
    if (this.total === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.total));
    let seen = 0;
    const { counts } = this;
    for (let i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) return this.valueAt(i);
    }
    return this.valueAt(counts.length - 1);
  }

  mean(): number {
    return this.total === 0 ? 0 : this.sum / this.total;
  }

  clear(): void {
    this.counts.fill(0);
    this.total = 0;
    this.sum = 0;
  }
}
