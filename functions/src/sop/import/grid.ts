// Text pasted from a Word or PDF table, or copied from a Google Sheets range, as rows of cells.
// Tab-separated, with the spreadsheet convention for cells holding a tab, a line break or a
// quote: the cell is wrapped in double quotes and its quotes doubled.

/** Splits tab-separated text into rows of cells, honouring quoted multi-line cells. */
export function parseDelimited(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const n = text.length;
  let atCellStart = true;
  while (i < n) {
    const ch = text[i]!;
    if (atCellStart && ch === '"' && closesQuoted(text, i)) {
      // A quoted cell: up to the quote that is followed by a tab, a line break or the end.
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          cell += text.slice(i);
          i = n;
          break;
        }
        cell += text.slice(i, q);
        if (text[q + 1] === '"') {
          cell += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      atCellStart = false;
      continue;
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    cell += ch;
    atCellStart = false;
    i++;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * Whether the quote at `at` opens a quoted cell: a matching closing quote must be followed by a tab,
 * a line break or the end; otherwise the quote is plain text ("Surat "A"" typed in a cell).
 */
function closesQuoted(text: string, at: number): boolean {
  let i = at + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return false;
    if (text[q + 1] === '"') {
      i = q + 2;
      continue;
    }
    const next = text[q + 1];
    return next === undefined || next === '\t' || next === '\n' || next === '\r';
  }
}

/** A Sheets range (getDisplayValues) as rows of strings: every value as text, ragged rows kept. */
export function rowsFromRange(values: readonly (readonly unknown[])[]): string[][] {
  return values.map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v))));
}
