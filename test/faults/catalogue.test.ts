// Each fault kind does what it says, is charged to the fault, and vanishes when removed.
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src';
import type { RunOptions, RunRecord, CompareEntry, Scenario, Fault } from '../../src/index';
import { scenario, version } from '../support/scenarios';
import { allPatterns, analysis } from '../support/compare';
import { fault } from '../support/faults';

const NONE: CompareEntry = { pattern: 'none', label: 'none', options: {} };

function run(faults: Fault[], overrides: Partial<Scenario> = {}, options: RunOptions = {}): RunRecord[] {
  return runScenario(scenario({ duration: 600, faults, ...overrides }), { seriesBucket: 60, ...options }).runs;
}
const only = (faults: Fault[], overrides: Partial<Scenario> = {}) => run(faults, overrides)[0];

// The default scenario with no fault, which several kinds are measured against.
let control: RunRecord;
beforeAll(() => {
  control = only([]);
});

describe('error-rate', () => {
  let r: RunRecord;
  beforeAll(() => {
    r = only([fault('error-rate', { version: 'v1', rate: 0.2 }, { at: 120 }, 120)]);
  });
  it('fails its rate of the version\'s requests in its window, and only then', () => {
    const errors = r.series!.versions.v1.errors;
    const requests = r.series!.versions.v1.requests;
    expect(errors[0]).toBe(0);
    expect(errors[2] / requests[2]).toBeCloseTo(0.2, 1);
    expect(errors[5]).toBe(0);
    expect(r.faults[0]).toMatchObject({ kind: 'error-rate', startedAt: 120, failedRequests: r.errors });
    expect(r.faults[0].usersAffected).toBe(r.usersAffected);
  });
});

describe('latency', () => {
  it('multiplies service time', () => {
    const slow = only([fault('latency', { version: 'v1', factor: 3, add: 0, above: null })]);
    expect(slow.latencyMs.p50 / control.latencyMs.p50).toBeGreaterThan(2.5);
  });
  it('only above a utilisation when asked', () => {
    const loaded = only([fault('latency', { version: 'v1', factor: 3, add: 0, above: { utilisation: 0.99 } })], {
      traffic: { rps: 100, shape: { kind: 'constant' } },
    });
    const calm = only([], { traffic: { rps: 100, shape: { kind: 'constant' } } });
    expect(loaded.latencyMs.p50).toBeCloseTo(calm.latencyMs.p50, 0);
  });
});

describe('crash-loop', () => {
  const bad = (kind: 'rolling' | 'blue-green') =>
    run([fault('crash-loop', { version: 'v2', after: null })], {
      duration: 1200,
      versions: [version('v1'), version('v2')],
      rollout: { from: 'v1', to: 'v2', at: 60 },
      compare: allPatterns(null).filter((c) => c.pattern === kind),
    }, {})[0];
  it('stalls a rolling update at its progress deadline, without rolling back', () => {
    const r = bad('rolling');
    expect(r.outcome).toBe('paused');
    expect(r.decisions.map((d) => d.reason)).toEqual(['ProgressDeadlineExceeded']);
    expect(r.usersAffected).toBe(0); // maxUnavailable 0: the old instances keep serving
  });
  it('keeps blue-green from ever switching', () => {
    const r = bad('blue-green');
    expect(r.outcome).toBe('incomplete');
    expect(r.rolloutSeconds).toBeNull();
    expect(r.usersAffected).toBe(0);
  });
  it('crashes new instances a while after they are ready, failing their requests, and restarts them', () => {
    const [r] = run([fault('crash-loop', { version: 'v2', after: 30 })], {
      duration: 600,
      versions: [version('v1'), version('v2')],
      rollout: { from: 'v1', to: 'v2', at: 60 },
      compare: allPatterns(null).filter((c) => c.pattern === 'big-bang'),
    }, { seriesBucket: 10 });
    expect(r.faults[0].failedRequests).toBeGreaterThan(0);
    // Crashes, and the 503s while v2 is wanted but not up; not the Recreate gap before v2 is started.
    expect(r.faults[0].failedRequests).toBeLessThan(r.errors + r.rejected);
    expect(r.faults[0].failedRequests).toBeGreaterThan(0.99 * (r.errors + r.rejected));
    // CrashLoopBackOff: restarts come later and later, so fewer and fewer instances are up.
    expect(r.series!.versions.v2.ready.at(-1)!).toBeLessThan(10);
  });
});

