// A run knows whether its release was bad: a rollback caused by something that hit every version
// is a false alarm, marked in the record, the matrix and the decision sentence; a catch is timed
// from the moment users first met the defect.
import { beforeAll, describe, expect, it } from 'vitest';
import { cellOf, matrixScenario } from '../../../src/runtime/matrix';
import { runScenario, type RunRecord } from '../../../src/index';
import { matrixMarkdown } from '../../../src/view/matrixTable';
import { summaryRows } from '../../../src/view/summary';

describe('scoring a rollback against the truth', () => {
  let outage: RunRecord[];
  let bad: RunRecord[];
  beforeAll(() => {
    outage = runScenario(matrixScenario('dependency-outage', 1)).runs;
    bad = runScenario(matrixScenario('error-rate', 1)).runs;
  }, 60_000);

  it('calls a rollback during a shared dependency outage a false alarm, in the record and the sentence', () => {
    const canary = outage.find((r) => r.label === 'canary')!;
    expect(canary.outcome).toBe('rolled-back');
    expect(canary.falseAlarm).toBe(true);
    const fault = canary.faults[0];
    expect(canary.detectionSeconds).toBeCloseTo(canary.decisions.find((d) => d.evidence?.falseAlarm)!.t - fault.startedAt!, 1);
    expect(canary.decisions.some((d) => /a false alarm: v2 has no defect; "dependency-outage" \(dependency-outage\) hit it from \d+:\d\d\)$/.test(d.text))).toBe(true);
    expect(summaryRows([canary])[1][1]).toBe('rolled-back (false alarm)');
  });

  it('marks a real catch as no false alarm, timed from the first request the defective version answered', () => {
    const canary = bad.find((r) => r.label === 'canary')!;
    expect(canary.outcome).toBe('rolled-back');
    expect(canary.falseAlarm).toBe(false);
    expect(canary.decisions.some((d) => d.text.includes('false alarm'))).toBe(false);
    // The fault is there from the start; the canary's first request came after its 20 s start-up.
    const decision = canary.decisions.find((d) => d.reason === 'analysis failed')!;
    expect(canary.detectionSeconds).toBeLessThan(decision.t - 60);
  });

  it('gives false alarms their own mark in the matrix', () => {
    const row = Object.fromEntries(outage.map((r) => [r.label, cellOf(r, outage[0])]));
    expect(row.canary.falseAlarm).toBe(true);
    expect(row.canary.caught).toBe(false);
    expect(matrixMarkdown({ 'dependency-outage': row } as never)).toContain('✗ false alarm, rolled back in');
  });

  it('leaves runs that never reacted without a verdict on it', () => {
    expect(outage.find((r) => r.label === 'none')!.falseAlarm).toBeUndefined();
  });
});
