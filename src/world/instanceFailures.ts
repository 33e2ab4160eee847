// Instances that die: lost (a node, a zone) or crash-looping (failing readiness, or crashing a
// while after start). Their queued requests fail at once; a ReplicaSet replaces them, with
// Kubernetes' CrashLoopBackOff delays when a version keeps crashing.
import type { Engine } from '../sim/engine';
import { FAILED, READY, TERMINATED, type Fleet } from './fleet';
import { ENROLLED, SAMPLED, SHADOW } from './requestFlags';
import type { RequestRecorder } from './measure';
import type { Requests } from './requests';
import type { RequestSampler } from './sampler';
import type { Versions } from './versions';
import type { FaultCosts } from './faults/costs';
import type { FaultEffects } from './faults/effects';
import type { Fault } from './faults/types';

/** The parts of the world a failing instance touches (the world is one; defined here so neither file imports the other). */
interface FailureSite {
  readonly engine: Engine;
  readonly versions: Versions;
  readonly fleet: Fleet;
  readonly requests: Requests;
  readonly recorder: RequestRecorder;
  readonly faults: Fault[];
  readonly faultEffects: FaultEffects;
  readonly faultCosts: FaultCosts;
  readonly sampler: RequestSampler | null;
  onFleetChange(): void;
}

/** CrashLoopBackOff: 10 s, doubling per crash, at most 5 min (Kubernetes' kubelet). */
const BACKOFF_FIRST = 10;
const BACKOFF_MAX = 300;

export class InstanceFailures {
  /** per version: crashes in a row, for the back-off */
  private readonly crashes: Int32Array;
  /** crashed instances whose replacement waits out a CrashLoopBackOff: instance → when it ends */
  readonly backoffUntil = new Map<number, number>();

  constructor(private readonly world: FailureSite) {
    this.crashes = new Int32Array(world.versions.count);
  }

  /** An instance finished starting: it becomes ready, unless a crash loop has its version. */
  onStarted(i: number): void {
    const { fleet, faults, engine } = this.world;
    const v = fleet.version[i];
    const f = this.world.faultEffects.crashLoop[v];
    const fault = f >= 0 ? faults[f] : undefined;
    if (fault?.kind === 'crash-loop') {
      if (fault.after === null) return this.kill(i, f); // fails its readiness probe
      if (fleet.markReady(i)) {
        engine.schedule(engine.now + fault.after, () => this.kill(i, f));
        this.world.onFleetChange();
      }
      return;
    }
    this.crashes[v] = 0;
    if (fleet.markReady(i)) this.world.onFleetChange();
  }

  /** Instance loss: `count` ready instances (of version v, or any when v < 0), or every one in a zone. */
  lose(f: number, count: number | null, zone: string | null, v: number): void {
    const fleet = this.world.fleet;
    const victims: number[] = [];
    for (let i = 0; i < fleet.count; i++) {
      if (fleet.state[i] !== READY || (v >= 0 && fleet.version[i] !== v)) continue;
      if (zone !== null ? fleet.zoneOf(i) === zone : victims.length < (count ?? 1)) victims.push(i);
    }
    for (const i of victims) this.kill(i, f);
  }

  /**
   * Instance i dies, by fault f: its queued requests fail now; those in service fail when they
   * would have finished (their departure finds it dead).
   */
  kill(i: number, f: number): void {
    const { fleet, engine, requests, recorder, faultCosts } = this.world;
    const now = engine.now;
    if (fleet.state[i] === FAILED || fleet.state[i] === TERMINATED) return;
    const v = fleet.version[i];
    while (fleet.queueLength[i] > 0) {
      const slot = fleet.dequeue(i);
      const user = requests.user[slot];
      const age = now - requests.arrivedAt[slot];
      if (requests.failed[slot] & SAMPLED) this.world.sampler!.ended(slot, now, true);
      if (requests.failed[slot] & SHADOW) recorder.shadowCompletion(v, age, true);
      else {
        recorder.completion(v, user, age, age, true, false, (requests.failed[slot] & ENROLLED) !== 0);
        faultCosts.failure(f, user);
      }
      requests.release(slot);
    }
    fleet.fail(i, f, now);
    const delay = this.world.faultEffects.crashLoop[v] === f ? Math.min(BACKOFF_MAX, BACKOFF_FIRST * 2 ** this.crashes[v]++) : 0;
    if (delay > 0) this.backoffUntil.set(i, now + delay);
    engine.schedule(now + delay, () => {
      if (fleet.live(v) < fleet.desired[v]) fleet.launch(v, engine.now);
    });
    this.world.onFleetChange();
  }
}
