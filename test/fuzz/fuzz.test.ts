// Fuzzing the scenario parser and the run with mutated shipped scenarios, small versions of them
// (whose valid mutants run to the end) and a corpus of hostile inputs. The fast tier (npm run
// test:fast, and so npm test) runs two hundred cases; `npm run fuzz` runs FUZZ_CASES of them (10,000), then each corpus input
// and the slowest mutants through the command line in processes of their own, and prints the
// figures recorded in docs/benchmarks.md: verdicts, slowest input per stage, peak memory per input.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPUS, SCENARIO_DIR } from './corpus';
import { checkCase, type Timed } from './harness';
import { mutant } from './mutate';
import { costPerProcess } from './perProcess';
import { smallVersion } from './small';

const CASES = Number(process.env.FUZZ_CASES ?? 200);
const FULL = process.env.FUZZ_CASES !== undefined;
/** Events per run: every small version of a shipped scenario finishes (the largest needs ~22,000). */
const EVENT_BUDGET = Number(process.env.FUZZ_BUDGET ?? 30_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
/** The slowest inputs of each stage measured again in processes of their own. */
const SLOWEST_KEPT = 10;

interface Input {
  name: string;
  text: string;
}

const shipped: Input[] = readdirSync(SCENARIO_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ name: f, text: readFileSync(join(SCENARIO_DIR, f), 'utf8') }));
const small: Input[] = shipped.map(({ name, text }) => ({ name: `small ${name}`, text: smallVersion(text) }));
const corpus: Input[] = Object.entries(CORPUS).map(([name, text]) => ({ name: `corpus: ${name}`, text }));

/** The slowest inputs seen so far, slowest first. */
type Slowest = { ms: number; input: Input }[];

interface Tally {
  refused: number;
  finished: number;
  crashes: string[];
  slowestParse: Slowest;
  slowestRun: Slowest;
}

const newTally = (): Tally => ({ refused: 0, finished: 0, crashes: [], slowestParse: [], slowestRun: [] });

function keep(list: Slowest, ms: number, input: Input): void {
  if (list.length === SLOWEST_KEPT && ms <= list[list.length - 1].ms) return;
  list.push({ ms, input });
  list.sort((a, b) => b.ms - a.ms);
  list.length = Math.min(list.length, SLOWEST_KEPT);
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const top = (list: Slowest) => (list.length > 0 ? `${n(list[0].ms)} ms (${list[0].input.name})` : '–');

const summarise = (tally: Tally, cases: number) =>
  `fuzz: ${n(cases)} cases (seed ${SEED}, event budget ${n(EVENT_BUDGET)} per run): ` +
  `${n(tally.refused)} refused, ${n(tally.finished)} finished, ${tally.crashes.length} crashes; ` +
  `processor time: slowest parse and validation ${top(tally.slowestParse)}, slowest run ${top(tally.slowestRun)}`;

function record(tally: Tally, input: Input): Timed {
  const verdict = checkCase(input.text, EVENT_BUDGET);
  keep(tally.slowestParse, verdict.parseMs, input);
  keep(tally.slowestRun, verdict.runMs, input);
  if (verdict.kind === 'crash') tally.crashes.push(`${input.name}: ${verdict.message}\n--- input (first 300 characters) ---\n${JSON.stringify(input.text.slice(0, 300))}`);
  else tally[verdict.kind]++;
  const done = tally.refused + tally.finished + tally.crashes.length;
  if (FULL && done % 1000 === 0) process.stderr.write(`${summarise(tally, done)}\n`);
  return verdict;
}

/** Each input again in a process of its own: per-input time and peak resident memory. */
function perProcess(label: string, inputs: Input[]): void {
  const costs = costPerProcess(inputs, EVENT_BUDGET);
  for (const c of costs) expect(c.foreign, `${c.name} (${c.command}): a stack trace or a warning`).toBe(false);
  for (const c of costs) expect([0, 2], `${c.name} (${c.command}) exit code`).toContain(c.exitCode);
  for (const command of ['validate', 'run'] as const) {
    const mine = costs.filter((c) => c.command === command);
    const slowest = mine.reduce((a, b) => (b.cpuSeconds > a.cpuSeconds ? b : a));
    const slowestWall = mine.reduce((a, b) => (b.wallSeconds > a.wallSeconds ? b : a));
    const fattest = mine.reduce((a, b) => (b.peakRssMb > a.peakRssMb ? b : a));
    process.stderr.write(
      `fuzz, ${label}, \`sim ${command}\` one process per input (${mine.length}): most processor time ${slowest.cpuSeconds.toFixed(2)} s (${slowest.name}); ` +
        `longest wall time ${slowestWall.wallSeconds.toFixed(2)} s (${slowestWall.name}); ` +
        `peak resident memory ${n(fattest.peakRssMb)} MB (${fattest.name}); Node's start and the bundle's load included\n`,
    );
  }
}

// A generous ceiling for a whole tier on a busy machine; per-case time is measured, not asserted.
const TIER_TIMEOUT = FULL ? 3 * 3600_000 : 300_000;

describe('fuzz', () => {
  it('refuses or runs every hostile input of the corpus, never crashes', () => {
    const tally = newTally();
    for (const input of corpus) {
      const verdict = record(tally, input);
      expect(verdict.kind, `${input.name}: ${verdict.kind === 'crash' ? verdict.message : ''}`).not.toBe('crash');
    }
    // These must be refused, with our wording, not accepted and not crashed.
    for (const name of ['deep flow nesting', 'too big', 'many keys', 'complex keys', 'prototype keys', 'huge fleet and queues', 'tiny intervals', 'multi-document', 'billion laughs (aliases)']) {
      expect(checkCase(CORPUS[name], EVENT_BUDGET).kind, name).toBe('refused');
    }
    if (FULL) {
      process.stderr.write(`fuzz, corpus in process, processor time: slowest parse and validation ${top(tally.slowestParse)}, slowest run ${top(tally.slowestRun)}\n`);
      perProcess('corpus', corpus);
    }
  }, TIER_TIMEOUT);

  it('runs every small version of a shipped scenario to the end within the budget', () => {
    for (const input of small) expect(checkCase(input.text, EVENT_BUDGET).kind, input.name).toBe('finished');
  }, TIER_TIMEOUT);

  it(`refuses or runs ${n(CASES)} mutants of the shipped scenarios, never crashes`, () => {
    const tally = newTally();
    const mutants = (inputs: Input[]) => inputs.map((input) => mutant(input.text).map((text) => ({ name: `mutant of ${input.name}`, text })));
    const ofCorpus = fc.constantFrom(...corpus).chain((input) => mutant(input.text).map((text) => ({ name: `mutant of ${input.name}`, text })));
    fc.assert(
      fc.property(fc.oneof(...mutants(shipped), ...mutants(small), ofCorpus), (input) => record(tally, input).kind !== 'crash'),
      { numRuns: CASES, seed: SEED, endOnFailure: true },
    );
    if (FULL) {
      process.stderr.write(`${summarise(tally, CASES)}\n`);
      perProcess('slowest mutants', [...tally.slowestParse, ...tally.slowestRun].map((s) => s.input));
    }
    expect(tally.crashes).toEqual([]);
    // Honest variety: both verdicts occur, so the fuzz reaches the run to its end and not only the parser.
    expect(tally.refused).toBeGreaterThan(0);
    expect(tally.finished).toBeGreaterThan(0);
    expect(tally.finished + tally.refused).toBe(CASES);
  }, TIER_TIMEOUT);
});
