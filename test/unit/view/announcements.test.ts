import { describe, expect, it } from 'vitest';
import { announce, ANNOUNCE_GAP_MS, mergeSentences, passedDecisions, quietAnnouncer } from '../../../src/view/announcements';
import { actionOfKey, ariaKeys, SHORTCUTS } from '../../../src/view/shortcuts';
import { stepSpeed } from '../../../src/view/playback';

const runs = [
  { label: 'canary', decisions: [{ t: 360, text: 'halted → rolling back' }] },
  { label: 'feature-toggle', decisions: [{ t: 360, text: 'flag off' }, { t: 900, text: 'later' }] },
];

describe('the live region', () => {
  it('says the decisions the playhead passed going forward, in time order, and none going back', () => {
    expect(passedDecisions(runs, 300, 360)).toEqual(['canary, 6:00: halted → rolling back', 'feature-toggle, 6:00: flag off']);
    expect(passedDecisions(runs, 360, 899)).toEqual([]);
    expect(passedDecisions(runs, 899, 900)).toEqual(['feature-toggle, 15:00: later']);
    expect(passedDecisions(runs, 900, 0)).toEqual([]);
  });

  it('speaks at most once per gap, merging what arrived meanwhile', () => {
    let state = { ...quietAnnouncer(), pending: ['a'] };
    const first = announce(state, 10_000);
    expect(first.say).toBe('a');
    state = { ...first.state, pending: ['b', 'c'] };
    const early = announce(state, 10_000 + ANNOUNCE_GAP_MS - 1);
    expect(early.say).toBeNull();
    expect(early.wait).toBe(1);
    const later = announce(early.state, 10_000 + ANNOUNCE_GAP_MS);
    expect(later.say).toBe('2 decisions. b — c');
    expect(later.state.pending).toEqual([]);
    expect(announce(later.state, 99_999)).toEqual({ say: null, state: later.state, wait: null });
  });

  it('names three decisions of a burst and counts the rest', () => {
    expect(mergeSentences(['1', '2', '3', '4', '5'])).toBe('5 decisions. 1 — 2 — 3 — and 2 more, in the log');
  });
});

describe('the keys', () => {
  it('maps each key to one action, letters in either case, never with Ctrl, Alt or Meta', () => {
    const none = { ctrl: false, alt: false, meta: false };
    expect(actionOfKey(' ', none)).toBe('playPause');
    expect(actionOfKey('N', none)).toBe('nextDecision');
    expect(actionOfKey('?', none)).toBe('sheet');
    expect(actionOfKey('n', { ...none, ctrl: true })).toBeUndefined();
    expect(actionOfKey('x', none)).toBeUndefined();
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(ariaKeys('playPause')).toBe('Space K');
  });

  it('steps the speed through the speeds a reader recognises, stopping at the ends', () => {
    expect(stepSpeed(30, 1)).toBe(60);
    expect(stepSpeed(30, -1)).toBe(15);
    expect(stepSpeed(37, 1)).toBe(60);
    expect(stepSpeed(600, 1)).toBe(600);
    expect(stepSpeed(0.25, -1)).toBe(0.25);
  });
});