describe('memory-leak', () => {
  it('fails more requests the longer instances have been up', () => {
    const r = only([fault('memory-leak', { version: 'v1', per: 600, errorRate: 0.02, factor: 1.5 })], { duration: 1800 });
    const e = r.series!.versions.v1.errors;
    expect(e[e.length - 1]).toBeGreaterThan(3 * e[1]);
    expect(r.series!.versions.v1.p99Ms.at(-1)!).toBeGreaterThan(r.series!.versions.v1.p99Ms[0]);
  });
});

describe('segment', () => {
  it('fails only requests from matching users', () => {
    const r = only([fault('segment', { version: 'v1', match: { platform: 'ios' }, rate: 0.5 })]);
    const served = r.ok + r.errors;
    // iOS is 25% of users: about half of a quarter of requests fail.
    expect(r.errors / served).toBeGreaterThan(0.1);
    expect(r.errors / served).toBeLessThan(0.15);
    expect(r.faults[0].failedRequests).toBe(r.errors);
  });
});

describe('conversion-drop', () => {
  it('lowers conversions without a single error', () => {
    const r = only([fault('conversion-drop', { version: 'v1', drop: 0.5 })]);
    expect(r.errors).toBe(0);
    expect(r.conversions / control.conversions).toBeCloseTo(0.5, 1);
  });
  it('ends: a 100% drop for 2 of 10 minutes costs about a fifth of the conversions, not all that follow', () => {
    const r = only([fault('conversion-drop', { version: 'v1', drop: 1 }, { at: 120 }, 120)]);
    expect(r.conversions / control.conversions).toBeGreaterThan(0.75);
    expect(r.conversions / control.conversions).toBeLessThan(0.85);
  });
});

describe('dependency-outage', () => {
  const outage = [fault('dependency-outage', { rate: 0.2 }, { at: 240 }, 240)];
  const canary = (judge: 'threshold' | 'baseline'): CompareEntry => ({
    pattern: 'canary',
    label: judge,
    // Error rate only: at 50% on half the instances the canary is also more loaded than stable,
    // a latency difference a baseline judge would rightly see (Kayenta compares equal-sized clusters).
    options: { steps: [{ setWeight: 0.5 }, { pause: 900 }], analysis: { ...analysis, latencyP99: undefined, judge, minSamples: 200 } },
  });
  let threshold: RunRecord;
  let baseline: RunRecord;
  beforeAll(() => {
    [threshold, baseline] = run(outage, {
      duration: 1200,
      versions: [version('v1'), version('v2')],
      rollout: { from: 'v1', to: 'v2', at: 60 },
      compare: [canary('threshold'), canary('baseline')],
    });
  });
  it('fails every version alike', () => {
    expect(threshold.faults[0].failedRequests).toBeGreaterThan(0);
  });
  it('makes a threshold judge roll back a good release falsely, timed from the outage', () => {
    expect(threshold.outcome).toBe('rolled-back');
    expect(threshold.detectionSeconds).toBe(threshold.decisions[0].t - 240);
    expect(threshold.detectionSeconds!).toBeLessThanOrEqual(60);
  });
  it('does not fool a baseline judge, which compares against the stable version in the same interval', () => {
    expect(baseline.outcome).toBe('promoted');
  });
});

describe('instance-loss', () => {
  // Buckets of 10 s, each showing the most instances ready at any moment in it: the loss at 120 s
  // shows in the bucket [120, 130); the replacements are ready at 140 s, the end of the next one.
  const lose = (extra: { count: number | null; zone: string | null }) =>
    run([fault('instance-loss', { ...extra, instance: null, version: null }, { at: 120 }, 120)], {}, { seriesBucket: 10 })[0];
  it('kills instances, which a ReplicaSet replaces after their startup', () => {
    const r = lose({ count: 3, zone: null });
    const { ready, starting } = r.series!.versions.v1;
    expect([ready[11], ready[12], ready[13]]).toEqual([10, 7, 10]);
    expect([starting[11], starting[12], starting[14]]).toEqual([0, 3, 0]);
    expect(r.faults[0].failedRequests).toBeGreaterThan(0);
  });
  it('loses a whole zone', () => {
    const r = lose({ count: null, zone: 'a' });
    expect(r.series!.versions.v1.ready[12]).toBe(6); // instances 0, 3, 6 and 9 are in zone a
  });
});

