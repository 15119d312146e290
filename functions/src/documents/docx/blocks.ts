// The .docx pieces the layout blocks are made of: text runs, paragraphs, tables, the kop, the
// "label : value" rows, the addressee and the signature tables. Sizes are in twips (1/20 pt).
//
// Line spacing always carries lineRule="auto": a w:line without it is read by LibreOffice as an
// exact height, and the kop's 14 and 16 pt lines then overlap.
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  ImageRun,
  LineRuleType,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
} from 'docx';
import type { Align, Block, Cell, SignatureLines } from '../templates.ts';
import { LAMBANG_NAME } from './lambang.ts';
import { textWidthTwips } from './metrics.ts';
import { encodePng } from './png.ts';

// A4 in twips (1/1440 inch), 2.5 cm margins.
export const PAGE_WIDTH = 11906;
export const PAGE_HEIGHT = 16838;
export const MARGIN = 1417;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
export const FONT = 'Arial';
/** Half-points. */
export const SIZE = 24;
/** Single line spacing (240ths of a line, with lineRule auto). */
export const LINE = 240;
export const SPACING = { line: LINE, lineRule: LineRuleType.AUTO, before: 0, after: 0 } as const;
/** Indent of body paragraphs (alinea) and hanging numbered items: 1.25 cm. */
export const INDENT = 709;

/**
 * The widest letter number and place-and-date line a surat head must hold on one line each, side
 * by side: a four-digit number of December with a long unit, and the longest month after a long
 * city name. The page check renders exactly these.
 */
export const WIDEST_NOMOR = '000.5.2/1234/DISPUSIPDA/XII/2026';
export const WIDEST_PLACE_DATE = 'Pangkalpinang, 30 September 2026';

export const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const SINGLE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = { top: SINGLE, bottom: SINGLE, left: SINGLE, right: SINGLE, insideHorizontal: SINGLE, insideVertical: SINGLE };
const FLUSH = { top: 0, bottom: 0, left: 0, right: 0 };

const SPLIT_RE = /(\{\{[a-z][a-z0-9_]*\}\})/;
const WHOLE_PLACEHOLDER_RE = /^\{\{[a-z][a-z0-9_]*\}\}$/;

export interface RunStyle {
  bold?: boolean;
  underline?: boolean;
  size?: number;
  /** Start with a line break (inside the first run, so it is never taken for a value's line break). */
  lineBreak?: boolean;
}

/** Text runs of one line of layout text: `**bold**` spans, each `{{placeholder}}` in a run of its own, tabs as tab elements. */
export function runs(text: string, style: RunStyle = {}): TextRun[] {
  const out: TextRun[] = [];
  let lineBreak = style.lineBreak ?? false;
  text.split('**').forEach((part, i) => {
    const bold = style.bold || i % 2 === 1;
    const base = { bold, size: style.size ?? SIZE, font: FONT, ...(style.underline ? { underline: {} } : {}) };
    const props = () => {
      const p = lineBreak ? { ...base, break: 1 } : base;
      lineBreak = false;
      return p;
    };
    for (const piece of part.split(SPLIT_RE)) {
      if (piece === '') continue;
      if (WHOLE_PLACEHOLDER_RE.test(piece)) {
        out.push(new TextRun({ text: piece, ...props() }));
        continue;
      }
      piece.split('\t').forEach((seg, j) => {
        if (j > 0) out.push(new TextRun({ children: [new Tab()], ...props() }));
        if (seg !== '') out.push(new TextRun({ text: seg, ...props() }));
      });
    }
  });
  return out;
}

export type ParagraphOptions = Omit<IParagraphOptions, 'children' | 'style' | 'spacing'> & { run?: RunStyle; spacing?: { before?: number; after?: number } };

export function paragraph(text: string, opts: ParagraphOptions = {}): Paragraph {
  const { run, spacing, ...rest } = opts;
  // Widow and orphan control: no paragraph leaves one line alone at the foot or the head of a page.
  return new Paragraph({ widowControl: true, ...rest, spacing: { ...SPACING, ...spacing }, children: runs(text, run) });
}

