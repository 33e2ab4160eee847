// The scoreboard: one row per run, the columns a learner compares, and the best cell of each column
// marked. The control run (pattern none) releases nothing, so it is shown but never scored; a
// rollback the run record calls a false alarm is labelled as such and not scored as a catch; a full
// rollout that was rolled back is shown as undone and not scored as the fastest.
import { count, pEquals, signedPercent } from '../judges/format';
import type { RunRecord } from '../runtime/types';

export interface ScoreCell {
  text: string;
  /** the value compared (lower is better); null when the cell takes no part */
  value: number | null;
  best: boolean;
}

export interface ScoreColumn {
  key: string;
  title: string;
  /** what "best" means, for the column's tooltip */
  better: string;
  /** the cell's value, lower is better; null: not comparable */
  value: (run: RunRecord, context: ScoreContext) => number | null;
  format: (value: number | null, run: RunRecord) => string;
}

export interface ScoreContext {
  control: RunRecord | undefined;
  /** peak p99 per run, from the streamed series (ms) */
  peakP99: number | undefined;
}

export interface ScoreRow {
  label: string;
  pattern: string;
  control: boolean;
  falseAlarm: boolean;
  /** "winner v2, lift +3.1%, p = 0.002, 41,204 samples" for an A/B run */
  abVerdict: string | null;
  cells: ScoreCell[];
}

const int = count;
const secs = (x: number | null) => (x === null ? '–' : `${Math.round(x)} s`);
const isFalseAlarm = (run: RunRecord) => (run as RunRecord & { falseAlarm?: boolean }).falseAlarm === true;
const isUndone = (run: RunRecord) => run.outcome === 'rolled-back' && run.rolloutSeconds !== null;
const badWrites = (run: RunRecord) => run.faults.reduce((sum, f) => sum + f.corruptedWrites + f.duplicatedWrites, 0);

export const SCORE_COLUMNS: ScoreColumn[] = [
  { key: 'outcome', title: 'outcome', better: 'not compared', value: () => null, format: (_, run) => run.outcome },
  // a full rollout that a rollback undid is shown, but it won no race: the release did not stick
  { key: 'rollout', title: 'full rollout', better: 'sooner', value: (r) => (isUndone(r) ? null : r.rolloutSeconds), format: (_, r) => (isUndone(r) ? `${secs(r.rolloutSeconds)} (undone)` : secs(r.rolloutSeconds)) },
  // a false alarm's "detection" caught nothing: it takes no part in the comparison
  { key: 'detection', title: 'detection', better: 'sooner', value: (r) => (isFalseAlarm(r) ? null : r.detectionSeconds), format: (v, r) => (isFalseAlarm(r) ? `${secs(r.detectionSeconds)} (false)` : secs(v)) },
  { key: 'recovery', title: 'recovery', better: 'sooner', value: (r) => (isFalseAlarm(r) ? null : r.recoverySeconds), format: (_, r) => secs(r.recoverySeconds) },
  // a dark launch's errors can reach employees only, whom its log's "no external user saw it" leaves out
  { key: 'usersAffected', title: 'users affected', better: 'fewer', value: (r) => r.usersAffected, format: (v, r) => (r.usersAffected > 0 && r.usersAffectedExternal === 0 ? `${int(v ?? 0)} (all employees)` : int(v ?? 0)) },
  { key: 'failed', title: 'failed requests', better: 'fewer', value: (r) => r.errors + r.rejected, format: (v) => int(v ?? 0) },
  {
    key: 'lostConversions',
    title: 'lost conversions',
    better: 'fewer',
    value: (r, c) => (c.control ? Math.max(0, c.control.conversions - r.conversions) : null),
    format: (v) => (v === null ? '–' : int(v)),
  },
  { key: 'badWrites', title: 'bad writes', better: 'fewer', value: badWrites, format: (v) => int(v ?? 0) },
  {
    key: 'extraInstanceHours',
    title: 'extra instance-h',
    better: 'fewer',
    // to the tenth of an hour shown, so "+0.0" never beats "+0.0" by a rounding error
    value: (r, c) => (c.control ? Math.round((r.instanceSeconds - c.control.instanceSeconds) / 360) / 10 : null),
    format: (v) => (v === null ? '–' : `${v > 0 ? '+' : ''}${(v === 0 ? 0 : v).toFixed(1)}`),
  },
  { key: 'peakP99', title: 'peak p99', better: 'lower', value: (_, c) => c.peakP99 ?? null, format: (v) => (v === null ? '–' : `${int(v)} ms`) },
];

function abVerdict(run: RunRecord): string | null {
  const ab = run.abTest;
  if (!ab) return null;
  return `winner ${ab.winner ?? 'none yet'}, lift ${signedPercent(ab.lift)}, ${pEquals(ab.pValue)}, ${int(ab.samples)} samples`;
}

/** Rows in run order; `peakP99[r]` comes from the streamed series when it is known. */
export function scoreboardRows(runs: RunRecord[], peakP99: Array<number | undefined> = []): ScoreRow[] {
  const control = runs.find((r) => r.pattern === 'none');
  const rows = runs.map((run, r) => {
    const context = { control, peakP99: peakP99[r] };
    return {
      label: run.label,
      pattern: run.pattern,
      control: run.pattern === 'none',
      falseAlarm: isFalseAlarm(run),
      abVerdict: abVerdict(run),
      cells: SCORE_COLUMNS.map((column): ScoreCell => {
        const value = column.value(run, context);
        return { text: column.format(value, run), value, best: false };
      }),
    };
  });
  // best = lowest value among the scored runs; ties share the mark; a column where all agree marks none
  SCORE_COLUMNS.forEach((_, c) => {
    const scored = rows.filter((row) => !row.control && row.cells[c].value !== null);
    const values = scored.map((row) => row.cells[c].value as number);
    if (values.length < 2) return;
    const best = Math.min(...values);
    if (values.every((v) => v === best)) return;
    for (const row of scored) if (row.cells[c].value === best) row.cells[c].best = true;
  });
  return rows;
}

/** Peak p99 over every bucket and version that served requests, ms. */
export function peakP99(buckets: Array<{ versions: Array<{ requests: number; p99Ms: number }> }>): number | undefined {
  let peak: number | undefined;
  for (const bucket of buckets) for (const v of bucket.versions) if (v.requests > 0) peak = Math.max(peak ?? 0, v.p99Ms);
  return peak;
}
