// The small platform a pattern's statechart drives, like a controller drives Kubernetes and a
// service mesh: scale a version, set route weights and rules, mirror, switch the active stack, set a
// flag. It also keeps the run's report: decisions with their evidence, and when the release reached
// everyone, was detected bad (and by which decision), and recovered. platformBindings.ts hands it to
// the machines as the implementations of their named actions and guards.
import type { WorldSpec } from '../world/spec';
import type { MeasuredWorld } from '../metrics/measuredWorld';
import { DRAINING, READY, STARTING } from '../world/fleet';
import { Flag, type FlagConfig } from '../world/flag';
import { HandFlag } from './acts/handFlag';
import { compileMatch, matches, type UserMatchSpec } from '../world/userMatch';
import type { AbTestRecord, Decision, Measurement } from '../patterns/report';
import { MetricWindow } from '../metrics/window';

export class Platform {
  readonly stable: number;
  readonly candidate: number;
  readonly rolloutAt: number;
  readonly instances: number;
  readonly decisions: Decision[] = [];
  /** every analysis measurement, passed, failed or inconclusive (not part of the run record) */
  readonly measurements: Measurement[] = [];
  flag: Flag | null = null;
  /** what the flag console changed by hand, re-applied over the plan's steps */
  readonly handFlag = new HandFlag();
  fullyRolledOutAt: number | null = null;
  detectedAt: number | null = null;
  /** the index of the decision that reacted (recorded right after the detection) */
  detectedBy: number | null = null;
  recoveredAt: number | null = null;
  /** set by a pattern that reports an A/B result */
  abTest: AbTestRecord | null = null;

  constructor(
    readonly world: MeasuredWorld,
    readonly scenario: WorldSpec,
    readonly label: string,
  ) {
    const from = scenario.rollout?.from ?? scenario.versions[0].name;
    this.stable = world.versions.indexOf(from);
    this.candidate = scenario.rollout ? world.versions.indexOf(scenario.rollout.to) : this.stable;
    this.rolloutAt = scenario.rollout?.at ?? Infinity;
    this.instances = scenario.fleet.instances;
  }

  /**
   * The fleet before the rollout: the stable version, routed to; or (`flag`) the new build on every
   * instance with the flag off for everyone, as a feature toggle starts.
   */
  prepare(before: 'stable' | 'flag', options: unknown): void {
    if (before === 'stable') return this.world.provision(this.stable, this.instances);
    this.world.provision(this.candidate, this.instances);
    this.useFlag(this.candidate, (options as { propagationDelay: number }).propagationDelay);
  }

  get now(): number {
    return this.world.engine.now;
  }

  versionName(v: number): string {
    return this.world.versions.names[v];
  }

  // ── fleet ──────────────────────────────────────────────────────────────────────────────

  /** Instances of v that are starting or ready (what a ReplicaSet counts). */
  live(v: number): number {
    return this.world.fleet.live(v);
  }

  ready(v: number): number {
    return this.world.fleet.countIn(READY, v);
  }

  /** Instances of v still holding capacity: live or draining their last requests. */
  running(v: number): number {
    return this.live(v) + this.world.fleet.countIn(DRAINING, v);
  }

  /** Ready instances of v that have been ready for at least `minReady` seconds (Kubernetes "available"). */
  available(v: number, minReady: number): number {
    const f = this.world.fleet;
    let n = 0;
    for (let i = 0; i < f.count; i++) if (f.version[i] === v && f.state[i] === READY && this.now - f.readyAt[i] >= minReady) n++;
    return n;
  }

  /** The earliest time one of v's ready instances becomes available, if any is still waiting. */
  nextAvailableAt(v: number, minReady: number): number | null {
    const f = this.world.fleet;
    let next: number | null = null;
    for (let i = 0; i < f.count; i++) {
      if (f.version[i] !== v || f.state[i] !== READY) continue;
      const at = f.readyAt[i] + minReady;
      if (at > this.now && (next === null || at < next)) next = at;
    }
    return next;
  }

  /** Launches or drains instances of v until `count` are live; the newest go first. */
  scaleTo(v: number, count: number): void {
    const fleet = this.world.fleet;
    fleet.desired[v] = count;
    for (let n = this.live(v); n < count; n++) fleet.launch(v, this.now);
    for (let i = fleet.count - 1, n = this.live(v); i >= 0 && n > count; i--) {
      if (fleet.version[i] !== v) continue;
      const s = fleet.state[i];
      if (s === STARTING || s === READY) {
        fleet.drain(i, this.now);
        n--;
      }
    }
  }

