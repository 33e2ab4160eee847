// A scenario's runs advanced together, slice by slice of simulated time: the one code path behind
// both the command line's run record (advance to the end, then finish) and the page's stream
// (advance a few seconds at a time, posting each slice). Slicing never changes a run: the world
// runs the same events in the same order whatever the slices, so both end in the same record.
import type { CompareEntry, Scenario } from '../scenario/types';
import { PatternRun } from './patternRun';
import { checkRunSize } from './runSize';
import { RunSlicer } from './runSlicer';
import { FleetColumnsWriter } from './fleetColumns';
import { streamStart } from './streamStart';
import type { RunSlice, StreamSlice, StreamStart } from './stream';
import { Users } from '../world/users';
import { assertStatesExist } from './stateReferences';
import type { RunOptions, ScenarioResult } from './types';

/** Acts joining a session while it runs, as RunOptions carries them. */
export type LiveActs = Required<Pick<RunOptions, 'inject' | 'injectFor' | 'manual'>>;

/** What a streamed session adds to a plain run: fleet frames and sampled requests. */
interface StreamOptions {
  /** simulated seconds between fleet frames */
  frameSeconds: number;
  /** sampled requests per simulated second per run (0: none) */
  requestsPerSecond: number;
}

/** One run of the session. Each run takes the scenario's own scripted actions; the caller's (acts, a what-if) are acts. */
function setUpRun(scenario: Scenario, entry: CompareEntry, options: RunOptions, seed: number, users: Users): PatternRun {
  return new PatternRun(scenario, entry, { ...options, seed, users });
}

/** Throws what would stop a session before it starts: a run too large, a state named that no pattern has. */
export function checkSession(scenario: Scenario, options: RunOptions = {}): void {
  checkRunSize(scenario, options.seriesBucket);
  assertStatesExist(scenario, [...(scenario.faults ?? []), ...(options.inject ?? []), ...(options.injectFor ?? []).map((f) => f.fault)]);
}

export class ScenarioSession {
  readonly seed: number;
  readonly runs: PatternRun[];
  /** the population every run meets */
  readonly users: Users;
  /** simulated time reached by every run */
  now = 0;
  /** whether any event has run yet (until then, acts at time 0 can still join) */
  private advanced = false;
  /** how many of each kind of act the runs have, from the options and addLive */
  private readonly added: { inject: number; injectFor: number; manual: number };
  private readonly slicers: RunSlicer[];

  constructor(
    private readonly scenario: Scenario,
    options: RunOptions = {},
    private readonly stream: StreamOptions | null = null,
    /**
     * checked: the caller ran checkSession already; users: drawn already for this scenario and seed
     * (read-only, so sessions may share them); runs: set up already with these options and users (`stepwise`)
     */
    prepared: { checked?: boolean; users?: Users; runs?: PatternRun[] } = {},
  ) {
    if (!prepared.checked) checkSession(scenario, options);
    this.seed = options.seed ?? scenario.seed;
    // Every run meets the same people: the population is drawn once and shared.
    const users = prepared.users ?? new Users(scenario.users, this.seed);
    this.users = users;
    this.runs = prepared.runs ?? scenario.compare.map((entry) => setUpRun(scenario, entry, options, this.seed, users));
    this.added = { inject: options.inject?.length ?? 0, injectFor: options.injectFor?.length ?? 0, manual: options.manual?.length ?? 0 };
    if (stream && stream.requestsPerSecond > 0) for (const run of this.runs) run.world.sampleRequests(stream.requestsPerSecond);
    this.slicers = this.runs.map((run) => new RunSlicer(run));
  }

  /**
   * The same session set up one piece at a time (the population, then each run's world and
   * statechart): every `yield` is a point where a caller that must stay responsive may pause, and
   * the generator's value is the session. Run to its end without pausing, it is the constructor.
   */
  static *stepwise(
    scenario: Scenario,
    options: RunOptions = {},
    stream: StreamOptions | null = null,
    prepared: { checked?: boolean; users?: Users } = {},
  ): Generator<void, ScenarioSession, void> {
    if (!prepared.checked) checkSession(scenario, options);
    const seed = options.seed ?? scenario.seed;
    const users = prepared.users ?? new Users(scenario.users, seed);
    const runs: PatternRun[] = [];
    for (const entry of scenario.compare) {
      // a pause before each run but a first one that has nothing before it
      if (runs.length > 0 || !prepared.users) yield;
      runs.push(setUpRun(scenario, entry, options, seed, users));
    }
    return new ScenarioSession(scenario, options, stream, { checked: true, users, runs });
  }

