// Mounts a list a few items per animation frame: the first panel is on screen after one panel's
// work, not all nine's, and no single task draws them all.
import { useEffect, useState } from 'react';

export function useStaggered(total: number, perFrame = 1): number {
  const [shown, setShown] = useState(Math.min(total, perFrame));
  useEffect(() => {
    if (shown >= total) return;
    const frame = requestAnimationFrame(() => setShown((n) => Math.min(total, n + perFrame)));
    return () => cancelAnimationFrame(frame);
  }, [shown, total, perFrame]);
  return Math.min(shown, total);
}

/**
 * How many of n panels have settled since playback stopped: 0 while playing, then one more on each
 * animation frame. A panel settles on the exact instant (and its tables for screen readers catch
 * up) in its own frame, rather than all n in one long task when the playback ends or is paused.
 * Paused otherwise (panels added, a seek), every panel is settled.
 */
export function useSettling(playing: boolean, total: number): number {
  // null: every panel settled; a number: so many have, since the playback stopped
  const [settled, setSettled] = useState<number | null>(null);
  const [wasPlaying, setWasPlaying] = useState(playing);
  if (wasPlaying !== playing) {
    setWasPlaying(playing);
    setSettled(playing ? null : 0);
  }
  useEffect(() => {
    if (playing || settled === null) return;
    const frame = requestAnimationFrame(() => setSettled((n) => (n === null || n + 1 >= total ? null : n + 1)));
    return () => cancelAnimationFrame(frame);
  }, [playing, settled, total]);
  return playing ? 0 : (settled ?? total);
}
