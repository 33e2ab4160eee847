// The scoreboard marks the best run per column, never the control run, and never scores a false
// alarm as a catch.
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../src/index';
import { peakP99, SCORE_COLUMNS, scoreboardRows } from '../../../src/view/scoreboard';

function record(pattern: string, over: Partial<RunRecord> = {}): RunRecord {
  return {
    pattern, label: pattern, outcome: 'promoted', requests: 1000, ok: 1000, errors: 0, rejected: 0, inFlight: 0,
    usersAffected: 0, usersAffectedExternal: 0, latencyMs: { mean: 1, p50: 1, p95: 1, p99: 1 }, waitMsMean: 0, waited: 0,
    instanceSeconds: 36_000, rolloutSeconds: null, detectionSeconds: null, recoverySeconds: null, decisions: [],
    conversions: 500, events: 0, faults: [], ...over,
  };
}

const column = (key: string) => SCORE_COLUMNS.findIndex((c) => c.key === key);

describe('the scoreboard', () => {
  const runs = [
    record('none'),
    record('big-bang', { usersAffected: 9000, errors: 900, rejected: 100, rolloutSeconds: 20, conversions: 450 }),
    record('canary', { outcome: 'rolled-back', usersAffected: 40, errors: 41, detectionSeconds: 60, recoverySeconds: 0, instanceSeconds: 37_800, conversions: 499 }),
    record('blue-green', { outcome: 'rolled-back', usersAffected: 900, errors: 955, detectionSeconds: 200, recoverySeconds: 20, rolloutSeconds: 140, instanceSeconds: 43_200 }),
  ];
  const rows = scoreboardRows(runs, [100, 450, 300, 400]);
  const best = (key: string) => rows.filter((r) => r.cells[column(key)].best).map((r) => r.label);

  it('marks the lowest value of each column among the releasing runs', () => {
    expect(best('usersAffected')).toEqual(['canary']);
    expect(best('failed')).toEqual(['canary']);
    expect(best('detection')).toEqual(['canary']);
    // blue-green's full rollout was rolled back: big-bang's is the only one that stuck, with none to beat
    expect(best('rollout')).toEqual([]);
    expect(best('peakP99')).toEqual(['canary']);
  });

  it('never marks the control run, though it harmed no one', () => {
    expect(rows[0].control).toBe(true);
    expect(rows[0].cells.some((c) => c.best)).toBe(false);
  });

  it('counts lost conversions and extra instance-hours against the control run', () => {
    expect(rows[1].cells[column('lostConversions')].text).toBe('50');
    expect(rows[2].cells[column('extraInstanceHours')].text).toBe('+0.5');
    expect(rows[3].cells[column('extraInstanceHours')].text).toBe('+2.0');
  });

  it('marks nothing where every run agrees', () => {
    expect(best('badWrites')).toEqual([]);
  });

  it('compares instance-hours as shown, to the tenth', () => {
    const close = scoreboardRows([record('none'), record('big-bang', { instanceSeconds: 35_990 }), record('canary', { instanceSeconds: 36_010 })]);
    expect(close.map((r) => r.cells[column('extraInstanceHours')].text)).toEqual(['0.0', '0.0', '0.0']);
    expect(close.some((r) => r.cells[column('extraInstanceHours')].best)).toBe(false);
  });

  it('labels a false alarm and keeps it out of the detection race', () => {
    const withFalse = scoreboardRows([...runs, record('feature-toggle', { outcome: 'rolled-back', detectionSeconds: 10, recoverySeconds: 5, falseAlarm: true } as Partial<RunRecord>)]);
    const row = withFalse[4];
    expect(row.falseAlarm).toBe(true);
    expect(row.cells[column('detection')].best).toBe(false);
    expect(row.cells[column('detection')].text).toBe('10 s (false)');
    expect(withFalse.filter((r) => r.cells[column('detection')].best).map((r) => r.label)).toEqual(['canary']);
  });

  it('shows a full rollout that a rollback undid, and never marks it as the fastest', () => {
    // blue-green switched everyone to v2 at 140 s, then switched back: its rollout did not stick
    const undone = scoreboardRows([record('none'), record('blue-green', { outcome: 'rolled-back', rolloutSeconds: 140 }), record('canary', { rolloutSeconds: 660 }), record('rolling', { rolloutSeconds: 80 })]);
    expect(undone[1].cells[column('rollout')]).toMatchObject({ text: '140 s (undone)', best: false });
    expect(undone[2].cells[column('rollout')]).toMatchObject({ text: '660 s', best: false });
    expect(undone.filter((r) => r.cells[column('rollout')].best).map((r) => r.label)).toEqual(['rolling']);
  });

  it('says so when every affected user was an employee (a dark launch seen by staff only)', () => {
    const rows = scoreboardRows([record('dark-launch', { usersAffected: 4, usersAffectedExternal: 0 }), record('canary', { usersAffected: 41, usersAffectedExternal: 40 })]);
    expect(rows.map((r) => r.cells[column('usersAffected')].text)).toEqual(['4 (all employees)', '41']);
  });

  it("states an A/B run's verdict", () => {
    const [row] = scoreboardRows([record('ab-test', { abTest: { winner: 'A', lift: -0.3, liftInterval: [-0.35, -0.25], pValue: 0.00002, samples: 41204, method: 'fixed', srmPValue: 1, plan: { baselineRate: 0.1, samplesPerArm: 5000, alpha: 0.05, power: 0.8, mde: 0.17 } } })]);
    expect(row.abVerdict).toBe('winner A, lift -30.0%, p<0.0001, 41,204 samples');
  });

  it('finds the peak p99 among versions that served requests', () => {
    const v = (requests: number, p99Ms: number) => ({ requests, p99Ms });
    expect(peakP99([{ versions: [v(10, 120), v(0, 999)] }, { versions: [v(5, 300), v(1, 250)] }])).toBe(300);
    expect(peakP99([])).toBeUndefined();
  });
});
