// describeMachine reads the statechart the page draws from the XState machine definition itself.
import { describe, expect, it } from 'vitest';
import { and, createMachine, not, or } from 'xstate';
import { describeMachine } from '../../../src/runtime/machineGraph';
import { canaryMachine } from '../../../src/patterns/canary';
import { blueGreenMachine } from '../../../src/patterns/blueGreen';

describe('describeMachine', () => {
  it('lists every state of a small machine with its parent, type and initial child', () => {
    const machine = createMachine({
      id: 'door',
      initial: 'closed',
      states: {
        closed: { on: { OPEN: { target: 'open', guard: 'unlocked' } } },
        open: { initial: 'swinging', states: { swinging: { after: { 500: 'still' } }, still: {} }, on: { CLOSE: 'closed' } },
        gone: { type: 'final' },
      },
    });
    const g = describeMachine(machine);
    expect(g.id).toBe('door');
    expect(g.states).toEqual([
      { path: '', key: 'door', parent: null, type: 'compound', initial: 'closed' },
      { path: 'closed', key: 'closed', parent: '', type: 'atomic', initial: null },
      { path: 'open', key: 'open', parent: '', type: 'compound', initial: 'swinging' },
      { path: 'open.swinging', key: 'swinging', parent: 'open', type: 'atomic', initial: null },
      { path: 'open.still', key: 'still', parent: 'open', type: 'atomic', initial: null },
      { path: 'gone', key: 'gone', parent: '', type: 'final', initial: null },
    ]);
    expect(g.transitions).toEqual([
      { source: 'closed', targets: ['open'], event: 'OPEN', guard: 'unlocked' },
      { source: 'open', targets: ['closed'], event: 'CLOSE', guard: null },
      { source: 'open.swinging', targets: ['open.still'], event: 'after 500', guard: null },
    ]);
  });

  it("says XState's guard helpers as expressions of the guards they combine", () => {
    const machine = createMachine({
      id: 'gate',
      initial: 'shut',
      states: {
        shut: {
          always: [
            { guard: not('locked'), target: 'open' },
            { guard: and(['badge', not('alarm')]), target: 'open' },
            { guard: or(['key', { type: 'code', params: { version: 'v2' } }]), target: 'open' },
          ],
        },
        open: {},
      },
    });
    expect(describeMachine(machine).transitions.map((t) => t.guard)).toEqual(['!locked', 'badge && !alarm', 'key || code(v2)']);
  });

  it("reads the canary's states and its judge-driven, timed and eventless transitions", () => {
    const g = describeMachine(canaryMachine);
    const paths = g.states.map((s) => s.path);
    expect(paths).toEqual(expect.arrayContaining(['idle', 'progressing', 'progressing.step', 'progressing.settingWeight', 'progressing.stepPause', 'paused', 'promoting', 'succeeded', 'aborted', 'rolledBack']));
    expect(g.states.find((s) => s.path === 'progressing')!.initial).toBe('step');
    expect(g.states.filter((s) => s.type === 'final').map((s) => s.path).sort()).toEqual(['rolledBack', 'succeeded']);
    expect(g.transitions).toEqual(expect.arrayContaining([
      { source: 'idle', targets: ['progressing'], event: 'after untilRollout', guard: null },
      { source: 'progressing', targets: ['aborted'], event: 'analysis.failed', guard: null },
      { source: 'progressing.stepPause', targets: ['progressing.step'], event: 'after stepPause', guard: null },
      { source: 'progressing.step', targets: ['progressing.settingWeight'], event: 'always', guard: 'isWeightStep' },
      { source: 'progressing.settingWeight', targets: ['progressing.step'], event: 'fleet.changed', guard: 'fleetReady' },
      { source: 'promoting', targets: ['scalingDown'], event: 'fleet.changed', guard: 'fleetReady(candidate)' },
      { source: 'scalingDown', targets: ['succeeded'], event: 'after scaleDownDelay', guard: null },
      { source: 'aborted', targets: ['keepingCanary'], event: 'always', guard: 'stableCanTakeBack' },
      { source: 'keepingCanary', targets: ['rolledBack'], event: 'after abortScaleDownDelay', guard: 'scalesCanaryDownAfterAbort' },
    ]));
    // every target is a state the graph lists
    for (const t of g.transitions) for (const target of t.targets) expect(paths).toContain(target);
  });

  it('describes parallel regions (blue-green promoting: scale-down and verification at once)', () => {
    const g = describeMachine(blueGreenMachine);
    expect(g.states.find((s) => s.path === 'promoting')!.type).toBe('parallel');
    expect(g.states.filter((s) => s.parent === 'promoting').map((s) => s.key)).toEqual(['blue', 'verification']);
  });
});
