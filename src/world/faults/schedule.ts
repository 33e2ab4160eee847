// Turns the scenario's faults on and off: at their time, or when the rollout reaches a phase
// (a share of traffic on the new version, a state of the pattern). Each kind maps to its effects.
import type { World } from '../world';
import type { Fault } from './types';
import { compileMatch } from '../userMatch';

export class FaultSchedule {
  private readonly started: boolean[];
  private readonly ended: boolean[];

  constructor(
    private readonly world: World,
    readonly faults: Fault[],
  ) {
    this.started = faults.map(() => false);
    this.ended = faults.map(() => false);
    faults.forEach((fault, f) => {
      if ('at' in fault.start) world.engine.schedule(fault.start.at, () => this.start(f));
    });
  }

  /** Called at every metrics bucket with the share of requests the candidate got in it. */
  onShare(share: number): void {
    this.faults.forEach((fault, f) => {
      if ('weightAtLeast' in fault.start && share >= fault.start.weightAtLeast - 1e-9) this.start(f);
    });
  }

  /** Called whenever the pattern's statechart changes state, with every active state's name. */
  onStates(names: Set<string>): void {
    this.faults.forEach((fault, f) => {
      if ('state' in fault.start && names.has(fault.start.state)) this.start(f);
    });
  }

  private start(f: number): void {
    if (this.started[f]) return;
    this.started[f] = true;
    const world = this.world;
    const fault = this.faults[f];
    world.faultCosts.startedAt[f] = world.engine.now;
    this.apply(f, fault);
    world.faultEffects.refresh();
    if (fault.duration !== null) world.engine.schedule(world.engine.now + fault.duration, () => this.end(f));
  }

  private end(f: number): void {
    if (this.ended[f]) return;
    this.ended[f] = true;
    const world = this.world;
    world.faultCosts.endedAt[f] = world.engine.now;
    const fx = world.faultEffects;
    const fault = this.faults[f];
    fx.failures = fx.failures.filter((e) => e.fault !== f);
    fx.service = fx.service.filter((e) => e.fault !== f);
    fx.writes = fx.writes.filter((e) => e.fault !== f);
    if (fx.capacityFault === f) fx.capacityFault = -1;
    fx.capacityByVersion.forEach((g, v) => g === f && (fx.capacityByVersion[v] = -1));
    if (fault.kind === 'conversion-drop') fx.conversion[world.versions.indexOf(fault.version)] /= 1 - fault.drop;
    if (fault.kind === 'crash-loop') world.failures.crashLoop[world.versions.indexOf(fault.version)] = -1;
    fx.refresh();
  }

  /** 503s are charged to fault f: those of version v's instances, or of every version (v = −1). */
  private chargeCapacity(f: number, v: number): void {
    const fx = this.world.faultEffects;
    if (v < 0) fx.capacityFault = f;
    else fx.capacityByVersion[v] = f;
  }

  private apply(f: number, fault: Fault): void {
    const world = this.world;
    const fx = world.faultEffects;
    const v = (name: string | null) => (name === null ? -1 : world.versions.indexOf(name));
    const failure = { fault: f, match: null, per: 0, mixed: false };
    switch (fault.kind) {
      case 'error-rate':
        fx.failures.push({ ...failure, version: v(fault.version), rate: fault.rate });
        return;
      case 'dependency-outage':
        fx.failures.push({ ...failure, version: -1, rate: fault.rate });
        return;
      case 'segment':
        fx.failures.push({ ...failure, version: v(fault.version), rate: fault.rate, match: compileMatch(fault.match, world.users) });
        return;
      case 'mixed-version':
        fx.failures.push({ ...failure, version: -1, rate: fault.rate, mixed: true });
        return;
      case 'memory-leak':
        fx.failures.push({ ...failure, version: v(fault.version), rate: fault.errorRate, per: fault.per });
        fx.service.push({ fault: f, version: v(fault.version), factor: fault.factor, add: 0, aboveUtilisation: 0, per: fault.per, warmup: 0 });
        return;
      case 'latency':
        fx.service.push({ fault: f, version: v(fault.version), factor: fault.factor, add: fault.add, aboveUtilisation: fault.above?.utilisation ?? 0, per: 0, warmup: 0 });
        this.chargeCapacity(f, v(fault.version));
        return;
      case 'cold-start':
        fx.service.push({ fault: f, version: v(fault.version), factor: fault.factor, add: 0, aboveUtilisation: 0, per: 0, warmup: fault.warmup });
        this.chargeCapacity(f, v(fault.version));
        return;
      case 'conversion-drop':
        fx.conversion[v(fault.version)] *= 1 - fault.drop;
        return;
      case 'bad-writes':
        fx.writes.push({ fault: f, version: v(fault.version), rate: fault.rate, writes: fault.writes });
        return;
      case 'traffic-spike': // the arrival process already carries the spike; 503s meanwhile are its cost
        fx.capacityFault = f;
        return;
      case 'crash-loop':
        world.failures.crashLoop[v(fault.version)] = f;
        this.chargeCapacity(f, v(fault.version)); // instances that never come up: the 503s meanwhile are its cost
        return;
      case 'instance-loss':
        world.failures.lose(f, fault.count, fault.zone, v(fault.version));
        fx.capacityFault = f;
        return;
    }
  }
}
