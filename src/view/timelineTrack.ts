// The scrubbable timeline's arithmetic: from a pointer's position or a key to a simulated time,
// never past what the simulation has computed.

export interface TrackGeometry {
  left: number;
  width: number;
  durationSeconds: number;
  computedUntil: number;
}

const clamp = (t: number, g: TrackGeometry) => Math.max(0, Math.min(t, g.computedUntil, g.durationSeconds));

/** The time under a pointer at `x` (pixels from the track's left edge), clamped to what is computed. */
export function timeAtX(x: number, g: TrackGeometry): number {
  const share = g.width > 0 ? (x - g.left) / g.width : 0;
  return clamp(share * g.durationSeconds, g);
}

/** Where the keyboard moves the playhead: arrows by 5 s (a minute with Shift), pages by a tenth, Home/End. */
export function timeAfterKey(key: string, shift: boolean, now: number, g: TrackGeometry): number | null {
  const small = shift ? 60 : 5;
  const page = Math.max(60, g.durationSeconds / 10);
  const moves: Record<string, number> = {
    ArrowLeft: now - small,
    ArrowDown: now - small,
    ArrowRight: now + small,
    ArrowUp: now + small,
    PageDown: now - page,
    PageUp: now + page,
    Home: 0,
    End: g.computedUntil,
  };
  return key in moves ? clamp(moves[key], g) : null;
}
