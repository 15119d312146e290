// Rows of cells (from pasted text, a Sheets range or a .docx table) read as Permenpan-format SOP
// tables: the header block found by its column names (No, Kegiatan, Pelaksana..., Kelengkapan,
// Waktu, Output, Keterangan), headers repeated at page breaks skipped, cells split over several
// rows joined, and every other line kept as a title or as text to place.
import { ImportError, type InputKind, type RawStep, type RawTable } from './types.ts';
import { clean, dehyphenate, norm } from './text.ts';

interface Columns {
  no: number;
  activity: number;
  roles: { col: number; label: string }[];
  kelengkapan: number | null;
  waktu: number | null;
  output: number | null;
  keterangan: number | null;
}

/** Header cells are short names; a long cell holding "kegiatan" is an activity, not a header. */
const isKegiatan = (s: string) => s.length <= 40 && /^(uraian )?(kegiatan|aktivitas|langkah)( kegiatan)?$|^uraian$/.test(s);
const isColumnName = (s: string) => s.length <= 40 && /^(pelaksana|mutu baku|waktu|kelengkapan|output|keluaran|keterangan|persyaratan)\b/.test(s);
const isNo = (s: string) => /^(no|nomor|nomor urut|no\. urut)\.?$/.test(s);
const STEP_NO = /^\s*(\d{1,3})\s*[.)]?\s*$/;

function nonEmpty(row: string[]): number {
  return row.filter((c) => clean(c) !== '').length;
}

/** A header row names the activity column and at least one other SOP column. */
function isHeaderRow(row: string[]): boolean {
  const cells = row.map(norm);
  if (!cells.some(isKegiatan)) return false;
  return cells.some((c) => isNo(c) || isColumnName(c));
}

function isDataRow(row: string[], cols: Columns | null): boolean {
  const noCell = row[cols?.no ?? 0] ?? '';
  return STEP_NO.test(noCell) && nonEmpty(row) > 1;
}

/** Column roles from a header block (one or two rows; group labels like PELAKSANA or Mutu Baku above). */
function columnsOf(block: string[][]): Columns {
  const width = Math.max(...block.map((r) => r.length));
  const texts: string[][] = [];
  for (let c = 0; c < width; c++) texts.push(block.map((r) => clean(dehyphenate(r[c] ?? ''))).filter(Boolean));
  const lastOf = (c: number) => norm(texts[c]!.at(-1) ?? '');
  const find = (re: RegExp) => {
    for (let c = 0; c < width; c++) if (re.test(lastOf(c))) return c;
    for (let c = 0; c < width; c++) if (texts[c]!.some((t) => re.test(norm(t)))) return c;
    return null;
  };
  const activity = find(/\b(kegiatan|uraian|aktivitas|langkah)\b/);
  if (activity === null) throw new ImportError('NO_TABLE', 'Kolom Kegiatan/Uraian Kegiatan tidak ditemukan pada baris judul tabel.');
  const no = (() => {
    for (let c = 0; c < width; c++) if (texts[c]!.some((t) => isNo(norm(t)))) return c;
    return activity > 0 ? 0 : activity;
  })();
  const kelengkapan = find(/kelengkapan|persyaratan/);
  const waktu = find(/^waktu$|\bwaktu\b/);
  const output = find(/^output$|\boutput\b|keluaran/);
  const keterangan = find(/keterangan|^ket\.?$/);
  const firstMutu = Math.min(...[kelengkapan, waktu, output, keterangan].filter((c): c is number => c !== null && c > activity), width);
  const roles: { col: number; label: string }[] = [];
  for (let c = activity + 1; c < firstMutu; c++) {
    const own = texts[c]!.filter((t) => !/^pelaksana$/i.test(t.trim()));
    const label = clean((own.length ? own : texts[c]!).at(-1) ?? '');
    if (label) roles.push({ col: c, label });
  }
  return { no, activity, roles, kelengkapan, waktu, output, keterangan };
}

const cell = (row: string[], c: number | null) => (c === null ? '' : (row[c] ?? '').trim());

function appendText(a: string, b: string): string {
  if (!b.trim()) return a;
  if (!a.trim()) return b.trim();
  return `${a}\n${b.trim()}`;
}

/**
 * Reads every SOP table in rows of cells. A header after a title line, or whose first step number
 * restarts, opens a new table; otherwise it is the same table's header repeated at a page break.
 */
