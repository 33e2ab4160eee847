import { describe, expect, it } from 'vitest';
import { PATTERNS } from '../../../src/patterns/registry';
import { describeMachine } from '../../../src/runtime/machineGraph';
import { layoutStatechart } from '../../../src/view/statechartLayout';
import { labelObstacles, overlaps, placeLabels, pointOnEdge } from '../../../src/view/statechartLabels';

describe('statechart arrow labels', () => {
  for (const [name, { machine }] of Object.entries(PATTERNS)) for (const maxWidth of [440, 280]) {
    it(`${name} at ${maxWidth}: in every active state and after every step, no label overlaps another label or a state`, () => {
      const graph = describeMachine(machine);
      const layout = layoutStatechart(graph, maxWidth);
      const obstacles = labelObstacles(layout.boxes);
      const leaves = layout.boxes.filter((b) => b.type !== 'compound' && b.type !== 'parallel');
      let below = 0;
      // Problems are gathered and checked once: an expect per pair would cost more than the placing.
      const problems: string[] = [];
      for (const leaf of leaves) {
        for (const last of [undefined, ...layout.edges]) {
          const requests = layout.edges
            .filter((e) => e === last || e.source === leaf.path)
            .map((e) => ({ edge: e, text: e === last ? e.labels[0].replace(/ \[.*/, '') : e.labels[0], last: e === last }));
          const placed = placeLabels(requests, layout.boxes, layout);
          for (const [i, a] of placed.entries()) {
            for (const o of obstacles) if (overlaps(a, o)) problems.push(`${a.text} over ${JSON.stringify(o)}`);
            for (const b of placed.slice(i + 1)) if (overlaps(a, b)) problems.push(`${a.text} over ${b.text}`);
            if (!(a.x >= 0 && a.y >= 0 && a.x + a.width <= layout.width)) problems.push(`${a.text} outside the drawing`);
            // only the last step's cause may go in the band under the drawing
            if (!a.last && a.y + a.height > layout.height) problems.push(`${a.text} below the drawing`);
            else if (a.last && a.y >= layout.height) below++;
          }
          // the last step's cause is always drawn
          if (last && placed.filter((p) => p.last).length !== 1) problems.push(`the cause of ${last.labels[0]} is not drawn once`);
        }
      }
      expect(problems).toEqual([]);
      // and it usually finds room near its arrow rather than under the drawing
      expect(below).toBeLessThanOrEqual(0.3 * leaves.length * Math.max(1, layout.edges.length));
    });
  }

  it('finds points on an arrow: its ends and its middle', () => {
    const d = 'M0,0 C10,0 20,10 30,10';
    expect(pointOnEdge(d, 0)).toEqual({ x: 0, y: 0 });
    expect(pointOnEdge(d, 1)).toEqual({ x: 30, y: 10 });
    expect(pointOnEdge(d, 0.5)).toEqual({ x: 15, y: 5 });
  });
});
