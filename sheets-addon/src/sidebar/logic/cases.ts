// "Semua kasus": the agency's dashboard rows, read defensively, searched as people type.
import type { CaseRow } from '../../../../functions/src/contract.ts';

/** The badge colour of a row's status, the same as on the case detail. */
export function rowStatusKind(status: string): 'late' | 'ok' | 'muted' | 'info' {
  return status === 'Terlambat' ? 'late' : status === 'Selesai' ? 'ok' : status === 'Dibatalkan' ? 'muted' : 'info';
}

/** The rows of the answer, dropping anything without an id (the API sends them newest first). */
export function caseRows(reply: unknown): CaseRow[] {
  const list = (reply as { cases?: unknown } | null)?.cases;
  if (!Array.isArray(list)) return [];
  return list
    .filter((r): r is Record<string, unknown> => !!r && typeof r === 'object' && typeof (r as { caseId?: unknown }).caseId === 'string')
    .map((r) => {
      const text = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : '');
      const status = text('status');
      return {
        caseId: r.caseId as string,
        nomor: text('nomor'),
        sop: text('sop'),
        mitra: text('mitra'),
        langkah: text('langkah'),
        pelaksana: text('pelaksana'),
        jatuhTempo: text('jatuhTempo'),
        jatuhTempoWaktu: typeof r.jatuhTempoWaktu === 'string' ? r.jatuhTempoWaktu : null,
        status: (['Berjalan', 'Terlambat', 'Selesai', 'Dibatalkan'].includes(status) ? status : 'Berjalan') as CaseRow['status'],
        dokumen: text('dokumen'),
        tautan: text('tautan'),
        updatedAt: text('updatedAt'),
      };
    });
}

/** Lower case without diacritics and with runs of spaces folded, for matching what people type. */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The rows matching what was typed: every word must occur in the nomor, the partner, the SOP or
 * the status (in any of them, in any order). An empty query keeps every row, in the same order.
 */
export function filterCases<T extends Pick<CaseRow, 'nomor' | 'mitra' | 'sop' | 'status'>>(rows: T[], query: string): T[] {
  const words = searchKey(query).split(' ').filter(Boolean);
  if (!words.length) return rows;
  return rows.filter((r) => {
    const hay = searchKey(`${r.nomor} ${r.mitra} ${r.sop} ${r.status}`);
    return words.every((w) => hay.includes(w));
  });
}

/**
 * Where the case stands, as the row reads: the current step while open ("Langkah 3: ..."), the
 * outcome once closed ("Hasil: ..."), the reason once cancelled (the API's outcome then reads
 * "Dibatalkan: <alasan>").
 */
export function rowProgress(r: Pick<CaseRow, 'status' | 'langkah'>): string {
  const text = r.langkah.trim();
  if (r.status === 'Dibatalkan') {
    const m = /^Dibatalkan:\s*([\s\S]+)$/.exec(text);
    return m ? `Alasan pembatalan: ${m[1]}` : text || 'Kasus dibatalkan.';
  }
  if (r.status === 'Selesai') return text ? `Hasil: ${text}` : 'Kasus selesai.';
  const m = /^(\d+)\.\s*([\s\S]*)$/.exec(text);
  return m ? `Langkah ${m[1]}: ${m[2]}` : text || 'Langkah belum diketahui.';
}
