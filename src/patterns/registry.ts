// Every pattern by name: its statechart, and how the world looks before the rollout starts.
import type { AnyStateMachine } from 'xstate';
import type { PatternName } from './names';
import type { Platform } from './platform';
import { noneMachine } from './none';
import { canaryMachine } from './canary';
import { bigBangMachine } from './bigBang';
import { rollingMachine } from './rolling';
import { blueGreenMachine } from './blueGreen';
import { featureToggleMachine, prepareFeatureToggle } from './featureToggle';
import { abTestMachine } from './abTest';
import { darkLaunchMachine } from './darkLaunch';
import { trafficSplitMachine } from './trafficSplit';

export interface PatternDefinition {
  machine: AnyStateMachine;
  /** sets up the fleet as it is before the rollout (default: the stable version, routed to) */
  prepare?: (platform: Platform, options: never) => void;
}

export const PATTERNS: Record<PatternName, PatternDefinition> = {
  none: { machine: noneMachine },
  canary: { machine: canaryMachine },
  'big-bang': { machine: bigBangMachine },
  rolling: { machine: rollingMachine },
  'blue-green': { machine: blueGreenMachine },
  'feature-toggle': { machine: featureToggleMachine, prepare: prepareFeatureToggle as PatternDefinition['prepare'] },
  'ab-test': { machine: abTestMachine },
  'dark-launch': { machine: darkLaunchMachine },
  'traffic-split': { machine: trafficSplitMachine },
};

/** The outcome a final (or last) state stands for. */
export function outcomeOf(pattern: PatternName, state: string): string {
  if (pattern === 'none') return 'steady';
  if (state === 'succeeded') return 'promoted';
  if (state === 'rolledBack') return 'rolled-back';
  if (state === 'paused') return 'paused';
  return 'incomplete';
}
