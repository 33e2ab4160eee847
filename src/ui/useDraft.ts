// The scenario text being edited. It lives in this browser's localStorage as well as in memory,
// so an author's work survives an error, a reload or a closed tab.
import { useCallback, useState } from 'react';

export interface Draft {
  text: string;
  /** true when the text differs from the built-in scenario */
  edited: boolean;
  update: (text: string) => void;
  restore: () => void;
}

const keyFor = (file: string) => `rollout-lab:draft:${file}`;

// localStorage can be missing or refuse writes (private modes, full quota); editing still works.
function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, text: string | null): void {
  try {
    if (text === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, text);
  } catch {
    // nothing to do: the text is still in the editor
  }
}

export function useDraft(file: string, original: string): Draft {
  const key = keyFor(file);
  const [text, setText] = useState(() => read(key) ?? original);

  const update = useCallback(
    (next: string) => {
      setText(next);
      // Only edits are stored, so a newer built-in version shows through until the author edits.
      write(key, next === original ? null : next);
    },
    [key, original],
  );
  const restore = useCallback(() => update(original), [update, original]);

  return { text, edited: text !== original, update, restore };
}