describe('traffic-spike', () => {
  it('multiplies arrivals in its window, identically in every run', () => {
    const spike = [fault('traffic-spike', { factor: 3 }, { at: 120 }, 60)];
    const fleet = { instances: 10, concurrency: 4, queueLimit: 20, startupTime: 20, loadBalancer: 'round-robin' as const };
    const [a, b] = run(spike, { fleet, compare: [NONE, { ...NONE, label: 'again' }] });
    const requests = a.series!.versions.v1.requests;
    expect(requests[2] / requests[1]).toBeGreaterThan(2.7);
    expect(b.series!.versions.v1.requests).toEqual(requests);
    expect(a.rejected).toBeGreaterThan(0); // 900 rps on a 400 rps fleet
    // 503s in its window are charged to it (a few more follow while the backlog drains).
    expect(a.faults[0].failedRequests).toBeLessThanOrEqual(a.rejected);
    expect(a.faults[0].failedRequests).toBeGreaterThan(0.99 * a.rejected);
  });
});

describe('mixed-version', () => {
  it('fails users who alternate between versions: unsticky splits suffer, sticky ones do not', () => {
    const split = (sticky: boolean): CompareEntry =>
      sticky
        ? { pattern: 'ab-test', label: 'sticky', options: { variants: [{ name: 'A', version: 'v1', weight: 0.5 }, { name: 'B', version: 'v2', weight: 0.5 }], metric: 'conversion', alpha: 0.05, method: 'fixed', minSamples: 1e9, maxDuration: 3600, interval: 60 } }
        : { pattern: 'canary', label: 'random', options: { steps: [{ setWeight: 0.5 }, { pause: 3600 }] } };
    const [random, sticky] = run([fault('mixed-version', { rate: 1 })], {
      versions: [version('v1'), version('v2')],
      rollout: { from: 'v1', to: 'v2', at: 60 },
      compare: [split(false), split(true)],
    });
    expect(random.errors).toBeGreaterThan(1000);
    // A sticky user switches once, when enrolled in B; a random split switches users all the time.
    expect(sticky.errors).toBeLessThan(random.errors / 5);
  });
});

describe('cold-start', () => {
  it('slows new instances while they warm up', () => {
    const r = only([fault('cold-start', { version: null, warmup: 300, factor: 4 })], { duration: 900 });
    const p99 = r.series!.versions.v1.p99Ms;
    expect(p99[0]).toBeGreaterThan(2 * p99[p99.length - 1]);
  });
});

describe('bad-writes', () => {
  it('corrupts writes silently, and mirroring duplicates them', () => {
    const [darkLaunch] = run([fault('bad-writes', { version: 'v2', rate: 0.5, writes: 0.2 })], {
      duration: 900,
      versions: [version('v1'), version('v2')],
      rollout: { from: 'v1', to: 'v2', at: 60 },
      compare: allPatterns(null).filter((c) => c.pattern === 'dark-launch'),
    });
    expect(darkLaunch.errors).toBe(0);
    expect(darkLaunch.faults[0].corruptedWrites).toBeGreaterThan(1000);
    expect(darkLaunch.faults[0].duplicatedWrites).toBeGreaterThan(1000);
  });
});

describe('phase triggers', () => {
  it('start a fault once the new version has enough traffic, or in a given state', () => {
    const [canary] = run([fault('error-rate', { version: 'v2', rate: 0.3 }, { weightAtLeast: 0.4 }), fault('latency', { version: 'v2', factor: 2, add: 0, above: null }, { state: 'stepPause' }, null, 'slow')], {
      duration: 900,
      versions: [version('v1'), version('v2')],
      rollout: { from: 'v1', to: 'v2', at: 60 },
      compare: [{ pattern: 'canary', label: 'canary', options: { steps: [{ setWeight: 0.1 }, { pause: 120 }, { setWeight: 0.5 }, { pause: 600 }] } }],
    });
    expect(canary.faults[1].startedAt).toBe(80); // the first stepPause: canary ready at 60 + 20 s
    expect(canary.faults[0].startedAt).toBeGreaterThan(200); // weight 50% from 200 + 20 s on
    expect(canary.faults[0].startedAt).toBeLessThanOrEqual(240 + 60);
  });
});

