// Turns a finished world into its run record (the JSON contract of `sim run --json`).
import type { MeasuredWorld } from '../metrics/measuredWorld';
import type { CompareEntry } from '../scenario/types';
import type { RunRecord } from './types';
import { round3 } from '../metrics/series';
import { INTERNAL } from '../world/users';

interface PatternReport {
  outcome: string;
  rolloutSeconds: number | null;
  detectionSeconds: number | null;
  falseAlarm?: boolean;
  recoverySeconds: number | null;
  decisions: RunRecord['decisions'];
  abTest?: RunRecord['abTest'];
}

export function buildRecord(world: MeasuredWorld, entry: CompareEntry, report: PatternReport, withSeries: boolean): RunRecord {
  const r = world.recorder;
  const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
  const ok = sum(r.ok);
  const errors = sum(r.errors);
  const h = r.latencyAll();
  const record: RunRecord = {
    pattern: entry.pattern,
    label: entry.label,
    outcome: report.outcome,
    requests: sum(r.requests),
    ok,
    errors,
    rejected: sum(r.rejected),
    inFlight: world.requests.inFlight,
    usersAffected: r.usersAffectedAll,
    usersAffectedExternal: r.countAffected((u) => (world.users.flags[u] & INTERNAL) === 0),
    latencyMs: {
      mean: round3(h.mean() * 1000),
      p50: round3(h.quantile(0.5) * 1000),
      p95: round3(h.quantile(0.95) * 1000),
      p99: round3(h.quantile(0.99) * 1000),
    },
    waitMsMean: round3(ok + errors > 0 ? (sum(r.waitSum) / (ok + errors)) * 1000 : 0),
    waited: sum(r.waited),
    instanceSeconds: round3(world.fleet.instanceSeconds(world.engine.now)),
    rolloutSeconds: report.rolloutSeconds,
    detectionSeconds: report.detectionSeconds,
    recoverySeconds: report.recoverySeconds,
    decisions: report.decisions,
    conversions: sum(r.conversions),
    events: world.engine.events,
    faults: world.faultCosts.report(),
  };
  if (report.falseAlarm !== undefined) record.falseAlarm = report.falseAlarm;
  if (report.abTest) record.abTest = report.abTest;
  if (withSeries) record.series = world.series.toJSON();
  return record;
}
