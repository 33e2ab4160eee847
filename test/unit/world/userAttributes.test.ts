// Region and platform names are data: any number of them, in any order, give the right answer.
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../../src/index';
import { compileMatch, matches } from '../../../src/world/userMatch';
import { Users } from '../../../src/world/users';

const USERS = { count: 50_000, internal: 0.01, beta: 0.05, newUsers: 0.02, maxAccountAge: 730 * 86400, platforms: { web: 1 } };

describe('user attributes', () => {
  it('matches the 33rd region and only it (a 32-bit mask wrapped: 1 << 32 === 1)', () => {
    // r00 holds 65% of users, r01…r39 hold the rest, r32 among them with 0.9%.
    const regions: Record<string, number> = { r00: 0.65 };
    for (let i = 1; i < 40; i++) regions[`r${String(i).padStart(2, '0')}`] = 0.35 / 39;
    const users = new Users({ ...USERS, regions }, 5);
    const match = compileMatch({ region: 'r32' }, users);
    let matched = 0;
    for (let u = 0; u < users.count; u++) if (matches(match, users, u, 0)) matched++;
    // binomial: n = 50,000, p = 0.35/39 ≈ 0.9%; ± 5 standard deviations (≈ 0.2%)
    expect(matched / users.count).toBeGreaterThan(0.35 / 39 - 0.002);
    expect(matched / users.count).toBeLessThan(0.35 / 39 + 0.002);
  });

  it('draws the same population whatever order the regions and platforms are listed in', () => {
    const a = new Users({ ...USERS, regions: { us: 0.5, eu: 0.3, apac: 0.2 }, platforms: { web: 0.6, ios: 0.25, android: 0.15 } }, 3);
    const b = new Users({ ...USERS, regions: { apac: 0.2, us: 0.5, eu: 0.3 }, platforms: { android: 0.15, web: 0.6, ios: 0.25 } }, 3);
    const names = (u: Users, i: number) => `${u.regionNames[u.region[i]]}/${u.platformNames[u.platform[i]]}`;
    for (let i = 0; i < a.count; i += 97) expect(names(b, i)).toBe(names(a, i));
  });

  it('gives identical run figures for a scenario whose platforms are listed in another order', () => {
    const text = (platforms: string) => `schemaVersion: 1
title: Order
seed: 4
duration: 10m
traffic: { rps: 50 }
users: { count: 2000, platforms: { ${platforms} } }
versions:
  - { name: v1, serviceTime: { distribution: exponential, mean: 50ms } }
  - { name: v2, serviceTime: { distribution: exponential, mean: 50ms } }
rollout: { from: v1, to: v2, at: 1m }
faults:
  - { kind: segment, version: v2, match: { platform: ios }, rate: 50% }
compare:
  - { pattern: canary, steps: [ { setWeight: 20 }, { pause: 3m } ] }
`;
    const run = (platforms: string) => {
      const parsed = parseScenario(text(platforms), 's.yaml');
      if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
      return runScenario(parsed.scenario);
    };
    const first = run('web: 60%, ios: 25%, android: 15%');
    expect(first.runs[0].faults[0].usersAffected).toBeGreaterThan(0);
    expect(run('android: 15%, ios: 25%, web: 60%')).toEqual(first);
  });
});
