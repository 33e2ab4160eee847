// Reads a pattern's XState machine definition into the stream's MachineGraph, for the view tests:
// the layout is tested on the nine real statecharts, not on hand-written pictures of them.
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { MachineGraph } from '../../src/runtime/stream';
import { eventName } from '../../src/view/statechartText';

const pathOf = (node: AnyStateNode) => node.path.join('.');

function guardName(guard: unknown): string | null {
  if (!guard) return null;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && 'type' in guard) return String((guard as { type: unknown }).type);
  return 'guard';
}

export function graphOf(machine: AnyStateMachine): MachineGraph {
  const states: MachineGraph['states'] = [];
  const transitions: MachineGraph['transitions'] = [];
  const visit = (node: AnyStateNode, parent: AnyStateNode | null) => {
    const children = Object.values(node.states) as AnyStateNode[];
    states.push({
      path: pathOf(node),
      key: node.key,
      parent: parent ? pathOf(parent) : null,
      type: node.type,
      initial: node.type === 'compound' ? (node.initial?.target[0]?.key ?? null) : null,
    });
    const definitions = [...node.transitions.values()].flat().concat(node.always ?? []);
    for (const d of definitions) {
      transitions.push({
        source: pathOf(node),
        targets: (d.target ?? []).map((t: AnyStateNode) => pathOf(t)),
        event: d.eventType.startsWith('xstate.done.') ? d.eventType : eventName(d.eventType),
        guard: guardName(d.guard),
      });
    }
    for (const child of children) visit(child, node);
  };
  visit(machine.root, null);
  return { id: machine.id, states, transitions };
}
