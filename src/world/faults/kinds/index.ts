// Every fault kind: its effects, by kind. Each kind's file says what it does to the world.
import type { Effect, FaultTarget } from '../effect';
import type { Fault, FaultKind } from '../types';
import { assignmentLossEffects } from './assignmentLoss';
import { badWritesEffects } from './badWrites';
import { coldStartEffects } from './coldStart';
import { conversionDropEffects } from './conversionDrop';
import { crashLoopEffects } from './crashLoop';
import { dependencyOutageEffects } from './dependencyOutage';
import { errorRateEffects } from './errorRate';
import { instanceLossEffects } from './instanceLoss';
import { latencyEffects } from './latency';
import { memoryLeakEffects } from './memoryLeak';
import { mixedVersionEffects } from './mixedVersion';
import { segmentEffects } from './segment';
import { trafficSpikeEffects } from './trafficSpike';

type EffectsOf = { [K in FaultKind]: (fault: Extract<Fault, { kind: K }>, at: FaultTarget) => Effect[] };

const EFFECTS: EffectsOf = {
  'error-rate': errorRateEffects,
  latency: latencyEffects,
  'crash-loop': crashLoopEffects,
  'memory-leak': memoryLeakEffects,
  segment: segmentEffects,
  'conversion-drop': conversionDropEffects,
  'dependency-outage': dependencyOutageEffects,
  'instance-loss': instanceLossEffects,
  'traffic-spike': trafficSpikeEffects,
  'mixed-version': mixedVersionEffects,
  'cold-start': coldStartEffects,
  'bad-writes': badWritesEffects,
  'assignment-loss': assignmentLossEffects,
};

/** What `fault` does while it is active: a pure function of the fault and the world's names. */
export function effectsOf(fault: Fault, at: FaultTarget): Effect[] {
  return (EFFECTS[fault.kind] as (f: Fault, at: FaultTarget) => Effect[])(fault, at);
}
