// Which sampled requests the traffic animation draws, and where. A particle takes the same real time
// to cross the panel at any speed (TRAVEL_SECONDS), so at 600× it stands for a request that arrived up
// to minutes of simulated time ago. As speed grows more requests fall in that window, and the sample
// is thinned by halves so about `budget` are drawn; a request's keep/drop depends only on itself,
// so a particle never blinks out while it crosses, and a slower speed keeps all the faster one kept.
import type { FleetFrame, SampledRequest } from '../runtime/stream';
import { countAtOrBefore, countBefore } from './sortedSearch';

/** Real seconds a particle takes from the users to an instance. */
export const TRAVEL_SECONDS = 0.8;
/** Most particles drawn in one panel. */
export const PARTICLE_BUDGET = 120;

/** The simulated time a particle's crossing stands for at this speed. */
export const travelWindow = (speed: number) => TRAVEL_SECONDS * speed;

/** A request's own number in [0, 1): a 32-bit integer hash (murmur3's finaliser) of what identifies it. */
export function requestHash(q: Pick<SampledRequest, 't' | 'instance' | 'version'>): number {
  let h = (Math.round(q.t * 1e6) ^ Math.imul(q.instance + 7, 0x9e3779b1) ^ Math.imul(q.version + 3, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

/** The share of requests kept: 1, ½, ¼… the largest that keeps `count` within `budget`. */
export function keepShare(count: number, budget: number): number {
  let share = 1;
  while (count * share > budget && share > 1e-6) share /= 2;
  return share;
}

export interface ChosenRequests {
  requests: SampledRequest[];
  /** the playhead the particles are placed at: `now`, or the last step when motion is reduced */
  at: number;
  window: number;
  share: number;
  /** reduced motion: particles are drawn where they end, not on their way */
  settled: boolean;
}

const SETTLED = 0.95;

/**
 * The requests (sorted by arrival, as the timeline keeps them) to draw at `now`: those that arrived within the travel window before it, thinned.
 * With reduced motion the picture changes in steps of one window: each step shows the requests
 * of the window that just ended, all at their destinations, and nothing moves in between.
 */
export function chooseRequests(requests: SampledRequest[], now: number, speed: number, reducedMotion: boolean, budget = PARTICLE_BUDGET): ChosenRequests {
  const window = travelWindow(speed);
  const at = reducedMotion ? Math.floor(now / window) * window : now;
  const byArrival = (q: SampledRequest) => q.t;
  // Binary searches: a whole run's sample may be passed, and only the window's slice is read.
  const inWindow = requests.slice(countAtOrBefore(requests, at - window, byArrival), countAtOrBefore(requests, at, byArrival));
  // The share is set from the last whole window on a fixed grid, so it changes at most once per
  // window, not at every frame where the count wobbles around a threshold.
  const gridEnd = Math.floor(now / window) * window;
  const previous = countBefore(requests, gridEnd, byArrival) - countBefore(requests, gridEnd - window, byArrival);
  const share = keepShare(Math.max(previous, reducedMotion ? inWindow.length : 0), budget);
  const kept = share === 1 ? inWindow : inWindow.filter((q) => requestHash(q) < share);
  // A burst within the window may still go over: never more than twice the budget.
  return { requests: kept.slice(-2 * budget), at, window, share, settled: reducedMotion };
}

export interface ParticleGeometry {
  width: number;
  height: number;
  /** x of the users, the router and the instances */
  usersX: number;
  routerX: number;
  instancesX: number;
  /** y of an instance's slot, by id (the fleet frame's order) */
  slotY: (instance: number) => number;
}

export interface Particle {
  x: number;
  y: number;
  version: number;
  shadow: boolean;
  /** the outcome is shown once the request reaches its end: × for an error, ↩ for a rejection */
  mark: 'none' | 'error' | 'rejected';
  /** fades as it ends */
  alpha: number;
}

/** Instances' slots, in the fleet frame's zone-then-id order (as the fleet view shows them). */
export function instanceSlots(frame: FleetFrame | undefined, top: number, bottom: number): (instance: number) => number {
  const ids = frame ? frame.id.map((id, k) => ({ id, k })).filter(({ k }) => frame.state[k] !== 'terminated').sort((a, b) => frame.zone[a.k].localeCompare(frame.zone[b.k]) || a.id - b.id).map(({ id }) => id) : [];
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = Math.max(1, ids.length);
  return (instance) => {
    const i = index.get(instance);
    // An instance gone from the frame (terminated since) still gets a stable place.
    const share = i === undefined ? requestHash({ t: instance, instance, version: 0 }) : (i + 0.5) / n;
    return top + share * (bottom - top);
  };
}

const lerp = (a: number, b: number, s: number) => a + (b - a) * s;

export function particleAt(q: SampledRequest, chosen: ChosenRequests, g: ParticleGeometry): Particle {
  // With reduced motion every particle stands at (nearly) the end of its way, its outcome shown.
  const progress = chosen.settled ? SETTLED : Math.min(1, Math.max(0, (chosen.at - q.t) / chosen.window));
  const usersY = g.height * (0.15 + 0.7 * requestHash({ ...q, instance: q.instance + 101 }));
  const routerY = g.height / 2;
  const base = { version: q.version, shadow: q.shadow };
  if (progress < 0.5) {
    const s = progress / 0.5;
    return { ...base, x: lerp(g.usersX, g.routerX, s), y: lerp(usersY, routerY, s), mark: 'none', alpha: 1 };
  }
  const s = (progress - 0.5) / 0.5;
  if (q.outcome === 'rejected' || q.instance < 0) {
    // Turned away at the router: bounces back towards the users.
    return { ...base, x: lerp(g.routerX, lerp(g.usersX, g.routerX, 0.55), s), y: routerY + 14 * s, mark: s > 0.2 ? 'rejected' : 'none', alpha: 1 - 0.5 * s };
  }
  const y = g.slotY(q.instance);
  return { ...base, x: lerp(g.routerX, g.instancesX, s), y: lerp(routerY, y, s), mark: q.outcome === 'error' && s > 0.8 ? 'error' : 'none', alpha: s > 0.9 ? 1 - (s - 0.9) * 5 : 1 };
}
