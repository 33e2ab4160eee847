// The fault and expect examples of the file-format contract, on a rollout compared under four
// patterns. Line numbers in the fault and expect tests refer to this text.

export const FAULTS_EXAMPLE = `schemaVersion: 1
title: Faults
duration: 1h
traffic: { rps: 300 }
versions:
  - { name: v1, serviceTime: { distribution: exponential, mean: 100ms } }
  - { name: v2, serviceTime: { distribution: exponential, mean: 100ms } }
rollout: { from: v1, to: v2, at: 5m }
compare:
  - { pattern: canary }
  - { pattern: big-bang }
  - { pattern: dark-launch }
  - { pattern: ab-test }
faults:
  - { kind: dependency-outage, at: 8m, duration: 4m, rate: 20% }
  - { kind: latency, version: v2, factor: 3, above: { utilisation: 70% } }
  - { kind: segment, version: v2, match: { platform: ios }, rate: 30% }
  - { kind: memory-leak, version: v2, per: 10m, errorRate: 1%, factor: 1.5 }   # per 10 min of uptime
  - { kind: instance-loss, at: 15m, count: 3 }
  - { kind: error-rate, version: v2, rate: 5%, when: { weightAtLeast: 40% } }
  - { kind: crash-loop, version: v2, when: { state: promoting } }
expect:
  canary: { outcome: rolled-back, usersAffected: { max: 500 }, detectionSeconds: { max: 180 } }
  big-bang: { outcome: [promoted, rolled-back], usersAffected: { min: 2000 } }
  dark-launch: { usersAffectedExternal: { max: 0 } }
  ab-test: { abWinner: B }
`;

/** FAULTS_EXAMPLE with 1-based line `n` replaced (or removed when `text` is null). */
export function faultsWith(replacements: Record<number, string | null>): string {
  return FAULTS_EXAMPLE.split('\n')
    .flatMap((line, i) => (i + 1 in replacements ? (replacements[i + 1] === null ? [] : [replacements[i + 1] as string]) : [line]))
    .join('\n');
}

/** The example with `fault` as an eighth fault (line 22). */
export const withFault = (fault: string) => faultsWith({ 22: `  - ${fault}\nexpect:` });
