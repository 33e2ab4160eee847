// Was the release bad, and since when did users meet its defect? A run knows the truth the judges
// are guessing at, so it can score them: a rollback of a release with no defect is a false alarm
// (a shared outage, a traffic spike, a cold start, an unlucky look), not a catch.
//
// The release's defects: the new version's own numbers worse than the stable version's (more
// errors, fewer conversions, slower service), or a fault aimed at the new version that breaks it
// (errors, latency, crash loops, leaks, a segment, lost conversions, bad writes, or sessions that
// break across versions). Faults that hit every version alike (a dependency outage, lost
// instances, a traffic spike) or that every new instance has (a cold start) are not the release's.
import type { Fault } from '../world/faults/types';
import type { ServiceTimeSpec, VersionSpec, WorldSpec } from '../world/spec';

const RELEASE_FAULTS = new Set<Fault['kind']>(['error-rate', 'latency', 'crash-loop', 'memory-leak', 'segment', 'conversion-drop', 'bad-writes', 'mixed-version']);

function meanServiceTime(s: ServiceTimeSpec): number {
  if (s.distribution === 'exponential') return s.mean;
  if (s.distribution === 'constant') return s.value;
  // lognormal from its median and p99: mean = median·exp(σ²/2), σ = ln(p99/median)/z₀.₉₉
  const sigma = Math.log(s.p99 / s.median) / 2.3263478740408408;
  return s.median * Math.exp((sigma * sigma) / 2);
}

/** The new version is worse than the stable one by its own numbers. */
function intrinsicallyWorse(candidate: VersionSpec, stable: VersionSpec): boolean {
  return (
    candidate.errorRate > stable.errorRate ||
    candidate.conversionRate < stable.conversionRate ||
    meanServiceTime(candidate.serviceTime) > meanServiceTime(stable.serviceTime) * 1.000001
  );
}

/** Whether fault f is a defect of the release of `candidate`. */
function isReleaseFault(f: Fault, candidate: string): boolean {
  if (!RELEASE_FAULTS.has(f.kind)) return false;
  return !('version' in f) || f.version === null || f.version === candidate;
}

interface DefectTiming {
  /** the release had a defect by time `until` */
  defective: boolean;
  /** when the defective new version first answered a request: null when it never did */
  exposedAt: number | null;
}

/**
 * Whether the release had a defect by `until` (the decision), and when the new version first
 * answered a request with it. `firstServedAt`: the new version's first request (a user's, or a
 * mirrored copy when no user's came first); null when it served none.
 */
export function defectExposure(
  scenario: WorldSpec,
  faults: readonly Fault[],
  faultStarts: readonly (number | null)[],
  candidate: string,
  stable: string,
  firstServedAt: number | null,
  until: number,
): DefectTiming {
  const spec = (name: string) => scenario.versions.find((v) => v.name === name);
  const c = spec(candidate);
  const s = spec(stable);
  const starts: number[] = c && s && intrinsicallyWorse(c, s) ? [-Infinity] : [];
  faults.forEach((f, i) => {
    const started = faultStarts[i];
    if (started !== null && started <= until && isReleaseFault(f, candidate)) starts.push(started);
  });
  if (starts.length === 0) return { defective: false, exposedAt: null };
  if (firstServedAt === null) return { defective: true, exposedAt: null };
  const exposedAt = Math.max(Math.min(...starts), firstServedAt);
  return { defective: true, exposedAt: exposedAt <= until ? exposedAt : null };
}

/** For a false alarm: the latest fault that began before the decision, whatever its kind (the trouble the judge saw). */
export function troubleBefore(faults: readonly Fault[], faultStarts: readonly (number | null)[], until: number): { label: string; at: number } | null {
  let found: { label: string; at: number } | null = null;
  faults.forEach((f, i) => {
    const t = faultStarts[i];
    if (t !== null && t <= until && (found === null || t >= found.at)) found = { label: f.label, at: t };
  });
  return found;
}
