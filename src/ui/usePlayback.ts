// The playhead, driven by requestAnimationFrame: it advances by real time × speed while playing,
// never past what the simulation has computed (then it waits, and says so, until the simulation is
// a lead ahead), and stops at the end.
import { useCallback, useEffect, useRef, useState } from 'react';
import { advancePlayhead } from '../view/playback';

export interface Playback {
  /** simulated seconds */
  t: number;
  /** the playhead as of this animation frame, for drawings that follow it outside React */
  clock: { readonly current: number };
  /** how many animation frames have moved the playhead so far: the panels take turns by it */
  frame: number;
  playing: boolean;
  /** the playhead is held back by the computation */
  waiting: boolean;
  play: () => void;
  pause: () => void;
  seek: (t: number) => void;
}

interface Options {
  initialT: number;
  /** simulated seconds per second */
  speed: number;
  /** start playing at once */
  autoplay: boolean;
  /** read on every frame: how far the simulation has computed, and the run's length */
  computedUntil: () => number;
  duration: number;
}

export function usePlayback({ initialT, speed, autoplay, computedUntil, duration }: Options): Playback {
  // a link's time past the run's end opens at the end
  const start = Math.max(0, Math.min(initialT, duration));
  const [t, setT] = useState(start);
  const [playing, setPlaying] = useState(autoplay);
  // a playback starts held (see advancePlayhead): until its first frame says otherwise, it waits
  const [waiting, setWaiting] = useState(autoplay);
  const now = useRef(start);
  const frames = useRef(0);
  const computed = useRef(computedUntil);
  computed.current = computedUntil;

  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    // each play starts held: it moves once the simulation is a lead ahead (at once when it is)
    let held = true;
    let frame = requestAnimationFrame(function tick(at) {
      const step = advancePlayhead(now.current, (at - last) / 1000, speed, computed.current(), duration, held);
      last = at;
      held = step.waiting;
      if (step.t !== now.current) {
        frames.current++;
        now.current = step.t;
        setT(step.t);
      }
      setWaiting(step.waiting);
      if (step.ended) setPlaying(false);
      else frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, duration]);

  const seek = useCallback(
    (to: number) => {
      const clamped = Math.max(0, Math.min(to, duration, computed.current()));
      now.current = clamped;
      setT(clamped);
    },
    [duration],
  );
  const play = useCallback(() => {
    // playing from the end starts over, as a media player does
    if (now.current >= duration) seek(0);
    setPlaying(true);
    setWaiting(true);
  }, [duration, seek]);
  const pause = useCallback(() => {
    setPlaying(false);
    setWaiting(false);
  }, []);

  return { t, clock: now, frame: frames.current, playing, waiting, play, pause, seek };
}
