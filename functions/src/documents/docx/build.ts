// Generates functions/templates/<id>.docx for every template in templates.ts from its layout blocks:
// A4, 2.5 cm margins, Arial 12 pt, letterhead centred and bold above a double rule. Every
// {{placeholder}} is written as a text run of its own, so docxtemplater (local) and Google Docs
// replaceAllText (production) both find it. The output is byte-for-byte reproducible (fixed dates),
// so regenerating only changes the files whose layout changed.
//
//   npm run build:templates
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageBreak,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
} from 'docx';
import PizZip from 'pizzip';
import { TEMPLATES, TEMPLATES_DIR, type Align, type Block, type Cell, type SignatureLines, type TemplateSpec } from '../templates.ts';

// A4 in twips (1/1440 inch), 2.5 cm margins.
const PAGE_WIDTH = 11906;
const PAGE_HEIGHT = 16838;
const MARGIN = 1417;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const FONT = 'Arial';
/** Half-points. */
const SIZE = 24;
const LINE = 240;
/** Indent of body paragraphs (alinea) and hanging numbered items: 1.25 cm. */
const INDENT = 709;
/** Fixed timestamp for reproducible output. */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const SINGLE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = { top: SINGLE, bottom: SINGLE, left: SINGLE, right: SINGLE, insideHorizontal: SINGLE, insideVertical: SINGLE };

const SPLIT_RE = /(\{\{[a-z][a-z0-9_]*\}\})/;
const WHOLE_PLACEHOLDER_RE = /^\{\{[a-z][a-z0-9_]*\}\}$/;

interface RunStyle {
  bold?: boolean;
  underline?: boolean;
  size?: number;
}

/**
 * Text runs of one line of layout text: `**bold**` spans, each `{{placeholder}}` in a run of its
 * own, tabs as tab elements.
 */
export function runs(text: string, style: RunStyle = {}): TextRun[] {
  const out: TextRun[] = [];
  const boldParts = text.split('**');
  boldParts.forEach((part, i) => {
    const bold = style.bold || i % 2 === 1;
    const props = { bold, size: style.size ?? SIZE, font: FONT, ...(style.underline ? { underline: {} } : {}) };
    for (const piece of part.split(SPLIT_RE)) {
      if (piece === '') continue;
      if (WHOLE_PLACEHOLDER_RE.test(piece)) {
        out.push(new TextRun({ text: piece, ...props }));
        continue;
      }
      piece.split('\t').forEach((seg, j) => {
        if (j > 0) out.push(new TextRun({ children: [new Tab()], ...props }));
        if (seg !== '') out.push(new TextRun({ text: seg, ...props }));
      });
    }
  });
  return out;
}

function paragraph(text: string, opts: Omit<IParagraphOptions, 'children' | 'style'> & { run?: RunStyle } = {}): Paragraph {
  const { run, ...rest } = opts;
  return new Paragraph({ spacing: { line: LINE, before: 0, after: 0 }, ...rest, children: runs(text, run) });
}

function kop(lines: readonly string[]): Paragraph[] {
  return lines.map((line, i) => {
    const last = i === lines.length - 1;
    return paragraph(line, {
      alignment: AlignmentType.CENTER,
      run: { bold: i < 2, size: i === 0 ? 28 : i === 1 ? 32 : 20 },
      ...(last ? { border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 24, color: '000000', space: 4 } }, spacing: { line: LINE, before: 0, after: 240 } } : {}),
    });
  });
}

function cellParagraphs(text: string | readonly string[], style: RunStyle, align: Align): Paragraph[] {
  const lines = typeof text === 'string' ? [text] : text;
  return lines.map((t) => paragraph(t, { alignment: ALIGN[align], run: style }));
}

function columnWidths(rel: readonly number[]): number[] {
  const total = rel.reduce((a, b) => a + b, 0);
  const widths = rel.map((w) => Math.floor((w / total) * CONTENT_WIDTH));
  widths[widths.length - 1]! += CONTENT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function table(widthsRel: readonly number[], rows: readonly (readonly Cell[])[], bordered: boolean): Table {
  const widths = columnWidths(widthsRel);
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: bordered ? GRID : NO_BORDERS,
    rows: rows.map((row) => {
      let col = 0;
      return new TableRow({
        children: row.map((c) => {
          const span = c.span ?? 1;
          const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
          col += span;
          return new TableCell({
            width: { size: width, type: WidthType.DXA },
            ...(span > 1 ? { columnSpan: span } : {}),
            ...(c.shade ? { shading: { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } } : {}),
            margins: bordered ? { top: 40, bottom: 40, left: 100, right: 100 } : { top: 0, bottom: 0, left: 0, right: 60 },
            children: cellParagraphs(c.text, { bold: c.bold ?? false }, c.align ?? 'left'),
          });
        }),
      });
    }),
  });
}

