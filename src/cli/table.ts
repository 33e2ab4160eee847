// Plain-text tables for the terminal: columns padded to their widest cell, numbers right-aligned,
// a rule under the header. Cells are printed exactly as given (the view layer formats them).

/** Rows of cells, header first; `numeric[c]` right-aligns column c. Returns lines without newlines. */
export function formatTable(rows: readonly string[][], numeric: readonly boolean[]): string[] {
  if (rows.length === 0) return [];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => [...(row[c] ?? '')].length)));
  const pad = (cell: string, c: number) => {
    const fill = ' '.repeat(widths[c] - [...cell].length);
    return numeric[c] ? fill + cell : cell + fill;
  };
  const line = (row: readonly string[]) => row.map((cell, c) => pad(cell ?? '', c)).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(rows[0]), rule, ...rows.slice(1).map(line)];
}
