// A compare entry { manifest: FILE, label? }: without a way to read files (the page) it is a clear
// error at its place; with one, it is replaced by the manifest's run, in its position.
import { describe, expect, it } from 'vitest';
import { formatScenarioError } from '../../../../src/scenario/errors';
import { readManifest } from '../../../../src/scenario/manifest/read';
import { parseScenario } from '../../../../src/index';

const TEXT = `schemaVersion: 1
title: t
duration: 10m
traffic: { rps: 10 }
versions:
  - { name: v1, serviceTime: { distribution: exponential, mean: 50ms } }
  - { name: v2, serviceTime: { distribution: exponential, mean: 50ms } }
rollout: { from: v1, to: v2, at: 1m }
compare:
  - { manifest: web.yaml, label: web }
  - { pattern: none }
`;
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  strategy: { type: Recreate }\n';

describe('compare: [{ manifest: FILE }]', () => {
  it('without a file reader (the page) is an error at the entry, saying where it runs', () => {
    const r = parseScenario(TEXT, 's.yaml');
    expect(r.ok ? [] : r.errors.map(formatScenarioError)).toEqual([
      's.yaml:10:7: compare[0].manifest: a manifest entry is read by the command line (sim run FILE); this page cannot open files beside the scenario, so write the run as a pattern entry here',
    ]);
  });

  it('with one, becomes the manifest run under its label, in its place', () => {
    const r = parseScenario(TEXT, 's.yaml', { readManifest: (file, label) => readManifest(DEPLOYMENT, file, { label }) });
    expect(r.ok && r.scenario.compare).toEqual([{ pattern: 'big-bang', label: 'web', options: {} }, { pattern: 'none', label: 'none', options: {} }]);
  });

  it('reports unknown keys of the entry with a did-you-mean', () => {
    const r = parseScenario(TEXT.replace('label: web', 'lable: web'), 's.yaml', { readManifest: (file) => readManifest(DEPLOYMENT, file) });
    expect(r.ok ? [] : r.errors.map(formatScenarioError)).toEqual(['s.yaml:10:27: compare[0].lable: unknown key "lable"; did you mean "label"?']);
  });
});
