// Errors in user matches (feature-toggle rules, traffic-split stages), including region and
// platform names checked against the scenario's users. Lines refer to PATTERNS_EXAMPLE.
import { describe, expect, it } from 'vitest';
import { errorsOf } from './helpers';
import { patternsWith } from './patternsFixture';

const stages = (list: string, extra: Record<number, string> = {}) => errorsOf(patternsWith({ 27: `    stages: [ ${list} ]`, ...extra }));
const rules = (list: string) => errorsOf(patternsWith({ 20: `    rules: [ ${list} ]` }));

describe('user match errors', () => {
  it('suggests the declared region an unknown one abbreviates or resembles', () => {
    expect(stages('{ match: { region: europe }, pause: 10m }, { weight: 100% }')).toEqual(['s.yaml:27:34: compare[8].stages[0].match.region: unknown region "europe"; did you mean "eu"?']);
    expect(stages('{ match: { region: [us, apak] } }')).toEqual(['s.yaml:27:39: compare[8].stages[0].match.region[1]: unknown region "apak"; did you mean "apac"?']);
    expect(stages('{ match: { region: mars } }')).toEqual(['s.yaml:27:34: compare[8].stages[0].match.region: unknown region "mars"; users.regions has "us", "eu", "apac"']);
  });

  it('reads the region names from the scenario’s users when given', () => {
    expect(stages('{ match: { region: eu } }', { 4: 'traffic: { rps: 300 }\nusers: { regions: { europe: 40%, americas: 60% } }' })).toEqual([
      's.yaml:28:34: compare[8].stages[0].match.region: unknown region "eu"; users.regions has "europe", "americas"',
    ]);
  });

  it('checks platform names in flag rules', () => {
    expect(rules('{ when: { platform: [web, iphone] }, serve: on }')).toEqual([
      's.yaml:20:40: compare[5].rules[0].when.platform[1]: unknown platform "iphone"; users.platforms has "web", "ios", "android"',
    ]);
    expect(rules('{ when: { platform: andriod }, serve: on }')).toEqual(['s.yaml:20:34: compare[5].rules[0].when.platform: unknown platform "andriod"; did you mean "android"?']);
  });

  it('suggests match attributes and rejects wrong shapes', () => {
    expect(rules('{ when: { platfrom: ios }, serve: on }')).toEqual(['s.yaml:20:24: compare[5].rules[0].when.platfrom: unknown key "platfrom"; did you mean "platform"?']);
    expect(rules('{ when: { region: 5, internal: yes }, serve: on }')).toEqual([
      's.yaml:20:32: compare[5].rules[0].when.region: expected a region name or a list of them, got 5',
      's.yaml:20:45: compare[5].rules[0].when.internal: expected true or false, got "yes"',
    ]);
    // a rule may give only a time window (after / before); with neither, it must say whom it serves
    expect(rules('{ serve: on }')).toEqual([
      "s.yaml:20:14: compare[5].rules[0]: a rule needs when (the users it applies to), after or before (its time window); with none it would apply to every user at all times, which is what the share is for",
    ]);
  });

  it('rejects empty matches and account-age ranges', () => {
    expect(stages('{ match: {} }')).toEqual([
      's.yaml:27:24: compare[8].stages[0].match: an empty match selects every user; give at least one of region, platform, internal, beta or registeredFor',
    ]);
    expect(stages('{ match: { registeredFor: {} } }, { match: { registeredFor: { atLeast: 2d, atMost: 1d } } }')).toEqual([
      's.yaml:27:41: compare[8].stages[0].match.registeredFor: give atLeast, atMost or both',
      's.yaml:27:98: compare[8].stages[1].match.registeredFor.atMost: must be at least atLeast (2d), got 1d',
    ]);
  });

  it('requires each stage to route chosen users or a share of traffic, not both', () => {
    expect(stages('{ match: { region: eu }, weight: 10% }, { pause: 10m }')).toEqual([
      's.yaml:27:48: compare[8].stages[0].weight: a stage has either "match" or "weight", not both; a stage routes either chosen users or a share of all traffic',
      's.yaml:27:55: compare[8].stages[1]: a stage needs "match" or "weight"',
    ]);
    expect(errorsOf(patternsWith({ 27: '    stages: []' }))).toEqual(['s.yaml:27:13: compare[8].stages: must have at least 1 entry']);
    expect(errorsOf(patternsWith({ 27: null }))).toEqual(['s.yaml:26:5: compare[8].stages: required field is missing']);
  });
});
