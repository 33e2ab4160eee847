// `sim sweep FILE --vary PATH=LO..HI [--steps N] [--seeds K] [--seed N] [--json | --csv]`: a plan's
// operating characteristics. The scenario runs at each of N values of one field, K seeds each, on
// worker threads; per run of `compare` it reports how often the rollout reacted (rolled back,
// halted or aborted, with a Wilson 95% interval), how many of those were false alarms, the median
// time to the decision and the users affected. Deterministic like `run --seeds`.
import { join } from 'node:path';
import { integerFlag } from '../args';
import { CliError, EXIT_OK } from '../errors';
import { loadScenario, out } from '../io';
import { createProgress } from '../progress';
import { runSeeds } from '../seedsPool';
import { parseVary, withValue } from '../sweep/grid';
import { type SweepCell, summarisePoint } from '../sweep/summary';
import { formatTable } from '../table';
import type { Command } from './command';
import { MAX_SEED } from './seeds';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function printTable(title: string, path: string, cells: SweepCell[]): void {
  const rows = [[path, 'run', 'reacted', '95% interval', 'false alarms', 'median detection', 'users affected']];
  for (const c of cells) {
    rows.push([
      c.value,
      c.label,
      `${c.rollbacks}/${c.seeds} = ${pct(c.rollbackRate)}`,
      `${pct(c.rollbackCi95[0])}–${pct(c.rollbackCi95[1])}`,
      String(c.falseAlarms),
      c.detectionSecondsMedian === null ? '–' : `${c.detectionSecondsMedian.toFixed(0)} s`,
      c.usersAffectedCi95 ? `${c.usersAffectedMean.toFixed(0)} ± ${((c.usersAffectedCi95[1] - c.usersAffectedCi95[0]) / 2).toFixed(0)}` : c.usersAffectedMean.toFixed(0),
    ]);
  }
  out(`${title}\n\n${formatTable(rows, [false, false, true, true, true, true, true]).join('\n')}\n`);
}

function csv(path: string, cells: SweepCell[]): string {
  const head = [path, 'label', 'seeds', 'rollbacks', 'rollbackRate', 'rollbackLo', 'rollbackHi', 'falseAlarms', 'detectionSecondsMedian', 'usersAffectedMean'];
  const q = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = cells.map((c) =>
    [q(c.value), q(c.label), c.seeds, c.rollbacks, c.rollbackRate, c.rollbackCi95[0], c.rollbackCi95[1], c.falseAlarms, c.detectionSecondsMedian ?? '', c.usersAffectedMean].join(','),
  );
  return `${[head.join(','), ...lines].join('\n')}\n`;
}

export const sweepCommand: Command = {
  name: 'sweep',
  usage: 'sweep FILE --vary PATH=LO..HI [--steps N] [--seeds K] [--seed N] [--json | --csv]',
  summary: "a plan's operating characteristics: rollback probability, median detection and users affected over a grid of one field and K seeds",
  flags: {
    '--vary': { kind: 'value', placeholder: 'PATH=LO..HI' },
    '--steps': { kind: 'value', placeholder: 'N' },
    '--seeds': { kind: 'value', placeholder: 'K' },
    '--seed': { kind: 'value', placeholder: 'N' },
    '--json': { kind: 'boolean' },
    '--csv': { kind: 'boolean' },
  },
  async execute(args, context) {
    const [file, ...extra] = args.positionals;
    if (file === undefined || extra.length > 0) throw new CliError('`sim sweep` expects one scenario file: sim sweep FILE --vary PATH=LO..HI');
    const spec = args.flags.get('--vary');
    if (typeof spec !== 'string') throw new CliError('`sim sweep` needs --vary PATH=LO..HI, e.g. --vary versions.v2.errorRate=0.2%..5%');
    if (args.flags.has('--json') && args.flags.has('--csv')) throw new CliError('choose one of --json and --csv');
    const steps = integerFlag(args, '--steps', 1, 1000) ?? 5;
    const count = integerFlag(args, '--seeds', 1, 100_000) ?? 20;
    const scenario = loadScenario(file);
    const first = integerFlag(args, '--seed', 0, MAX_SEED) ?? scenario.seed;
    if (first + count - 1 > MAX_SEED) throw new CliError(`--seed ${first} with --seeds ${count} goes past the largest seed, ${MAX_SEED}`);
    const vary = parseVary(spec, steps);
    const points = vary.values.map((v) => withValue(scenario, vary.path, v)); // checks the path before any work
    const seeds = Array.from({ length: count }, (_, k) => first + k);
    const progress = createProgress(steps * count, 'runs');
    const cells: SweepCell[] = [];
    try {
      for (let i = 0; i < points.length; i++) {
        const results = await runSeeds(seeds, {
          workerFile: join(context.bundleDir, 'worker.cjs'),
          setup: { scenario: points[i], options: {} },
          onProgress: (done) => progress.update(i * count + done),
        });
        cells.push(...summarisePoint(vary.labels[i], results));
      }
    } finally {
      progress.finish();
    }
    const path = vary.path.join('.');
    if (args.flags.has('--json')) out(`${JSON.stringify({ scenario: scenario.title, vary: path, seeds, cells })}\n`);
    else if (args.flags.has('--csv')) out(csv(path, cells));
    else printTable(`${scenario.title} · ${path} over ${steps} values · seeds ${first}…${first + count - 1}`, path, cells);
    return EXIT_OK;
  },
};