export function tablesFromRows(rows: string[][], inputKind: InputKind): RawTable[] {
  const tables: RawTable[] = [];
  let cur: RawTable | null = null;
  let cols: Columns | null = null;
  let step: RawStep | null = null;
  /** Lines that are no part of a row: a title when a header follows, else text to place. */
  let pending: string[] = [];
  /** A header was just seen without a title before it: same table, unless numbering restarts. */
  let repeatedHeader: { cols: Columns; title: null } | null = null;

  const flushPendingInto = (t: RawTable | null, afterStep: number | null) => {
    for (const p of pending) {
      if (t) t.unplaced.push({ text: p, afterStep });
    }
    pending = [];
  };
  const newTable = (title: string | null, c: Columns): RawTable => {
    const t: RawTable = {
      title,
      roleHeaders: c.roles.map((r) => r.label),
      steps: [],
      unplaced: [],
      columns: { kelengkapan: c.kelengkapan !== null, waktu: c.waktu !== null, output: c.output !== null, keterangan: c.keterangan !== null },
      inputKind,
      legalBasis: [],
      warnings: [],
    };
    tables.push(t);
    return t;
  };
  /** Text before the first table: kept for the first table's review. */
  const before: string[] = [];

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (nonEmpty(row) === 0) continue;
    if (isHeaderRow(row)) {
      // The header block: this row and the following rows up to the first step row.
      const block = [row];
      while (i + 1 < rows.length && !isDataRow(rows[i + 1]!, null) && nonEmpty(rows[i + 1]!) > 1) block.push(rows[++i]!);
      const c = columnsOf(block);
      const title = pending.length ? clean(pending.at(-1)!) : null;
      if (title !== null || !cur) {
        // A title line (or the first header): a new table. Lines before the title stay with the previous table.
        if (title !== null) pending.pop();
        if (cur) flushPendingInto(cur, step?.no ?? null);
        else {
          before.push(...pending);
          pending = [];
        }
        cur = newTable(title, c);
        cols = c;
        step = null;
        repeatedHeader = null;
      } else {
        repeatedHeader = { cols: c, title: null };
      }
      continue;
    }
    if (cur && cols && isDataRow(row, cols)) {
      const no = Number(STEP_NO.exec(row[cols.no] ?? '')![1]);
      if (repeatedHeader) {
        if (step && no <= step.no) {
          // Numbering restarts after a header without a title: another table.
          flushPendingInto(cur, step.no);
          cur = newTable(null, repeatedHeader.cols);
          step = null;
        } else if (repeatedHeader.cols.roles.map((r) => norm(r.label)).join('|') !== cols.roles.map((r) => norm(r.label)).join('|')) {
          cur.unplaced.push({ text: `Judul kolom berulang berbeda: ${repeatedHeader.cols.roles.map((r) => r.label).join(', ')}`, afterStep: step?.no ?? null });
        }
        cols = repeatedHeader.cols;
        repeatedHeader = null;
      }
      flushPendingInto(cur, step?.no ?? null);
      step = {
        no,
        activity: cell(row, cols.activity),
        marks: cols.roles.map((r) => cell(row, r.col)),
        kelengkapan: cell(row, cols.kelengkapan),
        waktu: cell(row, cols.waktu),
        output: cell(row, cols.output),
        keterangan: cell(row, cols.keterangan),
        extra: [],
        notes: [],
      };
      // Cells right of the known columns hold text too: never lose it.
      const known = new Set([cols.no, cols.activity, cols.kelengkapan, cols.waktu, cols.output, cols.keterangan, ...cols.roles.map((r) => r.col)]);
      row.forEach((v, c) => {
        if (!known.has(c) && clean(v)) step!.extra.push(clean(v));
      });
      cur.steps.push(step);
      continue;
    }
    if (cur && cols && step && nonEmpty(row) > 1 && !clean(row[cols.no] ?? '')) {
      // A step's cells continued on the next row (a cell split across lines or pages).
      step.activity = appendText(step.activity, cell(row, cols.activity));
      cols.roles.forEach((r, k) => (step!.marks[k] = appendText(step!.marks[k]!, cell(row, r.col))));
      step.kelengkapan = appendText(step.kelengkapan, cell(row, cols.kelengkapan));
      step.waktu = appendText(step.waktu, cell(row, cols.waktu));
      step.output = appendText(step.output, cell(row, cols.output));
      step.keterangan = appendText(step.keterangan, cell(row, cols.keterangan));
      step.notes.push('baris lanjutan digabung ke langkah ini');
      continue;
    }
    pending.push(row.filter((c) => clean(c)).join(' '));
  }
  if (cur) flushPendingInto(cur, step?.no ?? null);
  if (tables.length && before.length) tables[0]!.unplaced.unshift(...before.map((text) => ({ text, afterStep: null })));
  return tables;
}
