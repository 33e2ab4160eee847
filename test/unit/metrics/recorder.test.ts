// A/B attribution in the recorder: a request counts for the arm it was routed to on arrival, only
// when it arrived after enrolment, and a user is exposed once a tagged request has its answer.
import { describe, expect, it } from 'vitest';
import { Recorder } from '../../../src/metrics/recorder';

describe('A/B attribution', () => {
  it('credits no arm with a conversion of a request that arrived before enrolment', () => {
    const r = new Recorder(2, 10);
    r.enrol();
    r.completion(0, 3, 5, 0, false, true, false); // in flight at enrolment: arrived untagged
    expect(r.usersExposed[0]).toBe(0);
    expect(r.usersConverted[0]).toBe(0);
    expect(r.conversions[0]).toBe(1); // still a conversion for the business
  });

  it('exposes a user at their first tagged answer, and counts each converter once per arm', () => {
    const r = new Recorder(2, 10);
    r.enrol();
    r.completion(1, 4, 0.1, 0, false, false, true);
    r.completion(1, 4, 0.1, 0, false, true, true);
    r.completion(1, 4, 0.1, 0, false, true, true);
    r.rejection(0, 5);
    expect([...r.usersExposed]).toEqual([1, 1]);
    expect([...r.usersConverted]).toEqual([0, 1]);
  });

  it('counts nobody before any experiment enrols', () => {
    const r = new Recorder(2, 10);
    r.rejection(0, 5);
    r.completion(1, 4, 0.1, 0, false, true);
    expect([...r.usersExposed]).toEqual([0, 0]);
  });
});
