// Every word a template prints in a table cell fits its column: a header such as "Paraf" or
// "Tidak" in too narrow a column breaks inside the word ("Par/af"), which LibreOffice and Docs
// both do without complaint. Measured with the Arial metrics the layout is sized by, at the
// tables' font size, inside the cell margins; a line may break after a slash ("Desa/ Kelurahan"),
// as both renderers do; placeholders are left to the page check.
import { describe, expect, it } from 'vitest';
import { columnWidths, SIZE } from '../../functions/src/documents/docx/blocks.ts';
import { textWidthTwips } from '../../functions/src/documents/docx/metrics.ts';
import { TEMPLATES } from '../../functions/src/documents/templates.ts';

/** Left and right margins of a bordered cell (blocks.ts `cell`), in twips. */
const CELL_MARGINS = 120;

describe('template tables', () => {
  it('every fixed word of every table cell fits its column without breaking', () => {
    const tooWide: string[] = [];
    let checked = 0;
    for (const spec of Object.values(TEMPLATES)) {
      for (const block of spec.blocks) {
        if (block.kind !== 'table') continue;
        const widths = columnWidths(block.widths);
        for (const row of block.rows) {
          let col = 0;
          for (const c of row) {
            const span = c.span ?? 1;
            const room = widths.slice(col, col + span).reduce((a, b) => a + b, 0) - CELL_MARGINS;
            col += span;
            const lines = typeof c.text === 'string' ? [c.text] : c.text;
            for (const word of lines.join(' ').replace(/\{\{[a-z0-9_]+\}\}/g, ' ').replace(/\*\*/g, '').split(/\s+|(?<=\/)/).filter(Boolean)) {
              checked++;
              const w = textWidthTwips(word, SIZE / 2, c.bold ?? false);
              if (w > room) tooWide.push(`${spec.id}: "${word}" ${w} > ${room} twips`);
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(tooWide).toEqual([]);
  });
});
