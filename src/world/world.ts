// The simulated world: fleet, users, traffic, router and metrics, driven by the engine's event loop.
// Everything that happens to a request happens here; patterns act on the world only through its
// platform methods (launch, drain, route), never on the hot path.
import type { WorldSpec } from './spec';
import type { BucketListener, RequestRecorder, WorldMetrics } from './measure';
import { Engine, EV_CALLBACK } from '../sim/engine';
import { createStream } from '../random/streams';
import { DrawBuffer } from '../random/drawBuffer';
import { EV_DEPARTURE, EV_INSTANCE_READY, EV_TICK } from './events';
import { Fleet, FAILED as FAILED_INSTANCE, READY } from './fleet';
import { InstanceFailures } from './instanceFailures';
import { CONVERTED, ENROLLED, FAILED, SAMPLED, SHADOW } from './requestFlags';
import { RequestSampler } from './sampler';
import { Requests } from './requests';
import { Router, routedBehaviour, routedInstance } from './router';
import { Traffic } from './traffic';
import { Users } from './users';
import { Versions } from './versions';
import { FaultEffects } from './faults/effects';
import { FaultCosts } from './faults/costs';
import { FaultSchedule } from './faults/schedule';
import type { Fault } from './faults/types';
import { spikesOf } from './faults/kinds/trafficSpike';


export interface WorldOptions<R extends RequestRecorder = RequestRecorder, S extends BucketListener = BucketListener> {
  seed: number;
  /** where requests are counted and buckets end (metrics/measuredWorld.ts builds them) */
  metrics: WorldMetrics<R, S>;
  bucketSeconds: number;
  eventBudget: number;
  /** faults injected on top of the scenario's (live injection re-simulates with these) */
  inject?: Fault[];
  /**
   * the population, when the caller already drew it from this spec and seed: compared runs share
   * one (it is read-only, and drawing 200,000 users nine times was most of a session's set-up)
   */
  users?: Users;
}


export class World<R extends RequestRecorder = RequestRecorder, S extends BucketListener = BucketListener> {
  readonly engine: Engine;
  readonly versions: Versions;
  readonly users: Users;
  readonly fleet: Fleet;
  readonly router: Router;
  readonly recorder: R;
  readonly series: S;
  readonly requests = new Requests();
  readonly duration: number;
  readonly traffic: Traffic;
  private readonly constantRate: boolean;
  /** the next arrival (Infinity: none before the end) and its place in the event order */
  private arrivalTime = Infinity;
  private arrivalSeq = 0;
  private readonly draws: DrawBuffer;
  private readonly bucketSeconds: number;
  private bucketStart = 0;
  /** mirroring: a share of requests is copied to this version as shadow traffic (−1: none) */
  mirrorVersion = -1;
  mirrorShare = 0;
  /** picks requests for the traffic animation (null: none, and no cost) */
  sampler: RequestSampler | null = null;
  /** called after an instance becomes ready or terminates (controllers react to fleet changes) */
  onFleetChange: () => void = () => {};
  readonly faults: Fault[];
  readonly faultEffects: FaultEffects;
  readonly faultCosts: FaultCosts;
  readonly faultSchedule: FaultSchedule;
  readonly failures: InstanceFailures;
  /** the version a rollout brings, for phase-triggered faults */
  private readonly candidate: number;

