import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from '../../../src/sim/eventQueue';

describe('EventQueue', () => {
  it('pops events in (time, insertion) order, whatever the push order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }), (times) => {
        const q = new EventQueue(2); // tiny capacity: exercises growth
        times.forEach((t, i) => q.push(t, 1, i));
        const popped: [number, number][] = [];
        while (q.size > 0) {
          q.pop();
          popped.push([q.time, q.payload]);
        }
        const expected = times.map((t, i) => [t, i] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(popped).toEqual(expected);
      }),
    );
  });

  it('keeps kind and payload with their time', () => {
    const q = new EventQueue();
    q.push(2, 7, 70);
    q.push(1, 5, 50);
    q.pop();
    expect([q.time, q.kind, q.payload]).toEqual([1, 5, 50]);
    expect(q.peekTime()).toBe(2);
    q.pop();
    expect(q.peekTime()).toBe(Infinity);
  });
});
