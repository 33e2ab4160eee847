import { describe, expect, it } from 'vitest';
import { advancePlayhead, dialFromSpeed, formatClock, formatSpeed, panelRate, panelTime, speedFromDial, SPEED_STEPS } from '../../../src/view/playback';

describe('the speed dial', () => {
  it('spans ¼× to 600× on a log scale', () => {
    expect(speedFromDial(0)).toBe(0.25);
    expect(speedFromDial(SPEED_STEPS)).toBe(600);
    // the middle of a log dial is the geometric mean, about 12×, not the arithmetic 300×
    expect(speedFromDial(SPEED_STEPS / 2)).toBeGreaterThan(10);
    expect(speedFromDial(SPEED_STEPS / 2)).toBeLessThan(15);
  });

  it('round-trips the speeds a reader picks', () => {
    for (const speed of [0.25, 1, 10, 60, 600]) expect(speedFromDial(dialFromSpeed(speed))).toBe(speed);
  });

  it('names speeds as a reader says them', () => {
    expect(formatSpeed(0.25)).toBe('¼×');
    expect(formatSpeed(60)).toBe('60×');
  });
});

describe('the playhead', () => {
  it('moves by real time times speed', () => {
    expect(advancePlayhead(10, 0.1, 60, 1000, 1800)).toEqual({ t: 16, waiting: false, ended: false });
  });

  it('never runs ahead of what is computed, and says it is waiting', () => {
    expect(advancePlayhead(10, 0.1, 600, 40, 1800)).toEqual({ t: 40, waiting: true, ended: false });
  });

  it('stops at the end of the run', () => {
    expect(advancePlayhead(1790, 0.1, 600, 1800, 1800)).toEqual({ t: 1800, waiting: false, ended: true });
  });

  it('caps a long pause between frames', () => {
    expect(advancePlayhead(0, 5, 10, 1000, 1800).t).toBe(2.5);
  });
});

describe('the clock', () => {
  it('reads m:ss and h:mm:ss', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(320.7)).toBe('5:20');
    expect(formatClock(3725)).toBe('1:02:05');
  });
});

describe("a playing panel's time", () => {
  it('is never ahead of the playhead and at most one step (1/15 s of real time for four panels) behind it', () => {
    for (const n of [1, 4, 9])
      for (const speed of [0.25, 1, 60, 600]) {
        let ahead = -Infinity;
        let behind = 0;
        for (let t = 0; t < 20 * speed; t += speed / 37)
          for (let k = 0; k < n; k++) {
            const shown = panelTime(t, speed, k, n);
            ahead = Math.max(ahead, shown - t);
            behind = Math.max(behind, t - shown);
          }
        const step = speed / panelRate(n);
        expect(ahead).toBeLessThanOrEqual(1e-9);
        expect(behind).toBeLessThan(step + 1e-9);
        expect(behind).toBeGreaterThan(step / 2); // it does lag: the grid is not the playhead
      }
    expect(panelRate(4)).toBe(15);
    expect(panelRate(9)).toBeCloseTo(60 / 9);
  });

  it('changes on different frames for different panels, so no frame redraws them all', () => {
    // 60 frames a second at 600×: which panels change their time on each frame?
    const speed = 600;
    const changed: number[] = [];
    for (let frame = 1; frame <= 600; frame++) {
      const [before, now] = [((frame - 1) * speed) / 60, (frame * speed) / 60];
      changed.push(Array.from({ length: 4 }, (_, k) => k).filter((k) => panelTime(before, speed, k, 4) !== panelTime(now, speed, k, 4)).length);
    }
    expect(changed.reduce((a, b) => a + b, 0)).toBe(4 * 150); // each of four panels 15 times a second, for 10 s
    expect(Math.max(...changed)).toBeLessThanOrEqual(1); // spread over the 4 frames of a step
  });

  it('redraws nine panels one per display frame at most, each a few times a second', () => {
    const speed = 600;
    const changed: number[] = [];
    for (let frame = 1; frame <= 600; frame++) {
      const [before, now] = [((frame - 1) * speed) / 60, (frame * speed) / 60];
      changed.push(Array.from({ length: 9 }, (_, k) => k).filter((k) => panelTime(before, speed, k, 9) !== panelTime(now, speed, k, 9)).length);
    }
    // 600 frames, 9 panels each 60/9 times a second for 10 s: 600 redraws, one per frame
    expect(changed.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(598);
    expect(changed.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(602);
    expect(Math.max(...changed)).toBeLessThanOrEqual(1);
  });
});
