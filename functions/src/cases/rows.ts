// How a case reads in the lists: a row of "Semua kasus" and of the "Kasus" sheet, and a card of
// "Tugas saya", in Bahasa Indonesia. Pure: the definition, the calendar and the clock come in.
import { DateTime } from 'luxon';
import type { CaseDocument, CaseRow, Task } from '../contract.ts';
import type { CaseSummary } from '../model/store.ts';
import type { WorkCalendar } from '../sop/calendar.ts';
import { currentStepOf, roleLabels } from '../sop/engine.ts';
import type { SopDefinition } from '../sop/schema.ts';

/** A document's state as a clerk reads it (the sidebar's logic/statuses.ts says the same). */
function documentState(d: CaseDocument): string {
  if (d.status === 'pending') return d.templateId || d.outboxId ? 'menunggu dibuat' : 'tercatat';
  return { provided: 'dilampirkan', ready: 'siap', failed: 'gagal' }[d.status];
}

/** One line per document, in step order: "Surat tugas · siap · 000.5.2/117/DISPUSIP/XI/2026". */
function documentLines(docs: Record<string, CaseDocument>): string {
  return Object.values(docs)
    .sort((a, b) => a.step - b.step || a.label.localeCompare(b.label, 'id'))
    .map((d) => [d.label, documentState(d), d.nomor].filter(Boolean).join(' · '))
    .join('\n');
}

/** The link of the document that changed last and has one. */
function latestLink(docs: Record<string, CaseDocument>): string {
  const linked = Object.values(docs).filter((d) => d.url);
  linked.sort((a, b) => b.at.localeCompare(a.at) || b.step - a.step);
  return linked[0]?.url ?? '';
}

export function isOverdue(s: Pick<CaseSummary, 'status' | 'dueAt'>, now: Date): boolean {
  return s.status === 'open' && s.dueAt !== null && now.getTime() > new Date(s.dueAt).getTime();
}

export function caseRow(s: CaseSummary, def: SopDefinition | null, cal: WorkCalendar, timeZone: string, now: Date): CaseRow {
  const step = def ? currentStepOf(def, s) : null;
  return {
    caseId: s.id,
    nomor: s.nomor,
    sop: s.sopTitle,
    mitra: s.partner?.name ?? '',
    langkah: step ? `${step.no}. ${step.activity}` : s.outcome ?? '',
    pelaksana: step && def ? roleLabels(def, step.actors) : '',
    jatuhTempo: s.dueAt ? cal.formatLocal(new Date(s.dueAt)) : '',
    jatuhTempoWaktu: s.dueAt ? DateTime.fromISO(s.dueAt, { zone: timeZone }).toFormat("yyyy-MM-dd'T'HH:mm") : null,
    status: s.status === 'open' ? (isOverdue(s, now) ? 'Terlambat' : 'Berjalan') : s.status === 'closed' ? 'Selesai' : 'Dibatalkan',
    dokumen: documentLines(s.documents),
    tautan: latestLink(s.documents),
    updatedAt: s.updatedAt,
  };
}

export function taskOf(s: CaseSummary, def: SopDefinition | null, cal: WorkCalendar, now: Date): Task | null {
  const step = def ? currentStepOf(def, s) : null;
  if (!step) return null;
  return {
    caseId: s.id,
    nomor: s.nomor,
    title: s.title,
    sopId: s.sopId,
    sopTitle: s.sopTitle,
    partner: s.partner?.name ?? null,
    step: step.no,
    activity: step.activity,
    kind: step.kind,
    performer: step.performer,
    stepStartedAt: s.stepStartedAt,
    dueAt: s.dueAt,
    dueLocal: s.dueAt ? cal.formatLocal(new Date(s.dueAt)) : null,
    overdue: isOverdue(s, now),
    version: s.version,
    returned: s.returned ?? null,
  };
}
