// Errors in pattern knobs: position (line:column of the offending key or value), field path,
// what was expected, and a did-you-mean where one fits. Lines refer to PATTERNS_EXAMPLE.
import { describe, expect, it } from 'vitest';
import { errorsOf } from './helpers';
import { PATTERNS_EXAMPLE, patternsWith } from './patternsFixture';

describe('pattern knob errors', () => {
  it('the example itself is valid', () => {
    expect(errorsOf(PATTERNS_EXAMPLE)).toEqual([]);
  });

  it('suggests the knob a misspelt key resembles, at the key', () => {
    expect(errorsOf(patternsWith({ 12: '  - { pattern: rolling, maxSurg: 25% }' }))).toEqual(['s.yaml:12:25: compare[2].maxSurg: unknown key "maxSurg"; did you mean "maxSurge"?']);
    expect(errorsOf(patternsWith({ 15: '    steps: [ { setWeigth: 10 }, { pause: 5m } ]' }))).toEqual([
      's.yaml:15:16: compare[4].steps[0].setWeigth: unknown key "setWeigth"; did you mean "setWeight"?',
    ]);
    expect(errorsOf(patternsWith({ 15: '    steps: [ { rollout: 10% } ]' }))).toEqual(['s.yaml:15:16: compare[4].steps[0].rollout: unknown key "rollout"; expected one of "setWeight", "pause", "setCanaryScale", "analysis"']);
  });

  it('suggests the enum value a misspelt one resembles', () => {
    expect(errorsOf(patternsWith({ 24: '      metric: conversion, alpha: 0.05, method: fixd, minSamples: 2000, maxDuration: 40m }' }))).toEqual([
      's.yaml:24:48: compare[6].method: expected one of "fixed", "sequential", got "fixd"; did you mean "fixed"?',
    ]);
    expect(errorsOf(patternsWith({ 20: '    rules: [ { when: { platform: ios }, serve: of } ]' }))).toEqual([
      's.yaml:20:48: compare[5].rules[0].serve: expected one of "on", "off", got "of"; did you mean "off"?',
    ]);
  });

  it('suggests the pattern an unknown name resembles', () => {
    expect(errorsOf(patternsWith({ 14: '  - pattern: canery' }))).toEqual([
      's.yaml:14:14: compare[4].pattern: expected one of "none", "big-bang", "rolling", "blue-green", "canary", "feature-toggle", "ab-test", "dark-launch", "traffic-split", got "canery"; did you mean "canary"?',
    ]);
  });

  it('bounds weights written as percent numbers', () => {
    expect(errorsOf(patternsWith({ 15: '    steps: [ { setWeight: 150 }, { pause: 5m } ]' }))).toEqual(['s.yaml:15:27: compare[4].steps[0].setWeight: must be between 0 and 100 (percent), got 150']);
    expect(errorsOf(patternsWith({ 19: '    steps: [ { rollout: -5% } ]' }))).toEqual(['s.yaml:19:25: compare[5].steps[0].rollout: must be between 0% and 100%, got -5%']);
  });

  it('requires each step to be exactly one of a weight or a pause', () => {
    expect(errorsOf(patternsWith({ 15: '    steps: [ { setWeight: 10, pause: 5m } ]' }))).toEqual([
      's.yaml:15:38: compare[4].steps[0].pause: a step has only one of "setWeight", "pause", "setCanaryScale" or "analysis"; write them as separate steps',
    ]);
    expect(errorsOf(patternsWith({ 15: '    steps: [ { setWeight: 10 }, {} ]' }))).toEqual(['s.yaml:15:33: compare[4].steps[1]: a step needs "setWeight", "pause", "setCanaryScale" or "analysis"']);
    expect(errorsOf(patternsWith({ 15: '    steps: []' }))).toEqual(['s.yaml:15:12: compare[4].steps: must have at least 1 entry']);
  });

  it('says how to write a pause', () => {
    expect(errorsOf(patternsWith({ 15: '    steps: [ { pause: soon }, { pause: { for: 1m } } ]' }))).toEqual([
      's.yaml:15:23: compare[4].steps[0].pause: expected a duration like 250ms, 90s, 5m, 1h or 1d, { duration: 2m }, or {} (or nothing) to wait until promoted by hand, got "soon"',
      's.yaml:15:42: compare[4].steps[1].pause.for: unknown key "for"; expected one of "duration"',
    ]);
    expect(errorsOf(patternsWith({ 15: '    steps: [ { pause: { duraton: 1m } }, { pause: { duration: soon } }, { pause: { duration: -1m } } ]' }))).toEqual([
      's.yaml:15:25: compare[4].steps[0].pause.duraton: unknown key "duraton"; did you mean "duration"?',
      's.yaml:15:63: compare[4].steps[1].pause.duration: expected a duration like 250ms, 90s, 5m, 1h or 1d, 30s, 2m, 1h30m or 1.5h or a whole number of seconds, got "soon"',
      's.yaml:15:94: compare[4].steps[2].pause.duration: must be at least 0s, got -1m',
    ]);
  });

  it('rejects maxSurge and maxUnavailable both 0, as Kubernetes does', () => {
    expect(errorsOf(patternsWith({ 12: '  - { pattern: rolling, maxSurge: 0, maxUnavailable: 0% }' }))).toEqual([
      's.yaml:12:54: compare[2].maxUnavailable: must not be 0 when maxSurge is 0: the update could never replace an instance',
    ]);
    expect(errorsOf(patternsWith({ 12: '  - { pattern: rolling, maxSurge: 0.25, minReadySeconds: 10m, progressDeadline: 5m }' }))).toEqual([
      's.yaml:12:35: compare[2].maxSurge: expected a whole number of instances like 2, or a percentage like 25%, got 0.25',
    ]);
    expect(errorsOf(patternsWith({ 12: '  - { pattern: rolling, minReadySeconds: 10m, progressDeadline: 5m }' }))).toEqual([
      's.yaml:12:65: compare[2].progressDeadline: must be greater than minReadySeconds (10m), got 5m',
    ]);
  });

  it('requires two uniquely named ab-test variants whose weights add up to 100%', () => {
    const variants = (list: string) => patternsWith({ 23: `  - { pattern: ab-test, variants: [ ${list} ],` });
    expect(errorsOf(variants('{ name: A, version: v1, weight: 50 }, { name: B, version: v2, weight: 40 }'))).toEqual([
      's.yaml:23:35: compare[6].variants: weights must add up to 100%, got 90%',
    ]);
    expect(errorsOf(variants('{ name: A, version: v1, weight: 50 }, { name: A, version: v2, weight: 50% }'))).toEqual([
      's.yaml:23:83: compare[6].variants[1].name: variant name "A" is already used by variants[0]; variant names must be unique',
    ]);
    expect(errorsOf(variants('{ name: A, version: v1, weight: 100 }'))).toEqual(['s.yaml:23:35: compare[6].variants: must have exactly 2 entries, got 1']);
  });

  it('requires ab-test variants to name declared versions', () => {
    const variants = (b: string) => patternsWith({ 23: `  - { pattern: ab-test, variants: [ { name: A, version: v1, weight: 50 }, { name: B, version: ${b}, weight: 50 } ],` });
    expect(errorsOf(variants('v3'))).toEqual(['s.yaml:23:95: compare[6].variants[1].version: unknown version "v3"; declared versions are "v1", "v2"']);
    expect(errorsOf(variants('v22'))).toEqual(['s.yaml:23:95: compare[6].variants[1].version: unknown version "v22"; did you mean "v2"?']);
  });

  it('bounds the ab-test settings', () => {
    expect(errorsOf(patternsWith({ 24: '      metric: revenue, alpha: 0.6, method: fixed, minSamples: 5, maxDuration: 0 }' }))).toEqual([
      's.yaml:24:15: compare[6].metric: expected "conversion", got "revenue"',
      's.yaml:24:31: compare[6].alpha: must be less than 0.5, got 0.6',
      's.yaml:24:63: compare[6].minSamples: must be at least 10, got 5',
      's.yaml:24:79: compare[6].maxDuration: must be greater than 0s, got 0s',
    ]);
  });

  it('checks blue-green, dark-launch and feature-toggle values', () => {
    expect(errorsOf(patternsWith({ 13: '  - { pattern: blue-green, previewTraffic: -1, scaleDownDelay: soon }' }))).toEqual([
      's.yaml:13:44: compare[3].previewTraffic: must be at least 0, got -1',
      's.yaml:13:64: compare[3].scaleDownDelay: expected a duration like 250ms, 90s, 5m, 1h or 1d, got "soon"',
    ]);
    expect(errorsOf(patternsWith({ 25: '  - { pattern: dark-launch, mirror: 50, internalUsers: yes }' }))).toEqual([
      's.yaml:25:37: compare[7].mirror: must be between 0% and 100%, got 5,000%; a bare number is a fraction, write 50% for 50 percent',
      's.yaml:25:56: compare[7].internalUsers: expected true or false, got "yes"',
    ]);
    expect(errorsOf(patternsWith({ 18: '    flag: new checkout' }))).toEqual(['s.yaml:18:11: compare[5].flag: expected a name made of letters, digits, ".", "_" or "-", got "new checkout"']);
  });
});
