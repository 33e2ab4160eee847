// The what-if's comparison: per run, both figures and the difference, read from two run records.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src';
import { actsToRun } from '../../../src/runtime/acts/toRun';
import { forkDiff } from '../../../src/view/forkDiff';
import { scenario, version } from '../../support/scenarios';

const s = scenario({
  duration: 600,
  versions: [version('v1'), version('v2', 0.08, 0.05)],
  rollout: { from: 'v1', to: 'v2', at: 60 },
  compare: [
    { pattern: 'none', label: 'none', options: {} },
    { pattern: 'canary', label: 'canary', options: { steps: [{ setWeight: 0.5 }, { pause: null }] } },
  ],
});

describe('a what-if beside its story', () => {
  it('says how many fewer users the fork hurt, run by run, and which runs did not change', () => {
    const story = runScenario(s);
    const fork = runScenario(s, actsToRun([{ type: 'gate', t: 120, event: 'ABORT', run: null }], ['none', 'canary']));
    const rows = forkDiff(story, fork);
    expect(rows.map((r) => r.outcome)).toEqual([
      { story: 'steady', fork: 'steady' },
      { story: story.runs[1].outcome, fork: 'rolled-back' },
    ]);
    const users = rows[1].cells.find((c) => c.title === 'users affected')!;
    const fewer = story.runs[1].usersAffected - fork.runs[1].usersAffected;
    expect(fewer).toBeGreaterThan(100);
    expect(users).toEqual({ title: 'users affected', story: story.runs[1].usersAffected.toLocaleString('en-US'), fork: fork.runs[1].usersAffected.toLocaleString('en-US'), change: `−${fewer.toLocaleString('en-US')}`, direction: 'better' });
    expect(rows[0].cells.find((c) => c.title === 'users affected')).toMatchObject({ change: 'same', direction: 'same' });
  });
});
