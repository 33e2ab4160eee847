// Manual controls: a human promotes, pauses, resumes or aborts at a simulated instant.
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src';
import type { ManualAction, RunRecord } from '../../src/index';
import { scenario, version } from '../support/scenarios';
import { allPatterns } from '../support/compare';

// A canary that waits for a human after its first step (Argo's `pause: {}`).
const s = scenario({
  duration: 900,
  versions: [version('v1'), version('v2')],
  rollout: { from: 'v1', to: 'v2', at: 60 },
  compare: [{ pattern: 'canary', label: 'canary', options: { steps: [{ setWeight: 0.2 }, { pause: null }, { setWeight: 0.6 }] } }],
});
const run = (manual: ManualAction[] = []) => runScenario(s, { manual, seriesBucket: 10 }).runs[0];

describe('manual controls', () => {
  let untouched: RunRecord;
  beforeAll(() => {
    untouched = run();
  });

  it('leave a rollout that waits for a human paused', () => {
    expect(untouched.outcome).toBe('paused');
  });

  it('promote by hand, with a decision record', () => {
    const r = run([{ t: 300, event: 'PROMOTE' }]);
    expect(r.outcome).toBe('promoted');
    expect(r.decisions[0]).toMatchObject({ t: 300, reason: 'manual promote', from: 'paused', to: 'promoting' });
    expect(r.decisions[0].text).toBe('5:00 canary promoted by hand');
  });

  it('resume past the pause step', () => {
    expect(run([{ t: 300, event: 'RESUME' }]).outcome).toBe('promoted');
  });

  it('abort by hand routes back', () => {
    const r = run([{ t: 300, event: 'ABORT' }]);
    expect(r.outcome).toBe('rolled-back');
    // v2 served its first request at 80 s, after its 20 s start-up; it is as good as v1, so the
    // abort protected nobody: a false alarm, timed from the new version's first request.
    expect(r.detectionSeconds).toBeCloseTo(220, 0);
    expect(r.falseAlarm).toBe(true);
    expect(r.decisions.at(-1)!.text).toMatch(/\(a false alarm: v2 has no defect; nothing was wrong with it\)$/);
    expect(r.series!.versions.v2.weight.at(-1)).toBe(0);
  });

  it('leave everything before the action exactly as in the run without it', () => {
    const r = run([{ t: 300, event: 'ABORT' }]);
    const before = (x: typeof r) => x.series!.t.map((t, i) => (t + 10 <= 300 ? x.series!.versions.v2.requests[i] : null)).filter((v) => v !== null);
    expect(before(r)).toEqual(before(untouched));
    expect(before(r).some((n) => n! > 0)).toBe(true);
  });

  it('apply to the named run only', () => {
    expect(run([{ t: 300, event: 'ABORT', label: 'other' }]).outcome).toBe('paused');
  });
});

describe('promoting by hand before the new fleet is up', () => {
  const compare = allPatterns().filter((c) => ['blue-green', 'dark-launch'].includes(c.pattern));
  const s2 = scenario({ duration: 900, versions: [version('v1'), version('v2')], rollout: { from: 'v1', to: 'v2', at: 120 }, compare });
  let runs: RunRecord[];
  beforeAll(() => {
    runs = runScenario(s2, { manual: [{ t: 125, event: 'PROMOTE' }] }).runs;
  });

  it.each(['blue-green', 'dark-launch'])('%s waits for the new fleet: no request is dropped', (label) => {
    const r = runs.find((x) => x.label === label)!;
    expect(r.outcome).toBe('promoted');
    expect(r.rejected).toBe(0);
    expect(r.decisions[0]).toMatchObject({ t: 125, reason: 'manual promote' });
    expect(r.decisions.some((d) => d.reason === 'duration elapsed')).toBe(false);
  });
});

describe('a verification that cannot judge', () => {
  it('pauses big bang with a record instead of hanging', () => {
    const quiet = scenario({
      duration: 900,
      traffic: { rps: 1, shape: { kind: 'constant' } },
      versions: [version('v1'), version('v2')],
      rollout: { from: 'v1', to: 'v2', at: 60 },
      compare: allPatterns().filter((c) => c.pattern === 'big-bang'),
    });
    const r = runScenario(quiet).runs[0];
    expect(r.outcome).toBe('paused');
    expect(r.decisions[0].reason).toBe('AnalysisRunInconclusive');
  });
});

describe('the flag console', () => {
  it('turns a released feature off everywhere after the propagation delay: no redeploy', () => {
    const flagged = scenario({
      duration: 1500,
      versions: [version('v1'), version('v2', 0.1, 0.05)],
      rollout: { from: 'v1', to: 'v2', at: 60 },
      compare: allPatterns(null).filter((c) => c.pattern === 'feature-toggle'),
    });
    const released = runScenario(flagged, { seriesBucket: 30 }).runs[0];
    const killed = runScenario(flagged, { seriesBucket: 30, manual: [{ t: 900, event: 'FLAG_OFF' }] }).runs[0];
    expect(released.outcome).toBe('promoted');
    expect(killed.outcome).toBe('rolled-back');
    expect(killed.decisions.at(-1)!.text).toBe('15:00 feature-toggle flag turned off by hand (kill switch)');
    expect(killed.recoverySeconds).toBe(30); // propagationDelay
    expect(killed.series!.versions.v2.requests.at(-1)).toBe(0);
  });
});
