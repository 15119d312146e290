// Text widths in Arial, so that columns are sized from the widest value they must hold on one line
// instead of from guessed percentages. Liberation Sans (LibreOffice, the page check) has exactly
// Arial's advance widths, so a width computed here is the width LibreOffice, Word and Google Docs lay out.

/** Advance widths of ASCII 32..126 in thousandths of an em: Arial regular and bold. */
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/** Width in points of `text` set in Arial at `sizePt`; a character outside ASCII counts as an "M" (wide, so never too narrow). */
export function textWidthPt(text: string, sizePt: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let em = 0;
  for (const ch of text) em += table[ch.charCodeAt(0) - 32] ?? 833;
  return (em / 1000) * sizePt;
}

/** The same width in twips (1/20 pt), rounded up. */
export function textWidthTwips(text: string, sizePt: number, bold = false): number {
  return Math.ceil(textWidthPt(text, sizePt, bold) * 20);
}
