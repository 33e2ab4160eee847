import { describe, expect, it } from 'vitest';
import { advancePlayhead, dialFromSpeed, formatClock, formatSpeed, speedFromDial, SPEED_STEPS } from '../../../src/view/playback';

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