describe('live injection', () => {
  it('re-simulates the scenario plus the injected fault: everything before its time is identical', () => {
    const base = control; // the same run: no fault, 600 s
    const injected = run([], { duration: 600 }, { inject: [fault('instance-loss', { count: 2, zone: null, instance: null, version: null }, { at: 310 }, 60)] })[0];
    const before = (r: RunRecord) => r.series!.versions.v1.requests.slice(0, 5).concat(r.series!.versions.v1.errors.slice(0, 5));
    expect(before(injected)).toEqual(before(base));
    expect(injected.faults[0].failedRequests).toBeGreaterThan(0);
    expect(base.faults).toEqual([]);
  });
});

describe('503 costs', () => {
  it('are not charged to a latency fault for a deployment\'s own gap', () => {
    const [bigBang] = run([fault('latency', { version: 'v2', factor: 1.5, add: 0, above: null }, { at: 0 })], {
      duration: 600,
      versions: [version('v1'), version('v2')],
      rollout: { from: 'v1', to: 'v2', at: 60 },
      compare: allPatterns(null).filter((c) => c.pattern === 'big-bang'),
    });
    expect(bigBang.rejected).toBeGreaterThan(1000); // Recreate: nothing serves for a startup time
    expect(bigBang.faults[0].failedRequests).toBeLessThan(bigBang.rejected / 10);
  });
});

describe('crash-loop costs', () => {
  it('charges the 503s of instances that never come up to the fault', () => {
    const [bigBang] = run([fault('crash-loop', { version: 'v2', after: null })], {
      duration: 600,
      versions: [version('v1'), version('v2')],
      rollout: { from: 'v1', to: 'v2', at: 60 },
      compare: allPatterns(null).filter((c) => c.pattern === 'big-bang'),
    });
    expect(bigBang.rejected).toBeGreaterThan(10_000);
    expect(bigBang.faults[0].failedRequests).toBeGreaterThan(0.9 * bigBang.rejected);
    expect(bigBang.faults[0].usersAffected).toBe(bigBang.usersAffected);
  });
});

describe('mixed-version history', () => {
  it('remembers which version users had before the fault started: an atomic switch still breaks them once', () => {
    const [blueGreen] = run([fault('mixed-version', { rate: 1 }, { at: 60 })], {
      duration: 900,
      versions: [version('v1'), version('v2')],
      rollout: { from: 'v1', to: 'v2', at: 60 },
      compare: allPatterns(null).filter((c) => c.pattern === 'blue-green'),
    });
    expect(blueGreen.outcome).toBe('promoted');
    // Everyone active after the switch had been on v1: each fails once, on their first v2 request.
    expect(blueGreen.usersAffected).toBeGreaterThan(0.5 * 20_000);
    expect(blueGreen.errors).toBe(blueGreen.usersAffected);
  });
});

describe('analysis initialDelay', () => {
  it('keeps a cold start from failing a p99 check: the first measurement starts after the warm-up', () => {
    const canary = (initialDelay: number): CompareEntry => ({
      pattern: 'canary',
      label: `delay-${initialDelay}`,
      options: { steps: [{ setWeight: 0.2 }, { pause: 600 }], analysis: { ...analysis, errorRate: undefined, latencyP99: { max: 1 }, initialDelay } },
    });
    const [eager, patient] = run([fault('cold-start', { version: 'v2', warmup: 60, factor: 3 })], {
      duration: 1200,
      traffic: { rps: 100, shape: { kind: 'constant' } },
      versions: [version('v1'), version('v2')],
      rollout: { from: 'v1', to: 'v2', at: 60 },
      compare: [canary(0), canary(120)],
    });
    expect(eager.outcome).toBe('rolled-back'); // a false alarm: the new instances were only cold
    expect(patient.outcome).toBe('promoted');
  });
});

describe('a state a fault starts on', () => {
  it('must be one of a compared statechart\'s: a scenario built in code or a live injection is refused, not left waiting', () => {
    const canary = allPatterns(null).filter((c) => c.pattern === 'canary');
    const s = scenario({ versions: [version('v1'), version('v2')], rollout: { from: 'v1', to: 'v2', at: 60 }, compare: canary });
    const typo = fault('error-rate', { version: 'v2', rate: 0.3 }, { state: 'promotng' });
    expect(() => runScenario({ ...s, faults: [typo] })).toThrow('fault "error-rate" starts in state "promotng", which no compared pattern has; did you mean "promoting"?');
    expect(() => runScenario(s, { inject: [typo] })).toThrow(/no compared pattern has/);
  });
});
