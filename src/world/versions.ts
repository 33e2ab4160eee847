// Versions compiled for the hot path: service-time parameters in typed arrays indexed by version.
import type { VersionSpec } from './spec';
import { exponentialQuantile, lognormalQuantile, Z99 } from '../random/distributions';

const EXPONENTIAL = 0;
const LOGNORMAL = 1;
const CONSTANT = 2;

export class Versions {
  readonly names: string[];
  readonly count: number;
  readonly errorRate: Float64Array;
  readonly conversionRate: Float64Array;
  private readonly kind: Uint8Array;
  private readonly a: Float64Array;
  private readonly b: Float64Array;

  constructor(specs: VersionSpec[]) {
    this.count = specs.length;
    this.names = specs.map((v) => v.name);
    this.errorRate = Float64Array.from(specs, (v) => v.errorRate);
    this.conversionRate = Float64Array.from(specs, (v) => v.conversionRate);
    this.kind = new Uint8Array(this.count);
    this.a = new Float64Array(this.count);
    this.b = new Float64Array(this.count);
    specs.forEach((v, i) => {
      const st = v.serviceTime;
      if (st.distribution === 'exponential') {
        this.kind[i] = EXPONENTIAL;
        this.a[i] = st.mean;
      } else if (st.distribution === 'lognormal') {
        this.kind[i] = LOGNORMAL;
        this.a[i] = st.median;
        this.b[i] = Math.log(st.p99 / st.median) / Z99;
      } else {
        this.kind[i] = CONSTANT;
        this.a[i] = st.value;
      }
    });
  }

  indexOf(name: string): number {
    const i = this.names.indexOf(name);
    if (i < 0) throw new Error(`unknown version "${name}"`);
    return i;
  }

  /** Service time in seconds of version v for the request whose service draw is u. */
  serviceTime(v: number, u: number): number {
    switch (this.kind[v]) {
      case EXPONENTIAL:
        return exponentialQuantile(u, this.a[v]);
      case LOGNORMAL:
        return lognormalQuantile(u, this.a[v], this.b[v]);
      default:
        return this.a[v];
    }
  }
}
