// The learner's acts in the live region: each new act said once, in the learner's words; an undo
// said as such; a burst merged by the same rate limit as the decisions.
import { describe, expect, it } from 'vitest';
import type { Act } from '../../../src/runtime/acts/act';
import { actSentences } from '../../../src/view/actAnnouncements';
import { announce, ANNOUNCE_GAP_MS, quietAnnouncer } from '../../../src/view/announcements';

const labels = ['none', 'canary', 'feature-toggle'];
const abort: Act = { type: 'gate', t: 750, event: 'ABORT', run: 1 };
const rule: Act = { type: 'rule', t: 760, run: 2, change: 'add', rule: { when: { platform: 'ios' }, serve: 'off' } };

describe('the learner’s acts in the live region', () => {
  it('says an act added at the end of the story, in the learner’s words', () => {
    expect(actSentences([], [abort], labels)).toEqual(['you aborted canary at 12:30']);
    expect(actSentences([abort], [abort, rule], labels)).toEqual(['you added the rule "platform ios → off" to feature-toggle\'s flag at 12:40']);
  });

  it('says nothing when the story is the same, even as fresh objects (a re-read address)', () => {
    expect(actSentences([abort, rule], JSON.parse(JSON.stringify([abort, rule])), labels)).toEqual([]);
  });

  it('says an undo as such', () => {
    expect(actSentences([abort, rule], [abort], labels)).toEqual(['undone: you added the rule "platform ios → off" to feature-toggle\'s flag at 12:40']);
  });

  it('merges a burst of acts into one sentence, no sooner than the gap after the last', () => {
    const first = announce({ ...quietAnnouncer(), pending: actSentences([], [abort], labels) }, 1000);
    expect(first.say).toBe('you aborted canary at 12:30');
    const burst = { ...first.state, pending: [...actSentences([abort], [abort, rule], labels), ...actSentences([abort, rule], [abort], labels)] };
    expect(announce(burst, 1000 + ANNOUNCE_GAP_MS - 1).say).toBeNull();
    expect(announce(burst, 1000 + ANNOUNCE_GAP_MS).say).toMatch(/^2 decisions\. you added the rule .* — undone: you added the rule/);
  });
});
