// Results do not depend on the order of keys in a mapping: every shipped scenario, its mappings
// shuffled at random, validates to the same scenario and runs to the same figures for the same seed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isSeq, parseDocument } from 'yaml';
import { ScenarioSession } from '../../src/runtime/session';
import { parseScenario, type Scenario } from '../../src/index';
import { SCENARIO_DIR } from './corpus';

const FULL = process.env.FUZZ_CASES !== undefined;
const ORDERINGS = Number(process.env.FUZZ_ORDERINGS ?? (FULL ? 1000 : 8));
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);

const files = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.yaml')).sort();

/** The text with every mapping's entries put in the order a random draw per mapping gives. */
function shuffled(text: string, draws: number[]): string {
  const doc = parseDocument(text);
  let k = 0;
  const visit = (node: unknown): void => {
    if (isMap(node)) {
      const keyed = node.items.map((pair) => ({ pair, draw: draws[k++ % draws.length] }));
      node.items = keyed.sort((a, b) => a.draw - b.draw).map((x) => x.pair);
      for (const pair of node.items) visit(pair.value);
    } else if (isSeq(node)) for (const item of node.items) visit(item);
  };
  visit(doc.contents);
  return doc.toString();
}

function scenarioOf(text: string): Scenario {
  const parsed = parseScenario(text, 's.yaml');
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n'));
  const { expectPositions: _positions, ...scenario } = parsed.scenario;
  return scenario;
}

/** Keys sorted at every level: the same data whatever order it was written in. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  return value;
}

/** The first minutes around the rollout: enough to see traffic, users, faults and the patterns act. */
function firstSlice(scenario: Scenario): unknown {
  const until = Math.min(scenario.duration, (scenario.rollout?.at ?? 0) + 30, 300);
  return new ScenarioSession(scenario, { eventBudget: 5_000_000 }).advance(until);
}

describe('key order', () => {
  it(`gives the same scenario and the same run over ${ORDERINGS} random reorderings of the shipped scenarios`, () => {
    const texts = files.map((f) => readFileSync(join(SCENARIO_DIR, f), 'utf8'));
    const originals = texts.map((t) => scenarioOf(t));
    const runs = new Map<number, string>();
    fc.assert(
      fc.property(fc.nat(files.length - 1), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 50, maxLength: 50 }), (i, draws) => {
        const reordered = scenarioOf(shuffled(texts[i], draws));
        expect(canonical(reordered)).toEqual(canonical(originals[i]));
        if (!runs.has(i)) runs.set(i, JSON.stringify(firstSlice(originals[i])));
        expect(JSON.stringify(firstSlice(reordered))).toBe(runs.get(i));
      }),
      { numRuns: ORDERINGS, seed: SEED, endOnFailure: true },
    );
    if (FULL) process.stderr.write(`key order: ${ORDERINGS.toLocaleString('en-US')} random reorderings of ${files.length} shipped scenarios: same scenario and same run in every one\n`);
  }, FULL ? 3 * 3600_000 : 300_000);
});
