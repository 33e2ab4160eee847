// A palette fault dragged onto the timeline: the act travels in the drag as JSON under its own type
// (so nothing else dropped there counts), and the drop's position on the track is its simulated
// time. The keyboard's way to the same act is the palette's "at m:ss" field.
import type { Act } from '../runtime/acts/act';

export const FAULT_DRAG_TYPE = 'application/x-rollout-fault';
/** the track's inset on each side, as the timeline draws it (ui/viz/Timeline.tsx) */
export const TRACK_PAD = 8;

/** The whole simulated second under `x` pixels from the timeline's left edge, inside the run. */
export function dropTimeAt(x: number, width: number, durationSeconds: number): number {
  const track = Math.max(1, width - 2 * TRACK_PAD);
  const t = Math.floor(((x - TRACK_PAD) / track) * durationSeconds);
  return Math.max(0, Math.min(t, Math.ceil(durationSeconds) - 1));
}

/** The dragged fault, read back; null for anything that is not one. */
export function readDraggedFault(text: string, t: number): Act | null {
  try {
    const act = JSON.parse(text) as Act;
    return act && act.type === 'fault' && typeof act.kind === 'string' ? { ...act, t } : null;
  } catch {
    return null;
  }
}
