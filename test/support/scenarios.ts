// Scenario objects built in code, for engine tests that should not depend on the YAML layer.
import type { Scenario, VersionSpec } from '../../src/scenario/types';

export function version(name: string, meanSeconds = 0.1, errorRate = 0): VersionSpec {
  return { name, serviceTime: { distribution: 'exponential', mean: meanSeconds }, errorRate, conversionRate: 0.03 };
}

export function scenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    schemaVersion: 1,
    title: 'test fleet',
    seed: 1,
    duration: 600,
    fleet: { instances: 10, concurrency: 4, queueLimit: 1_000_000, startupTime: 20, loadBalancer: 'random' },
    traffic: { rps: 300, shape: { kind: 'constant' } },
    users: {
      count: 20_000,
      regions: { us: 0.5, eu: 0.3, apac: 0.2 },
      platforms: { web: 0.6, ios: 0.25, android: 0.15 },
      internal: 0.01,
      beta: 0.05,
      newUsers: 0.02,
      maxAccountAge: 730 * 86400,
    },
    versions: [version('v1'), version('v2', 0.08, 0.002)],
    compare: [{ pattern: 'none', label: 'none', options: {} }],
    ...overrides,
  };
}
