// The fleet at one instant, as the page draws it: one cell per instance that is starting, ready,
// draining, or recently failed (crashed instances stay visible while their version's CrashLoopBackOff
// holds back the replacement, and for a few seconds otherwise, so a learner sees the crash).
import type { MeasuredWorld } from '../metrics/measuredWorld';
import { DRAINING, FAILED, READY, STARTING, TERMINATED } from '../world/fleet';
import type { FleetFrame, InstanceState } from './stream';

/** seconds a crashed instance stays on the picture when no back-off holds its replacement */
const FAILED_SHOWN = 5;

const NAMES: Record<number, InstanceState> = { [STARTING]: 'starting', [READY]: 'ready', [DRAINING]: 'draining' };

export function fleetFrame(world: MeasuredWorld): FleetFrame {
  const { fleet, failures } = world;
  const t = world.engine.now;
  const frame: FleetFrame = { t, id: [], version: [], state: [], queue: [], busy: [], zone: [] };
  for (let i = 0; i < fleet.count; i++) {
    const s = fleet.state[i];
    if (s === TERMINATED) continue;
    let state = NAMES[s];
    if (s === FAILED) {
      const backoff = failures.backoffUntil.get(i);
      if (backoff !== undefined && t < backoff) state = 'backoff';
      else if (t - fleet.endedAt[i] <= FAILED_SHOWN) state = 'failed';
      else continue;
    }
    frame.id.push(i);
    frame.version.push(fleet.version[i]);
    frame.state.push(state);
    frame.queue.push(s === FAILED ? 0 : fleet.queueLength[i]);
    frame.busy.push(s === FAILED ? 0 : fleet.busy[i]);
    frame.zone.push(fleet.zoneOf(i));
  }
  return frame;
}
