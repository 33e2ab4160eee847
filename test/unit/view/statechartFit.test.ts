import { describe, expect, it } from 'vitest';
import { PATTERNS } from '../../../src/patterns/registry';
import { describeMachine } from '../../../src/runtime/machineGraph';
import { fitStatechart, READABLE_FONT, STATE_FONT } from '../../../src/view/statechartFit';

const graphOf = (name: keyof typeof PATTERNS) => describeMachine(PATTERNS[name].machine);

describe('whether the whole statechart is drawn, by the room measured', () => {
  it('a one-state machine is drawn whole even in a nine-panel slot; a dozen states are not', () => {
    expect(fitStatechart(graphOf('none'), 270, 89, 1.4).readable).toBe(true);
    expect(fitStatechart(graphOf('canary'), 270, 89, 1.4).readable).toBe(false);
  });

  it('the same machine is drawn whole once the room is large enough, and its names are then ≥ 10 px', () => {
    const small = fitStatechart(graphOf('canary'), 270, 135, 1.4);
    const large = fitStatechart(graphOf('canary'), 900, 600, 2);
    expect(small.readable).toBe(false);
    expect(large.readable).toBe(true);
    expect(large.scale * STATE_FONT).toBeGreaterThanOrEqual(READABLE_FONT);
    expect(small.scale * STATE_FONT).toBeLessThan(READABLE_FONT);
  });

  it('the threshold is the names drawn size: just above it is whole, just below it is not', () => {
    const { layout } = fitStatechart(graphOf('rolling'), 440, 1000, 5);
    const at = (scale: number) => fitStatechart(graphOf('rolling'), 440, layout.height * scale, 5);
    expect(at((READABLE_FONT / STATE_FONT) * 1.01).readable).toBe(true);
    expect(at((READABLE_FONT / STATE_FONT) * 0.99).readable).toBe(false);
  });
});
