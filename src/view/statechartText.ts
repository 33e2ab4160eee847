// The words on a statechart: state keys broken to fit a box, transitions named as UML does
// ("event [guard]"), and the runtime's event types said the way the graph says them.
import type { MachineGraph } from '../runtime/stream';

/** Longer keys are broken in two at the camelCase boundary nearest their middle. */
const WRAP_AT = 13;

export function wrapKey(key: string): string[] {
  if (key.length <= WRAP_AT) return [key];
  const cuts: number[] = [];
  for (let i = 1; i < key.length; i++) if (/[A-Z]/.test(key[i]) && /[a-z]/.test(key[i - 1])) cuts.push(i);
  if (cuts.length === 0) return [key];
  const cut = cuts.reduce((best, i) => (Math.abs(i - key.length / 2) < Math.abs(best - key.length / 2) ? i : best));
  return [key.slice(0, cut), key.slice(cut)];
}

/** "xstate.after.stepPause.canary.x" → "after stepPause"; "xstate.done.state.m.promoting" → "done". */
export function eventName(eventType: string): string {
  const after = /^xstate\.after\.([^.]+)/.exec(eventType);
  if (after) return `after ${after[1]}`;
  if (eventType.startsWith('xstate.done.')) return 'done';
  return eventType === '' ? 'always' : eventType;
}

/**
 * "event [guard]"; an eventless transition and its `fleet.changed` twin both mean "as soon as the
 * guard holds", so both read "[guard]".
 */
export function transitionLabel(t: Pick<MachineGraph['transitions'][number], 'event' | 'guard'>): string {
  const event = eventName(t.event);
  const waits = event === 'always' || event === 'fleet.changed';
  if (waits) return t.guard ? `[${t.guard}]` : 'at once';
  return t.guard ? `${event} [${t.guard}]` : event;
}
