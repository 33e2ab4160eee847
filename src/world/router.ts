// The router decides, per request, which instance serves it and which version's behaviour it gets.
// Three ways to route, as real platforms do:
//  - weights: each version is its own service; rules on user attributes first, then weights
//    (optionally sticky per user) choose the version — service meshes, canary, blue-green, A/B;
//  - pool: one service over every ready instance whatever its version — a Kubernetes rolling update;
//  - flag: every instance runs one build; a feature flag decides per user which behaviour runs.
import type { LoadBalancer } from './spec';
import type { Fleet } from './fleet';
import type { Flag } from './flag';
import type { Users } from './users';
import { matches, type UserMatch } from './userMatch';

const ROUND_ROBIN = 0;
const RANDOM = 1;
const LEAST_CONNECTIONS = 2;
const BALANCERS: Record<LoadBalancer, number> = { 'round-robin': ROUND_ROBIN, random: RANDOM, 'least-connections': LEAST_CONNECTIONS };

type RouteMode = 'weights' | 'pool' | 'flag';

/**
 * Where one request goes, as a single number (no object per request on the hot path): the instance
 * that serves it (−1: none ready → 503) and the version whose behaviour it gets (< 16 versions).
 */
type Route = number;
const BEHAVIOUR_BITS = 4;
const BEHAVIOUR_MASK = (1 << BEHAVIOUR_BITS) - 1;
const routeOf = (instance: number, behaviour: number): Route => ((instance + 1) << BEHAVIOUR_BITS) | behaviour;
export const routedInstance = (r: Route): number => (r >>> BEHAVIOUR_BITS) - 1;
export const routedBehaviour = (r: Route): number => r & BEHAVIOUR_MASK;

interface RouteRule {
  match: UserMatch;
  version: number;
}

export class Router {
  private routeMode: RouteMode = 'weights';
  /** traffic share of each version (weights mode); sums to 1 */
  readonly weights: Float64Array;
  /** when every request goes to one version, its index (the common case); else -1 */
  private only = 0;
  /** choose by the user's fixed draw, so a user keeps their version as weights grow */
  private sticky = false;
  private rules: RouteRule[] = [];
  /** flag mode: the flag, the build every instance runs, and the behaviours for on and off */
  private flag: Flag | null = null;
  private flagBuild = 0;
  private flagOn = 0;
  private flagOff = 0;
  /** the version a request is charged to when no instance can take it (pool mode) */
  private stable = 0;

  private readonly balancer: number;
  private readonly rrNext: Int32Array;
  private poolNext = 0;

  constructor(
    private readonly fleet: Fleet,
    private readonly users: Users,
    versions: number,
    loadBalancer: LoadBalancer,
  ) {
    this.weights = new Float64Array(versions);
    this.weights[0] = 1;
    this.balancer = BALANCERS[loadBalancer];
    this.rrNext = new Int32Array(versions);
  }

  get mode(): RouteMode {
    return this.routeMode;
  }

  /** Each version its own service, chosen by weight (sticky: by the user's fixed draw, as experiments split users). */
  useWeights(weights: ArrayLike<number>, { sticky }: { sticky?: boolean } = {}): void {
    this.routeMode = 'weights';
    if (sticky !== undefined) this.sticky = sticky;
    this.setWeights(weights);
  }

  /** One service over every ready instance (Kubernetes rolling update); a request no instance takes is charged to `stable`. */
  usePool(stable: number): void {
    this.routeMode = 'pool';
    this.stable = stable;
  }

  /** Every instance runs `build`; the flag chooses the behaviour of `on` or `off` per user. */
  useFlag(flag: Flag, build: number, on: number, off: number): void {
    this.flag = flag;
    this.flagBuild = build;
    this.flagOn = on;
    this.flagOff = off;
    this.routeMode = 'flag';
  }

  /** The version whose instances serve version v's behaviour: itself, or the feature flag's build. */
  servingBuild(v: number): number {
    return this.routeMode === 'flag' && (v === this.flagOn || v === this.flagOff) ? this.flagBuild : v;
  }

  setWeights(weights: ArrayLike<number>): void {
    let total = 0;
    for (let v = 0; v < this.weights.length; v++) total += weights[v] ?? 0;
    if (!(total > 0)) throw new Error('route weights must not all be zero');
    this.only = -1;
    for (let v = 0; v < this.weights.length; v++) {
      this.weights[v] = (weights[v] ?? 0) / total;
      if (this.weights[v] === 1 && this.rules.length === 0) this.only = v;
    }
  }

  setRules(rules: RouteRule[]): void {
    this.rules = rules;
    this.setWeights(this.weights);
  }

  /** Sends all traffic to version v (weights mode, no rules); v is then the stable version. */
  routeAllTo(v: number, { stable }: { stable?: boolean } = {}): void {
    if (stable) this.stable = v;
    this.routeMode = 'weights';
    this.rules = [];
    this.weights.fill(0);
    this.weights[v] = 1;
    this.only = v;
  }

  /** Routes one request: the instance that serves it and the behaviour it gets (routedInstance, routedBehaviour). */
  route(user: number, routeDraw: number, instanceDraw: number, now: number): Route {
    if (this.routeMode === 'weights') {
      const v = this.only >= 0 ? this.only : this.chooseVersion(user, routeDraw, now);
      return routeOf(this.chooseInstance(v, instanceDraw), v);
    }
    if (this.routeMode === 'pool') {
      const i = this.choosePooled(instanceDraw);
      return routeOf(i, i >= 0 ? this.fleet.version[i] : this.stable);
    }
    const i = this.chooseInstance(this.flagBuild, instanceDraw);
    return routeOf(i, i >= 0 && this.flag!.isOn(user, i, now) ? this.flagOn : this.flagOff);
  }

  private chooseVersion(user: number, routeDraw: number, now: number): number {
    for (const rule of this.rules) if (matches(rule.match, this.users, user, now)) return rule.version;
    const u = this.sticky ? this.users.stickyDraw[user] : routeDraw;
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

  /** A ready instance of any version: the versions' ready lists seen as one list. */
  private choosePooled(draw: number): number {
    const { readyCount, ready } = this.fleet;
    let total = 0;
    for (let v = 0; v < readyCount.length; v++) total += readyCount[v];
    if (total === 0) return -1;
    if (this.balancer === LEAST_CONNECTIONS) {
      let best = -1;
      for (let v = 0; v < readyCount.length; v++) {
        if (readyCount[v] === 0) continue;
        const i = this.leastConnections(ready[v], readyCount[v]);
        if (best < 0 || this.load(i) < this.load(best)) best = i;
      }
      return best;
    }
    let k = this.balancer === RANDOM ? Math.floor(draw * total) : this.poolNext++ % total;
    for (let v = 0; ; v++) {
      if (k < readyCount[v]) return ready[v][k];
      k -= readyCount[v];
    }
  }

  private load(i: number): number {
    return this.fleet.busy[i] + this.fleet.queueLength[i];
  }

  private leastConnections(list: Int32Array, n: number): number {
    let best = list[0];
    let bestLoad = this.load(best);
    for (let k = 1; k < n; k++) {
      const i = list[k];
      const load = this.load(i);
      if (load < bestLoad) {
        best = i;
        bestLoad = load;
      }
    }
    return best;
  }
}
