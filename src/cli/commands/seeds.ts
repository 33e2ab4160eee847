// `sim run FILE --seeds K`: the scenario under seeds N…N+K−1 on all cores, summarised per run as
// outcome counts and each figure's mean with its 95% confidence interval.
import { join } from 'node:path';
import type { Scenario } from '../../scenario/types';
import { formatDuration } from '../../scenario/units';
import { aggregateSeeds, type FigureSummary, type SeedsResult } from '../aggregate';
import { CliError, EXIT_OK } from '../errors';
import { out } from '../io';
import { createProgress } from '../progress';
import { runSeeds } from '../seedsPool';
import { formatTable } from '../table';
import type { CliContext } from './command';

/** The largest seed a scenario accepts. */
export const MAX_SEED = 4_294_967_295;

interface SeedsRequest {
  first: number;
  count: number;
  json: boolean;
  eventBudget?: number;
}

/** Enough digits to compare figures by eye: 1,234,567.8 · 12.346 · 0.0012. */
function number(x: number): string {
  const digits = Math.abs(x) >= 100 ? 1 : Math.abs(x) >= 0.01 || x === 0 ? 3 : 5;
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function cells(figure: FigureSummary | null): [string, string] {
  if (figure === null) return ['–', ''];
  const seeds = figure.n === undefined ? '' : ` (${figure.n} seeds)`;
  if (figure.ci95 === null) return [number(figure.mean), `–${seeds}`];
  return [number(figure.mean), `± ${number((figure.ci95[1] - figure.ci95[0]) / 2)}${seeds}`];
}

function printSeedsResult(result: SeedsResult): void {
  const seeds = result.seeds;
  const header = `${result.scenario} · seeds ${seeds[0]}…${seeds[seeds.length - 1]} (${seeds.length}) · ${formatDuration(result.durationSeconds)} simulated · mean ± 95% confidence half-width`;
  const rows: string[][] = [['run', 'figure', 'mean', '± 95%']];
  for (const run of result.runs) {
    const outcomes = Object.entries(run.outcomes).map(([outcome, n]) => `${outcome} ×${n}`).join(', ');
    rows.push([run.label, 'outcome', outcomes, '']);
    for (const [key, figure] of Object.entries(run.figures)) rows.push(['', key, ...cells(figure)]);
  }
  out(`${header}\n\n${formatTable(rows, [false, false, true, false]).join('\n')}\n`);
}

export async function runSeedsCommand(scenario: Scenario, request: SeedsRequest, context: CliContext): Promise<number> {
  const { first, count, json } = request;
  if (first + count - 1 > MAX_SEED) throw new CliError(`--seed ${first} with --seeds ${count} goes past the largest seed, ${MAX_SEED}`);
  const seeds = Array.from({ length: count }, (_, k) => first + k);
  const progress = createProgress(count, 'seeds');
  const results = await runSeeds(seeds, {
    workerFile: join(context.bundleDir, 'worker.cjs'),
    setup: { scenario, options: { eventBudget: request.eventBudget } },
    onProgress: (done) => progress.update(done),
  }).finally(() => progress.finish());
  const summary = aggregateSeeds(results);
  if (json) out(`${JSON.stringify(summary)}\n`);
  else printSeedsResult(summary);
  return EXIT_OK;
}