  /** Drains `count` live instances of v, starting ones first, then the oldest ready ones. */
  drainSome(v: number, count: number): void {
    const fleet = this.world.fleet;
    fleet.desired[v] = Math.max(0, this.live(v) - count);
    for (const wanted of [STARTING, READY]) {
      for (let i = 0; i < fleet.count && count > 0; i++) {
        if (fleet.version[i] === v && fleet.state[i] === wanted) {
          fleet.drain(i, this.now);
          count--;
        }
      }
    }
  }

  // ── routing ────────────────────────────────────────────────────────────────────────────

  /** Sends `share` of traffic to the candidate and the rest to the stable version. */
  setCandidateWeight(share: number): void {
    const w = new Float64Array(this.world.versions.count);
    w[this.stable] = 1 - share;
    w[this.candidate] += share;
    this.world.router.useWeights(w);
  }

  /** Splits users between versions by weight, each user keeping their version (experiments). */
  setStickyWeights(weights: { version: number; weight: number }[]): void {
    const w = new Float64Array(this.world.versions.count);
    for (const { version, weight } of weights) w[version] += weight;
    this.world.router.useWeights(w, { sticky: true });
  }

  routeAllTo(v: number): void {
    this.world.router.routeAllTo(v);
  }

  /** The release is done: everyone on `to`, the other version's instances drained. */
  cutOver(to: number, from: number): void {
    this.stopMirror();
    this.routeAllTo(to);
    this.scaleTo(from, 0);
    this.markFullyRolledOut();
  }

  /** The rollback: everyone back on `to` at once, the other version's instances drained. */
  routeBack(to: number, from: number): void {
    this.stopMirror();
    this.routeAllTo(to);
    this.scaleTo(from, 0);
    this.markRecovered();
  }

  /** Users matching any of `matches` go to the candidate; the rest follow the weights. */
  routeMatchingToCandidate(matches: UserMatchSpec[]): void {
    const users = this.world.users;
    this.world.router.setRules(matches.map((m) => ({ match: compileMatch(m, users), version: this.candidate })));
  }

  /** The share of users that any of `specs` selects now (to size the candidate's fleet). */
  shareMatching(specs: UserMatchSpec[]): number {
    const users = this.world.users;
    const compiled = specs.map((m) => compileMatch(m, users));
    let n = 0;
    for (let u = 0; u < users.count; u++) if (compiled.some((c) => matches(c, users, u, this.now))) n++;
    return n / Math.max(1, users.count);
  }

  /** One service over every ready instance, whatever its version (Kubernetes rolling update). */
  usePool(): void {
    this.world.router.usePool(this.stable);
  }

  mirror(v: number, share: number): void {
    this.world.mirrorVersion = v;
    this.world.mirrorShare = share;
  }

  stopMirror(): void {
    this.world.mirrorVersion = -1;
    this.world.mirrorShare = 0;
  }

  /** Every instance runs `build`; the flag chooses the candidate's or the stable behaviour per user. */
  useFlag(build: number, propagationDelay: number): void {
    this.flag = new Flag(this.world.users, propagationDelay);
    this.world.router.useFlag(this.flag, build, this.candidate, this.stable);
  }

  setFlag(config: FlagConfig): void {
    this.flag!.set(config, this.now);
  }

  compileMatch(spec: UserMatchSpec) {
    return compileMatch(spec, this.world.users);
  }

  // ── observation and report ─────────────────────────────────────────────────────────────

  window(v: number): MetricWindow {
    return new MetricWindow(this.world.recorder, v);
  }

  /** Runs fn at simulated time `at`; returns a cancel function. */
  at(at: number, fn: () => void): () => void {
    const engine = this.world.engine;
    const id = engine.schedule(at, fn);
    return () => engine.cancel(id);
  }

  decide(decision: Decision): void {
    this.decisions.push(decision);
  }

  measure(measurement: Measurement): void {
    this.measurements.push(measurement);
  }

  markFullyRolledOut(): void {
    this.fullyRolledOutAt ??= this.now;
  }

  markDetected(): void {
    if (this.detectedAt !== null) return;
    this.detectedAt = this.now;
    this.detectedBy = this.decisions.length;
  }

  markRecovered(at = this.now): void {
    this.recoveredAt ??= at;
  }
}
