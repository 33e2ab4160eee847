// A polite live region's text, fed sentences as they happen and changed at most once every two
// seconds, bursts merged (src/view/announcements). Returns the text to render in the region.
import { useCallback, useEffect, useRef, useState } from 'react';
import { announce, quietAnnouncer } from '../view/announcements';

export function useAnnouncer(): [string, (sentences: string[]) => void] {
  const [text, setText] = useState('');
  const state = useRef(quietAnnouncer());
  const timer = useRef<number | undefined>(undefined);
  const flush = useCallback(() => {
    timer.current = undefined;
    const next = announce(state.current, performance.now());
    state.current = next.state;
    if (next.say !== null) setText(next.say);
    if (next.wait !== null) timer.current = window.setTimeout(flush, next.wait);
  }, []);
  const push = useCallback(
    (sentences: string[]) => {
      if (sentences.length === 0) return;
      state.current = { ...state.current, pending: [...state.current.pending, ...sentences] };
      if (timer.current === undefined) flush();
    },
    [flush],
  );
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return [text, push];
}
