// A Flagger A/B test (analysis.iterations with match), against Flagger's documentation
// (docs/gitbook/usage/deployment-strategies.md, "A/B Testing": "run an analysis for ten minutes",
// promotion after interval × iterations, rollback after interval × threshold) and its scheduler
// (pkg/controller/scheduler.go, runAB: the matched route goes to the canary, each passing check
// advances one iteration, a failed one counts toward threshold and advances nothing). The matched
// requests are chosen by Istio's HTTPMatchRequest semantics: conditions of one entry all hold, the
// entries are alternatives, a regex matches the whole header value (Envoy's safe_regex).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario, type RunRecord } from '../../../../src/index';
import { formatScenarioError } from '../../../../src/scenario/errors';
import { readManifest } from '../../../../src/scenario/manifest/read';
import type { CompareEntry } from '../../../../src/scenario/types';
import { scenarioOf } from '../helpers';

const FIXTURE = readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'manifests', 'flagger-abtest.yaml'), 'utf8');
const MATCH = FIXTURE.slice(FIXTURE.indexOf('    match:\n'), FIXTURE.indexOf('    metrics:\n'));
const withMatch = (match: string) => FIXTURE.replace(MATCH, match);

function read(text: string, users?: { regions: string[]; platforms: string[] }): { entry?: CompareEntry; errors: string[]; notes: string[] } {
  const r = readManifest(text, 'ab.yaml', { users });
  return r.ok ? { entry: r.entries[0], errors: [], notes: r.notes.map((n) => n.message) } : { errors: r.errors.map(formatScenarioError), notes: [] };
}

const ROLLOUT_AT = 60;
const run = (v2ErrorRate: string, beta = '10%'): RunRecord =>
  runScenario({
    ...scenarioOf(`schemaVersion: 1
title: Flagger A/B timing
duration: 20m
fleet: { instances: 10, startupTime: 20s }
traffic: { rps: 100 }
users: { count: 10000, internal: 0%, beta: ${beta} }
versions:
  - { name: v1, serviceTime: { distribution: exponential, mean: 50ms } }
  - { name: v2, serviceTime: { distribution: exponential, mean: 50ms }, errorRate: ${v2ErrorRate} }
rollout: { from: v1, to: v2, at: ${ROLLOUT_AT}s }
`),
    compare: [read(FIXTURE).entry!],
  }).runs[0];

describe('a Flagger A/B test manifest, read', () => {
  it('routes the matched users to a full-size canary for `iterations` check-paced intervals, threshold failed checks to roll back', () => {
    const { entry, errors, notes } = read(FIXTURE);
    expect(errors).toEqual([]);
    expect(notes.filter((n) => n.includes('match'))).toEqual([]); // every field of the match is read
    expect(entry?.pattern).toBe('canary');
    expect(entry?.options).toMatchObject({
      steps: [{ setCanaryScale: { weight: 1 } }, { setHeaderRoute: [{ internal: true }, { beta: true }] }, ...Array(10).fill({ pause: 60 })],
      holdOnFailedCheck: true,
      progressDeadline: 600,
      analysis: { interval: 60, failureLimit: 1, firstCheck: 'afterInterval', noData: 'Failed' },
    });
  });

  it('maps exact, prefix, suffix and regex on the simulated headers onto user attributes; the headers of one entry all hold', () => {
    const users = { regions: ['eu-west', 'eu-north', 'us'], platforms: ['web', 'ios', 'android'] };
    const one = (headers: string) => (readManifest(withMatch(`    match:\n      - headers:\n${headers}`), 'ab.yaml', { users }) as { entries: CompareEntry[] }).entries[0];
    const route = (headers: string) => (one(headers).options as { steps: Record<string, unknown>[] }).steps[1].setHeaderRoute;
    expect(route('          x-region: { prefix: eu- }\n')).toEqual([{ region: ['eu-west', 'eu-north'] }]);
    expect(route('          user-agent: { regex: "i.*" }\n')).toEqual([{ platform: ['ios'] }]);
    expect(route('          x-platform: { suffix: oid }\n          x-canary: { exact: insider }\n')).toEqual([{ platform: ['android'], internal: true }]);
    // a regex matches the whole value, as Envoy does: "o" alone matches no platform name
    expect(read(withMatch('    match:\n      - headers:\n          x-platform: { regex: "o" }\n'), users).errors).toEqual([
      'ab.yaml:22:23: spec.analysis.match[0].headers.x-platform: x-platform matches none of the simulated platforms (web, ios, android): x-platform carries the user’s platform',
    ]);
  });

  it('refuses a header the simulated requests do not carry, with a did-you-mean at its line', () => {
    expect(read(withMatch('    match:\n      - headers:\n          x-canry: { exact: insider }\n')).errors).toEqual([
      expect.stringMatching(/^ab\.yaml:22:11: spec\.analysis\.match\[0\]\.headers\.x-canry: no simulated counterpart for header "x-canry"; did you mean "x-canary"\?; a simulated request carries x-region/),
    ]);
    expect(read(withMatch('    match:\n      - headers:\n          x-tenant: { exact: acme }\n')).errors[0]).toMatch(/no simulated counterpart for header "x-tenant"; a simulated request carries x-region \(the user’s region\), x-platform/);
    expect(read(withMatch('    match:\n      - uri: { prefix: /api }\n')).errors[0]).toMatch(/^ab\.yaml:21:9: spec\.analysis\.match\[0\]\.uri: not modelled: a simulated request has no uri/);
    expect(read(withMatch('    match:\n      - headers:\n          cookie: { exact: canary }\n')).errors[0]).toMatch(/cookie matches no simulated request: cookie is "canary=always"/);
    expect(read(withMatch('    match:\n      - headers:\n          x-canary: { regexp: insider }\n')).errors[0]).toMatch(/unknown string match "regexp"; did you mean "regex"\?/);
  });
});

describe('a Flagger A/B test manifest, run', () => {
  let good: RunRecord;
  let bad: RunRecord;
  beforeAll(() => {
    good = run('0');
    bad = run('5%');
  });

  it('promotes a healthy release after interval × iterations', () => {
    expect(good.outcome).toBe('promoted');
    expect(good.rolloutSeconds).toBe(10 * 60);
  });

  it('rolls a bad release back after threshold failed checks, one interval apart: interval × threshold', () => {
    expect(bad.outcome).toBe('rolled-back');
    const decision = bad.decisions.find((d) => d.reason === 'analysis failed')!;
    expect(decision.evidence).toMatchObject({ failedChecks: 2, failureLimit: 1 });
    expect(decision.t - ROLLOUT_AT).toBe(2 * 60);
  });

  it('sends only the matched users to the canary: a broken release reaches beta users (10% of 10 000), nobody else', () => {
    // every request to v2 fails; in the two minutes before the rollback about 1.2 requests per user
    // arrive, so most of the ~1 000 beta users are hit; a 10% weight over everyone would hit ~1 200
    const broken = run('100%');
    expect(broken.outcome).toBe('rolled-back');
    expect(broken.usersAffected).toBeGreaterThan(400);
    expect(broken.usersAffected).toBeLessThan(1050);
    // with no beta user (and no employee) nobody matches: the canary gets no request, its checks
    // find no data (a failed check in Flagger), and no user ever sees the broken release
    const nobody = run('100%', '0%');
    expect(nobody.outcome).toBe('rolled-back');
    expect(nobody.usersAffected).toBe(0);
    expect(nobody.decisions.find((d) => d.reason === 'analysis failed')?.text).toMatch(/no data counts as a failed check/);
  });
});
