// Fuzzing the scenario parser and the run with mutated shipped scenarios and a corpus of hostile
// inputs. The fast tier (npm test) runs a few hundred cases; `npm run fuzz` runs FUZZ_CASES of them
// (10,000) and prints the figures recorded in docs/benchmarks.md: verdicts, slowest case, memory.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPUS, SCENARIO_DIR } from './corpus';
import { checkCase, type Verdict } from './harness';
import { mutant } from './mutate';

const CASES = Number(process.env.FUZZ_CASES ?? 200);
const FULL = process.env.FUZZ_CASES !== undefined;
/** Events per run: enough to start every pattern and inject faults; a bigger run is refused by it. */
const EVENT_BUDGET = Number(process.env.FUZZ_BUDGET ?? 5_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);

const shipped = readdirSync(SCENARIO_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => readFileSync(join(SCENARIO_DIR, f), 'utf8'));

interface Tally {
  refused: number;
  finished: number;
  crashes: string[];
  slowestMs: number;
  peakRssMb: number;
}

const summarise = (tally: Tally, cases: number) =>
  `fuzz: ${cases.toLocaleString('en-US')} cases (seed ${SEED}, event budget ${EVENT_BUDGET.toLocaleString('en-US')} per run): ` +
  `${tally.refused.toLocaleString('en-US')} refused, ${tally.finished.toLocaleString('en-US')} finished, ${tally.crashes.length} crashes; ` +
  `slowest case ${Math.round(tally.slowestMs)} ms; peak resident memory ${Math.round(tally.peakRssMb)} MB`;

function record(tally: Tally, text: string): Verdict {
  const started = performance.now();
  const verdict = checkCase(text, EVENT_BUDGET);
  tally.slowestMs = Math.max(tally.slowestMs, performance.now() - started);
  tally.peakRssMb = Math.max(tally.peakRssMb, process.memoryUsage().rss / 1e6);
  if (verdict.kind === 'crash') tally.crashes.push(`${verdict.message}\n--- input (first 300 characters) ---\n${JSON.stringify(text.slice(0, 300))}`);
  else tally[verdict.kind]++;
  const done = tally.refused + tally.finished + tally.crashes.length;
  if (FULL && done % 1000 === 0) process.stderr.write(`${summarise(tally, done)}\n`);
  return verdict;
}

// A generous ceiling for a whole tier on a busy machine; per-case time is measured, not asserted.
const TIER_TIMEOUT = FULL ? 3 * 3600_000 : 300_000;

describe('fuzz', () => {
  it('refuses or runs every hostile input of the corpus, never crashes', () => {
    const tally: Tally = { refused: 0, finished: 0, crashes: [], slowestMs: 0, peakRssMb: 0 };
    for (const [name, text] of Object.entries(CORPUS)) {
      const verdict = record(tally, text);
      expect(verdict.kind, `${name}: ${verdict.kind === 'crash' ? verdict.message : ''}`).not.toBe('crash');
    }
    // These must be refused, with our wording, not accepted and not crashed.
    for (const name of ['deep flow nesting', 'too big', 'many keys', 'complex keys', 'prototype keys', 'huge fleet and queues', 'tiny intervals', 'multi-document', 'billion laughs (aliases)']) {
      expect(checkCase(CORPUS[name], EVENT_BUDGET).kind, name).toBe('refused');
    }
  }, TIER_TIMEOUT);

  it(`refuses or runs ${CASES.toLocaleString('en-US')} mutants of the shipped scenarios, never crashes`, () => {
    const tally: Tally = { refused: 0, finished: 0, crashes: [], slowestMs: 0, peakRssMb: 0 };
    const cases = fc.oneof(...shipped.map(mutant), fc.constantFrom(...Object.values(CORPUS)).chain(mutant));
    fc.assert(
      fc.property(cases, (text) => record(tally, text).kind !== 'crash'),
      { numRuns: CASES, seed: SEED, endOnFailure: true },
    );
    if (FULL) process.stderr.write(`${summarise(tally, CASES)}\n`);
    expect(tally.crashes).toEqual([]);
    // Honest variety: both verdicts occur, so the fuzz reaches the run and not only the parser.
    expect(tally.refused).toBeGreaterThan(0);
    expect(tally.finished + tally.refused).toBe(CASES);
  }, TIER_TIMEOUT);
});
