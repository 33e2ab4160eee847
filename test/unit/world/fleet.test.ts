// The fleet on its own: instance lifecycle, per-(state, version) counts, ready lists, queues and cost.
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../../src/sim/eventQueue';
import { DRAINING, FAILED, Fleet, READY, STARTING, TERMINATED } from '../../../src/world/fleet';
import { EV_INSTANCE_READY } from '../../../src/world/events';

const fleet = (queueLimit = 100) => {
  const queue = new EventQueue();
  return { queue, fleet: new Fleet(queue, 2, 4, queueLimit, 20) };
};

describe('the fleet', () => {
  it('starts an instance, schedules its readiness after the startup time, then lists it ready', () => {
    const { queue, fleet: f } = fleet();
    const i = f.launch(1, 5);
    expect([f.state[i], f.countIn(STARTING, 1), f.live(1), f.readyCount[1]]).toEqual([STARTING, 1, 1, 0]);
    queue.pop();
    expect([queue.time, queue.kind, queue.payload]).toEqual([25, EV_INSTANCE_READY, i]);
    expect(f.markReady(i)).toBe(true);
    expect([f.state[i], f.countIn(READY, 1), f.live(1), f.readyCount[1], f.ready[1][0]]).toEqual([READY, 1, 1, 1, i]);
  });

  it('starts warm instances ready at once, without an event', () => {
    const { queue, fleet: f } = fleet();
    f.launch(0, 0, true);
    f.launch(0, 0, true);
    expect(queue.size).toBe(0);
    expect(f.readyCount[0]).toBe(2);
  });

  it('ends a starting instance that is drained, and never marks it ready', () => {
    const { fleet: f } = fleet();
    const i = f.launch(0, 0);
    f.drain(i, 3);
    expect(f.state[i]).toBe(TERMINATED);
    expect(f.markReady(i)).toBe(false);
    expect(f.live(0)).toBe(0);
  });

  it('drains a busy instance: out of the ready list now, terminated once idle', () => {
    const { fleet: f } = fleet();
    const [a, b, c] = [f.launch(0, 0, true), f.launch(0, 0, true), f.launch(0, 0, true)];
    f.busy[a] = 1;
    f.drain(a, 10);
    expect(f.state[a]).toBe(DRAINING);
    expect([...f.ready[0].subarray(0, f.readyCount[0])].sort()).toEqual([b, c].sort());
    expect(f.terminateIfIdle(a, 11)).toBe(false);
    f.busy[a] = 0;
    expect(f.terminateIfIdle(a, 12)).toBe(true);
    expect([f.state[a], f.countIn(DRAINING, 0), f.countIn(TERMINATED, 0)]).toEqual([TERMINATED, 0, 1]);
  });

  it('remembers which fault killed an instance, once', () => {
    const { fleet: f } = fleet();
    const i = f.launch(0, 0, true);
    f.fail(i, 3, 50);
    f.fail(i, 7, 60);
    expect([f.state[i], f.killedBy[i], f.readyCount[0], f.countIn(FAILED, 0)]).toEqual([FAILED, 3, 0, 1]);
  });

  it('queues first in, first out, growing its ring past 16 and wrapping around', () => {
    const { fleet: f } = fleet();
    const i = f.launch(0, 0, true);
    const out: number[] = [];
    for (let k = 0; k < 10; k++) f.enqueue(i, k);
    for (let k = 0; k < 6; k++) out.push(f.dequeue(i));
    for (let k = 10; k < 40; k++) f.enqueue(i, k);
    while (f.queueLength[i] > 0) out.push(f.dequeue(i));
    expect(out).toEqual(Array.from({ length: 40 }, (_, k) => k));
  });

  it('is full at its queue limit', () => {
    const { fleet: f } = fleet(2);
    const i = f.launch(0, 0, true);
    f.enqueue(i, 0);
    expect(f.isQueueFull(i)).toBe(false);
    f.enqueue(i, 1);
    expect(f.isQueueFull(i)).toBe(true);
  });

  it('counts instance-seconds of live and ended instances', () => {
    const { fleet: f } = fleet();
    const a = f.launch(0, 0, true);
    f.launch(1, 40, true);
    f.drain(a, 30); // idle: terminates at once
    expect(f.instanceSeconds(100)).toBe(30 + 60);
  });

  it('grows past its initial 64 instances, keeping every field', () => {
    const { fleet: f } = fleet();
    for (let k = 0; k < 100; k++) f.launch(k % 2, k, true);
    f.fail(99, 2, 200);
    expect([f.count, f.version[99], f.createdAt[99], f.killedBy[99], f.killedBy[98], f.readyCount[0], f.readyCount[1]]).toEqual([100, 1, 99, 2, -1, 50, 49]);
  });
});
