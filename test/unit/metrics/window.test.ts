import { describe, expect, it } from 'vitest';
import { Recorder } from '../../../src/metrics/recorder';
import { MetricWindow } from '../../../src/metrics/window';

describe('an analysis window', () => {
  it('counts a request when its outcome is known, together with its failure', () => {
    const r = new Recorder(2, 10);
    const w = new MetricWindow(r, 1);
    r.arrival(1, 0); // arrives in the first window…
    expect(w.read()).toMatchObject({ requests: 0, failures: 0 });
    w.open();
    r.completion(1, 3, 0.2, 0, true, false); // …fails in the second: both count there
    r.rejection(1, 4);
    r.shadowArrival(1, 0);
    r.shadowCompletion(1, 0.1, false);
    const stats = w.read();
    expect(stats).toMatchObject({ requests: 3, failures: 2 });
    expect(stats.latency.total).toBe(2);
  });

  it('ignores other versions', () => {
    const r = new Recorder(2, 10);
    const w = new MetricWindow(r, 1);
    r.completion(0, 1, 0.1, 0, true, false);
    expect(w.read()).toMatchObject({ requests: 0, failures: 0 });
  });
});
