// A scenario's runs advanced together, slice by slice of simulated time: the one code path behind
// both the command line's run record (advance to the end, then finish) and the page's stream
// (advance a few seconds at a time, posting each slice). Slicing never changes a run: the world
// runs the same events in the same order whatever the slices, so both end in the same record.
import type { Scenario } from '../scenario/types';
import { PatternRun } from './patternRun';
import { checkRunSize } from './runSize';
import { RunSlicer } from './runSlicer';
import { fleetFrame } from './fleetFrame';
import { describeMachine } from './machineGraph';
import { PATTERNS } from '../patterns/registry';
import type { FleetFrame, StreamSlice, StreamStart } from './stream';
import { assertStatesExist } from './stateReferences';
import type { RunOptions, ScenarioResult } from './types';

/** What a streamed session adds to a plain run: fleet frames and sampled requests. */
interface StreamOptions {
  /** simulated seconds between fleet frames */
  frameSeconds: number;
  /** sampled requests per simulated second per run (0: none) */
  requestsPerSecond: number;
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
    checkRunSize(scenario, options.seriesBucket);
    this.seed = options.seed ?? scenario.seed;
    assertStatesExist(scenario, [...(scenario.faults ?? []), ...(options.inject ?? [])]);
    // The scenario's scripted actions come first; a caller's (a what-if) are added to them.
    const manual = [...(scenario.manual ?? []), ...(options.manual ?? [])];
    this.runs = scenario.compare.map((entry) => new PatternRun(scenario, entry, { ...options, manual, seed: this.seed }));
    if (stream && stream.requestsPerSecond > 0) for (const run of this.runs) run.world.sampleRequests(stream.requestsPerSecond);
    this.slicers = this.runs.map((run) => new RunSlicer(run));
  }

  get done(): boolean {
    return this.now >= this.scenario.duration;
  }

  /** What the page needs before any slice: the scenario's texts and each run's statechart. */
  start(bucketSeconds: number): StreamStart {
    const s = this.scenario;
    return {
      scenario: s.title,
      ...(s.summary !== undefined ? { summary: s.summary } : {}),
      objectives: s.objectives ?? [],
      ...(s.narrative !== undefined ? { narrative: s.narrative } : {}),
      seed: this.seed,
      durationSeconds: s.duration,
      bucketSeconds,
      versions: s.versions.map((v) => v.name),
      runs: s.compare.map((e) => ({ pattern: e.pattern, label: e.label, machine: describeMachine(PATTERNS[e.pattern].machine) })),
      plannedFaults: (s.faults ?? []).map((f) => ({
        label: f.label,
        kind: f.kind,
        at: 'at' in f.start ? f.start.at : null,
        duration: f.duration,
      })),
    };
  }

  /** Runs every run up to simulated time t (at most the duration) and says what happened meanwhile. */
  advance(t: number): StreamSlice {
    const t0 = this.now;
    const t1 = Math.min(t, this.scenario.duration);
    const runs = this.runs.map((run, k) => {
      const frames: FleetFrame[] = [];
      if (this.stream) {
        const every = this.stream.frameSeconds;
        for (let at = (Math.floor(t0 / every) + 1) * every; at < t1; at += every) {
          run.advance(at);
          frames.push(fleetFrame(run.world));
        }
      }
      run.advance(t1);
      if (this.stream) frames.push(fleetFrame(run.world));
      return this.slicers[k].slice(frames);
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
