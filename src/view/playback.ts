// Playback arithmetic, free of the DOM: the speed dial's log scale, the playhead's advance on each
// animation frame (never past what the simulation has computed), and the clock's m:ss.

export const MIN_SPEED = 0.25;
export const MAX_SPEED = 600;
/** The dial's positions: 0 … SPEED_STEPS, log-spaced from MIN_SPEED to MAX_SPEED. */
export const SPEED_STEPS = 100;
export const DEFAULT_SPEED = 30;

const ratio = Math.log(MAX_SPEED / MIN_SPEED);

/** Speeds a reader recognises; the dial snaps to them when close, so ¼×, 1× and 60× are reachable. */
const NICE_SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600];

export function clampSpeed(speed: number): number {
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
}

export function speedFromDial(position: number): number {
  const raw = MIN_SPEED * Math.exp((ratio * Math.min(SPEED_STEPS, Math.max(0, position))) / SPEED_STEPS);
  const nice = NICE_SPEEDS.find((s) => Math.abs(Math.log(s / raw)) < 0.06);
  if (nice !== undefined) return nice;
  return raw < 10 ? Math.round(raw * 4) / 4 : Math.round(raw);
}

export function dialFromSpeed(speed: number): number {
  return Math.round((SPEED_STEPS * Math.log(clampSpeed(speed) / MIN_SPEED)) / ratio);
}

export function formatSpeed(speed: number): string {
  if (speed === 0.25) return '¼×';
  if (speed === 0.5) return '½×';
  return `${speed}×`;
}

/** m:ss (h:mm:ss past an hour) of simulated seconds. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export interface PlayheadStep {
  t: number;
  /** the playhead is held back by the simulation: it caught up with it, or waits for a lead */
  waiting: boolean;
  /** the end of the run was reached */
  ended: boolean;
}

/**
 * Once held back, the playhead moves again only when the simulation is this much real time of
 * playback ahead of it (at the current speed), as a video player buffers before it plays: moving at
 * the very edge of the computation, it would stop and go on every other frame. The playback also
 * starts held, so the first moves come after the page has drawn its panels and the worker warmed up.
 */
export const RESUME_LEAD_WALL_SECONDS = 0.5;

/**
 * The playhead after `wallSeconds` of real time at `speed`. Long gaps (a hidden tab, a slow frame)
 * are capped so the picture never jumps more than a quarter second of real time at once. `held`
 * says the previous step was waiting: the playhead then stays until the lead is computed.
 */
export function advancePlayhead(t: number, wallSeconds: number, speed: number, computedUntil: number, duration: number, held = false): PlayheadStep {
  const limit = Math.min(computedUntil, duration);
  if (held && limit < Math.min(duration, t + RESUME_LEAD_WALL_SECONDS * speed)) return { t, waiting: true, ended: false };
  const wanted = t + Math.min(wallSeconds, 0.25) * speed;
  if (wanted >= duration && limit >= duration) return { t: duration, waiting: false, ended: true };
  if (wanted > limit) return { t: limit, waiting: true, ended: false };
  return { t: wanted, waiting: false, ended: false };
}

/** Display frames between two redraws of a playing panel's statechart, fleet, charts and log (the traffic moves every frame)… */
const PANEL_STRIDE = 4;

/**
 * …or more with more panels, so that no display frame redraws more than one panel: 4 frames
 * (15 redraws a second at 60 Hz) for up to four panels, n frames for n panels beyond.
 */
export function panelStride(n: number): number {
  return Math.max(PANEL_STRIDE, n);
}

/**
 * Whether panel k of n redraws on the playback's display frame number `frame`: each panel on its
 * own frames, one panel a frame at most. Counted in frames, not in simulated time, so that a slow
 * machine whose frames come far apart still redraws one panel a frame, not all of them in each.
 */
export function panelRedraws(frame: number, k: number, n: number): boolean {
  const stride = panelStride(n);
  return frame % stride === k % stride;
}

/** The next recognisable speed up (`direction` 1) or down (-1) from `speed`, for the [ and ] keys. */
export function stepSpeed(speed: number, direction: 1 | -1): number {
  const candidates = direction > 0 ? NICE_SPEEDS.filter((s) => s > speed * 1.001) : NICE_SPEEDS.filter((s) => s < speed / 1.001).reverse();
  return candidates[0] ?? clampSpeed(speed);
}
