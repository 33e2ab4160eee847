// A chart row's y scale, labels and the gap above it that holds its title.
import { describe, expect, it } from 'vitest';
import { rowDomain, rowGap, rowScale, rowTicks } from '../../../src/ui/viz/rowScale';

describe("a chart row's y axis", () => {
  it('rounds its domain outward to round values', () => {
    expect(rowDomain(0, 0.034)).toEqual([0, 0.04]);
    expect(rowDomain(-3, 41)).toEqual([-20, 60]);
  });

  it('a compact row labels its top only and leaves its title the narrower gap; a taller one labels both ends with a wider gap', () => {
    const compact = rowScale([0, 0.06], 16);
    expect(rowTicks(compact, 16)).toEqual([0.06]);
    const tall = rowScale([0, 0.06], 24);
    expect(rowTicks(tall, 24)).toEqual([0, 0.06]);
    // the wider gap keeps a row's bottom label and the next row's top label apart by more than a line of 10 px type
    expect(rowGap(24)).toBeGreaterThan(14);
    // the title (10 px type, set 3 px above the frame) still fits the narrower one
    expect(rowGap(16)).toBeGreaterThanOrEqual(12);
    expect(rowGap(16)).toBeLessThan(rowGap(24));
  });
});
