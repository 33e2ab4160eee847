// The page's keys (listed in src/view/shortcuts): each component hands in the actions it owns.
// Never while the reader types in a field or is inside a dialog; Space and the arrows also stay with
// a focused button, slider, box or link (they are its keys). Never with Ctrl, Alt or Meta, and not
// at all when the reader turned single-key shortcuts off.
import { useEffect, useRef } from 'react';
import { actionOfKey, type ShortcutAction } from '../view/shortcuts';
import { usePreferences } from './preferences';

export type ShortcutHandlers = Partial<Record<ShortcutAction, (event: KeyboardEvent) => void>>;

const TYPING = 'input:not([type="checkbox"], [type="radio"], [type="range"], [type="button"], [type="file"]), textarea, select, [contenteditable="true"], dialog';
const CONTROL = 'a, button, input, summary, [role="slider"], [tabindex]';
const CONTROL_KEYS = new Set([' ', 'ArrowLeft', 'ArrowRight']);

export function useShortcuts(handlers: ShortcutHandlers): void {
  const { singleKeys } = usePreferences();
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    if (!singleKeys) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest(TYPING)) return;
      if (CONTROL_KEYS.has(event.key) && target?.closest(CONTROL)) return;
      const action = actionOfKey(event.key, { ctrl: event.ctrlKey, alt: event.altKey, meta: event.metaKey });
      const handler = action && current.current[action];
      if (!handler) return;
      event.preventDefault();
      handler(event);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [singleKeys]);
}
