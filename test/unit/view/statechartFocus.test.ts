import { describe, expect, it } from 'vitest';
import { PATTERNS } from '../../../src/patterns/registry';
import { canaryMachine } from '../../../src/patterns/canary';
import { describeMachine } from '../../../src/runtime/machineGraph';
import { statechartFocus } from '../../../src/view/statechartFocus';

const canary = describeMachine(canaryMachine);
const blueGreen = describeMachine(PATTERNS['blue-green'].machine);
const exitsOf = (focus: ReturnType<typeof statechartFocus>) => focus.exits.map((e) => `${e.sources.join(', ')} → ${e.target.key}: ${e.labels.join(' · ')}`);

describe('a statechart seen from its active state', () => {
  it("canary pausing between steps: its own exits first, then progressing's, each target once with all its events", () => {
    const focus = statechartFocus(canary, ['progressing.stepPause'], { t: 80, from: ['progressing.settingWeight'], to: ['progressing.stepPause'], event: 'fleet.changed' });
    expect(focus.regions).toEqual([{ containers: ['progressing'], leaf: { path: 'progressing.stepPause', key: 'stepPause', final: false } }]);
    expect(focus.sharedContainers).toEqual(['progressing']);
    expect(exitsOf(focus)).toEqual([
      'progressing.stepPause → step: after stepPause',
      'progressing.stepPause → awaitingCheck: [advancesOnChecks]',
      'progressing → aborted: analysis.failed · ABORT',
      'progressing → paused: analysis.inconclusive · PAUSE',
      'progressing → promoting: PROMOTE',
    ]);
    expect(focus.last).toEqual({ from: [{ path: 'progressing.settingWeight', key: 'settingWeight', final: false }], cause: 'fleet.changed', t: 80 });
    expect([...focus.neighbours].sort()).toEqual(['aborted', 'paused', 'progressing.awaitingCheck', 'progressing.settingWeight', 'progressing.step', 'promoting']);
  });

  it('a final state has no way out; the step into it names the state it left and its cause', () => {
    const focus = statechartFocus(canary, ['rolledBack'], { t: 210, from: ['keepingCanary'], to: ['rolledBack'], event: 'xstate.after.abortScaleDownDelay.canary.keepingCanary' });
    expect(focus.regions[0].leaf).toEqual({ path: 'rolledBack', key: 'rolledBack', final: true });
    expect(focus.sharedContainers).toEqual([]);
    expect(focus.exits).toEqual([]);
    expect(focus.last?.cause).toBe('after abortScaleDownDelay');
    expect([...focus.neighbours]).toEqual(['keepingCanary']);
  });

  it('the start has no last step to show; its timer is the way on', () => {
    const focus = statechartFocus(canary, ['idle'], { t: 0, from: [], to: ['idle'], event: 'xstate.init' });
    expect(focus.last).toBeUndefined();
    expect(exitsOf(focus)).toEqual(['idle → progressing: after untilRollout']);
  });

  it("blue-green waiting for promotion: a target reached from the state and from its container is one way out, with the events of both", () => {
    const focus = statechartFocus(blueGreen, ['progressing.waitingPromotion']);
    expect(exitsOf(focus)).toEqual([
      'progressing.waitingPromotion → scalingUpGreen: after autoPromotion · [promotedByHand]',
      'progressing.waitingPromotion, progressing → paused: [waitsForHuman] · analysis.inconclusive',
      'progressing → aborted: ABORT',
    ]);
  });

  it('both regions of a parallel state, under the container they share, with the exits of each and of the whole', () => {
    const focus = statechartFocus(blueGreen, ['promoting.blue.up', 'promoting.verification.postPromotionAnalysis']);
    expect(focus.sharedContainers).toEqual(['promoting']);
    expect(focus.regions.map((r) => [...r.containers, r.leaf.key].join('.'))).toEqual(['promoting.blue.up', 'promoting.verification.postPromotionAnalysis']);
    expect(exitsOf(focus)).toEqual([
      'promoting.blue.up → delayOver: after scaleDownDelay',
      'promoting.verification.postPromotionAnalysis → passed: analysis.passed · [noPostAnalysis]',
      'promoting.verification.postPromotionAnalysis → paused: analysis.inconclusive',
      'promoting → aborted: analysis.failed [fleetReady(stable)] · analysis.failed · ABORT',
      'promoting → succeeded: done',
    ]);
  });

  for (const [name, { machine }] of Object.entries(PATTERNS)) {
    it(`${name}: every exit of every state is a transition of the machine, and no transition out of it is missed`, () => {
      const graph = describeMachine(machine);
      const leaves = graph.states.filter((s) => s.type === 'atomic' || s.type === 'final');
      for (const leaf of leaves) {
        const focus = statechartFocus(graph, [leaf.path]);
        const within = (p: string) => leaf.path === p || leaf.path.startsWith(p + '.');
        const expected = new Set(graph.transitions.filter((t) => t.source !== '' && within(t.source)).flatMap((t) => t.targets.filter((x) => x !== t.source && x !== leaf.path).map((x) => `${t.source}>${x}`)));
        expect(new Set(focus.exits.flatMap((e) => e.sources.map((source) => `${source}>${e.target.path}`))), leaf.path).toEqual(expected);
        // each target once
        expect(new Set(focus.exits.map((e) => e.target.path)).size).toBe(focus.exits.length);
        for (const e of focus.exits) expect(graph.states.some((s) => s.path === e.target.path)).toBe(true);
      }
    });
  }
});