  constructor(scenario: WorldSpec, options: WorldOptions<R, S>) {
    this.engine = new Engine(options.eventBudget);
    this.duration = scenario.duration;
    this.bucketSeconds = options.bucketSeconds;
    this.versions = new Versions(scenario.versions);
    this.users = options.users ?? new Users(scenario.users, options.seed);
    const { fleet } = scenario;
    this.fleet = new Fleet(this.engine.queue, this.versions.count, fleet.concurrency, fleet.queueLimit, fleet.startupTime);
    this.router = new Router(this.fleet, this.users, this.versions.count, fleet.loadBalancer);
    this.recorder = options.metrics.recorder;
    this.series = options.metrics.series;
    this.faults = [...(scenario.faults ?? []), ...(options.inject ?? [])];
    this.traffic = new Traffic(scenario.traffic, spikesOf(this.faults));
    this.constantRate = this.traffic.constant;
    this.faultEffects = new FaultEffects(this.versions.count, this.users.count, this.faults.some((f) => f.kind === 'mixed-version'));
    this.faultCosts = new FaultCosts(this.faults, this.users.count);
    this.failures = new InstanceFailures(this);
    this.candidate = this.versions.indexOf(scenario.rollout?.to ?? scenario.versions[0].name);
    // One stream for the whole arrival process: each arrival takes the same draws in the same
    // order whatever the pattern does, which is what pairs the compared runs.
    this.draws = new DrawBuffer(createStream(options.seed, 'traffic'));
    const first = this.traffic.next(0, this.draws.draw(), this.draws);
    this.scheduleArrival(first);
    this.engine.queue.push(Math.min(this.bucketSeconds, this.duration), EV_TICK, 0);
    this.faultSchedule = new FaultSchedule(this, this.faults, scenario.faults?.length ?? 0);
  }

  /**
   * Why `fault` cannot be injected while the run goes on (null: it can): a few faults shape the run
   * from its very start, so a run with them must be simulated with them from time 0.
   */
  cannotInjectLive(fault: Fault): string | null {
    if (fault.kind === 'traffic-spike') return 'a traffic spike changes the arrival process from the start (its peak rate thins every arrival)';
    if (fault.kind === 'mixed-version' && this.faultEffects.lastVersion.length === 0) return 'a mixed-version fault needs each user\'s previous version, kept only when the run has one from the start';
    return null;
  }

  /** Adds an injected fault (an act) at or after the present: the run then goes on exactly as if it had been injected at time 0. */
  injectLive(fault: Fault): void {
    const refusal = this.cannotInjectLive(fault);
    if (refusal !== null) throw new Error(`"${fault.label}" cannot be injected live: ${refusal}`);
    this.faults.push(fault);
    this.faultCosts.added();
    this.faultSchedule.added();
  }

  /** Starts `count` ready instances of version v at time 0 (the fleet as it is before the run). */
  provision(v: number, count: number): void {
    for (let k = 0; k < count; k++) this.fleet.launch(v, 0, true);
    this.router.routeAllTo(v, { stable: true });
    this.fleet.desired[v] = count;
  }

  /** Samples up to `perSecond` requests per simulated second for the traffic animation. */
  sampleRequests(perSecond: number): RequestSampler {
    this.sampler = new RequestSampler(perSecond);
    return this.sampler;
  }

  /** Runs every event up to and including time t (at most the duration). */
  runUntil(t: number): void {
    const end = Math.min(t, this.duration);
    const { engine } = this;
    const queue = engine.queue;
    for (;;) {
      // The one pending arrival lives outside the heap (half of all pushes and pops saved), ordered
      // against the heap's earliest event by (time, sequence) exactly as if it were in it.
      const heapTime = queue.peekTime();
      const arrival = this.arrivalTime;
      if (arrival < heapTime || (arrival === heapTime && this.arrivalSeq < queue.peekSeq())) {
        if (arrival > end) break;
        engine.now = arrival;
        engine.countEvent();
        this.onArrival();
        continue;
      }
      if (heapTime > end) break;
      queue.pop();
      engine.now = queue.time;
      engine.countEvent();
      switch (queue.kind) {
        case EV_DEPARTURE:
          this.onDeparture(queue.payload);
          break;
        case EV_INSTANCE_READY:
          this.failures.onStarted(queue.payload);
          break;
        case EV_TICK:
          this.onTick();
          break;
        case EV_CALLBACK:
          engine.runCallback(queue.payload);
          break;
      }
    }
    engine.now = end;
  }

  private scheduleArrival(t: number): void {
    this.arrivalTime = t < this.duration ? t : Infinity;
    this.arrivalSeq = this.engine.queue.takeSeq();
  }