  get done(): boolean {
    return this.now >= this.scenario.duration;
  }

  /** What the page needs before any slice: the scenario's texts and each run's statechart. */
  start(bucketSeconds: number): StreamStart {
    return streamStart(this.scenario, this.seed, bucketSeconds);
  }

  /**
   * Why these acts cannot join the runs now (null: they can). They must all lie ahead (after the
   * time already run, or at it before anything ran); faults that shape a run from its start cannot
   * join live; and a run's injected faults keep the order they would have from time 0 (the shared
   * ones, then that run's own), so a shared fault cannot follow a run's own.
   */
  cannotAddLive(more: LiveActs): string | null {
    const times = [...more.inject.map((f) => f.start), ...more.injectFor.map((f) => f.fault.start)].map((start) => ('at' in start ? start.at : -1));
    for (const t of [...times, ...more.manual.map((m) => m.t)]) if (!(t > this.now || (t === this.now && !this.advanced))) return `an act at t=${t}s is not ahead of the simulation (at t=${this.now}s)`;
    if (more.inject.length > 0 && this.added.injectFor > 0) return 'a shared fault would come after a run\'s own';
    for (const fault of [...more.inject, ...more.injectFor.map((f) => f.fault)]) {
      const refusal = this.runs[0].world.cannotInjectLive(fault);
      if (refusal !== null) return refusal;
    }
    return null;
  }

  /**
   * Adds acts while the runs go on: the session then goes on exactly as one built with them from
   * time 0 (checked by cannotAddLive first; throws when they cannot join).
   */
  addLive(more: LiveActs): void {
    const refusal = this.cannotAddLive(more);
    if (refusal !== null) throw new Error(`these acts cannot join the run live: ${refusal}`);
    assertStatesExist(this.scenario, [...more.inject, ...more.injectFor.map((f) => f.fault)]);
    for (const fault of more.inject) for (const run of this.runs) run.injectLive(fault);
    for (const { label, fault } of more.injectFor) for (const run of this.runs) if (run.entry.label === label) run.injectLive(fault);
    more.manual.forEach((action, k) => this.runs.forEach((run) => run.addManual(action, this.added.manual + k)));
    this.added.inject += more.inject.length;
    this.added.injectFor += more.injectFor.length;
    this.added.manual += more.manual.length;
  }

  /** Runs every run up to simulated time t (at most the duration) and says what happened meanwhile. */
  advance(t: number): StreamSlice {
    const steps = this.advancing(t);
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
    }
  }

  /**
   * `advance`, one piece at a time: it pauses after each frame of each run (a point where a caller
   * that must stay responsive may yield) and its value is the slice. The same calls in the same
   * order, so the same slice; until it is done, the session must not be used otherwise.
   */
  *advancing(t: number): Generator<void, StreamSlice, void> {
    const t0 = this.now;
    const t1 = Math.min(t, this.scenario.duration);
    const runs: RunSlice[] = [];
    for (const [k, run] of this.runs.entries()) {
      const frames = new FleetColumnsWriter();
      if (this.stream) {
        // the fleet as the run starts: a page paused at 0:00 shows it, not an empty fleet
        if (!this.advanced) frames.add(run.world);
        const every = this.stream.frameSeconds;
        for (let at = (Math.floor(t0 / every) + 1) * every; at < t1; at += every) {
          run.advance(at);
          frames.add(run.world);
          yield;
        }
      }
      run.advance(t1);
      if (this.stream) frames.add(run.world);
      runs.push(this.slicers[k].slice(frames.finish()));
    }
    this.now = t1;
    this.advanced = true;
    return { t0, t1, runs };
  }

  /** Runs to the end if needed; the run record of every run, exactly as `sim run --json` prints it. */
  finish(): ScenarioResult {
    if (!this.done) this.advance(this.scenario.duration);
    return {
      scenario: this.scenario.title,
      seed: this.seed,
      durationSeconds: this.scenario.duration,
      runs: this.runs.map((run) => run.record()),
    };
  }
}
