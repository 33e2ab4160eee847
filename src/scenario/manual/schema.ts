// `manual:` in a scenario file: what a human at the console does, and when. Each action becomes one
// of the runtime's manual controls (ManualAction), sent to a run's statechart at its simulated time.
import { z } from 'zod';
import type { ManualAction } from '../../patterns/manualAction';
import { closed } from '../closed';
import { duration } from '../fields';

/** The file's event names, as a person would say them, and the statechart event each sends. */
const MANUAL_EVENTS = {
  promote: 'PROMOTE',
  pause: 'PAUSE',
  resume: 'RESUME',
  abort: 'ABORT',
  flagOn: 'FLAG_ON',
  flagOff: 'FLAG_OFF',
} as const satisfies Record<string, ManualAction['event']>;

const action = closed(
  {
    at: duration('When the action happens, in simulated time from the start of the run; before the end of the run.'),
    run: z.string().min(1).optional().describe('The label of the compare entry it applies to. Default: every run.'),
    event: z
      .enum(Object.keys(MANUAL_EVENTS) as [keyof typeof MANUAL_EVENTS, ...(keyof typeof MANUAL_EVENTS)[]])
      .describe('promote (skip the current pause or gate), pause, resume, abort (roll back), flagOn or flagOff (a feature flag for everyone).'),
  },
  'One action of a person at the console.',
).transform(({ at, run, event }): ManualAction => ({ t: at, event: MANUAL_EVENTS[event], ...(run === undefined ? {} : { label: run }) }));

export const manualSchema = z.array(action).describe('Scripted human actions: promote, pause, resume or abort a run, or flip its feature flag, at a given time. Default: none.');