  private onArrival(): void {
    const now = this.engine.now;
    const { users, router, recorder } = this;
    // The request's own draws, always all of them, in this order; then the time to the next arrival.
    const k = this.draws.reserve(9);
    const d = this.draws.block;
    const user = Math.floor(d[k] * users.count);
    const failDraw = d[k + 1];
    const serviceDraw = d[k + 2];
    const conversionDraw = d[k + 3];
    const routeDraw = d[k + 4];
    const instanceDraw = d[k + 5];
    const mirrorDraw = d[k + 6];
    const writeDraw = d[k + 7];
    // The common constant rate is computed here: a call returning a double would box it.
    const next = this.constantRate ? now - Math.log(1 - d[k + 8]) / this.traffic.peakRate : this.traffic.next(now, d[k + 8], this.draws);
    this.scheduleArrival(next);

    const route = router.route(user, routeDraw, instanceDraw, now);
    const i = routedInstance(route);
    const v = routedBehaviour(route);
    recorder.arrival(v, now);
    const sampled = this.sampler !== null && this.sampler.take(now);
    if (i < 0 || !this.admit(i, user, v, failDraw, serviceDraw, conversionDraw, sampled ? SAMPLED : 0, now)) {
      this.reject(v, user, i);
      if (sampled) this.sampler!.rejected(now, v, i, false);
    }
    const mirrored = this.mirrorVersion >= 0 && mirrorDraw < this.mirrorShare;
    if (mirrored) this.mirror(user, failDraw, serviceDraw, instanceDraw, now, sampled);
    if (this.faultEffects.active) this.afterFaultyArrival(v, writeDraw, mirrored);
    // Which version each user last got, from the start: a mixed-version fault judges the switch.
    const last = this.faultEffects.lastVersion;
    if (last.length > 0) last[user] = v;
  }

  private reject(v: number, user: number, instance: number): void {
    this.recorder.rejection(v, user, this.logsExposure(v, user));
    if (!this.faultEffects.active) return;
    const f = this.capacityCause(instance);
    if (f >= 0) this.faultCosts.failure(f, user);
  }

  /**
   * The fault a 503 is charged to: a full queue on an instance slowed or broken by a fault of its
   * version; with no instance ready at all, a fault of every version, or the crash loop keeping a
   * wanted version from coming up. A deployment's own gaps (Recreate) are charged to nothing.
   */
  private capacityCause(instance: number): number {
    const fx = this.faultEffects;
    if (instance >= 0) {
      const f = fx.capacityByVersion[this.fleet.version[instance]];
      return f >= 0 ? f : fx.capacityFault;
    }
    if (fx.capacityFault >= 0) return fx.capacityFault;
    const crashLoop = fx.crashLoop;
    for (let v = 0; v < crashLoop.length; v++) {
      if (crashLoop[v] >= 0 && this.fleet.desired[v] > this.fleet.countIn(READY, v)) return crashLoop[v];
    }
    return -1;
  }

  /** Bookkeeping only write faults need: writes corrupted, and duplicated by mirroring. */
  private afterFaultyArrival(v: number, writeDraw: number, mirrored: boolean): void {
    const fx = this.faultEffects;
    for (const w of fx.writes) {
      if (writeDraw >= w.writes) continue; // not a write
      if (mirrored) this.faultCosts.duplicated[w.fault]++;
      const hits = (w.version === v ? 1 : 0) + (mirrored && w.version === this.mirrorVersion ? 1 : 0);
      if (hits > 0 && writeDraw < w.writes * w.rate) this.faultCosts.corrupted[w.fault] += hits;
    }
  }

  /** A copy of the request for the mirror version; its answer is discarded. */
  private mirror(user: number, failDraw: number, serviceDraw: number, instanceDraw: number, now: number, sampled: boolean): void {
    const m = this.mirrorVersion;
    this.recorder.shadowArrival(m, now);
    const i = this.router.chooseInstance(m, instanceDraw);
    if (i < 0 || !this.admit(i, user, m, failDraw, serviceDraw, 1, sampled ? SHADOW | SAMPLED : SHADOW, now)) {
      this.recorder.shadowRejection(m);
      if (sampled) this.sampler!.rejected(now, m, i, true);
    }
  }

