// The names of a pattern's states, read from its statechart's definition (no actor, no world): what a
// scenario may name in a fault's `when: { state }`, and what the page draws.
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { PatternName } from './names';
import { PATTERNS } from './registry';

/** Every state node's key, nested ones included, in document order. */
function stateNamesOf(machine: AnyStateMachine): string[] {
  const names: string[] = [];
  const visit = (node: AnyStateNode) => {
    for (const child of Object.values(node.states) as AnyStateNode[]) {
      names.push(child.key);
      visit(child);
    }
  };
  visit(machine.root);
  return names;
}

/** The state names of each pattern. */
export function patternStateNames(pattern: PatternName): string[] {
  return stateNamesOf(PATTERNS[pattern].machine);
}
