// Summarises the same scenario run under K seeds: per run (pattern/label), how often each outcome
// happened and each numeric figure's mean with a 95% interval. Input order is the seed order, so
// the result does not depend on which worker finished first.
import type { RunRecord, ScenarioResult } from '../runtime/types';
import { meanInterval } from './stats/tInterval';

export interface FigureSummary {
  mean: number;
  /** null when fewer than two seeds produced the figure */
  ci95: [number, number] | null;
  /** how many seeds produced the figure; present only when some did not (e.g. no detection) */
  n?: number;
}

interface SeedsRun {
  pattern: string;
  label: string;
  outcomes: Record<string, number>;
  /** "requests", "latencyMs.p99", …; null when no seed produced the figure */
  figures: Record<string, FigureSummary | null>;
}

export interface SeedsResult {
  scenario: string;
  seeds: number[];
  durationSeconds: number;
  runs: SeedsRun[];
}

/** Parts of a run record that are not figures to average. */
const NOT_FIGURES = new Set(['pattern', 'label', 'outcome', 'decisions', 'series']);

/** Numeric leaves of a run record by dotted path; null where the record says "did not happen". */
export function figuresOf(run: RunRecord): Map<string, number | null> {
  const figures = new Map<string, number | null>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'number' || value === null) figures.set(path, value);
    else if (typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) walk(inner, path === '' ? key : `${path}.${key}`);
    }
  };
  for (const [key, value] of Object.entries(run)) if (!NOT_FIGURES.has(key)) walk(value, key);
  return figures;
}

function summarise(values: (number | null)[]): FigureSummary | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  const partial = present.length < values.length ? { n: present.length } : {};
  if (present.length < 2) return { mean: present[0], ci95: null, ...partial };
  return { ...meanInterval(present), ...partial };
}

/** `results` must be in seed order, one per seed, all from the same scenario. */
export function aggregateSeeds(results: readonly ScenarioResult[]): SeedsResult {
  const first = results[0];
  const runs = first.runs.map((run, r): SeedsRun => {
    const records = results.map((result) => result.runs[r]);
    const outcomes: Record<string, number> = {};
    for (const record of records) outcomes[record.outcome] = (outcomes[record.outcome] ?? 0) + 1;
    const perSeed = records.map(figuresOf);
    const figures: Record<string, FigureSummary | null> = {};
    for (const key of perSeed[0].keys()) figures[key] = summarise(perSeed.map((f) => f.get(key) ?? null));
    return { pattern: run.pattern, label: run.label, outcomes, figures };
  });
  return { scenario: first.scenario, seeds: results.map((r) => r.seed), durationSeconds: first.durationSeconds, runs };
}
