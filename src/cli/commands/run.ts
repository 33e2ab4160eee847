// `sim run FILE`: runs a scenario under each compared pattern from one seed (or, with --seeds,
// from many) and prints the summary table or the JSON run record.
import { runScenario } from '../..';
import type { ScenarioResult } from '../../runtime/types';
import { formatDuration, parseDuration } from '../../scenario/units';
import { summaryRows, SUMMARY_COLUMNS } from '../../view/summary';
import { integerFlag, type ParsedArgs } from '../args';
import { CliError, EXIT_OK } from '../errors';
import { checkRunSizeOf, loadScenario, out } from '../io';
import { withManifests } from '../manifests';
import { formatTable } from '../table';
import type { Command } from './command';
import { MAX_SEED, runSeedsCommand } from './seeds';

const DEFAULT_BUCKET = 10;

/** "10s", "1m", "250ms" or a plain number of seconds. */
function looksLikeDuration(word: string): boolean {
  return /^\d+(\.\d+)?$/.test(word) || parseDuration(word) !== undefined;
}

function seriesBucket(args: ParsedArgs): number | undefined {
  const raw = args.flags.get('--series');
  if (raw === undefined) return undefined;
  if (raw === true) return DEFAULT_BUCKET;
  const seconds = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : parseDuration(raw);
  if (seconds === undefined || !(seconds > 0)) {
    throw new CliError(`--series expects a bucket length like 10s, 1m or a number of seconds, got "${raw}"`);
  }
  return seconds;
}

function scenarioFile(args: ParsedArgs): string {
  const [file, ...extra] = args.positionals;
  if (file === undefined) throw new CliError('`sim run` expects a scenario file: sim run FILE [--seed N] [--json]');
  if (extra.length > 0) throw new CliError(`\`sim run\` takes one scenario file, got ${args.positionals.length}: ${args.positionals.join(' ')}`);
  return file;
}

function printResult(result: ScenarioResult): void {
  const header = `${result.scenario} · seed ${result.seed} · ${formatDuration(result.durationSeconds)} simulated`;
  const table = formatTable(summaryRows(result.runs), SUMMARY_COLUMNS.map((c) => c.numeric));
  out(`${header}\n\n${table.join('\n')}\n`);
}

export const runCommand: Command = {
  name: 'run',
  usage: 'run FILE [--seed N] [--seeds K] [--json] [--series [BUCKET]] [--event-budget N] [--manifest FILE]…',
  summary: 'run a scenario under each compared pattern and print a summary table or JSON',
  flags: {
    '--seed': { kind: 'value', placeholder: 'N' },
    '--seeds': { kind: 'value', placeholder: 'K' },
    '--json': { kind: 'boolean' },
    '--series': { kind: 'optional', placeholder: 'BUCKET', accepts: looksLikeDuration },
    '--event-budget': { kind: 'value', placeholder: 'N' },
    '--manifest': { kind: 'value', placeholder: 'FILE', repeatable: true },
  },
  async execute(args, context) {
    const file = scenarioFile(args);
    const seed = integerFlag(args, '--seed', 0, MAX_SEED);
    const seeds = integerFlag(args, '--seeds', 2, 100_000);
    const bucket = seriesBucket(args);
    const json = args.flags.has('--json');
    // Caps a runaway scenario (the engine's default is 500 million events per run).
    const eventBudget = integerFlag(args, '--event-budget', 1, Number.MAX_SAFE_INTEGER);
    if (bucket !== undefined && !json) throw new CliError('--series adds time series to the JSON output; use it together with --json');
    if (bucket !== undefined && seeds !== undefined) throw new CliError('--series cannot be combined with --seeds (series are per seed; run one seed with --series)');
    const scenario = withManifests(loadScenario(file), args.lists?.get('--manifest') ?? []);
    checkRunSizeOf(file, scenario, bucket);
    if (seeds !== undefined) return runSeedsCommand(scenario, { first: seed ?? scenario.seed, count: seeds, json, eventBudget }, context);
    const result = runScenario(scenario, { seed, seriesBucket: bucket, eventBudget });
    if (json) out(`${JSON.stringify(result)}\n`);
    else printResult(result);
    return EXIT_OK;
  },
};
