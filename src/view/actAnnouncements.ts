// What the polite live region says when the learner acts: "you aborted canary at 12:30", and
// "undone: you aborted canary at 12:30" when an act is taken back. Said through the same rate-limited
// announcer as the decisions (announcements.ts), so a burst of clicks becomes one sentence.
import type { Act } from '../runtime/acts/act';
import { describeAct } from './actStory';

const same = (a: Act, b: Act) => a === b || JSON.stringify(a) === JSON.stringify(b);
const spoken = (act: Act, labels: string[]) => describeAct(act, labels).replace(/^you: /, 'you ');

/** The sentences for a story going from `before` to `after`: acts added at its end, or taken off it. */
export function actSentences(before: Act[], after: Act[], labels: string[]): string[] {
  let kept = 0;
  while (kept < before.length && kept < after.length && same(before[kept], after[kept])) kept++;
  const undone = before.slice(kept).map((act) => `undone: ${spoken(act, labels)}`);
  const done = after.slice(kept).map((act) => spoken(act, labels));
  return [...undone, ...done];
}
