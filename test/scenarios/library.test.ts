// The scenario library keeps its promises: every file parses, and its expect: block holds in each
// of 3 seeds (`sim check`, the command instructors run in their own CI).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sim } from '../unit/cli/helpers';

const FILES = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).sort();

describe('the scenario library', () => {
  it('has at least 16 scenarios', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(16);
  });

  it('meets every expectation of every scenario over 3 seeds', () => {
    const result = sim(['check', '--seeds', '3']);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n').sort()).toEqual(FILES.map((f) => `scenarios/${f}: ok (3 seeds)`));
    expect(result.status).toBe(0);
  }, 600_000);
});
