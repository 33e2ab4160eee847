import { describe, expect, it } from 'vitest';
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle } from 'd3-shape';
import { failedPath, hourglassPath, queueBar, shapePath } from '../../../src/view/fleetMarks';
import type { MarkerShape } from '../../../src/view/palette';

const D3 = { circle: [symbolCircle, 190], triangle: [symbolTriangle, 150], square: [symbolSquare, 200], diamond: [symbolDiamond, 150] } as const;
const numbers = (d: string) => (d.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);

describe('fleet marks placed by their coordinates', () => {
  it.each(Object.keys(D3) as MarkerShape[])('draws the %s at the origin exactly as d3-shape does', (shape) => {
    const [type, size] = D3[shape];
    expect(shapePath(shape, 0, 0)).toBe(symbol(type, size)());
  });

  it.each(['triangle', 'diamond'] as MarkerShape[])('moves every vertex of the %s by (x, y), and nothing else', (shape) => {
    const at = numbers(shapePath(shape, 0, 0));
    const moved = numbers(shapePath(shape, 30, -12));
    expect(moved).toHaveLength(at.length);
    moved.forEach((n, k) => expect(n).toBeCloseTo(at[k] + (k % 2 === 0 ? 30 : -12), 9));
  });

  it('moves the square\'s corner but keeps its sides', () => {
    // M x,y h w v w h -w Z
    const at = numbers(shapePath('square', 0, 0));
    const moved = numbers(shapePath('square', 30, -12));
    expect(moved[0]).toBeCloseTo(at[0] + 30, 9);
    expect(moved[1]).toBeCloseTo(at[1] - 12, 9);
    expect(moved.slice(2)).toEqual(at.slice(2));
    expect(at[2]).toBeCloseTo(Math.sqrt(200), 2);
  });

  it('moves a circle\'s points but keeps its radius', () => {
    // M x0,y0 A r,r,0,1,1,x1,y1 A r,r,0,1,1,x0,y0
    const at = numbers(shapePath('circle', 0, 0));
    const moved = numbers(shapePath('circle', 30, -12));
    const r = Math.sqrt(190 / Math.PI);
    expect(at[2]).toBeCloseTo(r, 2);
    expect(moved[2]).toBe(at[2]);
    expect(moved[3]).toBe(at[3]);
    for (const k of [0, 7]) {
      expect(moved[k]).toBeCloseTo(at[k] + 30, 9);
      expect(moved[k + 1]).toBeCloseTo(at[k + 1] - 12, 9);
    }
  });

  it('takes a smaller area for the legend', () => {
    const [corner, , side] = numbers(shapePath('square', 0, 0, 80));
    expect(corner).toBeCloseTo(-Math.sqrt(80) / 2, 2);
    expect(side).toBeCloseTo(Math.sqrt(80), 2);
  });

  it('centres the cross, the hourglass and the queue bar on the cell', () => {
    expect(failedPath(10, 20)).toBe('M6,16L14,24M14,16L6,24');
    const hourglass = numbers(hourglassPath(10, 20));
    expect(Math.min(...hourglass.filter((_, k) => k % 2 === 0)) + Math.max(...hourglass.filter((_, k) => k % 2 === 0))).toBe(20);
    const bar = queueBar(10, 20, 0.25);
    expect(bar.track).toEqual({ x: 2, y: 30, width: 16, height: 3 });
    expect(bar.fill).toEqual({ x: 2, y: 30, width: 4, height: 3 });
  });
});
