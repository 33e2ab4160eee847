// Instances that die, on a real world with no traffic: losses replaced by the ReplicaSet, zones,
// crash loops with Kubernetes' CrashLoopBackOff (10 s, doubling, at most 5 min), queued requests failed.
import { describe, expect, it } from 'vitest';
import { FAILED, READY, STARTING } from '../../../src/world/fleet';
import { measuredWorld } from '../../../src/metrics/measuredWorld';
import { fault } from '../../support/faults';
import { scenario, version } from '../../support/scenarios';

const STARTUP = 20;

function world(faults = [fault('crash-loop', { version: 'v2', after: null })]) {
  const s = scenario({ duration: 4000, traffic: { rps: 0.001, shape: { kind: 'constant' } }, versions: [version('v1'), version('v2')], faults: faults.map((f) => ({ ...f, start: { at: 3999 } })) });
  const w = measuredWorld(s, { seed: 1, bucketSeconds: 60, eventBudget: 1e9 });
  w.provision(0, 6);
  return w;
}

describe('instance loss', () => {
  it('kills the first `count` ready instances; each is replaced and ready a startup time later', () => {
    const w = world();
    w.failures.lose(0, 2, null, null, -1);
    expect([w.fleet.state[0], w.fleet.state[1], w.fleet.state[2]]).toEqual([FAILED, FAILED, READY]);
    expect(w.fleet.countIn(READY, 0)).toBe(4);
    w.runUntil(1);
    expect(w.fleet.countIn(STARTING, 0)).toBe(2);
    w.runUntil(STARTUP + 1);
    expect(w.fleet.countIn(READY, 0)).toBe(6);
  });

  it('loses a zone: every third instance in launch order', () => {
    const w = world();
    w.failures.lose(0, null, 'b', null, -1);
    const failed = Array.from({ length: 6 }, (_, i) => i).filter((i) => w.fleet.state[i] === FAILED);
    expect(failed).toEqual([1, 4]);
  });

  it('loses one instance by its id, the one a learner clicked, whatever its place in the fleet', () => {
    const w = world();
    w.failures.lose(0, null, null, 4, -1);
    const failed = Array.from({ length: 6 }, (_, i) => i).filter((i) => w.fleet.state[i] === FAILED);
    expect(failed).toEqual([4]);
    // an id the fleet never had is no one
    w.failures.lose(0, null, null, 99, -1);
    expect(w.fleet.countIn(READY, 0)).toBe(5);
  });

  it('fails the requests queued on a lost instance at once, charged to the fault', () => {
    const w = world();
    const slot = w.requests.alloc();
    w.requests.user[slot] = 7;
    w.requests.arrivedAt[slot] = 0;
    w.requests.failed[slot] = 0;
    w.fleet.enqueue(0, slot);
    w.failures.kill(0, 0);
    expect(w.fleet.queueLength[0]).toBe(0);
    expect(w.recorder.errors[0]).toBe(1);
    expect(w.faultCosts.failed[0]).toBe(1);
    expect(w.faultCosts.users[0]).toBe(1);
  });

  it('is not replaced beyond what the version should have', () => {
    const w = world();
    w.fleet.desired[0] = 5;
    w.failures.kill(0, 0);
    w.runUntil(STARTUP + 1);
    expect(w.fleet.live(0)).toBe(5);
  });
});

describe('a crash loop', () => {
  it('fails every new instance of its version at readiness, restarting after 10, 20, 40 … s', () => {
    const w = world();
    w.faultEffects.crashLoop[1] = 0;
    w.fleet.desired[1] = 1;
    w.fleet.launch(1, 0);
    w.runUntil(600);
    const starts: number[] = [];
    for (let i = 0; i < w.fleet.count; i++) if (w.fleet.version[i] === 1) starts.push(w.fleet.createdAt[i]);
    // each attempt: startup 20 s, then the back-off before the next launch
    const expected = [0];
    for (let k = 0, t = 0; t < 600; k++) expected.push((t = expected.at(-1)! + STARTUP + Math.min(300, 10 * 2 ** k)));
    expect(starts).toEqual(expected.filter((t) => t <= 600));
    expect(w.fleet.countIn(READY, 1)).toBe(0);
  });

  it('with `after`, lets an instance serve for that long, then kills it', () => {
    const w = world([fault('crash-loop', { version: 'v2', after: 30 })]);
    w.faultEffects.crashLoop[1] = 0;
    w.fleet.desired[1] = 1;
    const i = w.fleet.launch(1, 0);
    w.runUntil(STARTUP + 29);
    expect(w.fleet.state[i]).toBe(READY);
    w.runUntil(STARTUP + 31);
    expect([w.fleet.state[i], w.fleet.killedBy[i]]).toEqual([FAILED, 0]);
  });

  it('leaves other versions alone', () => {
    const w = world();
    w.faultEffects.crashLoop[1] = 0;
    w.fleet.desired[0] = 7;
    w.fleet.launch(0, 0);
    w.runUntil(STARTUP + 1);
    expect(w.fleet.countIn(READY, 0)).toBe(7);
  });
});
