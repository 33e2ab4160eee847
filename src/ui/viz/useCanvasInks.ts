// A canvas cannot paint with `var(--ink)`: it needs the theme's colours as values. They are read
// from the canvas's computed style once, and again when the colour scheme changes (reading computed
// style on every frame would force a style recalculation per frame). `version` counts the readings,
// so a drawing memoised on it repaints when the scheme changes.
import { useEffect, useRef, useState, type RefObject } from 'react';

export interface CanvasInks {
  /** the text colour (CSS `color`) */
  ink: string;
  /** the page's `--muted` colour */
  muted: string;
  version: number;
}

const FALLBACK = { ink: '#1b2733', muted: '#4f5d6b' };

export function useCanvasInks(canvas: RefObject<HTMLCanvasElement | null>): RefObject<CanvasInks> {
  const inks = useRef<CanvasInks>({ ...FALLBACK, version: 0 });
  const [, reread] = useState(0);
  useEffect(() => {
    const read = () => {
      if (!canvas.current) return;
      const css = getComputedStyle(canvas.current);
      const next = { ink: css.color || FALLBACK.ink, muted: css.getPropertyValue('--muted').trim() || FALLBACK.muted };
      if (next.ink === inks.current.ink && next.muted === inks.current.muted) return;
      inks.current = { ...next, version: inks.current.version + 1 };
      reread(inks.current.version);
    };
    read();
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', read);
    return () => scheme.removeEventListener('change', read);
  }, [canvas]);
  return inks;
}
