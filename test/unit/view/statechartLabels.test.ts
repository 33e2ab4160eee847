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
      for (const leaf of leaves) {
        for (const last of [undefined, ...layout.edges]) {
          const requests = layout.edges
            .filter((e) => e === last || e.source === leaf.path)
            .map((e) => ({ edge: e, text: e === last ? e.labels[0].replace(/ \[.*/, '') : e.labels[0], last: e === last }));
          const placed = placeLabels(requests, layout.boxes, layout);
          for (const [i, a] of placed.entries()) {
            for (const o of obstacles) expect(overlaps(a, o), `${a.text} over ${JSON.stringify(o)}`).toBe(false);
            for (const b of placed.slice(i + 1)) expect(overlaps(a, b), `${a.text} over ${b.text}`).toBe(false);
            expect(a.x >= 0 && a.y >= 0 && a.x + a.width <= layout.width).toBe(true);
            // only the last step's cause may go in the band under the drawing
            if (!a.last) expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
            else if (a.y >= layout.height) below++;
          }
          // the last step's cause is always drawn
          if (last) expect(placed.filter((p) => p.last)).toHaveLength(1);
        }
      }
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
