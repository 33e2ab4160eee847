// The router: first a version for the request (weights, optionally sticky per user),
// then an instance within that version (round-robin, random or least-connections).
import type { LoadBalancer } from '../scenario/types';
import type { Fleet } from './fleet';

const ROUND_ROBIN = 0;
const RANDOM = 1;
const LEAST_CONNECTIONS = 2;
const BALANCERS: Record<LoadBalancer, number> = { 'round-robin': ROUND_ROBIN, random: RANDOM, 'least-connections': LEAST_CONNECTIONS };

export class Router {
  /** traffic share of each version; sums to 1 */
  readonly weights: Float64Array;
  /** when every request goes to one version, its index (the common case); else -1 */
  private only = 0;
  /** choose by the user's fixed draw, so a user keeps their version as weights grow */
  sticky = false;
  private readonly balancer: number;
  private readonly rrNext: Int32Array;

  constructor(
    private readonly fleet: Fleet,
    versions: number,
    loadBalancer: LoadBalancer,
  ) {
    this.weights = new Float64Array(versions);
    this.weights[0] = 1;
    this.balancer = BALANCERS[loadBalancer];
    this.rrNext = new Int32Array(versions);
  }

  setWeights(weights: ArrayLike<number>): void {
    let total = 0;
    for (let v = 0; v < this.weights.length; v++) total += weights[v] ?? 0;
    if (!(total > 0)) throw new Error('route weights must not all be zero');
    this.only = -1;
    for (let v = 0; v < this.weights.length; v++) {
      this.weights[v] = (weights[v] ?? 0) / total;
      if (this.weights[v] === 1) this.only = v;
    }
  }

  /** Sends all traffic to version v. */
  routeAllTo(v: number): void {
    this.weights.fill(0);
    this.weights[v] = 1;
    this.only = v;
  }

  /** The version for a request: by the user's sticky draw or the request's own route draw. */
  chooseVersion(userDraw: number, routeDraw: number): number {
    if (this.only >= 0) return this.only;
    const u = this.sticky ? userDraw : routeDraw;
    const w = this.weights;
    let acc = 0;
    for (let v = 0; v < w.length - 1; v++) {
      acc += w[v];
      if (u < acc) return v;
    }
    return w.length - 1;
  }

  /** A ready instance of version v, or -1 when it has none. */
  chooseInstance(v: number, draw: number): number {
    const n = this.fleet.readyCount[v];
    if (n === 0) return -1;
    const list = this.fleet.ready[v];
    switch (this.balancer) {
      case ROUND_ROBIN: {
        const k = this.rrNext[v] % n;
        this.rrNext[v] = k + 1;
        return list[k];
      }
      case RANDOM:
        return list[Math.floor(draw * n)];
      default:
        return this.leastConnections(list, n);
    }
  }

  private leastConnections(list: Int32Array, n: number): number {
    const { busy, queueLength } = this.fleet;
    let best = list[0];
    let bestLoad = busy[best] + queueLength[best];
    for (let k = 1; k < n; k++) {
      const i = list[k];
      const load = busy[i] + queueLength[i];
      if (load < bestLoad) {
        best = i;
        bestLoad = load;
      }
    }
    return best;
  }
}
