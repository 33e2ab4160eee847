// `sim sweep FILE --vary PATH=LO..HI [--steps N] [--seeds K] [--seed N] [--json | --csv]`: a plan's
// operating characteristics. The scenario runs at each of N values of one field, K seeds each, on
// worker threads; per run of `compare` it reports how often the rollout reacted (rolled back,
// halted or aborted, with a Wilson 95% interval), how many of those were false alarms, the median
// time to the decision and the users affected; for an A/B experiment also its winners, its
// sample-ratio halts and its mean lift. Deterministic like `run --seeds`.
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
  const experiments = cells.filter((c) => c.experiment !== null);
  if (experiments.length > 0) out(`\nA/B experiments\n\n${experimentTable(path, experiments).join('\n')}\n`);
}

function experimentTable(path: string, cells: SweepCell[]): string[] {
  const rows = [[path, 'run', 'winners (A / B)', '95% interval', 'sample-ratio halts', '95% interval', 'mean lift', '95% interval']];
  for (const c of cells) {
    const e = c.experiment!;
    rows.push([
      c.value,
      c.label,
      `${e.winsA + e.winsB}/${c.seeds} = ${pct(e.winnerRate)} (${e.winsA} / ${e.winsB})`,
      `${pct(e.winnerCi95[0])}–${pct(e.winnerCi95[1])}`,
      `${e.srmHalts}/${c.seeds}`,
      `${pct(e.srmHaltCi95[0])}–${pct(e.srmHaltCi95[1])}`,
      signedPct(e.liftMean),
      e.liftCi95 ? `${signedPct(e.liftCi95[0])} … ${signedPct(e.liftCi95[1])}` : '–',
    ]);
  }
  return formatTable(rows, [false, false, true, true, true, true, true, true]);
}

const signedPct = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(2)}%`;

function csv(path: string, cells: SweepCell[]): string {
  const head = [path, 'label', 'seeds', 'rollbacks', 'rollbackRate', 'rollbackLo', 'rollbackHi', 'falseAlarms', 'detectionSecondsMedian', 'usersAffectedMean', 'winsA', 'winsB', 'srmHalts', 'liftMean'];
  const q = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = cells.map((c) =>
    [q(c.value), q(c.label), c.seeds, c.rollbacks, c.rollbackRate, c.rollbackCi95[0], c.rollbackCi95[1], c.falseAlarms, c.detectionSecondsMedian ?? '', c.usersAffectedMean, c.experiment?.winsA ?? '', c.experiment?.winsB ?? '', c.experiment?.srmHalts ?? '', c.experiment?.liftMean ?? ''].join(','),
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
