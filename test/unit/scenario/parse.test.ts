import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src';
import { EXAMPLE, exampleWith, scenarioOf } from './helpers';

describe('parseScenario on valid files', () => {
  it('normalises the contract example (durations → seconds, percentages → fractions)', () => {
    const s = scenarioOf(EXAMPLE);
    expect(s.schemaVersion).toBe(1);
    expect(s.title).toBe('Steady fleet');
    expect(s.summary).toBeUndefined();
    expect(s.seed).toBe(7);
    expect(s.duration).toBe(3600);
    expect(s.fleet).toEqual({ instances: 10, concurrency: 4, queueLimit: 200, startupTime: 20, loadBalancer: 'random' });
    expect(s.traffic).toEqual({ rps: 300, shape: { kind: 'constant' } });
    expect(s.versions).toEqual([
      { name: 'v1', serviceTime: { distribution: 'exponential', mean: 0.1 }, errorRate: 0, conversionRate: 0.03 },
      { name: 'v2', serviceTime: { distribution: 'lognormal', median: 0.08, p99: 0.4 }, errorRate: 0.002, conversionRate: 0.03 },
    ]);
    expect(s.rollout).toEqual({ from: 'v1', to: 'v2', at: 300 });
    expect(s.compare).toEqual([{ pattern: 'none', label: 'none', options: {} }]);
  });

  it('fills user defaults', () => {
    expect(scenarioOf(EXAMPLE).users).toEqual({
      count: 20000,
      regions: { us: 0.5, eu: 0.3, apac: 0.2 },
      platforms: { web: 0.6, ios: 0.25, android: 0.15 },
      internal: 0.01,
      beta: 0.05,
      newUsers: 0.02,
      maxAccountAge: 730 * 86400,
    });
  });

  it('fills every default of a minimal file', () => {
    const s = scenarioOf(`schemaVersion: 1
title: Minimal
duration: 90
traffic: { rps: 1.5 }
versions: [{ name: only, serviceTime: { distribution: constant, value: 50ms } }]
`);
    expect(s.seed).toBe(1);
    expect(s.duration).toBe(90);
    expect(s.fleet).toEqual({ instances: 10, concurrency: 4, queueLimit: 100, startupTime: 20, loadBalancer: 'round-robin' });
    expect(s.users.count).toBe(10000);
    expect(s.versions[0]).toEqual({ name: 'only', serviceTime: { distribution: 'constant', value: 0.05 }, errorRate: 0, conversionRate: 0.03 });
    expect(s.rollout).toBeUndefined();
    expect(s.compare).toEqual([{ pattern: 'none', label: 'none', options: {} }]);
  });

  it('normalises traffic shapes', () => {
    const diurnal = scenarioOf(exampleWith({ 6: 'traffic: { rps: 300, shape: { kind: diurnal, amplitude: 40% } }' }));
    expect(diurnal.traffic.shape).toEqual({ kind: 'diurnal', amplitude: 0.4, period: 86400, peakAt: 14 * 3600 });
    const custom = scenarioOf(exampleWith({ 6: 'traffic: { rps: 300, shape: { kind: diurnal, amplitude: 0.25, period: 12h, peakAt: 90m } }' }));
    expect(custom.traffic.shape).toEqual({ kind: 'diurnal', amplitude: 0.25, period: 43200, peakAt: 5400 });
    const spike = scenarioOf(exampleWith({ 6: 'traffic: { rps: 300, shape: { kind: spike, at: 10m, duration: 1.5m, factor: 3 } }' }));
    expect(spike.traffic.shape).toEqual({ kind: 'spike', at: 600, duration: 90, factor: 3 });
    const constant = scenarioOf(exampleWith({ 6: 'traffic: { rps: 300, shape: constant }' }));
    expect(constant.traffic.shape).toEqual({ kind: 'constant' });
  });

  it('keeps custom user shares, summary and labels', () => {
    const s = scenarioOf(
      exampleWith({
        2: 'title: Custom\nsummary: Why this scenario exists.',
        7: 'users: { count: 5, regions: { us: 0.7, eu: 30% }, platforms: { web: 100% }, internal: 0, beta: 0.5%, newUsers: 10%, maxAccountAge: 1d }',
        13: '  - { pattern: none, label: baseline }',
      }),
    );
    expect(s.summary).toBe('Why this scenario exists.');
    expect(s.users).toEqual({ count: 5, regions: { us: 0.7, eu: 0.3 }, platforms: { web: 1 }, internal: 0, beta: 0.005, newUsers: 0.1, maxAccountAge: 86400 });
    expect(s.compare).toEqual([{ pattern: 'none', label: 'baseline', options: {} }]);
  });

  it('parses the built-in default scenario', () => {
    const text = readFileSync(new URL('../../../scenarios/default.yaml', import.meta.url), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../public/scenario.schema.json');
    const result = parseScenario(text, 'scenarios/default.yaml');
    expect(result.ok && result.scenario).toMatchObject({ duration: 1800, fleet: { instances: 10 }, traffic: { rps: 300 }, users: { count: 20000 }, rollout: { at: 300 } });
    expect(result.ok && result.scenario.summary?.length).toBeGreaterThan(100);
  });
});
