// Live injection is the scenario plus the injected fault, re-simulated from the seed: for every
// fault kind, injecting it at t gives exactly the run of a scenario file that declares it at t.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src';
import { FAULT_KINDS } from '../../src/world/faults/types';
import { matrixScenario } from '../../src/runtime/matrix';

describe.each(FAULT_KINDS)('%s', (kind) => {
  it('injected live at t equals the same fault declared in the scenario', () => {
    const declared = { ...matrixScenario(kind), duration: 900, compare: matrixScenario(kind).compare.filter((c) => ['canary', 'rolling'].includes(c.label)) };
    const live = { ...declared, faults: [] };
    const fromFile = runScenario(declared);
    const injected = runScenario(live, { inject: declared.faults });
    expect(injected).toEqual(fromFile);
    // and the fault did something in at least one run
    const cost = fromFile.runs.map((r) => r.faults[0]);
    const control = runScenario(live);
    expect(fromFile.runs).not.toEqual(control.runs);
    expect(cost.every((c) => c.startedAt !== null)).toBe(true);
  }, 60_000);
});