  /** Starts or queues the request on instance i; false when its queue is full (503). */
  private admit(i: number, user: number, v: number, failDraw: number, serviceDraw: number, conversionDraw: number, flags: number, now: number): boolean {
    const { fleet, requests, versions } = this;
    const idle = fleet.busy[i] < fleet.concurrency;
    if (!idle && fleet.isQueueFull(i)) return false;
    const slot = requests.alloc();
    requests.arrivedAt[slot] = now;
    requests.user[slot] = user;
    requests.instance[slot] = i;
    requests.version[slot] = v;
    requests.serviceDraw[slot] = serviceDraw;
    const base = versions.errorRate[v];
    let failed = failDraw < base;
    let cause = -1;
    let conversionRate = versions.conversionRate[v];
    const fx = this.faultEffects;
    if (fx.active) {
      if (!failed && fx.failures.length > 0) {
        cause = fx.failureCause(v, user, now - fleet.readyAt[i], now, failDraw, base, this.users);
        failed = cause >= 0;
      }
      conversionRate *= fx.conversion[v];
    }
    requests.cause[slot] = cause;
    requests.failed[slot] = flags | (failed ? FAILED : 0) | (conversionDraw < conversionRate ? CONVERTED : 0) | (this.logsExposure(v, user) ? ENROLLED : 0);
    if (flags & SAMPLED) this.sampler!.admitted(slot, now, v, i, (flags & SHADOW) !== 0);
    if (idle) this.startService(i, slot, now);
    else fleet.enqueue(i, slot);
    return true;
  }

  /** Whether an experiment is enrolling and will count this request for its arm. */
  private logsExposure(v: number, user: number): boolean {
    return this.recorder.enrolled && !(this.faultEffects.active && this.faultEffects.exposureLost(v, user));
  }

  private startService(i: number, slot: number, now: number): void {
    const { requests } = this;
    this.fleet.busy[i]++;
    requests.startedAt[slot] = now;
    const v = requests.version[slot];
    let service = this.versions.serviceTime(v, requests.serviceDraw[slot]);
    const fx = this.faultEffects;
    if (fx.active && fx.service.length > 0) {
      const fleet = this.fleet;
      service = fx.serviceTime(v, service, now - fleet.readyAt[i], (fleet.busy[i] - 1) / fleet.concurrency);
    }
    this.engine.queue.push(now + service, EV_DEPARTURE, slot);
  }

  private onDeparture(slot: number): void {
    const now = this.engine.now;
    const { requests, fleet, recorder } = this;
    const i = requests.instance[slot];
    const arrived = requests.arrivedAt[slot];
    let outcome = requests.failed[slot];
    const v = requests.version[slot];
    let cause = requests.cause[slot];
    if (fleet.state[i] === FAILED_INSTANCE) {
      // The instance died with this request on it: the client gets a connection error.
      outcome |= FAILED;
      cause = fleet.killedBy[i];
    }
    const user = requests.user[slot];
    if (outcome & SAMPLED) this.sampler!.ended(slot, now, (outcome & FAILED) !== 0);
    if (outcome & SHADOW) recorder.shadowCompletion(v, now - arrived, (outcome & FAILED) !== 0);
    else {
      recorder.completion(v, user, now - arrived, requests.startedAt[slot] - arrived, (outcome & FAILED) !== 0, (outcome & CONVERTED) !== 0, (outcome & ENROLLED) !== 0);
      if (cause >= 0 && outcome & FAILED) this.faultCosts.failure(cause, user);
    }
    requests.release(slot);
    if (fleet.state[i] === FAILED_INSTANCE) return;
    fleet.busy[i]--;
    if (fleet.queueLength[i] > 0) this.startService(i, fleet.dequeue(i), now);
    else if (fleet.terminateIfIdle(i, now)) this.onFleetChange();
  }

  private onTick(): void {
    const now = this.engine.now;
    const r = this.recorder;
    let total = 0;
    for (let v = 0; v < this.versions.count; v++) total += r.bucketRequests[v];
    if (total > 0) this.faultSchedule.onShare(r.bucketRequests[this.candidate] / total);
    this.series.endBucket(this.bucketStart, this);
    this.fleet.resetPeaks();
    this.bucketStart = now;
    if (now < this.duration) this.engine.queue.push(Math.min(now + this.bucketSeconds, this.duration), EV_TICK, 0);
  }
}
