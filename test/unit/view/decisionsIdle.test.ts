import { describe, expect, it } from 'vitest';
import { PATTERNS } from '../../../src/patterns/registry';
import { describeMachine } from '../../../src/runtime/machineGraph';
import { decisionsIdleText } from '../../../src/view/decisionsIdle';

const rolling = describeMachine(PATTERNS.rolling.machine);
const none = describeMachine(PATTERNS.none.machine);

describe('the decision log with no decision in it', () => {
  it('the control run never decides', () => {
    expect(decisionsIdleText('none', none, ['steady'])).toBe('The control run: nothing to decide.');
  });

  it('a release under way may still be judged', () => {
    const under = rolling.states.find((s) => s.type === 'atomic' && s.parent !== null && s.parent !== '')!;
    expect(decisionsIdleText('rolling', rolling, [under.path])).toBe('No decision yet.');
  });

  it("a release in its statechart's final state will not be judged any more", () => {
    const finals = rolling.states.filter((s) => s.type === 'final');
    expect(finals.length).toBeGreaterThan(0);
    for (const final of finals) expect(decisionsIdleText('rolling', rolling, [final.path])).toBe('No decision: nothing stopped or promoted it by judgement.');
  });
});
