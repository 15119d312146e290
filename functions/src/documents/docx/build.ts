// Generates functions/templates/<id>.docx for every template in templates.ts from its layout blocks:
// A4, 2.5 cm margins, Arial 12 pt, the kop (lambang daerah placeholder at the left, lines centred,
// a double rule below). Every {{placeholder}} is written as a text run of its own, so docxtemplater
// (local) and Google Docs replaceAllText (production) both find it. The output is byte-for-byte
// reproducible (fixed dates), so regenerating only changes the files whose layout changed.
//
// Pagination is part of the layout: headings and titles stay with what follows them, the block
// before a signature (the closing alinea) stays with the signature, the signature never splits,
// and no paragraph leaves a single line at the foot or the head of a page.
//
//   npm run build:templates
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AlignmentType, Document, Packer, PageBreak, Paragraph, Table, TextRun } from 'docx';
import PizZip from 'pizzip';
import { TEMPLATES, TEMPLATES_DIR, type Block, type TemplateSpec } from '../templates.ts';
import {
  ALIGN,
  FONT,
  INDENT,
  LINE,
  MARGIN,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  SIZE,
  SPACING,
  addressee,
  columnWidths,
  fieldsTable,
  kop,
  labelColumn,
  paragraph,
  runs,
  signatureTable,
  table,
} from './blocks.ts';

export { runs };

/** Fixed timestamp for reproducible output. */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));

const INDENTS = {
  first: { firstLine: INDENT },
  hanging: { left: INDENT, hanging: INDENT },
  left: { left: INDENT },
} as const;

const WHOLE_PLACEHOLDER_RE = /^\{\{[a-z][a-z0-9_]*\}\}$/;

function para(block: Extract<Block, { kind: 'para' }>, keepNext: boolean): Paragraph {
  const heading = block.keepNext ?? false;
  // A list value (an indented paragraph that is one placeholder) becomes one paragraph per item
  // when filled, each with this paragraph's spacing: no space above, or every item is set apart.
  const list = block.indent === 'left' && WHOLE_PLACEHOLDER_RE.test(block.text);
  return paragraph(block.text, {
    alignment: ALIGN[block.align ?? 'justify'],
    ...(block.indent ? { indent: INDENTS[block.indent] } : {}),
    // A heading, and the paragraph a signature follows, move to the next page whole.
    keepNext: heading || keepNext,
    keepLines: heading || keepNext,
    spacing: { before: list ? 0 : Math.round((block.before ?? 0.5) * LINE) },
    run: { bold: block.bold ?? false },
  });
}

/**
 * Title lines as ONE paragraph (lines joined by line breaks), kept with the next. LibreOffice does
 * not always honour a chain of keep-with-next paragraphs ("Pasal 8" / "PENUTUP" was left at the foot
 * of a page); one paragraph kept together and with the next holds.
 */
function title(block: Extract<Block, { kind: 'title' }>): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    keepLines: true,
    widowControl: true,
    spacing: { ...SPACING, before: Math.round((block.before ?? 0) * LINE) },
    children: block.lines.flatMap((line, i) => runs(line, { bold: true, underline: i === 0 && (block.underlineFirst ?? false), lineBreak: i > 0 })),
  });
}

/** A page break that adds no blank line at the top of the next page. */
function pageBreak(): Paragraph {
  return new Paragraph({ spacing: { ...SPACING, line: 20 }, run: { size: 2 }, children: [new TextRun({ size: 2, children: [new PageBreak()] })] });
}

/**
 * The label column of each fields block: the blocks of a letter placed alike (indented or not, no
 * aside) share the widest, so "Dasar :" and "Kepada :" line up.
 */
function labelColumns(blocks: readonly Block[]): Map<Block, number> {
  const fields = blocks.filter((b): b is Extract<Block, { kind: 'fields' }> => b.kind === 'fields');
  const group = (b: (typeof fields)[number]) => (b.aside !== undefined ? `aside-${fields.indexOf(b)}` : `indent-${b.indentLeft ?? false}`);
  const widest = new Map<string, number>();
  for (const b of fields) widest.set(group(b), Math.max(widest.get(group(b)) ?? 0, labelColumn(b)));
  return new Map(fields.map((b) => [b, widest.get(group(b))!]));
}

/** `keepNext`: the block must end on the page where the next one starts. */
function render(block: Block, keepNext: boolean, labels: Map<Block, number>): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'kop':
      return kop(block.lines);
    case 'title':
      return [title(block)];
    case 'para':
      return [para(block, keepNext)];
    case 'addressee':
      return [addressee(block.lines)];
    case 'fields':
      return [fieldsTable(block, labels.get(block)!, keepNext)];
    case 'table':
      // A shaded first row is the header: repeated at the top of every page the table runs over.
      return [
        table(columnWidths(block.widths), block.rows, {
          bordered: true,
          keepNext,
          header: block.rows[0]!.every((c) => c.shade),
          ...(block.repeat !== undefined ? { repeated: true } : {}),
          ...(block.rowHeight !== undefined ? { rowHeight: block.rowHeight } : {}),
        }),
      ];
    case 'signature':
      return [signatureTable(null, block.sig, block.meterai ?? false)];
    case 'signatures':
      return [signatureTable(block.left, block.right, block.meterai ?? false)];
    case 'spacer':
      return [paragraph('', { keepNext })];
    case 'pageBreak':
      return [pageBreak()];
  }
}

/** Which blocks must stay on the page of the block after them: the spacers and the block before each signature. */
export function keptWithNext(blocks: readonly Block[]): boolean[] {
  const keep = blocks.map(() => false);
  blocks.forEach((b, i) => {
    if (b.kind !== 'signature' && b.kind !== 'signatures') return;
    for (let j = i - 1; j >= 0; j--) {
      keep[j] = true;
      if (blocks[j]!.kind !== 'spacer') break;
    }
  });
  return keep;
}

/** The template's .docx bytes (reproducible: fixed timestamps). */
export async function buildTemplateDocx(spec: TemplateSpec): Promise<Buffer> {
  const keep = keptWithNext(spec.blocks);
  const labels = labelColumns(spec.blocks);
  const doc = new Document({
    creator: 'SOP Perpustakaan',
    title: spec.title,
    lastModifiedBy: 'SOP Perpustakaan',
    customProperties: [{ name: 'templateId', value: spec.id }],
    compatibility: { doNotExpandShiftReturn: true },
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZE }, paragraph: { spacing: SPACING } },
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
        children: spec.blocks.flatMap((b, i) => render(b, keep[i]!, labels)),
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
