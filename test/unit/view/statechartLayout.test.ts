import { describe, expect, it } from 'vitest';
import { PATTERNS } from '../../../src/patterns/registry';
import { canaryMachine } from '../../../src/patterns/canary';
import { layoutStatechart, type StateBox } from '../../../src/view/statechartLayout';
import { activePaths, describeStep, edgeOfStep } from '../../../src/view/statechartState';
import { eventName, transitionLabel, wrapKey } from '../../../src/view/statechartText';
import { describeMachine } from '../../../src/runtime/machineGraph';

const inside = (a: StateBox, b: StateBox) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
const overlap = (a: StateBox, b: StateBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('layoutStatechart on the nine patterns', () => {
  for (const [name, { machine }] of Object.entries(PATTERNS)) for (const maxWidth of [440, 280]) {
    it(`${name} folded to ${maxWidth}: every state drawn once, nested in its parent, siblings apart, readable in a 400×220 panel`, () => {
      const graph = describeMachine(machine);
      const layout = layoutStatechart(graph, maxWidth);
      const box = new Map(layout.boxes.map((b) => [b.path, b]));
      const states = graph.states.filter((s) => s.parent !== null);
      expect(layout.boxes.map((b) => b.path).sort()).toEqual(states.map((s) => s.path).sort());
      for (const s of states) {
        if (s.parent) expect(inside(box.get(s.path)!, box.get(s.parent)!), `${s.path} inside ${s.parent}`).toBe(true);
        for (const t of states) {
          if (t !== s && t.parent === s.parent) expect(overlap(box.get(s.path)!, box.get(t.path)!), `${s.path} vs ${t.path}`).toBe(false);
        }
      }
      // Drawn at 400×220, the text is shown at no less than 0.7 of its size (10.5 px → 7.4 px).
      expect(Math.min(400 / layout.width, 220 / layout.height)).toBeGreaterThanOrEqual(0.7);
      // Every transition between distinct states has an arrow; every initial state a marker.
      for (const t of graph.transitions) {
        for (const target of t.targets) {
          if (target !== t.source) expect(layout.edges.some((e) => e.source === t.source && e.target === target)).toBe(true);
        }
      }
      const compounds = graph.states.filter((s) => s.type === 'compound' && s.initial);
      expect(layout.initials).toHaveLength(compounds.length);
      for (const e of layout.edges) expect(e.d).toMatch(/^M[\d.-]+,[\d.-]+ C/);
      for (const b of layout.boxes) expect(b.y).toBeGreaterThanOrEqual(0);
    });
  }

  it('canary reads from idle into progressing, then to its outcomes (folded to fit)', () => {
    const boxes = new Map(layoutStatechart(describeMachine(canaryMachine)).boxes.map((b) => [b.path, b]));
    const right = (p: string) => boxes.get(p)!.x + boxes.get(p)!.width;
    const bottom = (p: string) => boxes.get(p)!.y + boxes.get(p)!.height;
    // idle comes first: left of progressing, or (folded, with the scale-down states) above it
    expect(right('idle') <= boxes.get('progressing')!.x || bottom('idle') <= boxes.get('progressing')!.y).toBe(true);
    expect(right('progressing') <= boxes.get('promoting')!.x || bottom('progressing') <= boxes.get('promoting')!.y).toBe(true);
    // Folded to fit a panel, the outcomes share a column: the successful path stays on top.
    expect(boxes.get('succeeded')!.x).toBeGreaterThanOrEqual(right('progressing'));
    expect(boxes.get('succeeded')!.y).toBeLessThan(boxes.get('rolledBack')!.y);
    expect(boxes.get('succeeded')!.type).toBe('final');
  });

  it('the last step lights the arrow it went along, found by its event even through a transient state', () => {
    const graph = describeMachine(canaryMachine);
    const { edges } = layoutStatechart(graph);
    const failed = edgeOfStep(graph, edges, { t: 300, from: ['progressing.stepPause'], to: ['rolledBack'], event: 'analysis.failed' });
    expect([failed?.source, failed?.target]).toEqual(['progressing', 'aborted']);
    const paused = edgeOfStep(graph, edges, { t: 300, from: ['progressing.stepPause'], to: ['paused'], event: 'analysis.inconclusive' });
    expect([paused?.source, paused?.target]).toEqual(['progressing', 'paused']);
    const ready = edgeOfStep(graph, edges, { t: 90, from: ['progressing.settingWeight'], to: ['progressing.stepPause'], event: 'fleet.changed' });
    expect([ready?.source, ready?.target]).toEqual(['progressing.settingWeight', 'progressing.step']);
    const timer = edgeOfStep(graph, edges, { t: 60, from: ['idle'], to: ['progressing.settingWeight'], event: 'xstate.after.untilRollout.canary' });
    expect([timer?.source, timer?.target]).toEqual(['idle', 'progressing']);
    expect(edgeOfStep(graph, edges, undefined)).toBeUndefined();
  });

  it('says the last step in words, the first one as where the machine started', () => {
    expect(describeStep({ t: 360, from: ['progressing.stepPause'], to: ['rolledBack'], event: 'analysis.failed' })).toBe('stepPause → rolledBack on analysis.failed');
    expect(describeStep({ t: 0, from: [], to: ['steady'], event: 'xstate.init' })).toBe('started in steady');
  });

  it('lights active leaves with their containers', () => {
    expect([...activePaths(['promoting.blue.Up', 'promoting.verification.Passed'])].sort()).toEqual(
      ['promoting', 'promoting.blue', 'promoting.blue.Up', 'promoting.verification', 'promoting.verification.Passed'],
    );
  });
});

describe('statechart words', () => {
  it('breaks long camelCase keys near the middle and leaves short ones whole', () => {
    expect(wrapKey('PostPromotionAnalysis')).toEqual(['PostPromotion', 'Analysis']);
    expect(wrapKey('WaitingPromotion')).toEqual(['Waiting', 'Promotion']);
    expect(wrapKey('paused')).toEqual(['paused']);
  });
  it('names events and transitions as a reader expects', () => {
    expect(eventName('xstate.after.stepPause.canary.progressing.stepPause')).toBe('after stepPause');
    expect(eventName('xstate.done.state.blue-green.promoting')).toBe('done');
    expect(transitionLabel({ event: 'fleet.changed', guard: 'canaryReady' })).toBe('[canaryReady]');
    expect(transitionLabel({ event: 'analysis.failed', guard: null })).toBe('analysis.failed');
    expect(transitionLabel({ event: 'after autoPromotion', guard: 'autoPromotes' })).toBe('after autoPromotion [autoPromotes]');
  });
});
