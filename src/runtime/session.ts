// A scenario's runs advanced together, slice by slice of simulated time: the one code path behind
// both the command line's run record (advance to the end, then finish) and the page's stream
// (advance a few seconds at a time, posting each slice). Slicing never changes a run: the world
// runs the same events in the same order whatever the slices, so both end in the same record.
import type { Scenario } from '../scenario/types';
import { PatternRun } from './patternRun';
import { checkRunSize } from './runSize';
import { RunSlicer } from './runSlicer';
import { FleetColumnsWriter } from './fleetColumns';
import { streamStart } from './streamStart';
import type { StreamSlice, StreamStart } from './stream';
import { Users } from '../world/users';
import { assertStatesExist } from './stateReferences';
import type { RunOptions, ScenarioResult } from './types';

/** What a streamed session adds to a plain run: fleet frames and sampled requests. */
interface StreamOptions {
  /** simulated seconds between fleet frames */
  frameSeconds: number;
  /** sampled requests per simulated second per run (0: none) */
  requestsPerSecond: number;
}

/** Throws what would stop a session before it starts: a run too large, a state named that no pattern has. */
export function checkSession(scenario: Scenario, options: RunOptions = {}): void {
  checkRunSize(scenario, options.seriesBucket);
  assertStatesExist(scenario, [...(scenario.faults ?? []), ...(options.inject ?? []), ...(options.injectFor ?? []).map((f) => f.fault)]);
}

export class ScenarioSession {
  readonly seed: number;
  readonly runs: PatternRun[];
  /** simulated time reached by every run */
  now = 0;
  private readonly slicers: RunSlicer[];

  constructor(
    private readonly scenario: Scenario,
    options: RunOptions = {},
    private readonly stream: StreamOptions | null = null,
  ) {
    checkSession(scenario, options);
    this.seed = options.seed ?? scenario.seed;
    // The scenario's scripted actions come first; a caller's (a what-if) are added to them.
    const manual = [...(scenario.manual ?? []), ...(options.manual ?? [])];
    // Every run meets the same people: the population is drawn once and shared.
    const users = new Users(scenario.users, this.seed);
    this.runs = scenario.compare.map((entry) => new PatternRun(scenario, entry, { ...options, manual, seed: this.seed, users }));
    if (stream && stream.requestsPerSecond > 0) for (const run of this.runs) run.world.sampleRequests(stream.requestsPerSecond);
    this.slicers = this.runs.map((run) => new RunSlicer(run));
  }

  get done(): boolean {
    return this.now >= this.scenario.duration;
  }

  /** What the page needs before any slice: the scenario's texts and each run's statechart. */
  start(bucketSeconds: number): StreamStart {
    return streamStart(this.scenario, this.seed, bucketSeconds);
  }

  /** Runs every run up to simulated time t (at most the duration) and says what happened meanwhile. */
  advance(t: number): StreamSlice {
    const t0 = this.now;
    const t1 = Math.min(t, this.scenario.duration);
    const runs = this.runs.map((run, k) => {
      const frames = new FleetColumnsWriter();
      if (this.stream) {
        const every = this.stream.frameSeconds;
        for (let at = (Math.floor(t0 / every) + 1) * every; at < t1; at += every) {
          run.advance(at);
          frames.add(run.world);
        }
      }
      run.advance(t1);
      if (this.stream) frames.add(run.world);
      return this.slicers[k].slice(frames.finish());
    });
    this.now = t1;
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
