import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src';
import { EXAMPLE, errorsOf, exampleWith } from './helpers';

describe('malformed YAML', () => {
  it('reports yaml’s own errors at their positions, with an empty path', () => {
    expect(errorsOf(exampleWith({ 6: 'traffic: { rps: 300' }))).toEqual([
      expect.stringMatching(/^s\.yaml:7:1: Flow map in block collection must be sufficiently indented and end with a \}/),
    ]);
    expect(errorsOf('schemaVersion: 1\ntitle:\n\tfoo: 1\n')).toEqual(['s.yaml:3:1: Tabs are not allowed as indentation']);
  });

  it('reports bad indentation', () => {
    const errors = errorsOf('schemaVersion: 1\ntitle: x\n  duration: 1h\n');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/^s\.yaml:2:8: /);
  });

  it('reports duplicate keys at the second occurrence', () => {
    expect(errorsOf(exampleWith({ 3: 'seed: 7\nseed: 8' }))).toEqual(['s.yaml:4:1: Map keys must be unique']);
    expect(errorsOf(exampleWith({ 5: 'fleet: { instances: 10, instances: 12 }' }))).toEqual(['s.yaml:5:25: Map keys must be unique']);
  });

  it('reports a second document in the file', () => {
    expect(errorsOf(`${EXAMPLE}---\ntitle: again\n`)).toEqual(['s.yaml:14:1: a scenario file holds a single YAML document; remove the extra "---"']);
  });

  it('reports an alias to an undefined anchor instead of throwing', () => {
    expect(errorsOf(exampleWith({ 2: 'title: *name' }))).toEqual([expect.stringMatching(/^s\.yaml:1:1: Unresolved alias/)]);
  });

  it('resolves aliases to defined anchors', () => {
    const result = parseScenario(exampleWith({ 9: '  - &base { name: v1, serviceTime: { distribution: constant, value: 1 } }', 10: '  - *base' }), 's.yaml');
    expect(result.ok ? [] : result.errors.map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`)).toEqual([
      '10:5 versions[1].name: version name "v1" is already used by versions[0]; version names must be unique',
      '11:26 rollout.to: unknown version "v2"; declared versions are "v1"',
    ]);
  });
});

describe('documents that are not a scenario mapping', () => {
  it.each(['', '\n\n', '# just a comment\n'])('reports an empty file %j once', (text) => {
    expect(errorsOf(text)).toEqual(['s.yaml:1:1: the file is empty; expected a mapping with at least schemaVersion, title, duration, traffic and versions']);
  });

  it.each([
    ['- a\n- b\n', 'a list'],
    ['just text\n', '"just text"'],
    ['42\n', '42'],
  ])('reports a top-level %j once', (text, got) => {
    expect(errorsOf(text)).toEqual([`s.yaml:1:1: expected a mapping of scenario fields at the top level (schemaVersion: 1, title: …), got ${got}`]);
  });
});
