// The small multiples' data, from the streamed series buckets: per-version rates and latencies
// placed at each bucket's middle (they describe the whole bucket), cumulative counts at its end.
// Only buckets that ended by the playhead are shown, so the charts grow as the run plays.
import type { SeriesBucket } from '../runtime/stream';

export interface Point {
  t: number;
  /** null where there is nothing to say (no requests in the bucket): the line breaks there */
  value: number | null;
}

export interface StackPoint {
  t: number;
  y0: number;
  y1: number;
}

export interface VersionLine {
  version: number;
  points: Point[];
}

export interface ChartData {
  /** failed share of arrivals: (errors + rejected) / requests, per version */
  errorRate: VersionLine[];
  /** p99 latency in ms, per version */
  p99Ms: VersionLine[];
  /** share of the bucket's arrivals per version, stacked in version order (buckets without traffic left out) */
  share: Array<{ version: number; points: StackPoint[] }>;
  /** cumulative, at bucket ends */
  usersAffected: Point[];
  /** present only when the scenario has them (a nonzero value somewhere) */
  conversions?: Point[];
  /**
   * conversions the control run (no release) made by each bucket's end minus this run's: what the
   * release cost so far (below zero when it gained). The runs share their users and draws, so the
   * difference comes from the release. Present when a control run is given and converts at all.
   */
  lostConversions?: Point[];
  /** writes corrupted or duplicated by faults, so far (the scoreboard's "bad writes") */
  badWrites?: Point[];
}

/** Buckets whose end is at or before `now`. */
export function shownBuckets(buckets: SeriesBucket[], bucketSeconds: number, now: number): SeriesBucket[] {
  return buckets.filter((b) => b.t + bucketSeconds <= now + 1e-9);
}

/** Versions that had any traffic or any instance in the shown buckets: the others get no line. */
function presentVersions(buckets: SeriesBucket[], count: number): number[] {
  const present: number[] = [];
  for (let v = 0; v < count; v++) {
    if (buckets.some((b) => b.versions[v] && (b.versions[v].requests > 0 || b.versions[v].ready > 0 || b.versions[v].starting > 0))) present.push(v);
  }
  return present;
}

export function chartData(all: SeriesBucket[], versionCount: number, bucketSeconds: number, now: number, control?: SeriesBucket[]): ChartData {
  const buckets = shownBuckets(all, bucketSeconds, now);
  const mid = (b: SeriesBucket) => b.t + bucketSeconds / 2;
  const end = (b: SeriesBucket) => b.t + bucketSeconds;
  const versions = presentVersions(buckets, versionCount);

  const errorRate = versions.map((version) => ({
    version,
    points: buckets.map((b) => {
      const s = b.versions[version];
      return { t: mid(b), value: s.requests > 0 ? (s.errors + s.rejected) / s.requests : null };
    }),
  }));
  const p99Ms = versions.map((version) => ({
    version,
    points: buckets.map((b) => {
      const s = b.versions[version];
      // A bucket where every arrival was rejected has no latency to show.
      return { t: mid(b), value: s.requests - s.rejected > 0 ? s.p99Ms : null };
    }),
  }));

  const withTraffic = buckets.filter((b) => b.versions.some((s) => s.requests > 0));
  const share = versions.map((version) => ({
    version,
    points: withTraffic.map((b) => {
      const total = b.versions.reduce((n, s) => n + s.requests, 0);
      const below = versions.filter((v) => v < version).reduce((n, v) => n + b.versions[v].requests, 0);
      return { t: mid(b), y0: below / total, y1: (below + b.versions[version].requests) / total };
    }),
  }));

  const cumulative = (field: 'usersAffected' | 'conversions') => buckets.map((b) => ({ t: end(b), value: b[field] }));
  const nonzero = (points: Point[]) => (points.some((p) => (p.value ?? 0) !== 0) ? points : undefined);
  // The control's bucket k covers the same time as this run's (every run is cut on the same grid).
  const controlled = control && control.some((b) => b.conversions > 0) ? control : undefined;
  const lost = controlled && buckets.map((b, k) => ({ t: end(b), value: controlled[k] ? controlled[k].conversions - b.conversions : null }));
  return {
    errorRate,
    p99Ms,
    share,
    usersAffected: cumulative('usersAffected'),
    conversions: nonzero(cumulative('conversions')),
    ...(lost ? { lostConversions: lost } : {}),
    badWrites: nonzero(buckets.map((b) => ({ t: end(b), value: b.corruptedWrites + b.duplicatedWrites }))),
  };
}

/** The smallest value of some lines, never above 0 (a chart of gains and losses reaches below zero). */
export function minOf(lines: Point[][]): number {
  let min = 0;
  for (const points of lines) for (const p of points) if (p.value !== null && p.value < min) min = p.value;
  return min;
}

/** The largest value of some lines, never below `floor` (so a quiet chart keeps a sensible scale). */
export function maxOf(lines: Point[][], floor: number): number {
  let max = floor;
  for (const points of lines) for (const p of points) if (p.value !== null && p.value > max) max = p.value;
  return max;
}
