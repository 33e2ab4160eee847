// Turns the scenario's faults on and off: at their time, or when the rollout reaches a phase
// (a share of traffic on the new version, a state of the pattern). At every start and end the
// world's effect tables are rebuilt from the effects of the faults active then.
import type { Engine } from '../../sim/engine';
import type { Users } from '../users';
import type { Versions } from '../versions';
import type { FaultCosts } from './costs';
import type { FaultEffects } from './effects';
import type { InstanceFailures } from '../instanceFailures';
import type { Effect, FaultTarget } from './effect';
import { effectsOf } from './kinds';
import type { Fault } from './types';
import { compileMatch } from '../userMatch';

/** The parts of the world faults act on (defined here so the world and this file do not import each other). */
interface FaultSite {
  readonly engine: Engine;
  readonly versions: Versions;
  readonly users: Users;
  readonly faultEffects: FaultEffects;
  readonly faultCosts: FaultCosts;
  readonly failures: InstanceFailures;
}

export class FaultSchedule {
  private readonly started: boolean[];
  /** the faults active now, in the order they started, with their effects */
  private active: { fault: number; effects: Effect[] }[] = [];
  private readonly target: FaultTarget;

  /**
   * `faults`: the scenario's own first (`own` of them), then the injected ones, which are acts: at
   * equal time they start before anything else, in their order in this list (Engine.scheduleAct).
   */
  constructor(
    private readonly world: FaultSite,
    readonly faults: Fault[],
    private readonly own = faults.length,
  ) {
    this.started = faults.map(() => false);
    this.target = {
      version: (name) => (name === null ? -1 : world.versions.indexOf(name)),
      match: (spec) => compileMatch(spec, world.users),
    };
    faults.forEach((_, f) => this.plan(f));
  }

  /** Plans the fault last added to `faults` (one injected while the run goes on). */
  added(): void {
    const f = this.faults.length - 1;
    this.started[f] = false;
    this.plan(f);
  }

  private plan(f: number): void {
    const start = this.faults[f].start;
    if (!('at' in start)) return;
    if (f < this.own) this.world.engine.schedule(start.at, () => this.start(f));
    else this.world.engine.scheduleAct(start.at, f - this.own, () => this.start(f));
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
    const { world } = this;
    const fault = this.faults[f];
    world.faultCosts.startedAt[f] = world.engine.now;
    const effects = effectsOf(fault, this.target);
    for (const e of effects) if (e.type === 'loseInstances') world.failures.lose(f, e.count, e.zone, e.instance, e.version);
    this.active.push({ fault: f, effects });
    world.faultEffects.rebuild(this.active);
    if (fault.duration !== null) world.engine.schedule(world.engine.now + fault.duration, () => this.end(f));
  }

  private end(f: number): void {
    this.world.faultCosts.endedAt[f] = this.world.engine.now;
    this.active = this.active.filter((a) => a.fault !== f);
    this.world.faultEffects.rebuild(this.active);
  }
}
