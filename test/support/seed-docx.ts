// .docx files built from the seed tables with the `docx` package, as an agency's Word file holds them:
// a title paragraph above each SOP, one Word table per page of the seed (so the header repeats),
// the header's group cells merged (PELAKSANA and Mutu Baku across their columns, No and Kegiatan
// down two rows), the Pelaksana mark cells left empty as in the originals, long activities in two
// paragraphs.
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';

type Block = { kind: 'title'; text: string } | { kind: 'table'; rows: string[][] };

function cellOf(text: string, opts: { span?: number; vmerge?: 'restart' | 'continue' } = {}): TableCell {
  const paras = text.includes(', jika') ? [text.slice(0, text.indexOf(', jika') + 1), text.slice(text.indexOf(', jika') + 2)] : text.split('\n');
  return new TableCell({
    children: paras.map((p) => new Paragraph({ children: [new TextRun(p)] })),
    ...(opts.span && opts.span > 1 ? { columnSpan: opts.span } : {}),
    ...(opts.vmerge ? { verticalMerge: opts.vmerge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
  });
}

/** A two-row header as Word merges it; data rows cell by cell. */
function tableOf(rows: string[][]): Table {
  const width = Math.max(...rows.map((r) => r.length));
  const pad = (r: string[]) => [...r, ...Array(width - r.length).fill('')].map((c) => c.trim());
  const grid = rows.map(pad);
  const out: TableRow[] = [];
  let i = 0;
  const isTwoRowHeader = grid.length > 1 && /^no\.?$/i.test(grid[0]![0]!) && grid[1]![0] === '' && grid[1]!.some((c) => c);
  if (isTwoRowHeader) {
    const [top, sub] = [grid[0]!, grid[1]!];
    const topCells: TableCell[] = [];
    const subCells: TableCell[] = [];
    for (let c = 0; c < width; ) {
      if (top[c] && !sub[c]) {
        topCells.push(cellOf(top[c]!, { vmerge: 'restart' }));
        subCells.push(cellOf('', { vmerge: 'continue' }));
        c++;
        continue;
      }
      let span = 1;
      while (c + span < width && !top[c + span] && sub[c + span]) span++;
      topCells.push(cellOf(top[c]!, { span }));
      for (let k = 0; k < span; k++) subCells.push(cellOf(sub[c + k]!));
      c += span;
    }
    out.push(new TableRow({ children: topCells, tableHeader: true }), new TableRow({ children: subCells, tableHeader: true }));
    i = 2;
  }
  for (; i < grid.length; i++) out.push(new TableRow({ children: grid[i]!.map((c) => cellOf(c)) }));
  return new Table({ rows: out, width: { size: 100, type: WidthType.PERCENTAGE } });
}

/** Seed text of tab-separated tables (seed 002) as blocks: titles, and a table per page. */
export function blocksOfTabText(text: string): Block[] {
  const blocks: Block[] = [];
  let rows: string[][] | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (line.includes('\t')) {
      const cells = line.split('\t');
      if (/^no$/i.test(cells[0]!.trim()) && rows && rows.length) {
        blocks.push({ kind: 'table', rows });
        rows = null;
      }
      (rows ??= []).push(cells);
      continue;
    }
    if (rows) {
      blocks.push({ kind: 'table', rows });
      rows = null;
    }
    if (line.trim()) blocks.push({ kind: 'title', text: line.trim() });
  }
  if (rows) blocks.push({ kind: 'table', rows });
  return blocks;
}

export async function docxOf(blocks: Block[]): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    if (b.kind === 'title') children.push(new Paragraph({ children: [new TextRun({ text: b.text, bold: true })] }));
    else {
      children.push(tableOf(b.rows));
      children.push(new Paragraph({ children: [] }));
    }
  }
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

/**
 * Seed 001's table (Bu RT) as its scan shows it once the OCR noise is corrected (the same reading as
 * the catalog test's independent transcription): the Pelaksana columns of the scan, items as bullets.
 */
export const BURT_ROWS: string[][] = [
  ['No', 'Uraian Kegiatan', 'Pelaksana', '', '', 'Mutu Baku', '', '', 'Keterangan'],
  ['', '', 'Pelaksana', 'Sekretaris Dinas', 'Kepala Dinas', 'Kelengkapan', 'Waktu', 'Output', ''],
  ['1.', 'Sosialisasi dengan pihak terkait.', '', '', '', '- Tatap Muka\n- Sosial Media', '30 Menit', 'Adanya ketertarikan masyarakat untuk ikut serta dalam kegiatan.', ''],
  ['2.', 'Kerjasama dengan pihak terkait ataupun dengan stakeholder lainnya.', '', '', '', '- Kelengkapan surat\n- MoU dengan pihak terkait.', '15 menit', 'Terlaksananya kerjasama dengan pihak terkait.', ''],
  ['3.', 'Peminjaman kolektif buku.', '', '', '', '- Surat permintaan peminjaman\n- Balasan surat terkait.', '15 menit', 'Terlaksananya peminjaman kolektif dengan pihak terkait.', ''],
  ['4.', 'Penyaluran/distribusi buku dengan pihak terkait ataupun dengan stakeholder lainnya.', '', '', '', '- Buku yang diperlukan\n- List judul buku', '30 menit', 'Terlaksananya penyaluran buku dengan pihak terkait', ''],
  ['5.', 'Melaksanakan kegiatan pembinaan perpustakaan.', '', '', '', '- Surat permintaan pembinaan perpustakaan.\n- Jadwal kegiatan pembinaan perpustakaan', 'ljam', 'Terlaksananya kegiatan pembinaan perpustakaan.', ''],
  ['6.', 'Turut serta dalam kegiatan pendampingan masyarakat.', '', '', '', '- Surat koordinasi dengan pihak terkait.\n- Terjun langsung ke lapangan', '30 menit', 'Terlaksananya kegiatan pendampingan masyarakat. Seperti ikut serta dalam kegiatan di desa terkait.', ''],
];

/** Seed 004's numbered procedure (KITAPUN SENAPAS) as a table of activities; Mutu Baku cells empty as the seed gives none. */
export function kitapunRows(seedText: string): string[][] {
  const lines = seedText.split(/\r?\n/).map((l) => l.trim());
  const start = lines.findIndex((l) => /^1\.\s+Kepala/.test(l));
  const steps: string[][] = [];
  for (let i = start; i < lines.length; i++) {
    const m = /^(\d+)\.\s+(.*)$/.exec(lines[i]!);
    if (!m) {
      if (lines[i]) break;
      continue;
    }
    steps.push([`${m[1]}.`, m[2]!, '', '', '', '']);
  }
  return [['No', 'Kegiatan', 'Kelengkapan', 'Waktu', 'Output', 'Keterangan'], ...steps];
}
