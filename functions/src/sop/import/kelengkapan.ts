// The Kelengkapan column split into items and each item typed: documents (must be present), data
// (typed values), checklist (equipment and readiness) and office items (informational). The words
// are those of Indonesian office practice, not of one SOP; an item none of them fits is a
// checklist item and goes to the review list.
import { clean, norm, words } from './text.ts';
import type { DataType } from '../schema.ts';

export type ItemKind = 'document' | 'data' | 'checklist' | 'office';

const DOCUMENT = /\b(surat|sural|lembar|disposisi|nota|mou|pks|draft|draf|drafts|laporan|notulensi|notulen|notula|konsep|berita acara|sk|proposal|rekapitulasi|formulir|sertifikat|piagam|kontrak|perjanjian|undangan|dokumen|berkas|naskah|memo|kwitansi|kuitansi|nodin|spt|sppd)\b/;
const OFFICE = /\b(atk|alat tulis|komputer|laptop|printer|jaringan|internet|wifi|wi-fi|smartphone|hp|handphone|telepon|telpon|photocopy|fotokopi|fotocopy|foto copy|listrik|ups|server|aplikasi|scanner|pemindai|kertas|email|e-mail|website|proyektor)\b/;
const DATA = /\b(jadwal|waktu|tempat|tanggal|nama|jumlah|data|daftar|list|judul|ide|gagasan|peluang|kecocokan|alamat|nomor|lokasi|sasaran|metode|catatan|saran|hasil|nilai|skor|identitas|kontak|tautan|link|periode)\b/;

export function kindOf(item: string): ItemKind {
  const l = norm(item);
  if (DOCUMENT.test(l)) return 'document';
  if (OFFICE.test(l)) return 'office';
  if (DATA.test(l)) return 'data';
  return 'checklist';
}

/** Whether the type came from a word in the item (true) or from the fallback (false: review). */
export function kindIsSure(item: string): boolean {
  const l = norm(item);
  return DOCUMENT.test(l) || OFFICE.test(l) || DATA.test(l);
}

export function dataTypeOf(item: string): DataType {
  const l = norm(item);
  if (/\b(tanggal)\b/.test(l)) return 'date';
  if (/\b(jadwal|waktu)\b/.test(l)) return 'datetime';
  if (/\b(jumlah|nilai|skor)\b/.test(l)) return 'integer';
  if (/\b(email|e-mail|surel)\b/.test(l)) return 'email';
  if (/\b(tautan|link|url)\b/.test(l)) return 'url';
  if (/\b(daftar|list|judul)\b/.test(l)) return 'list';
  if (/\b(nama|tempat|lokasi|alamat|nomor|kontak|periode)\b/.test(l)) return 'text';
  return 'longtext';
}

/**
 * Splits a Kelengkapan cell into items: at commas, semicolons, line breaks and bullets, and at "dan"
 * between two short items ("Konsep dan lembar disposisi", "Karpet dan Informasi Pustakawan").
 * A trailing full stop or comma is dropped; nothing else changes.
 */
export function splitItems(cell: string): string[] {
  const parts = cell
    .split(/\r?\n|[;,]|(?:^|\s)[-–•·*]\s+|\s[-–]\s/u)
    .map((p) => clean(p).replace(/^[-–•·*]\s*/u, '').replace(/[.,;:]+$/, '').trim())
    .filter((p) => p && /[\p{L}\p{N}]/u.test(p));
  const out: string[] = [];
  for (const p of parts) {
    const halves = p.split(/\s+dan\s+/i);
    if (halves.length === 2 && halves.every((h) => words(h).length >= 1 && words(h).length <= 3)) out.push(...halves.map((h) => h.trim()));
    else out.push(p);
  }
  return out;
}

/** Splits an Output cell into the things it names, as for kelengkapan. */
export function splitOutput(cell: string): string[] {
  return splitItems(cell);
}

/**
 * A produced thing named by its head noun: a letter (rendered from a template), a record (an agenda
 * entry, a plan), or neither (an outcome: "Terekapnya buku ...", "Kecocokan jadwal ...").
 */
export function outputKind(item: string): 'letter' | 'record' | null {
  const ws = words(item);
  const head = ws[0] ?? '';
  const two = ws.slice(0, 2).join(' ');
  if (/^(agenda|rencana|daftar|formulir|rekapitulasi)$/.test(head)) return 'record';
  if (/^(surat|sural|nota|lembar|disposisi|undangan|sertifikat|piagam|mou|pks|perjanjian|draft|draf|laporan|notula|notulensi|notulen|sk|memo|konsep)$/.test(head) || two === 'berita acara') return 'letter';
  return null;
}
