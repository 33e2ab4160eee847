// The summary table shared by the command line and the page: one row per run, cells as text.
// Both front ends render exactly these strings, so their figures can be compared cell by cell.
import type { RunRecord } from '../runtime/types';

export interface SummaryColumn {
  key: string;
  title: string;
  /** right-align numbers */
  numeric: boolean;
  cell: (run: RunRecord) => string;
}

const int = (x: number) => Math.round(x).toLocaleString('en-US');
const ms = (x: number) => `${x.toFixed(1)} ms`;
const pct = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(2)}%` : '–');
const seconds = (x: number | null) => (x === null ? '–' : `${x.toFixed(0)} s`);

// What a learner compares first comes first: the outcome, who was hurt, how fast it was caught.
export const SUMMARY_COLUMNS: SummaryColumn[] = [
  { key: 'label', title: 'run', numeric: false, cell: (r) => r.label },
  // A rollback of a release with no defect is not a catch: it says so next to the outcome.
  { key: 'outcome', title: 'outcome', numeric: false, cell: (r) => (r.falseAlarm ? `${r.outcome} (false alarm)` : r.outcome) },
  { key: 'usersAffected', title: 'users affected', numeric: true, cell: (r) => int(r.usersAffected) },
  { key: 'detection', title: 'detection', numeric: true, cell: (r) => seconds(r.detectionSeconds) },
  { key: 'recovery', title: 'recovery', numeric: true, cell: (r) => seconds(r.recoverySeconds) },
  { key: 'failedShare', title: 'failed %', numeric: true, cell: (r) => pct(r.errors + r.rejected, r.requests) },
  { key: 'errors', title: 'errors', numeric: true, cell: (r) => int(r.errors) },
  { key: 'rejected', title: 'rejected', numeric: true, cell: (r) => int(r.rejected) },
  { key: 'requests', title: 'requests', numeric: true, cell: (r) => int(r.requests) },
  { key: 'p50', title: 'p50', numeric: true, cell: (r) => ms(r.latencyMs.p50) },
  { key: 'p99', title: 'p99', numeric: true, cell: (r) => ms(r.latencyMs.p99) },
  { key: 'wait', title: 'mean wait', numeric: true, cell: (r) => ms(r.waitMsMean) },
  { key: 'rollout', title: 'full rollout', numeric: true, cell: (r) => seconds(r.rolloutSeconds) },
  { key: 'instanceHours', title: 'instance-h', numeric: true, cell: (r) => (r.instanceSeconds / 3600).toFixed(1) },
];

/** The table as rows of cells, header first. */
export function summaryRows(runs: RunRecord[]): string[][] {
  return [SUMMARY_COLUMNS.map((c) => c.title), ...runs.map((r) => SUMMARY_COLUMNS.map((c) => c.cell(r)))];
}