/** Relative widths scaled to the content width, the rounding put in the last column. */
export function columnWidths(rel: readonly number[], total = CONTENT_WIDTH): number[] {
  const sum = rel.reduce((a, b) => a + b, 0);
  const widths = rel.map((w) => Math.floor((w / sum) * total));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function cell(widths: readonly number[], col: number, c: Cell, opts: { bordered: boolean; keepNext: boolean; margins?: typeof FLUSH }): TableCell {
  const span = c.span ?? 1;
  const lines = typeof c.text === 'string' ? [c.text] : c.text;
  return new TableCell({
    width: { size: widths.slice(col, col + span).reduce((a, b) => a + b, 0), type: WidthType.DXA },
    ...(span > 1 ? { columnSpan: span } : {}),
    ...(c.shade ? { shading: { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } } : {}),
    margins: opts.margins ?? (opts.bordered ? { top: 40, bottom: 40, left: 60, right: 60 } : { ...FLUSH, right: 60 }),
    children: lines.map((t) => paragraph(t, { alignment: ALIGN[c.align ?? 'left'], keepNext: opts.keepNext, run: { bold: c.bold ?? false } })),
  });
}

/**
 * A table of `widths` (twips). `keepNext` keeps its last row on the page of what follows;
 * `header` repeats the first row on every page. A row may split across pages: a row holding a
 * long list (a schedule, the participants) could not fit on one, and kept whole it would leave
 * the page before it empty. A `repeated` last row (one per item of a list: a participant) is
 * short and never splits; `rowHeight` (twips) is the least height of the rows under the first.
 */
export function table(
  widths: readonly number[],
  rows: readonly (readonly (Cell & { margins?: typeof FLUSH })[])[],
  opts: { bordered: boolean; keepNext?: boolean; header?: boolean; repeated?: boolean; rowHeight?: number },
): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: opts.bordered ? GRID : NO_BORDERS,
    rows: rows.map((row, r) => {
      let col = 0;
      return new TableRow({
        ...(opts.header && r === 0 ? { tableHeader: true, cantSplit: true } : {}),
        ...(opts.repeated && r === rows.length - 1 ? { cantSplit: true } : {}),
        ...(opts.rowHeight && r > 0 ? { height: { value: opts.rowHeight, rule: HeightRule.ATLEAST } } : {}),
        children: row.map((c) => {
          const keepNext = (opts.keepNext ?? false) && r === rows.length - 1;
          const out = cell(widths, col, c, { bordered: opts.bordered, keepNext, ...(c.margins ? { margins: c.margins } : {}) });
          col += c.span ?? 1;
          return out;
        }),
      });
    }),
  });
}

// ---------------------------------------------------------------------------------------------
// The kop
// ---------------------------------------------------------------------------------------------

/** The lambang's column, and the box its image is fitted into (EMU: 12700 per point). */
const LAMBANG_COLUMN = 1300;
const LAMBANG_BOX = { width: 2.1, height: 2.5 }; // cm

/** A light grey shield outline: what the template shows until a lambang replaces it (or it is removed). */
function placeholderPng(): Buffer {
  const w = 84;
  const h = 100;
  return encodePng(w, h, (x, y) => {
    const half = y < h * 0.6 ? w / 2 : (w / 2) * Math.sqrt(Math.max(0, 1 - ((y - h * 0.6) / (h * 0.4)) ** 2));
    const d = Math.abs(x + 0.5 - w / 2);
    const inside = d <= half && y >= 1 && y <= h - 2;
    const edge = inside && (d > half - 3 || y < 4);
    return edge ? [150, 150, 150, 255] : inside ? [235, 235, 235, 255] : [255, 255, 255, 0];
  });
}

const CM_TO_PX = 96 / 2.54;

export function kop(lines: readonly string[]): (Paragraph | Table)[] {
  const text = lines.map((line, i) =>
    // 13 and 15 pt: "PEMERINTAH PROVINSI KEPULAUAN BANGKA BELITUNG" and "DINAS PERPUSTAKAAN DAN
    // KEARSIPAN DAERAH" each fit on one line beside the lambang.
    paragraph(line, { alignment: AlignmentType.CENTER, run: { bold: i < 2, size: i === 0 ? 26 : i === 1 ? 30 : 20 } }),
  );
  const image = new Paragraph({
    spacing: SPACING,
    children: [
      new ImageRun({
        type: 'png',
        data: placeholderPng(),
        transformation: { width: Math.round(LAMBANG_BOX.width * CM_TO_PX), height: Math.round(LAMBANG_BOX.height * CM_TO_PX) },
        altText: { name: LAMBANG_NAME, description: 'Lambang daerah', title: 'Lambang daerah' },
      }),
    ],
  });
  const widths = [LAMBANG_COLUMN, CONTENT_WIDTH - LAMBANG_COLUMN];
  const head = new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ width: { size: widths[0]!, type: WidthType.DXA }, margins: FLUSH, verticalAlign: VerticalAlignTable.CENTER, children: [image] }),
          new TableCell({ width: { size: widths[1]!, type: WidthType.DXA }, margins: FLUSH, verticalAlign: VerticalAlignTable.CENTER, children: text }),
        ],
      }),
    ],
  });
  // The double rule under the kop, on an empty paragraph set in 2 pt so it adds no blank line.
  const rule = new Paragraph({
    spacing: { ...SPACING, before: 60, after: 240 },
    border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 24, color: '000000', space: 1 } },
    run: { size: 4 },
    children: [new TextRun({ text: '', size: 4 })],
  });
  return [head, rule];
}

