// `sim run SCENARIO --manifest FILE` (repeatable): each manifest's runs join the scenario's compare
// list; notes go to stderr with positions; a broken manifest is a user error (exit 2) with file:line:col.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ScenarioResult } from '../../../src/index';
import { CLI_TIMEOUTS, scratch, sim, type Scratch } from './helpers';

vi.setConfig(CLI_TIMEOUTS);

const SCENARIO = `schemaVersion: 1
title: Manifests
duration: 3m
fleet: { instances: 4, startupTime: 5s }
traffic: { rps: 20 }
versions:
  - { name: v1, serviceTime: { distribution: exponential, mean: 50ms } }
  - { name: v2, serviceTime: { distribution: exponential, mean: 50ms } }
rollout: { from: v1, to: v2, at: 30s }
`;
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 4
  strategy: { type: RollingUpdate, rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }
`;

let files: Scratch;
beforeAll(() => {
  files = scratch();
  files.write('s.yaml', SCENARIO);
  files.write('web.yaml', DEPLOYMENT);
  files.write('recreate.yaml', DEPLOYMENT.replace('name: web', 'name: again').replace('{ type: RollingUpdate, rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }', '{ type: Recreate }'));
  files.write('broken.yaml', DEPLOYMENT.replace('maxSurge: 1', 'maxSurg: 1'));
  files.write('with-entry.yaml', `${SCENARIO}compare:\n  - { pattern: none }\n  - { manifest: web.yaml, label: from-file }\n  - { pattern: big-bang }\n`);
  files.write('with-broken-entry.yaml', `${SCENARIO}compare:\n  - { manifest: broken.yaml }\n`);
});
afterAll(() => files.remove());

describe('sim run --manifest', () => {
  it('adds one run per manifest, in order, and prints the notes on stderr', () => {
    const r = sim(['run', `${files.dir}/s.yaml`, '--manifest', `${files.dir}/web.yaml`, '--manifest', `${files.dir}/recreate.yaml`, '--json']);
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as ScenarioResult;
    expect(result.runs.map((x) => [x.label, x.pattern, x.outcome])).toEqual([['none', 'none', 'steady'], ['web', 'rolling', 'promoted'], ['again', 'big-bang', 'promoted']]);
    expect(r.stderr).toContain(`${files.dir}/web.yaml:5:3: spec.replicas: note: not modelled yet`);
  });

  it('stops with file:line:col and a did-you-mean on a broken manifest', () => {
    const r = sim(['run', `${files.dir}/s.yaml`, '--manifest', `${files.dir}/broken.yaml`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${files.dir}/broken.yaml:6:53: spec.strategy.rollingUpdate.maxSurg: unknown field "maxSurg"; did you mean "maxSurge"?`);
  });

  it('reads a compare entry { manifest: FILE, label } relative to the scenario, in its place in the list', () => {
    const r = sim(['run', `${files.dir}/with-entry.yaml`, '--json']);
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as ScenarioResult;
    expect(result.runs.map((x) => [x.label, x.pattern])).toEqual([['none', 'none'], ['from-file', 'rolling'], ['big-bang', 'big-bang']]);
    expect(r.stderr).toContain('web.yaml:5:3: spec.replicas: note:');
  });

  it("reports a compare entry's broken manifest at the manifest's own line and column", () => {
    const r = sim(['validate', `${files.dir}/with-broken-entry.yaml`]);
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).toContain('broken.yaml:6:53: spec.strategy.rollingUpdate.maxSurg: unknown field "maxSurg"; did you mean "maxSurge"?');
  });
});