/** "Label : value" rows without borders; an aside (place and date) right-aligned on the first row. */
function fieldsTable(block: Extract<Block, { kind: 'fields' }>): Table {
  const indent = block.indentLeft ? 8 : 0;
  // Wide enough for "Pangkalpinang, 22 November 2026" on one line in 12 pt.
  const aside = block.aside !== undefined ? 46 : 0;
  const label = block.labelWidth ?? (aside ? 15 : 20);
  const value = 100 - indent - label - 3 - aside;
  const rel = [...(indent ? [indent] : []), label, 3, value, ...(aside ? [aside] : [])];
  const rows = block.rows.map(([l, v], i) => [
    ...(indent ? [{ text: '' }] : []),
    { text: l },
    { text: ':' },
    { text: v },
    ...(aside ? [{ text: i === 0 ? block.aside! : '', align: 'right' as const }] : []),
  ]);
  return table(rel, rows, false);
}

function signatureCell(sig: SignatureLines, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    children: [
      ...sig.top.map((t) => paragraph(t, { alignment: AlignmentType.CENTER })),
      // Space for the signature and stamp.
      paragraph('', {}),
      paragraph('', {}),
      paragraph('', {}),
      paragraph('', {}),
      paragraph(sig.name, { alignment: AlignmentType.CENTER, run: { bold: true, underline: true } }),
      ...sig.bottom.map((t) => paragraph(t, { alignment: AlignmentType.CENTER })),
    ],
  });
}

function signatureTable(left: SignatureLines | null, right: SignatureLines): Table {
  const half = Math.floor(CONTENT_WIDTH / 2);
  const widths = [half, CONTENT_WIDTH - half];
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          left ? signatureCell(left, widths[0]!) : new TableCell({ width: { size: widths[0]!, type: WidthType.DXA }, children: [paragraph('')] }),
          signatureCell(right, widths[1]!),
        ],
      }),
    ],
  });
}

function render(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'kop':
      return kop(block.lines);
    case 'title':
      return block.lines.map((line, i) =>
        paragraph(line, { alignment: AlignmentType.CENTER, keepNext: true, run: { bold: true, underline: i === 0 && (block.underlineFirst ?? false) } }),
      );
    case 'para': {
      const indent =
        block.indent === 'first'
          ? { firstLine: INDENT }
          : block.indent === 'hanging'
            ? { left: INDENT, hanging: INDENT }
            : block.indent === 'left'
              ? { left: INDENT }
              : undefined;
      return [
        paragraph(block.text, {
          alignment: ALIGN[block.align ?? 'justify'],
          ...(indent ? { indent } : {}),
          keepNext: block.keepNext ?? false,
          spacing: { line: LINE, before: Math.round((block.before ?? 0.5) * LINE), after: 0 },
          run: { bold: block.bold ?? false },
        }),
      ];
    }
    case 'fields':
      return [fieldsTable(block)];
    case 'table':
      return [table(block.widths, block.rows, true)];
    case 'signature':
      return [signatureTable(null, block.sig)];
    case 'signatures':
      return [signatureTable(block.left, block.right)];
    case 'spacer':
      return [paragraph('')];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** The template's .docx bytes (reproducible: fixed timestamps). */
export async function buildTemplateDocx(spec: TemplateSpec): Promise<Buffer> {
  const doc = new Document({
    creator: 'SOP Perpustakaan',
    title: spec.title,
    lastModifiedBy: 'SOP Perpustakaan',
    customProperties: [{ name: 'templateId', value: spec.id }],
    // Multi-line values become soft line breaks: keep those lines unstretched in justified paragraphs.
    compatibility: { doNotExpandShiftReturn: true },
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZE }, paragraph: { spacing: { line: LINE, before: 0, after: 0 } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH, height: PAGE_HEIGHT },
            margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN, header: 709, footer: 709 },
          },
        },
        children: spec.blocks.flatMap(render),
      },
    ],
  });
  return reproducible(await Packer.toBuffer(doc));
}

/** Pins the dates docx stamps into the package (core properties and zip entries). */
function reproducible(bytes: Buffer): Buffer {
  const zip = new PizZip(bytes);
  const core = zip.file('docProps/core.xml');
  if (core) {
    const iso = FIXED_DATE.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const xml = core
      .asText()
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${iso}$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${iso}$2`);
    zip.file('docProps/core.xml', xml);
  }
  for (const f of Object.values(zip.files)) f.date = FIXED_DATE;
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Writes every template to `dir` (default functions/templates); returns the written paths. */
export async function buildAllTemplates(dir: string = TEMPLATES_DIR): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const spec of Object.values(TEMPLATES)) {
    const path = join(dir, `${spec.id}.docx`);
    await writeFile(path, await buildTemplateDocx(spec));
    written.push(path);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const written = await buildAllTemplates();
  for (const p of written) console.log(p);
  console.log(`${written.length} templat dibuat.`);
}
