// The full compare example of the file-format contract: every pattern with its knobs.
// Line numbers in the pattern tests refer to this text.

export const PATTERNS_EXAMPLE = `schemaVersion: 1
title: Every pattern
duration: 2h
traffic: { rps: 300 }
versions:
  - { name: v1, serviceTime: { distribution: exponential, mean: 100ms } }
  - { name: v2, serviceTime: { distribution: exponential, mean: 100ms }, errorRate: 0.5% }
rollout: { from: v1, to: v2, at: 2m }
compare:
  - { pattern: none }
  - { pattern: big-bang, analysis: { errorRate: { max: 1% } } }
  - { pattern: rolling, maxSurge: 25%, maxUnavailable: 0, minReadySeconds: 10s, progressDeadline: 10m, analysis: { latencyP99: { max: 800ms } } }
  - { pattern: blue-green, autoPromotionSeconds: 2m, previewTraffic: 5, prePromotionAnalysis: { errorRate: { max: 1% }, count: 3 }, postPromotionAnalysis: { judge: baseline }, scaleDownDelay: 5m }
  - pattern: canary
    steps: [ { setWeight: 10 }, { pause: 5m }, { setWeight: 50 }, { pause: 5m } ]
    analysis: { judge: threshold, interval: 1m, failureLimit: 0, minSamples: 100, errorRate: { max: 1% }, latencyP99: { max: 800ms }, count: 5 }
  - pattern: feature-toggle
    flag: new-checkout
    steps: [ { rollout: 5% }, { pause: 5m }, { rollout: 50% }, { pause: 5m } ]
    rules: [ { when: { platform: ios }, serve: off }, { when: { registeredFor: { atLeast: 1d } }, serve: on } ]
    propagationDelay: 30s
    analysis: { judge: baseline, alpha: 0.01, effectSize: 5%, pass: 90, marginal: 70 }
  - { pattern: ab-test, variants: [ { name: A, version: v1, weight: 50 }, { name: B, version: v2, weight: 50 } ],
      metric: conversion, alpha: 0.05, method: fixed, minSamples: 2000, maxDuration: 40m }
  - { pattern: dark-launch, mirror: 100%, internalUsers: true, duration: 10m, analysis: { errorRate: { max: 2% } } }
  - pattern: traffic-split
    stages: [ { match: { region: eu }, pause: 10m }, { match: { region: [eu, us] }, pause: 10m }, { weight: 100% } ]
    analysis: { errorRate: { max: 1% } }
`;

/** PATTERNS_EXAMPLE with 1-based line `n` replaced (or removed when `text` is null). */
export function patternsWith(replacements: Record<number, string | null>): string {
  return PATTERNS_EXAMPLE.split('\n')
    .flatMap((line, i) => (i + 1 in replacements ? (replacements[i + 1] === null ? [] : [replacements[i + 1] as string]) : [line]))
    .join('\n');
}
