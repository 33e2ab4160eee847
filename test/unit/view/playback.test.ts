import { describe, expect, it } from 'vitest';
import { advancePlayhead, dialFromSpeed, formatClock, formatSpeed, panelRedraws, panelStride, speedFromDial, SPEED_STEPS } from '../../../src/view/playback';

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

  it('once held back, moves again only when the simulation is half a second of playback ahead', () => {
    // at 600×, the lead is 300 simulated seconds
    expect(advancePlayhead(40, 0.1, 600, 339, 1800, true)).toEqual({ t: 40, waiting: true, ended: false });
    expect(advancePlayhead(40, 0.1, 600, 340, 1800, true)).toEqual({ t: 100, waiting: false, ended: false });
    // at 1×, half a simulated second
    expect(advancePlayhead(40, 0.1, 1, 40.5, 1800, true)).toEqual({ t: 40.1, waiting: false, ended: false });
  });

  it('needs no lead past the end of the run', () => {
    expect(advancePlayhead(1700, 0.1, 600, 1800, 1800, true)).toEqual({ t: 1760, waiting: false, ended: false });
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

describe("a playing panel's redraws", () => {
  const redrawsPerFrame = (n: number, frames: number) =>
    Array.from({ length: frames }, (_, frame) => Array.from({ length: n }, (_, k) => k).filter((k) => panelRedraws(frame, k, n)).length);

  it('redraw one panel per display frame at most, whatever the number of panels', () => {
    for (const n of [1, 2, 4, 5, 9]) expect(Math.max(...redrawsPerFrame(n, 600))).toBeLessThanOrEqual(1);
  });

  it('come to every panel: four panels each 15 times a second at 60 Hz, nine each every ninth frame', () => {
    for (const n of [1, 4]) {
      const each = Array.from({ length: n }, (_, k) => Array.from({ length: 600 }, (_, f) => f).filter((f) => panelRedraws(f, k, n)).length);
      expect(each).toEqual(Array(n).fill(150)); // 600 frames = 10 s at 60 Hz
    }
    const nine = Array.from({ length: 9 }, (_, k) => Array.from({ length: 900 }, (_, f) => f).filter((f) => panelRedraws(f, k, 9)).length);
    expect(nine).toEqual(Array(9).fill(100));
    expect(redrawsPerFrame(9, 900).every((count) => count === 1)).toBe(true);
    expect(panelStride(4)).toBe(4);
    expect(panelStride(9)).toBe(9);
  });
});
