// The SOP performance report as a Google Doc, through the letters pipeline: one outbox entry of
// the `laporan_kinerja_sop` template whose context carries the report's text as it was computed,
// drained by the worker like any letter (copy the template Doc, one batchUpdate, export the PDF),
// exactly once per request (the entry id comes from the caller and the Idempotency-Key).
import type { ReportDocumentResponse, SopReport } from '../contract.ts';
import type { LetterContext } from '../documents/types.ts';
import { freshEntry, requestHash, type Agency, type OutboxEntry, type Staff } from '../model/records.ts';
import { DomainFailure, domainError } from '../sop/errors.ts';
import { durationText } from './report.ts';

/** The case id a report's outbox entry carries: no case has it, so settling it touches no case. */
export const REPORT_CASE_ID = 'laporan-kinerja-sop';

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);

/** The report's sections as the document prints them, one line per item. */
export function reportText(r: SopReport): Record<string, unknown> {
  const c = r.cases;
  const lines = (items: string[], none: string) => (items.length ? items.map((t, i) => `${i + 1}. ${t}`).join('\n') : none);
  return {
    sop_judul: r.sopTitle,
    periode: r.period.label,
    sumber: `riwayat langkah (jejak audit) semua kasus SOP ini, dihitung ${r.generatedLocal}`,
    ringkasan_kasus: [
      `Kasus dibuka dalam periode: ${c.opened}`,
      `Kasus selesai dalam periode: ${c.closed}`,
      `Kasus dibatalkan dalam periode: ${c.cancelled}`,
      `Kasus masih berjalan pada akhir periode: ${c.openAtEnd}`,
      `Kasus berjalan saat laporan dibuat: ${c.openNow}, di antaranya terlambat: ${c.overdueNow}`,
      ...r.trend.map((t) => `Bulan ${t.month}: ${t.opened} dibuka, ${t.closed} selesai, ${t.within} dari ${t.measured} langkah terukur dalam standar (${pct(t.shareWithin)})`),
    ].join('\n'),
    waktu_langkah: lines(
      r.steps.map((s) => `Langkah ${s.step} (standar ${s.standard}): ${s.count} kali; median ${durationText(s.medianMinutes)}, persentil ke-90 ${durationText(s.p90Minutes)}, terlama ${durationText(s.maxMinutes)}; dalam standar ${s.within} dari ${s.measured} (${pct(s.shareWithin)})${s.worst[0] && s.worst[0].lateMinutes > 0 ? `; terlambat terlama ${s.worst.filter((w) => w.lateMinutes > 0).map((w) => `${w.nomor} (${durationText(w.lateMinutes)})`).join(', ')}` : ''}`),
      'Tidak ada langkah yang diselesaikan dalam periode ini.',
    ),
    hambatan: lines(
      [
        ...r.bottlenecks.map((b) => `Hambatan: langkah ${b.step} (${b.activity.slice(0, 120)}), ${durationText(b.lateMinutes)} melewati tenggat dalam periode; ${pct(b.shareWithin)} dalam standar.`),
        ...r.decisions.map((d) => `Keputusan langkah ${d.step}: ${d.yes} kali "ya", ${d.no} kali "tidak"${d.loopsBack ? ' (dikembalikan untuk diperbaiki)' : ''} pada ${d.casesWithNo} kasus; paling banyak ${d.maxNoPerCase} kali pada satu kasus.`),
      ],
      'Tidak ada langkah yang melewati tenggat dan tidak ada keputusan dalam periode ini.',
    ),
    terlambat: lines(
      r.overdueNow.map((o) => `${o.nomor}, langkah ${o.step ?? '–'}: jatuh tempo ${o.dueLocal}, terlambat ${durationText(o.lateMinutes)}`),
      'Tidak ada kasus yang terlambat.',
    ),
    ambang: `${Math.round(r.tabel7.threshold * 100)}%`,
    tabel7: r.tabel7.rows.map((x) => ({ no: x.no, prosedur: x.prosedur, penilaian: x.penilaian, catatan: x.catatan })),
    tabel8: r.tabel8.rows.map((x) => ({ aspek: x.aspek, bahan: x.bahan })),
  };
}

export function reportEntryId(agencyId: string, sopId: string, email: string, key: string): string {
  return `laporan-${sopId}-${requestHash([agencyId, email.toLowerCase(), key]).slice(0, 24)}`;
}

/** The outbox entry that renders the report as a Doc, signed (paraf and name) by the evaluator who asked for it. */
export function reportEntry(agency: Agency, member: Staff, r: SopReport, id: string, now: Date): OutboxEntry {
  if (!agency.letterhead) throw new DomainFailure(domainError('NOT_FOUND', `Instansi ${agency.name} belum mengatur kop surat; laporan tidak dapat dibuat sebagai dokumen.`));
  const title = `Laporan Monitoring dan Evaluasi SOP ${r.sopTitle} ${r.period.from} s.d. ${r.period.to}`;
  const context: LetterContext = {
    agency: { id: agency.id, name: agency.name, shortName: agency.shortName, timeZone: agency.timeZone, letterhead: { ...agency.letterhead } },
    case: { id: REPORT_CASE_ID, nomor: title, sopId: r.sopId, sopTitle: r.sopTitle, title, partner: null, data: reportText(r), documents: {}, decisions: {} },
    step: { no: 0, activity: 'Laporan monitoring dan evaluasi pelaksanaan SOP', note: null },
    actor: { email: member.email, name: member.name, ...(member.jabatan ? { jabatan: member.jabatan } : {}), ...(member.nip ? { nip: member.nip } : {}), ...(member.pangkat ? { pangkat: member.pangkat } : {}) },
    signer: null,
    nomor: null,
    at: now.toISOString(),
  };
  return {
    kind: 'letter',
    id,
    agencyId: agency.id,
    caseId: REPORT_CASE_ID,
    docId: 'laporan_kinerja_sop',
    docLabel: 'Laporan monitoring dan evaluasi SOP',
    revision: 1,
    templateId: 'laporan_kinerja_sop',
    title,
    context,
    email: null,
    ...freshEntry(now.toISOString()),
  };
}

/** A document rendered through the outbox, as its requester follows it: pending, ready with its links, or failed with why. */
export function documentStatusOf(e: OutboxEntry): ReportDocumentResponse {
  return {
    entry: e.id,
    title: e.title,
    status: e.status === 'done' ? 'ready' : e.status === 'dead' ? 'failed' : 'pending',
    url: e.status === 'done' ? (e.progress.url ?? null) : null,
    pdfUrl: e.status === 'done' ? (e.progress.pdfUrl ?? null) : null,
    error: e.status === 'dead' ? e.lastError : null,
  };
}
