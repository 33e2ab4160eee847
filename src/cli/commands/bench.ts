// `sim bench`: the engine's throughput and memory on fixed models. Each measurement runs in a
// fresh child process, models interleaved round by round, so slow phases of a noisy machine and
// JIT warm-up spread evenly instead of favouring one model.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { integerFlag, stringFlag } from '../args';
import { describeMachine } from '../bench/machine';
import type { BenchJob, BenchSample } from '../bench/models';
import { benchMarkdown, benchText } from '../bench/report';
import { summariseBench } from '../bench/summary';
import { CliError, EXIT_OK } from '../errors';
import { err, out, writeText } from '../io';
import type { Command } from './command';

const JOBS: BenchJob[] = ['calibration', 'large', 'small', 'compare'];

function measure(childFile: string, job: BenchJob): BenchSample {
  const child = spawnSync(process.execPath, [childFile, job], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.error !== undefined) throw child.error;
  if (child.status !== 0) throw new Error(`bench run "${job}" failed (exit ${child.status ?? child.signal}): ${child.stderr.trim()}`);
  return JSON.parse(child.stdout) as BenchSample;
}

/** The page's section of the same file (written by `npm run bench:page`), kept when the engine's is rewritten. */
function pageSection(file: string): string {
  if (!existsSync(file)) return '';
  const section = /<!-- page-bench:start -->[\s\S]*<!-- page-bench:end -->/.exec(readFileSync(file, 'utf8'));
  return section ? `\n${section[0]}\n` : '';
}

export const benchCommand: Command = {
  name: 'bench',
  usage: 'bench [--runs N] [--write PATH]',
  summary: 'measure simulated requests/s and peak memory on fixed models; --write saves a Markdown report',
  flags: { '--runs': { kind: 'value', placeholder: 'N' }, '--write': { kind: 'value', placeholder: 'PATH' } },
  execute(args, context) {
    if (args.positionals.length > 0) throw new CliError(`\`sim bench\` takes no arguments, got "${args.positionals[0]}"`);
    const runs = integerFlag(args, '--runs', 1, 99) ?? 3;
    const write = stringFlag(args, '--write');
    const childFile = join(context.bundleDir, 'benchChild.cjs');
    const loadBefore = loadavg()[0];
    const rounds: Record<BenchJob, BenchSample>[] = [];
    for (let round = 1; round <= runs; round++) {
      const samples = {} as Record<BenchJob, BenchSample>;
      for (const job of JOBS) {
        err(`bench: round ${round}/${runs}: ${job}…\n`);
        samples[job] = measure(childFile, job);
      }
      rounds.push(samples);
    }
    const summary = summariseBench(rounds, { before: loadBefore, after: loadavg()[0] });
    const machine = describeMachine();
    out(benchText(summary, machine));
    if (write !== undefined) {
      writeText(write, benchMarkdown(summary, machine, new Date().toISOString().slice(0, 10)) + pageSection(write));
      out(`wrote ${write}\n`);
    }
    return EXIT_OK;
  },
};
