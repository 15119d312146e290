// "Semua kasus": the agency's dashboard rows, read defensively (the API searches them).
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
