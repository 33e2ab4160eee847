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
