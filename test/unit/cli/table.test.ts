// Plain-text tables: padded columns, numbers right-aligned, a rule under the header.
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../../src/cli/table';

describe('formatTable', () => {
  it('pads each column to its widest cell and right-aligns numeric ones', () => {
    const lines = formatTable(
      [
        ['run', 'requests', 'p99'],
        ['none', '1,080', '12.5 ms'],
        ['canary-long', '7', '–'],
      ],
      [false, true, true],
    );
    expect(lines).toEqual([
      'run          requests      p99',
      '-----------  --------  -------',
      'none            1,080  12.5 ms',
      'canary-long         7        –',
    ]);
  });

  it('returns nothing for no rows', () => {
    expect(formatTable([], [])).toEqual([]);
  });
});
