// One compared run: a world, and the pattern's statechart driving it on the world's clock. The
// session advances several of these together; the run record is read from it at the end.
import { createActor, type AnyActorRef, type InspectionEvent } from 'xstate';
import type { Scenario, CompareEntry } from '../scenario/types';
import { measuredWorld, type MeasuredWorld } from '../metrics/measuredWorld';
import { Platform } from './platform';
import { bindPlatform } from './platformBindings';
import { PATTERNS, outcomeOf } from '../patterns/registry';
import { runGuarded } from './progressGuard';
import { buildRecord } from './record';
import { scoreDetection } from './detection';
import { changeRuleByHand, setFlagByHand } from './acts/flagByHand';
import { announceRuleWindows } from './acts/ruleWindows';
import type { FlagRuleOptions } from '../patterns/options';
import type { MachineStep } from './stream';
import type { Users } from '../world/users';
import type { PatternInput } from '../patterns/common';
import type { ManualAction, RunOptions, RunRecord } from './types';
import type { Fault } from '../world/faults/types';

export const DEFAULT_BUCKET = 10;
/** At equal time, injected faults (ordered by their place in the run's fault list) come before human actions. */
const MANUAL_ORDER = 2 ** 20;
const DEFAULT_EVENT_BUDGET = 500_000_000;

export class PatternRun {
  readonly world: MeasuredWorld;
  readonly platform: Platform;
  /** every transition of the statechart, with the event that caused it */
  readonly steps: MachineStep[] = [];
  /** the active leaf states, as dotted paths */
  state: string[] = [];
  private readonly actor: AnyActorRef;

  constructor(
    scenario: Scenario,
    readonly entry: CompareEntry,
    private readonly options: RunOptions & { seed: number; users?: Users },
  ) {
    this.world = measuredWorld(scenario, {
      seed: options.seed,
      bucketSeconds: options.seriesBucket ?? DEFAULT_BUCKET,
      eventBudget: options.eventBudget ?? DEFAULT_EVENT_BUDGET,
      inject: [...(options.inject ?? []), ...(options.injectFor ?? []).filter((f) => f.label === entry.label).map((f) => f.fault)],
      users: options.users,
    });
    const { world } = this;
    const definition = PATTERNS[entry.pattern];
    if (!definition) throw new Error(`pattern "${entry.pattern}" is not implemented yet`);
    const platform = new Platform(world, scenario, entry.label);
    this.platform = platform;
    platform.prepare(definition.before, entry.options);
    if (definition.before === 'flag') announceRuleWindows(platform, (entry.options as { rules?: FlagRuleOptions[] }).rules ?? []);

    const actor = createActor(definition.machine.provide(bindPlatform(platform)), {
      input: patternInput(platform, entry),
      clock: world.engine.actorClock(),
      inspect: (event) => this.inspect(event),
    });
    this.actor = actor;
    // A finished statechart (a final state) no longer listens.
    world.onFleetChange = () => actor.getSnapshot().status === 'active' && actor.send({ type: 'fleet.changed' });
    actor.subscribe({
      next: (snapshot) => world.faultSchedule.onStates(stateNames(snapshot.value)),
      error: () => {}, // errors are read from the snapshot at the end, not thrown later
    });
    actor.start();
    // The scenario's scripted actions are part of the model; a caller's are acts (see addManual).
    for (const action of scenario.manual ?? []) if (this.concerns(action)) world.engine.schedule(action.t, () => this.perform(action));
    (options.manual ?? []).forEach((action, k) => this.addManual(action, k));
  }

  /**
   * A human action from outside the scenario (a learner's gate or flag change), the k-th of the
   * session's: scheduled as an act, so adding it live, before its time, changes nothing else.
   */
  addManual(action: ManualAction, k: number): void {
    if (this.concerns(action)) this.world.engine.scheduleAct(action.t, MANUAL_ORDER + k, () => this.perform(action));
  }

  /** Injects a fault into this run while it goes on (before the fault's start). */
  injectLive(fault: Fault): void {
    this.world.injectLive(fault);
  }

  private concerns(action: ManualAction): boolean {
    return action.label === undefined || action.label === this.entry.label;
  }

  private perform(action: ManualAction): void {
    if (action.event === 'FLAG_SET') setFlagByHand(this.platform, action.rollout ?? 0);
    else if (action.event === 'FLAG_RULE') {
      if (action.rule) changeRuleByHand(this.platform, action.rule.change, action.rule.rule);
    } else if (this.actor.getSnapshot().status === 'active') this.actor.send({ type: action.event });
  }

  /**
   * Runs the world up to simulated time t, stopped with a reason if its clock stands still; a
   * statechart that failed stops the run here, not at its end.
   */
  advance(t: number): void {
    runGuarded(this.world, t);
    const snapshot = this.actor.getSnapshot();
    if (snapshot.status === 'error') throw snapshot.error;
  }

  /** The run record, once the world has run to the scenario's end. */
  record(): RunRecord {
    const { world, platform, entry } = this;
    const snapshot = this.actor.getSnapshot();
    if (snapshot.status === 'error') throw snapshot.error;
    const since = (t: number | null, from: number) => (t === null ? null : round1(t - from));
    const detectedAt = platform.detectedAt;
    const score = scoreDetection(world, platform.scenario, platform.candidate, platform.stable, detectedAt, platform.detectedBy, platform.decisions);
    const report = {
      outcome: outcomeOf(snapshot),
      rolloutSeconds: since(platform.fullyRolledOutAt, platform.rolloutAt),
      detectionSeconds: score.detectionSeconds,
      falseAlarm: score.falseAlarm,
      recoverySeconds: detectedAt === null ? null : since(platform.recoveredAt, detectedAt),
      decisions: score.decisions,
      abTest: platform.abTest ?? undefined,
    };
    return buildRecord(world, entry, report, this.options.seriesBucket !== undefined);
  }

  /** Notes each change of the statechart's active states with the event that caused it. */
  private inspect(event: InspectionEvent): void {
    if (event.type !== '@xstate.snapshot' || event.actorRef !== this.actor) return;
    const snapshot = event.snapshot as { value?: unknown };
    const to = leafPaths(snapshot.value);
    if (to.join() === this.state.join()) return;
    this.steps.push({ t: this.world.engine.now, from: this.state, to, event: eventName(event.event.type) });
    this.state = to;
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** What a pattern's statechart starts from: data only, never the world. */
function patternInput(platform: Platform, entry: CompareEntry): PatternInput<CompareEntry['options']> {
  const names = platform.world.versions.names;
  return { options: entry.options, label: entry.label, versions: { stable: names[platform.stable], candidate: names[platform.candidate] }, instances: platform.instances };
}

/** "xstate.after.stepPause.canary.progressing.stepPause" → "after stepPause", as MachineGraph names it. */
function eventName(type: string): string {
  const m = /^xstate\.after\.([^.]+)\./.exec(type);
  return m ? `after ${m[1]}` : type;
}

/** Active leaf states of a statechart value as dotted paths: {progressing: "stepPause"} → ["progressing.stepPause"]. */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix + value];
  if (!value || typeof value !== 'object') return [];
  const entries = Object.entries(value);
  if (entries.length === 0) return prefix ? [prefix.slice(0, -1)] : [];
  return entries.flatMap(([k, v]) => leafPaths(v, `${prefix}${k}.`));
}

/** Every state name active in a statechart value, e.g. {progressing: "stepPause"} → progressing, stepPause. */
function stateNames(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      stateNames(v, into);
    }
  return into;
}
