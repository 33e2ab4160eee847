// Faults that start on a state must name one that a compared statechart has: scenario files are
// checked when parsed; this guards scenarios built in code and faults injected live.
import { patternStateNames } from '../patterns/stateNames';
import { didYouMean } from '../scenario/didYouMean';
import type { Scenario } from '../scenario/types';
import type { Fault } from '../world/faults/types';

export function assertStatesExist(scenario: Scenario, faults: Fault[]): void {
  const states = [...new Set(scenario.compare.flatMap((c) => patternStateNames(c.pattern)))];
  for (const fault of faults) {
    if (!('state' in fault.start) || states.includes(fault.start.state)) continue;
    const name = fault.start.state;
    throw new Error(`fault "${fault.label}" starts in state "${name}", which no compared pattern has${didYouMean(name, states) || `; their states are ${states.join(', ')}`}`);
  }
}