// ---------------------------------------------------------------------------------------------
// "Label : value" rows and the addressee
// ---------------------------------------------------------------------------------------------

const COLON_COLUMN = 140;
const LABEL_GAP = 120;

type FieldsBlock = Extract<Block, { kind: 'fields' }>;

/** The label column a fields block needs: its longest label on one line, at least `labelWidth` percent, at most 45 %. */
export function labelColumn(block: FieldsBlock): number {
  const measured = Math.max(...block.rows.map(([l]) => textWidthTwips(l, SIZE / 2))) + LABEL_GAP;
  return Math.min(Math.max(measured, Math.round((CONTENT_WIDTH * (block.labelWidth ?? 0)) / 100)), Math.round(CONTENT_WIDTH * 0.45));
}

/**
 * "Label : value" rows without borders, the label column `label` twips wide (blocks of a letter
 * share it, so their colons line up). With an aside (the place and date, right-aligned on the
 * first row), the first row's value column is sized for WIDEST_NOMOR and the aside's for
 * WIDEST_PLACE_DATE; the other rows' values run under the aside, so a long Hal wraps once, under
 * its own first line.
 */
export function fieldsTable(block: FieldsBlock, label: number, keepNext: boolean): Table {
  const indent = block.indentLeft ? Math.round(CONTENT_WIDTH * 0.08) : 0;
  const aside = block.aside !== undefined ? textWidthTwips(WIDEST_PLACE_DATE, SIZE / 2) + 20 : 0;
  const value = CONTENT_WIDTH - indent - label - COLON_COLUMN - aside;
  const widths = [...(indent ? [indent] : []), label, COLON_COLUMN, value, ...(aside ? [aside] : [])];
  const rows = block.rows.map(([l, v], i) => [
    ...(indent ? [{ text: '' }] : []),
    { text: l },
    { text: ':' },
    // The right-aligned aside keeps its distance from the number by itself: no cell margin between.
    ...(aside && i === 0 ? [{ text: v, margins: FLUSH }, { text: block.aside!, align: 'right' as const, margins: FLUSH }] : [{ text: v, ...(aside ? { span: 2 } : {}) }]),
  ]);
  return table(widths, rows, { bordered: false, keepNext });
}

/** "Yth." in a column as wide as "Yth. ", every line of the addressee in the column beside it. */
export function addressee(lines: readonly string[]): Table {
  const label = textWidthTwips('Yth. ', SIZE / 2);
  return table([label, CONTENT_WIDTH - label], [[{ text: 'Yth.', margins: FLUSH }, { text: lines, margins: FLUSH }]], { bordered: false });
}

// ---------------------------------------------------------------------------------------------
// Signatures
// ---------------------------------------------------------------------------------------------

/** Blank signing space (about four lines), and the taller space that leaves room for a meterai. */
const SIGNING_SPACE = 1100;
const SINGLE_SIGNATURE = 5500;
const METERAI_SPACE = 1900;

/**
 * One or two signature columns as rows (lines above, signing space, name, lines below), so both
 * names sit on one row and one baseline however many lines the jabatan above them takes. Every
 * row is kept with the next: the block never splits across pages.
 */
export function signatureTable(left: SignatureLines | null, right: SignatureLines, meterai: boolean): Table {
  // One signature gets the right 60 % of the line: a name with its degrees ("Dr. Hj. Nurul Hidayati
  // Rahmawati, S.Sos., M.Si.") stays on one line. Two share the width equally.
  const first = left ? Math.floor(CONTENT_WIDTH / 2) : CONTENT_WIDTH - SINGLE_SIGNATURE;
  const widths = [first, CONTENT_WIDTH - first];
  const column = (sig: SignatureLines | null, w: number, part: 'top' | 'space' | 'name' | 'bottom', last: boolean) => {
    const lines = !sig ? [''] : part === 'top' ? sig.top : part === 'name' ? [sig.name] : part === 'bottom' ? sig.bottom : [''];
    return new TableCell({
      width: { size: w, type: WidthType.DXA },
      margins: { ...FLUSH, left: 60, right: 60 },
      children: (lines.length ? lines : ['']).map((t) =>
        paragraph(t, { alignment: AlignmentType.CENTER, keepNext: !last, run: part === 'name' ? { bold: true, underline: true } : {} }),
      ),
    });
  };
  const parts = ['top', 'space', 'name', 'bottom'] as const;
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: parts.map(
      (part, i) =>
        new TableRow({
          cantSplit: true,
          ...(part === 'space' ? { height: { value: meterai ? METERAI_SPACE : SIGNING_SPACE, rule: HeightRule.ATLEAST } } : {}),
          children: [column(left, widths[0]!, part, i === parts.length - 1), column(right, widths[1]!, part, i === parts.length - 1)],
        }),
    ),
  });
}
