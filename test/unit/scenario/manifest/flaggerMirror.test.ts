// Flagger's traffic mirroring (docs/gitbook/usage/deployment-strategies.md, "Blue/Green with Traffic
// Mirroring": "copy each incoming request, sending one request to the primary and one to the canary
// service. The response from the primary is sent back to the user. The response from the canary is
// discarded. Metrics are collected on both requests"), as its scheduler runs it
// (pkg/controller/scheduler.go): a canary mirrors for one interval before its first weight (runCanary:
// "do one step of mirroring before shifting traffic"), a blue/green mirrors during all its iterations
// (runBlueGreen), never with the kubernetes provider; the Istio router sets mirrorPercentage to
// mirrorWeight (pkg/router/istio.go).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario, type RunRecord } from '../../../../src/index';
import { formatScenarioError } from '../../../../src/scenario/errors';
import { readManifest } from '../../../../src/scenario/manifest/read';
import type { CompareEntry } from '../../../../src/scenario/types';
import { scenarioOf } from '../helpers';
import { smallWorld } from '../smallWorld';

const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'manifests', name), 'utf8');
const CANARY = fixture('flagger-podinfo.yaml');
const MIRRORED = CANARY.replace('    stepWeight: 10\n', '    stepWeight: 10\n    mirror: true\n    mirrorWeight: 50\n');
// a mesh blue/green (no kubernetes provider) with no load tester: its only traffic before the switch is the mirror
const BLUE_GREEN = fixture('flagger-bluegreen.yaml').replace('  provider: kubernetes\n', '');
const BG_MIRRORED = BLUE_GREEN.slice(0, BLUE_GREEN.indexOf('    webhooks:\n')).replace('    iterations: 10\n', '    iterations: 10\n    mirror: true\n');

function read(text: string): { entry: CompareEntry; notes: string[] } {
  const r = readManifest(text, 'm.yaml');
  if (!r.ok) throw new Error(r.errors.map(formatScenarioError).join('\n'));
  return { entry: r.entries[0], notes: r.notes.map((n) => n.message) };
}

const run = (text: string, v2ErrorRate: string): RunRecord => runScenario({ ...scenarioOf(smallWorld(v2ErrorRate, '', '20m')), compare: [read(text).entry] }).runs[0];

describe('Flagger mirroring, read', () => {
  it('a canary mirrors mirrorWeight % for one checked interval before its first weight', () => {
    const { entry, notes } = read(MIRRORED);
    expect((entry.options as { steps: unknown[] }).steps.slice(0, 5)).toEqual([{ setCanaryScale: { weight: 1 } }, { setMirrorRoute: 0.5 }, { pause: 60 }, { setMirrorRoute: 0 }, { setWeight: 0.1 }]);
    expect(notes.some((n) => n.startsWith('mirror: 50% of the requests are copied to the canary for one interval'))).toBe(true);
  });

  it('a blue/green mirrors the users’ requests (100% by default) to green during its checks', () => {
    const { entry, notes } = read(BG_MIRRORED);
    expect(entry).toMatchObject({ pattern: 'blue-green', options: { previewMirror: 1, previewTraffic: 0 } });
    expect(notes.some((n) => n.startsWith('no load test'))).toBe(false);
  });

  it('notes mirroring where Flagger does not mirror: without mirror: true, with the kubernetes provider, in an A/B test', () => {
    expect(read(CANARY.replace('    stepWeight: 10\n', '    stepWeight: 10\n    mirrorWeight: 50\n')).notes).toContainEqual(expect.stringMatching(/^ignored: spec\.analysis\.mirrorWeight — .*mirror is off/));
    const kubernetes = read(fixture('flagger-bluegreen.yaml').replace('    iterations: 10\n', '    iterations: 10\n    mirror: true\n'));
    expect(kubernetes.entry.options).not.toHaveProperty('previewMirror');
    expect(kubernetes.notes).toContainEqual(expect.stringMatching(/^ignored: spec\.analysis\.mirror — .*kubernetes provider/));
  });
});

describe('Flagger mirroring, run', () => {
  let plain: RunRecord;
  let mirrored: RunRecord;
  beforeAll(() => {
    plain = run(CANARY, '5%');
    mirrored = run(MIRRORED, '5%');
  });

  it('a healthy canary takes one interval more: the mirrored one', () => {
    expect(run(MIRRORED, '0').rolloutSeconds).toBe(300 + 60);
  });

  it('a bad canary is caught on mirrored requests alone: rolled back after threshold failed checks, and no user saw it', () => {
    expect(mirrored.outcome).toBe('rolled-back');
    expect(mirrored.decisions.find((d) => d.reason === 'analysis failed')?.evidence).toMatchObject({ failedChecks: 5 });
    expect(mirrored.usersAffected).toBe(0);
    // the last check judged a minute of mirrored requests: mirrorWeight 50% of 100 requests/s
    const samples = mirrored.decisions.find((d) => d.reason === 'analysis failed')?.evidence?.samples as number;
    expect(samples).toBeGreaterThan(0.5 * 6000 * 0.9);
    expect(samples).toBeLessThan(0.5 * 6000 * 1.1);
    // without the mirror the same checks fail with users on the canary's weights
    expect(plain.outcome).toBe('rolled-back');
    expect(plain.usersAffected).toBeGreaterThan(0);
  });

  it('a blue/green judged on mirrored requests promotes a good release and rolls a bad one back before any user sees it', () => {
    const good = run(BG_MIRRORED, '0');
    expect(good.outcome).toBe('promoted');
    const bad = run(BG_MIRRORED, '5%');
    expect(bad.outcome).toBe('rolled-back');
    expect(bad.usersAffected).toBe(0);
    // with neither a mirror nor a load tester the checks find no data and fail, whatever the release
    expect(run(BLUE_GREEN.slice(0, BLUE_GREEN.indexOf('    webhooks:\n')), '0').outcome).toBe('rolled-back');
  });
});
