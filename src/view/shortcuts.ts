// Every key the page answers to, in one list: the "?" sheet shows it, the key handlers look keys up
// in it, and the buttons name their key from it, so the three never disagree. Keys marked `single`
// are a single character without a modifier; WCAG 2.1.4 asks that a reader can turn those off
// (speech input users and people who type by mistake trigger them unintentionally).

export type ShortcutAction =
  | 'playPause'
  | 'nextDecision'
  | 'back'
  | 'forward'
  | 'slower'
  | 'faster'
  | 'log'
  | 'presenter'
  | 'sheet';

export interface Shortcut {
  action: ShortcutAction;
  /** KeyboardEvent.key values (lower case for letters) */
  keys: string[];
  /** how the sheet writes the key */
  label: string;
  /** what it does, in the learner's words */
  does: string;
}

export const SHORTCUTS: Shortcut[] = [
  { action: 'playPause', keys: [' ', 'k'], label: 'Space or K', does: 'play or pause' },
  { action: 'nextDecision', keys: ['n'], label: 'N', does: 'step to the next decision (pauses there)' },
  { action: 'back', keys: ['arrowleft'], label: '←', does: 'back 5 s of simulated time (Shift: 1 min)' },
  { action: 'forward', keys: ['arrowright'], label: '→', does: 'forward 5 s of simulated time (Shift: 1 min)' },
  { action: 'slower', keys: ['['], label: '[', does: 'slower' },
  { action: 'faster', keys: [']'], label: ']', does: 'faster' },
  { action: 'log', keys: ['l'], label: 'L', does: 'go to the latest decision in the log' },
  { action: 'presenter', keys: ['p'], label: 'P', does: 'presenter mode on or off (big type, high contrast)' },
  { action: 'sheet', keys: ['?'], label: '?', does: 'this list of keys' },
];

/** Keys that keep working with single-key shortcuts turned off: they need focus where they act. */
export const ALWAYS_ON = [
  { label: 'Tab, Shift+Tab', does: 'move between controls; every control is reachable' },
  { label: 'Enter or Space', does: 'press the focused button, tick the focused box' },
  { label: '← → Home End', does: 'on the focused time slider: move 5 s (Shift: 1 min), start, end' },
  { label: 'Esc', does: 'close this list' },
  { label: 'Ctrl+Enter', does: 'in the scenario editor: run it' },
];

/** The action a key press asks for, or undefined. Modified presses (Ctrl, Alt, Meta) are never ours. */
export function actionOfKey(key: string, modifiers: { ctrl: boolean; alt: boolean; meta: boolean }): ShortcutAction | undefined {
  if (modifiers.ctrl || modifiers.alt || modifiers.meta) return undefined;
  const k = key.toLowerCase();
  return SHORTCUTS.find((s) => s.keys.includes(k))?.action;
}

/** The aria-keyshortcuts value of an action, e.g. "Space K" for play or pause. */
export function ariaKeys(action: ShortcutAction): string {
  const shortcut = SHORTCUTS.find((s) => s.action === action)!;
  const names: Record<string, string> = { ' ': 'Space', arrowleft: 'ArrowLeft', arrowright: 'ArrowRight' };
  return shortcut.keys.map((k) => names[k] ?? (k.length === 1 ? k.toUpperCase() : k)).join(' ');
}
