// The SOP importer: an SOP table from pasted text (tab-separated like a Word or PDF table copied,
// or the ragged text of an OCR scan), a Google Sheets range, or a .docx file, read into a draft
// definition of the catalog's schema and a review list of what it is unsure of. Pure: no I/O; the
// caller hands in the bytes or the text and the agency's roles and templates.
import { draftFromTable } from './draft.ts';
import { isDocx, rowsFromDocx } from './docx.ts';
import { parseDelimited } from './grid.ts';
import { listFromText } from './list.ts';
import { looksLikeOcrTable, ocrTable } from './ocr.ts';
import { tablesFromRows } from './table.ts';
import { ImportError, type ImportOptions, type ImportedSop, type RawTable } from './types.ts';

export { ImportError } from './types.ts';
export type { ImportedSop, ImportOptions, ReviewItem, ImportErrorCode, InputKind, KnownRole } from './types.ts';

/** Text longer than this is no SOP table (a long SOP is some 30,000 characters). */
export const MAX_TEXT_CHARS = 1_000_000;
/** A .docx larger than this is refused before it is unzipped. */
export const MAX_DOCX_BYTES = 5 * 1024 * 1024;

export type ImportSource = { kind: 'text'; text: string } | { kind: 'rows'; rows: string[][] } | { kind: 'bytes'; bytes: Uint8Array };

function checkText(text: string): void {
  if (text.length > MAX_TEXT_CHARS) throw new ImportError('TOO_LARGE', `Teks terlalu besar (${text.length.toLocaleString('id-ID')} karakter; paling banyak ${MAX_TEXT_CHARS.toLocaleString('id-ID')}). Tempel satu tabel SOP saja.`);
  if (!text.trim()) throw new ImportError('EMPTY', 'Berkas atau teks kosong: tidak ada tabel SOP untuk dibaca.');
  // NUL and other control characters (but tab and line breaks) mean a binary file, not text.
  const control = text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (text.includes('\u0000') || control > Math.max(8, text.length / 200)) {
    throw new ImportError('BINARY', 'Berkas bukan teks dan bukan .docx: unggah tabel SOP sebagai .docx, atau tempel teks tabelnya.');
  }
}

function tablesOfText(text: string): RawTable[] {
  const tsv = tablesFromRows(parseDelimited(text), 'tsv');
  if (tsv.length) return tsv;
  if (looksLikeOcrTable(text)) {
    const ocr = ocrTable(text);
    if (ocr) return [ocr];
  }
  const list = listFromText(text);
  if (list) return [list];
  throw noTable();
}

const noTable = () =>
  new ImportError('NO_TABLE', 'Tabel SOP tidak ditemukan: perlu baris judul kolom dengan No, Kegiatan, Pelaksana dan Mutu Baku (Kelengkapan, Waktu, Output), atau daftar langkah bernomor.');

function draftsOf(tables: RawTable[], opts: ImportOptions): ImportedSop[] {
  return tables.map((t, i) => {
    if (t.inputKind !== 'list' && !t.columns.waktu) {
      throw new ImportError('NO_WAKTU', `Tabel ${i + 1}${t.title ? ` (${t.title})` : ''} tidak punya kolom Waktu (Mutu Baku): standar waktu setiap langkah wajib ada di tabel SOP.`);
    }
    return draftFromTable(t, i + 1, tables.length === 1 ? opts : { ...opts, title: undefined, id: undefined, code: undefined });
  });
}

/**
 * Every SOP table in the source as a draft with its review list; throws ImportError (with a
 * stable code and an Indonesian message) when there is no usable table.
 */
export function importSop(source: ImportSource, opts: ImportOptions = {}): ImportedSop[] {
  if (source.kind === 'rows') {
    const cells = source.rows.reduce((n, r) => n + r.reduce((m, c) => m + c.length, 0), 0);
    if (cells > MAX_TEXT_CHARS) throw new ImportError('TOO_LARGE', `Rentang terlalu besar (${cells.toLocaleString('id-ID')} karakter; paling banyak ${MAX_TEXT_CHARS.toLocaleString('id-ID')}).`);
    if (!cells) throw new ImportError('EMPTY', 'Rentang kosong: tidak ada tabel SOP untuk dibaca.');
    const tables = tablesFromRows(source.rows, 'rows');
    if (!tables.length) throw noTable();
    return draftsOf(tables, opts);
  }
  if (source.kind === 'bytes') {
    if (source.bytes.length > MAX_DOCX_BYTES) throw new ImportError('TOO_LARGE', `Berkas terlalu besar (${(source.bytes.length / 1048576).toFixed(1)} MB; paling besar ${MAX_DOCX_BYTES / 1048576} MB).`);
    if (isDocx(source.bytes)) {
      const tables = tablesFromRows(rowsFromDocx(source.bytes).rows, 'docx');
      if (!tables.length) throw new ImportError('NO_TABLE', 'Berkas .docx berisi tabel, tetapi tidak ada tabel SOP: perlu baris judul kolom dengan No, Kegiatan, Pelaksana dan Mutu Baku (Kelengkapan, Waktu, Output).');
      return draftsOf(tables, opts);
    }
    return importSop({ kind: 'text', text: decodeText(source.bytes) }, opts);
  }
  checkText(source.text);
  return draftsOf(tablesOfText(source.text), opts);
}

/** Bytes of a text file as text; refuses what is not UTF-8 (or UTF-16 with its mark) text. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ImportError('EMPTY', 'Berkas kosong: tidak ada tabel SOP untuk dibaca.');
  if (bytes.length > MAX_DOCX_BYTES) throw new ImportError('TOO_LARGE', `Berkas terlalu besar (${(bytes.length / 1048576).toFixed(1)} MB; paling besar ${MAX_DOCX_BYTES / 1048576} MB).`);
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError('BINARY', 'Berkas bukan teks dan bukan .docx: unggah tabel SOP sebagai .docx, atau tempel teks tabelnya.');
  }
}
