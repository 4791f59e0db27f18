/**
 * Fixed-width lines as the filings print them. A cell is placed by column (0-based): `left`
 * text starts at its column, `right` text ends just before it (the filings right-align figures).
 * A cell that would overlap the text before it is pushed right, one space after it, so a long
 * figure never merges with its neighbour.
 */
export interface Cell {
  readonly text: string;
  readonly start: number;
}

export function left(column: number, text: string): Cell {
  return { text, start: column };
}

export function right(column: number, text: string): Cell {
  return { text, start: column - text.length };
}

/** One line from cells in order; trailing spaces are dropped. */
export function line(...cells: readonly Cell[]): string {
  let out = '';
  for (const cell of cells) {
    if (cell.text === '') continue;
    const start = out.length === 0 ? Math.max(cell.start, 0) : Math.max(cell.start, out.length + 1);
    out = out.padEnd(start, ' ') + cell.text;
  }
  return out.trimEnd();
}
