// What a panel's decision log says while it holds no decision. "No decision yet" promises one; a
// run whose statechart has reached a final state will make none, and says so.
import type { MachineGraph } from '../runtime/stream';

export function decisionsIdleText(pattern: string, graph: MachineGraph, active: string[]): string {
  if (pattern === 'none') return 'The control run: nothing to decide.';
  const finals = new Set(graph.states.filter((s) => s.type === 'final').map((s) => s.path));
  if (active.length > 0 && active.every((path) => finals.has(path))) return 'No decision: nothing stopped or promoted it by judgement.';
  return 'No decision yet.';
}
