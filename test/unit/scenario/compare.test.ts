import { describe, expect, it } from 'vitest';
import { IMPLEMENTED_PATTERNS, PATTERNS, PATTERN_NAMES } from '../../../src/scenario/patterns';
import { errorsOf, exampleWith, scenarioOf } from './helpers';

const compare = (...entries: string[]) => exampleWith({ 13: entries.map((e) => `  - ${e}`).join('\n') });

describe('compare entries', () => {
  it('registers every pattern name, each with its knobs', () => {
    expect(PATTERN_NAMES).toEqual(['none', 'big-bang', 'rolling', 'blue-green', 'canary', 'feature-toggle', 'ab-test', 'dark-launch', 'traffic-split']);
    expect(IMPLEMENTED_PATTERNS).toEqual(PATTERN_NAMES);
    expect(PATTERN_NAMES.filter((p) => !PATTERNS[p].needsRollout)).toEqual(['none']);
  });

  it('defaults the label to the pattern name and keeps an explicit one', () => {
    expect(scenarioOf(compare('{ pattern: none }', '{ pattern: none, label: again }')).compare).toEqual([
      { pattern: 'none', label: 'none', options: {} },
      { pattern: 'none', label: 'again', options: {} },
    ]);
  });

  it('requires a rollout for patterns that deploy', () => {
    expect(errorsOf(exampleWith({ 11: null, 13: '  - { pattern: rolling }' }))).toEqual([
      's.yaml:12:16: compare[0].pattern: pattern "rolling" needs a rollout section (rollout: { from, to, at })',
    ]);
    // The ab-test variants default to the rollout's versions; without a rollout only this is reported.
    expect(errorsOf(exampleWith({ 11: null, 13: '  - { pattern: ab-test }' }))).toEqual([
      's.yaml:12:16: compare[0].pattern: pattern "ab-test" needs a rollout section (rollout: { from, to, at })',
    ]);
    expect(errorsOf(exampleWith({ 11: null }))).toEqual([]); // "none" does not deploy
  });

  it('suggests pattern names for unknown ones', () => {
    const all = '"none", "big-bang", "rolling", "blue-green", "canary", "feature-toggle", "ab-test", "dark-launch", "traffic-split"';
    expect(errorsOf(compare('{ pattern: nnoe }'))).toEqual([`s.yaml:13:16: compare[0].pattern: expected one of ${all}, got "nnoe"; did you mean "none"?`]);
    expect(errorsOf(compare('{ pattern: bluegreen }'))).toEqual([`s.yaml:13:16: compare[0].pattern: expected one of ${all}, got "bluegreen"; did you mean "blue-green"?`]);
    expect(errorsOf(compare('{ pattern: waterfall }'))).toEqual([`s.yaml:13:16: compare[0].pattern: expected one of ${all}, got "waterfall"`]);
    expect(errorsOf(compare('{ label: x }'))).toEqual(['s.yaml:13:5: compare[0].pattern: required field is missing']);
    expect(errorsOf(compare('none'))).toEqual(['s.yaml:13:5: compare[0]: expected a mapping like { pattern: none }, got "none"']);
  });

  it('labels entries of other patterns the same way', () => {
    expect(scenarioOf(compare('{ pattern: canary }', '{ pattern: canary, label: slow, steps: [{ setWeight: 5 }, { pause: 1h }] }')).compare.map((e) => e.label)).toEqual(['canary', 'slow']);
    expect(errorsOf(compare('{ pattern: canary }', '{ pattern: canary }'))).toEqual([
      's.yaml:14:5: compare[1].label: label "canary" is already used by compare[0]; labels must be unique (an entry without a label is labelled by its pattern; add a distinct label)',
    ]);
  });

  it('rejects knobs that "none" does not have, with a did-you-mean', () => {
    expect(errorsOf(compare('{ pattern: none, lable: base }'))).toEqual(['s.yaml:13:22: compare[0].lable: unknown key "lable"; did you mean "label"?']);
    expect(errorsOf(compare('{ pattern: none, steps: 3 }'))).toEqual(['s.yaml:13:22: compare[0].steps: unknown key "steps"; expected one of "label"']);
  });

  it('requires unique labels, reporting the duplicate at its position', () => {
    expect(errorsOf(compare('{ pattern: none, label: base }', '{ pattern: none, label: base }'))).toEqual([
      's.yaml:14:29: compare[1].label: label "base" is already used by compare[0]; labels must be unique',
    ]);
    // Without a label the entry is labelled "none": the error points at the entry itself.
    expect(errorsOf(compare('{ pattern: none }', '{ pattern: none }'))).toEqual([
      's.yaml:14:5: compare[1].label: label "none" is already used by compare[0]; labels must be unique (an entry without a label is labelled by its pattern; add a distinct label)',
    ]);
  });

  it('requires at least one entry when compare is given', () => {
    expect(errorsOf(exampleWith({ 12: 'compare: []', 13: null }))).toEqual(['s.yaml:12:10: compare: must have at least 1 entry']);
  });
});
