// The simulated world: fleet, users, traffic, router and metrics, driven by the engine's event loop.
// Everything that happens to a request happens here; patterns act on the world only through its
// platform methods (launch, drain, route), never on the hot path.
import type { Scenario } from '../scenario/types';
import { Engine, EV_CALLBACK } from '../sim/engine';
import { createStream } from '../random/streams';
import { DrawBuffer } from '../random/drawBuffer';
import { Recorder } from '../metrics/recorder';
import { SeriesCollector } from '../metrics/series';
import { EV_ARRIVAL, EV_DEPARTURE, EV_INSTANCE_READY, EV_TICK } from './events';
import { Fleet } from './fleet';
import { Requests } from './requests';
import { Router } from './router';
import { Traffic } from './traffic';
import { Users } from './users';
import { Versions } from './versions';

const FAILED = 1;
const CONVERTED = 2;
const SHADOW = 4;

export interface WorldOptions {
  seed: number;
  bucketSeconds: number;
  eventBudget: number;
}

export class World {
  readonly engine: Engine;
  readonly versions: Versions;
  readonly users: Users;
  readonly fleet: Fleet;
  readonly router: Router;
  readonly recorder: Recorder;
  readonly series: SeriesCollector;
  readonly requests = new Requests();
  readonly duration: number;
  private readonly traffic: Traffic;
  private readonly draws: DrawBuffer;
  private readonly bucketSeconds: number;
  private bucketStart = 0;
  /** mirroring: a share of requests is copied to this version as shadow traffic (−1: none) */
  mirrorVersion = -1;
  mirrorShare = 0;
  /** called after an instance becomes ready or terminates (controllers react to fleet changes) */
  onFleetChange: () => void = () => {};

  constructor(scenario: Scenario, options: WorldOptions) {
    this.engine = new Engine(options.eventBudget);
    this.duration = scenario.duration;
    this.bucketSeconds = options.bucketSeconds;
    this.versions = new Versions(scenario.versions);
    this.users = new Users(scenario.users, options.seed);
    const { fleet } = scenario;
    this.fleet = new Fleet(this.engine.queue, this.versions.count, fleet.concurrency, fleet.queueLimit, fleet.startupTime);
    this.router = new Router(this.fleet, this.users, this.versions.count, fleet.loadBalancer);
    this.recorder = new Recorder(this.versions.count, this.users.count);
    this.series = new SeriesCollector(this.versions.names);
    this.traffic = new Traffic(scenario.traffic);
    // One stream for the whole arrival process: each arrival takes the same draws in the same
    // order whatever the pattern does, which is what pairs the compared runs.
    this.draws = new DrawBuffer(createStream(options.seed, 'traffic'));
    const first = this.traffic.next(0, this.draws.draw(), this.draws);
    if (first < this.duration) this.engine.queue.push(first, EV_ARRIVAL, 0);
    this.engine.queue.push(Math.min(this.bucketSeconds, this.duration), EV_TICK, 0);
  }

  /** Starts `count` ready instances of version v at time 0 (the fleet as it is before the run). */
  provision(v: number, count: number): void {
    for (let k = 0; k < count; k++) this.fleet.launch(v, 0, true);
    this.router.routeAllTo(v);
    this.router.stable = v;
  }

  /** Runs every event up to and including time t (at most the duration). */
  runUntil(t: number): void {
    const end = Math.min(t, this.duration);
    const { engine } = this;
    const queue = engine.queue;
    while (queue.size > 0 && queue.peekTime() <= end) {
      queue.pop();
      engine.now = queue.time;
      engine.countEvent();
      switch (queue.kind) {
        case EV_ARRIVAL:
          this.onArrival();
          break;
        case EV_DEPARTURE:
          this.onDeparture(queue.payload);
          break;
        case EV_INSTANCE_READY:
          if (this.fleet.markReady(queue.payload)) this.onFleetChange();
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

  private onArrival(): void {
    const now = this.engine.now;
    const { users, router, recorder } = this;
    // The request's own draws, always all of them, in this order; then the time to the next arrival.
    const k = this.draws.reserve(8);
    const d = this.draws.block;
    const user = Math.floor(d[k] * users.count);
    const failDraw = d[k + 1];
    const serviceDraw = d[k + 2];
    const conversionDraw = d[k + 3];
    const routeDraw = d[k + 4];
    const instanceDraw = d[k + 5];
    const mirrorDraw = d[k + 6];
    const next = this.traffic.next(now, d[k + 7], this.draws);
    if (next < this.duration) this.engine.queue.push(next, EV_ARRIVAL, 0);

    const i = router.route(user, routeDraw, instanceDraw, now);
    const v = router.behaviour;
    recorder.arrival(v, user);
    if (i < 0 || !this.admit(i, user, v, failDraw, serviceDraw, conversionDraw, 0, now)) recorder.rejection(v, user);
    if (this.mirrorVersion >= 0 && mirrorDraw < this.mirrorShare) this.mirror(user, failDraw, serviceDraw, instanceDraw, now);
  }

  /** A copy of the request for the mirror version; its answer is discarded. */
  private mirror(user: number, failDraw: number, serviceDraw: number, instanceDraw: number, now: number): void {
    const m = this.mirrorVersion;
    this.recorder.shadowArrival(m);
    const i = this.router.chooseInstance(m, instanceDraw);
    if (i < 0 || !this.admit(i, user, m, failDraw, serviceDraw, 1, SHADOW, now)) this.recorder.shadowRejection(m);
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
    requests.failed[slot] =
      flags | (failDraw < versions.errorRate[v] ? FAILED : 0) | (conversionDraw < versions.conversionRate[v] ? CONVERTED : 0);
    if (idle) this.startService(i, slot, now);
    else fleet.enqueue(i, slot);
    return true;
  }

  private startService(i: number, slot: number, now: number): void {
    const { requests } = this;
    this.fleet.busy[i]++;
    requests.startedAt[slot] = now;
    const service = this.versions.serviceTime(requests.version[slot], requests.serviceDraw[slot]);
    this.engine.queue.push(now + service, EV_DEPARTURE, slot);
  }

  private onDeparture(slot: number): void {
    const now = this.engine.now;
    const { requests, fleet, recorder } = this;
    const i = requests.instance[slot];
    const arrived = requests.arrivedAt[slot];
    const outcome = requests.failed[slot];
    const v = requests.version[slot];
    if (outcome & SHADOW) recorder.shadowCompletion(v, now - arrived, (outcome & FAILED) !== 0);
    else
      recorder.completion(v, requests.user[slot], now - arrived, requests.startedAt[slot] - arrived, (outcome & FAILED) !== 0, (outcome & CONVERTED) !== 0);
    requests.release(slot);
    fleet.busy[i]--;
    if (fleet.queueLength[i] > 0) this.startService(i, fleet.dequeue(i), now);
    else if (fleet.terminateIfIdle(i, now)) this.onFleetChange();
  }

  private onTick(): void {
    const now = this.engine.now;
    this.series.sample(this.bucketStart, this.recorder, this.fleet, this.router.weights);
    this.recorder.resetBucket();
    this.bucketStart = now;
    if (now < this.duration) this.engine.queue.push(Math.min(now + this.bucketSeconds, this.duration), EV_TICK, 0);
  }
}
