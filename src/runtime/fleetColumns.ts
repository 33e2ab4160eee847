// Fleet frames on the wire: every frame of a slice in one set of typed arrays, frame k's instances
// at [start[k], start[k + 1]). The worker writes them straight from the fleet, with no object per
// instance, and hands the buffers over; the page decodes only the frame it draws.
import type { MeasuredWorld } from '../metrics/measuredWorld';
import { DRAINING, FAILED, READY, STARTING, TERMINATED, ZONES } from '../world/fleet';

/** An instance's lifecycle as drawn: the fleet's states plus the crash-loop back-off. */
export type InstanceState = 'starting' | 'ready' | 'draining' | 'terminated' | 'failed' | 'backoff';

/** The fleet at one instant, as drawn: one entry per instance that is not terminated (columns, same length). */
export interface FleetFrame {
  /** simulated seconds */
  t: number;
  /** instance ids (stable across frames: an instance keeps its id for life) */
  id: number[];
  /** index into MachineInfo's / StreamStart's `versions` */
  version: number[];
  state: InstanceState[];
  /** requests waiting in the instance's queue */
  queue: number[];
  /** requests in service (at most the fleet's concurrency) */
  busy: number[];
  /** availability zone, 'a' | 'b' | 'c' */
  zone: string[];
}

export interface FleetColumns {
  /** simulated seconds, one per frame */
  t: Float64Array;
  /** frame k's first instance; one more entry than frames (the end of the last) */
  start: Uint32Array;
  id: Int32Array;
  version: Uint8Array;
  /** index into INSTANCE_STATES */
  state: Uint8Array;
  queue: Int32Array;
  busy: Int32Array;
  /** index into the fleet's zones */
  zone: Uint8Array;
}

export const INSTANCE_STATES: readonly InstanceState[] = ['starting', 'ready', 'draining', 'terminated', 'failed', 'backoff'];
const STATE_CODE = Object.fromEntries(INSTANCE_STATES.map((s, k) => [s, k])) as Record<InstanceState, number>;
const CODE_OF_FLEET: Record<number, number> = { [STARTING]: STATE_CODE.starting, [READY]: STATE_CODE.ready, [DRAINING]: STATE_CODE.draining };

/** seconds a crashed instance stays on the picture when no back-off holds its replacement */
const FAILED_SHOWN = 5;

/**
 * Collects frames of one run: each cell an instance that is starting, ready, draining, or recently
 * failed (crashed instances stay visible while their version's CrashLoopBackOff holds back the
 * replacement, and for a few seconds otherwise, so a learner sees the crash).
 */
export class FleetColumnsWriter {
  private readonly times: number[] = [];
  private readonly starts: number[] = [0];
  private readonly cells: number[][] = [[], [], [], [], [], []]; // id, version, state, queue, busy, zone

  add(world: MeasuredWorld): void {
    const { fleet, failures } = world;
    const t = world.engine.now;
    const [id, version, state, queue, busy, zone] = this.cells;
    for (let i = 0; i < fleet.count; i++) {
      const s = fleet.state[i];
      if (s === TERMINATED) continue;
      let code = CODE_OF_FLEET[s];
      if (s === FAILED) {
        const backoff = failures.backoffUntil.get(i);
        if (backoff !== undefined && t < backoff) code = STATE_CODE.backoff;
        else if (t - fleet.endedAt[i] <= FAILED_SHOWN) code = STATE_CODE.failed;
        else continue;
      }
      id.push(i);
      version.push(fleet.version[i]);
      state.push(code);
      queue.push(s === FAILED ? 0 : fleet.queueLength[i]);
      busy.push(s === FAILED ? 0 : fleet.busy[i]);
      zone.push(ZONES.indexOf(fleet.zoneOf(i)));
    }
    this.times.push(t);
    this.starts.push(id.length);
  }

  finish(): FleetColumns {
    const [id, version, state, queue, busy, zone] = this.cells;
    return {
      t: Float64Array.from(this.times),
      start: Uint32Array.from(this.starts),
      id: Int32Array.from(id),
      version: Uint8Array.from(version),
      state: Uint8Array.from(state),
      queue: Int32Array.from(queue),
      busy: Int32Array.from(busy),
      zone: Uint8Array.from(zone),
    };
  }
}

export const frameCount = (columns: FleetColumns): number => columns.t.length;

/** Frame k as the drawings read it. */
export function decodeFrame(columns: FleetColumns, k: number): FleetFrame {
  const from = columns.start[k];
  const to = columns.start[k + 1];
  const frame: FleetFrame = { t: columns.t[k], id: [], version: [], state: [], queue: [], busy: [], zone: [] };
  for (let i = from; i < to; i++) {
    frame.id.push(columns.id[i]);
    frame.version.push(columns.version[i]);
    frame.state.push(INSTANCE_STATES[columns.state[i]]);
    frame.queue.push(columns.queue[i]);
    frame.busy.push(columns.busy[i]);
    frame.zone.push(ZONES[columns.zone[i]]);
  }
  return frame;
}

export const decodeFleet = (columns: FleetColumns): FleetFrame[] => Array.from({ length: frameCount(columns) }, (_, k) => decodeFrame(columns, k));

/** Frames as columns (the inverse of decodeFleet), for tests and tools that hold frames as objects. */
export function encodeFleet(frames: readonly FleetFrame[]): FleetColumns {
  const cells = frames.flatMap((f) => f.id.map((id, k) => ({ id, version: f.version[k], state: STATE_CODE[f.state[k]], queue: f.queue[k], busy: f.busy[k], zone: ZONES.indexOf(f.zone[k]) })));
  const starts = [0];
  for (const f of frames) starts.push(starts[starts.length - 1] + f.id.length);
  return {
    t: Float64Array.from(frames, (f) => f.t),
    start: Uint32Array.from(starts),
    id: Int32Array.from(cells, (c) => c.id),
    version: Uint8Array.from(cells, (c) => c.version),
    state: Uint8Array.from(cells, (c) => c.state),
    queue: Int32Array.from(cells, (c) => c.queue),
    busy: Int32Array.from(cells, (c) => c.busy),
    zone: Uint8Array.from(cells, (c) => c.zone),
  };
}
