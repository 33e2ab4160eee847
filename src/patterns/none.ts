// The control run: the current version keeps serving; nothing is released.
import { setup } from 'xstate';
import { type PatternEvent, type PatternInput, TAGS } from './common';

export const noneMachine = setup({
  types: { events: {} as PatternEvent, input: {} as PatternInput<Record<string, never>> },
}).createMachine({
  id: 'none',
  initial: 'steady',
  states: { steady: { tags: TAGS.steady } },
});
