// The fault × pattern matrix: its lessons hold, and the docs page shows what the code computes now.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { matrixRow, type Matrix, type MatrixCell } from '../../../src/runtime/matrix';
import { matrixMarkdown } from '../../../src/view/matrixTable';

describe('the fault × pattern matrix', { timeout: 120_000 }, () => {
  let errorRate: Record<string, MatrixCell>;
  let conversionDrop: Record<string, MatrixCell>;
  beforeAll(() => {
    errorRate = matrixRow('error-rate');
    conversionDrop = matrixRow('conversion-drop');
  });

  it('shows canary catching a bad release with few users harmed, and rolling (no analysis) missing it', () => {
    expect(errorRate.canary.caught).toBe(true);
    expect(errorRate.canary.usersAffected).toBeLessThan(errorRate['big-bang'].usersAffected / 10);
    expect(errorRate.rolling.caught).toBe(false);
  });

  it('shows that only the A/B test catches a business regression with no errors', () => {
    const caughtBy = Object.entries(conversionDrop).filter(([, c]) => c.caught).map(([label]) => label);
    expect(caughtBy).toEqual(['ab-test']);
  });

  it('is the table docs/fault-matrix.md shows (regenerate it with `sim matrix` when this fails)', () => {
    const page = readFileSync('docs/fault-matrix.md', 'utf8');
    const rows = matrixMarkdown({ 'error-rate': errorRate, 'conversion-drop': conversionDrop } as Matrix).trim().split('\n').slice(2);
    for (const row of rows) expect(page).toContain(row);
  });
});
