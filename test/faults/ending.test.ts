// A fault that ends leaves nothing behind: the world's effect tables are rebuilt from the faults
// still active, so after the end they are exactly those of a world that never had the fault.
import { describe, expect, it } from 'vitest';
import { standardFault } from '../../src/runtime/matrix';
import { FAULT_KINDS, type Fault } from '../../src/world/faults/types';
import { measuredWorld, type MeasuredWorld } from '../../src/metrics/measuredWorld';
import { scenario, version } from '../support/scenarios';

function worldWith(faults: Fault[]) {
  const s = scenario({ duration: 300, versions: [version('v1'), version('v2')], faults });
  const w = measuredWorld(s, { seed: 1, bucketSeconds: 10, eventBudget: 1e9 });
  w.provision(0, 10);
  return w;
}

const tables = (w: MeasuredWorld) => {
  const fx = w.faultEffects;
  return { active: fx.active, failures: fx.failures, service: fx.service, writes: fx.writes, conversion: [...fx.conversion], capacityFault: fx.capacityFault, capacityByVersion: [...fx.capacityByVersion], crashLoop: [...fx.crashLoop] };
};

describe.each(FAULT_KINDS)('%s', (kind) => {
  it('changes the effect tables while active and leaves them as if it never was once it ends', () => {
    // A 100% drop or rate is the hardest case for undoing by arithmetic (×0 then ÷0).
    const strong = { ...standardFault(kind), start: { at: 60 }, duration: 60, ...('drop' in standardFault(kind) ? { drop: 1 } : {}) } as Fault;
    const w = worldWith([strong]);
    const clean = tables(worldWith([]));
    w.runUntil(90);
    expect(tables(w)).not.toEqual(clean);
    w.runUntil(150);
    expect(tables(w)).toEqual(clean);
  });
});

it('keeps an overlapping fault\'s effects when another ends', () => {
  const a = { ...standardFault('conversion-drop'), start: { at: 10 }, duration: 100, drop: 0.5, label: 'a' } as Fault;
  const b = { ...standardFault('conversion-drop'), start: { at: 20 }, duration: 20, drop: 1, label: 'b' } as Fault;
  const w = worldWith([a, b]);
  const v = w.versions.indexOf((a as { version: string }).version);
  w.runUntil(30);
  expect(w.faultEffects.conversion[v]).toBe(0);
  w.runUntil(50);
  expect(w.faultEffects.conversion[v]).toBe(0.5);
});
