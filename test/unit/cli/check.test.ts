// `sim check`: expectations verified over seeds; failures point at the file, line and column.
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_TIMEOUTS, scratch, sim } from './helpers';

const RELEASE = `schemaVersion: 1
title: Canary check
seed: 3
duration: 10m
fleet: { instances: 4, concurrency: 4, queueLimit: 50, startupTime: 10s }
traffic: { rps: 60 }
users: { count: 2000 }
versions:
  - { name: v1, serviceTime: { distribution: exponential, mean: 100ms } }
  - { name: v2, serviceTime: { distribution: exponential, mean: 100ms }, errorRate: 10% }
rollout: { from: v1, to: v2, at: 1m }
compare:
  - pattern: canary
    steps: [ { setWeight: 25 }, { pause: 5m } ]
    analysis: { errorRate: { max: 1% }, minSamples: 50 }
expect:
  canary: { outcome: rolled-back, usersAffected: { max: MAX } }
`;

describe('sim check', () => {
  const dir = scratch();
  afterAll(() => dir.remove());

  it('passes when every expectation holds in every seed', () => {
    const file = dir.write('pass.yaml', RELEASE.replace('MAX', '1000'));
    const result = sim(['check', file, '--seeds', '2']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${file}: ok (2 seeds)\n`);
    expect(result.status).toBe(0);
  }, CLI_TIMEOUTS.testTimeout);

  it('exits 1 naming the expectation, where it is written, what was measured and the seed', () => {
    const file = dir.write('fail.yaml', RELEASE.replace('MAX', '1'));
    const result = sim(['check', file, '--seeds', '2']);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:17:57: expect\\.canary\\.usersAffected\\.max: expected at most 1, measured \\d+ \\(seed 3\\)$`));
    expect(lines[1]).toMatch(/\(seed 4\)$/);
    expect(lines.at(-1)).toBe('1 of 1 scenario failed its expectations');
  }, CLI_TIMEOUTS.testTimeout);

  it('rejects a bad file with exit 2 before running anything', () => {
    const file = dir.write('bad.yaml', RELEASE.replace('MAX', '1').replace('rolled-back', 'rolled-bak'));
    const result = sim(['check', file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('did you mean "rolled-back"?');
  }, CLI_TIMEOUTS.testTimeout);
});
