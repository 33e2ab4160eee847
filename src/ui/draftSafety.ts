// A draft that took the page down must not take it down again on every reload. Before a run starts,
// a mark with the draft's fingerprint is stored beside it; a run that ends (with results or with
// errors) removes the mark, a run the page stopped leaves the reason in it. On load, a draft whose
// mark is still there is not run automatically: it is shown, kept, with the reason.
import { useEffect, useState } from 'react';
import type { StreamState } from './useStream';

interface RunMark {
  fingerprint: string;
  /** why the run stopped; absent: the page closed or crashed while it ran */
  reason?: string;
}

const keyFor = (file: string) => `rollout-lab:last-run:${file}`;
const UNFINISHED = 'the page was closed or crashed while it ran';

/** FNV-1a over the text: tells this draft from another without storing it twice. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}:${(h >>> 0).toString(16)}`;
}

function readMark(file: string): RunMark | null {
  try {
    const raw = window.localStorage.getItem(keyFor(file));
    const mark = raw === null ? null : (JSON.parse(raw) as unknown);
    return mark && typeof mark === 'object' && typeof (mark as RunMark).fingerprint === 'string' ? (mark as RunMark) : null;
  } catch {
    return null; // no storage, or a mark that is not ours: nothing is held back
  }
}

function writeMark(file: string, mark: RunMark | null): void {
  try {
    if (mark === null) window.localStorage.removeItem(keyFor(file));
    else window.localStorage.setItem(keyFor(file), JSON.stringify(mark));
  } catch {
    // without storage there is no reload protection, and nothing else is lost
  }
}

/** Why the last run of this text did not finish, or null when it did (or never ran). */
export function unfinishedRunReason(file: string, text: string): string | null {
  const mark = readMark(file);
  return mark !== null && mark.fingerprint === fingerprint(text) ? (mark.reason ?? UNFINISHED) : null;
}

/** Keeps the mark of the run of `text` in step with its state. */
export function useRunMark(file: string, text: string | null, state: StreamState): void {
  // Written when the status changes, not on every slice the stream publishes (up to once a frame).
  const failure = state.status === 'failed' ? state.message : null;
  const status = state.status;
  useEffect(() => {
    if (text === null) return;
    if (status === 'reading' || status === 'streaming') writeMark(file, { fingerprint: fingerprint(text) });
    else if (failure !== null) writeMark(file, { fingerprint: fingerprint(text), reason: failure });
    else writeMark(file, null);
  }, [file, text, status, failure]);
}

/**
 * The reason the draft is held back on load (null: run it as usual), and how to release it.
 * A shipped scenario that nobody edited is never held: it is known to finish, and a learner who
 * reloads while it plays expects to see it play again.
 */
export function useHeldDraft(file: string, text: string, shipped: string | null): [string | null, () => void] {
  const [reason, setReason] = useState(() => (text === shipped ? null : unfinishedRunReason(file, text)));
  return [reason, () => setReason(null)];
}
