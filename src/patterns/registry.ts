// Every pattern by name: its statechart, and how the world looks before the rollout starts.
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { PatternName, RunOutcome } from './names';
import { TAGS } from './common';
import { noneMachine } from './none';
import { canaryMachine } from './canary';
import { bigBangMachine } from './bigBang';
import { rollingMachine } from './rolling';
import { blueGreenMachine } from './blueGreen';
import { featureToggleMachine } from './featureToggle';
import { abTestMachine } from './abTest';
import { darkLaunchMachine } from './darkLaunch';
import { trafficSplitMachine } from './trafficSplit';

interface PatternDefinition {
  machine: AnyStateMachine;
  /**
   * The fleet before the rollout: the stable version, routed to (default); or, for a feature flag,
   * the new build on every instance with the flag off for everyone.
   */
  before: 'stable' | 'flag';
}

export const PATTERNS: Record<PatternName, PatternDefinition> = {
  none: { machine: noneMachine, before: 'stable' },
  canary: { machine: canaryMachine, before: 'stable' },
  'big-bang': { machine: bigBangMachine, before: 'stable' },
  rolling: { machine: rollingMachine, before: 'stable' },
  'blue-green': { machine: blueGreenMachine, before: 'stable' },
  'feature-toggle': { machine: featureToggleMachine, before: 'flag' },
  'ab-test': { machine: abTestMachine, before: 'stable' },
  'dark-launch': { machine: darkLaunchMachine, before: 'stable' },
  'traffic-split': { machine: trafficSplitMachine, before: 'stable' },
};

/** The outcome the state a run ends in stands for, read from its tags. */
export function outcomeOf(snapshot: Pick<AnyMachineSnapshot, 'hasTag'>): RunOutcome {
  if (snapshot.hasTag(TAGS.steady)) return 'steady';
  if (snapshot.hasTag(TAGS.succeeded)) return 'promoted';
  if (snapshot.hasTag(TAGS.rolledBack)) return 'rolled-back';
  if (snapshot.hasTag(TAGS.paused)) return 'paused';
  return 'incomplete';
}
