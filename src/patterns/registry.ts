// Every pattern by name: its statechart, and how the world looks before the rollout starts.
import type { AnyStateMachine } from 'xstate';
import type { PatternName } from '../scenario/types';
import type { Platform } from './platform';
import { noneMachine } from './none';
import { canaryMachine } from './canary';

export interface PatternDefinition {
  machine: AnyStateMachine;
  /** sets up the fleet as it is before the rollout (default: the stable version, routed to) */
  prepare?: (platform: Platform, options: never) => void;
}

export const PATTERNS: Partial<Record<PatternName, PatternDefinition>> = {
  none: { machine: noneMachine },
  canary: { machine: canaryMachine },
};

/** The outcome a final (or last) state stands for. */
export function outcomeOf(pattern: PatternName, state: string): string {
  if (pattern === 'none') return 'steady';
  if (state === 'succeeded') return 'promoted';
  if (state === 'rolledBack') return 'rolled-back';
  if (state === 'paused') return 'paused';
  return 'incomplete';
}
