// Where each expectation is written, so that `sim check` can point at the one that failed.
import type { Document, LineCounter } from 'yaml';
import { locate } from '../positions';
import type { ExpectationPositions, ScenarioExpectation, SourcePosition } from '../types';

/** Run label → the position of its label and of each checked item ("usersAffected.max", "fault.outage.failedRequests.min"). */
export function expectationPositions(doc: Document, lineCounter: LineCounter, expect: ScenarioExpectation): Record<string, ExpectationPositions> {
  return Object.fromEntries(
    Object.entries(expect).map(([label, e]) => {
      const fields: Record<string, SourcePosition> = {};
      const add = (...path: string[]) => {
        fields[path.join('.')] = locate(doc, lineCounter, ['expect', label, ...path]);
      };
      if (e.outcome !== undefined) add('outcome');
      if (e.abWinner !== undefined) add('abWinner');
      for (const [metric, bounds] of Object.entries(e.bounds)) for (const side of Object.keys(bounds ?? {})) add(metric, side);
      for (const [fault, costs] of Object.entries(e.faults)) {
        for (const [metric, bounds] of Object.entries(costs)) for (const side of Object.keys(bounds ?? {})) add('fault', fault, metric, side);
      }
      return [label, { at: locate(doc, lineCounter, ['expect', label], 'key'), fields }];
    }),
  );
}
