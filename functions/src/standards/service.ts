// What the `api` offers of the service standards: a member's own digest setting, the SOP
// performance report (computed from the audit trail), and (below) the IKM and complaints. Roles
// come from the staff directory; who may read a report comes from the SOP data (its supervising
// roles, cancelRoles).
import { DateTime } from 'luxon';
import type { Caller } from '../cases/service.ts';
import type { Store } from '../model/store.ts';
import { roleLabels } from '../sop/engine.ts';
import { DomainFailure, domainError } from '../sop/errors.ts';
import { computeReport, periodBounds, type SopReport } from './report.ts';
import type { OutboxNotifier } from '../cases/service.ts';
import type { Idempotency } from '../model/store.ts';
import type { IkmResult, ReportDocumentResponse, SurveyRequest, SurveyResponse, TaskSummary } from '../contract.ts';
import { requestHash } from '../model/records.ts';
import { computeIkm } from './ikm.ts';
import { createCalendars } from './calendars.ts';
import { alertTimes } from '../sop/alerts.ts';
import { documentStatusOf as statusOf, REPORT_CASE_ID, reportEntry, reportEntryId } from './report-doc.ts';

export type StandardsService = ReturnType<typeof createStandardsService>;

/** The longest period one report covers: two years (Permenpan-RB asks for every six months). */
export const MAX_REPORT_DAYS = 731;

function invalid(path: string, message: string): DomainFailure {
  return new DomainFailure(domainError('INVALID_INPUT', message, [{ path, message }]));
}

/** A report's period: two valid local dates, in order, at most MAX_REPORT_DAYS apart; refused naming the field otherwise. */
function checkPeriod(from: string, to: string): void {
  const f = DateTime.fromISO(from);
  const t = DateTime.fromISO(to);
  if (!f.isValid) throw invalid('from', 'Tanggal awal periode tidak valid (YYYY-MM-DD).');
  if (!t.isValid) throw invalid('to', 'Tanggal akhir periode tidak valid (YYYY-MM-DD).');
  if (t < f) throw invalid('to', 'Tanggal akhir periode tidak boleh sebelum tanggal awal.');
  if (t.diff(f, 'days').days + 1 > MAX_REPORT_DAYS) throw invalid('to', `Satu laporan mencakup paling lama ${MAX_REPORT_DAYS} hari; bagi periodenya.`);
}

export function createStandardsService(store: Store, opts: { clock?: () => Date; notify?: OutboxNotifier } = {}) {
  const clock = opts.clock ?? (() => new Date());
  const calendarOf = createCalendars(store);
  const service = {
    clock,
    /** The caller's own morning digest, on or off (reminders about their steps always come). */
    /** Whether the caller's morning digest is on (the default, until they turn it off). */
    async digestSetting(c: Caller): Promise<{ digest: boolean }> {
      const member = await store.staff(c.agency.id, c.actor.email);
      return { digest: member?.digest !== false };
    },

    async setDigest(c: Caller, on: boolean): Promise<{ digest: boolean }> {
      await store.reminders.setDigest(c.agency.id, c.actor.email, on);
      return { digest: on };
    },

    /** The SOP performance report of a period (local dates, inclusive), for the SOP's supervising roles. */
    async sopReport(c: Caller, sopId: string, from: string, to: string): Promise<SopReport> {
      const def = await store.definition(c.agency.id, sopId);
      if (!def) throw new DomainFailure(domainError('NOT_FOUND', `SOP "${sopId}" tidak ditemukan.`, [{ path: 'sopId', message: 'SOP tidak dikenal.' }]));
      if (!def.cancelRoles.some((r) => c.actor.roles.includes(r))) {
        throw new DomainFailure(domainError('WRONG_ROLE', `Laporan kinerja SOP ${def.title} hanya dapat dibuka oleh ${roleLabels(def, def.cancelRoles)}.`));
      }
      checkPeriod(from, to);
      const { start, end } = periodBounds(from, to, c.agency.timeZone);
      const [created, open] = await Promise.all([store.reports.casesCreatedBefore(c.agency.id, def.id, end), store.reports.openCasesOf(c.agency.id, def.id)]);
      // Only a case open now or changed since the period began can have events in it.
      const relevant = created.filter((s) => s.status === 'open' || new Date(s.updatedAt).getTime() >= start.getTime());
      const cases = await store.reports.eventsOf(c.agency.id, relevant);
      return computeReport({ agencyId: c.agency.id, timeZone: c.agency.timeZone, def, from, to, now: clock(), cases, open });
    },

    /**
     * The report as a Google Doc (Tabel 7 drafted, Tabel 8 to fill, the evaluator's signature
     * block), queued for the outbox worker once per Idempotency-Key; poll documentStatus for its link.
     */
    async reportDocument(c: Caller, sopId: string, from: string, to: string, idem: Idempotency): Promise<ReportDocumentResponse & { replayed: boolean }> {
      const id = reportEntryId(c.agency.id, sopId, c.actor.email, idem.key);
      const reused = (e: { context: { case: { data: Record<string, unknown> } } | null }) => e.context?.case.data['request'] !== idem.requestHash;
      const refuse = () => new DomainFailure(domainError('IDEMPOTENCY_KEY_REUSED', 'Kunci idempotensi ini sudah dipakai untuk permintaan lain. Gunakan kunci baru untuk setiap tindakan.', [{ path: 'Idempotency-Key', message: 'Kunci sudah dipakai untuk permintaan yang berbeda.' }]));
      const known = await store.reports.documentEntry(c.agency.id, id);
      if (known && reused(known)) throw refuse();
      if (known) return { ...statusOf(known), replayed: true };
      const report = await service.sopReport(c, sopId, from, to);
      const member = await store.staff(c.agency.id, c.actor.email);
      if (!member) throw new DomainFailure(domainError('NOT_STAFF', `${c.actor.email} tidak terdaftar sebagai pegawai aktif ${c.agency.name}.`));
      const fresh = reportEntry(c.agency, member, report, id, clock());
      fresh.context!.case.data['request'] = idem.requestHash;
      const { entry, replayed } = await store.reports.enqueueDocument(fresh);
      if (replayed && reused(entry)) throw refuse();
      if (!replayed) {
        try {
          await opts.notify?.(c.agency.id, [entry.id]);
        } catch (err) {
          console.error(JSON.stringify({ severity: 'WARNING', message: 'report document: outbox notification failed; the sweeper will render it', agencyId: c.agency.id, id, error: String(err) }));
        }
      }
      return { ...statusOf(entry), replayed };
    },

    /** The caller's open tasks counted: all, overdue, past their "soon" reminder; by SOP. */
    async taskSummary(c: Caller): Promise<TaskSummary> {
      const now = clock().getTime();
      const mine = (await store.reminders.openCases(c.agency.id)).filter((s) => s.currentStep !== null && s.currentRoles.some((r) => c.actor.roles.includes(r)));
      const late = (s: (typeof mine)[number]) => s.dueAt !== null && new Date(s.dueAt).getTime() < now;
      // Past the step's "soon" threshold (as the reminders compute it) but not yet due.
      const cal = await calendarOf(c.agency);
      const soonFlags = await Promise.all(
        mine.map(async (s) => {
          if (late(s) || !s.dueAt || !s.stepStartedAt) return false;
          const def = await store.definition(c.agency.id, s.sopId, s.sopVersion);
          const step = def?.steps.find((x) => x.no === s.currentStep);
          if (!def || !step) return false;
          const first = alertTimes(def, step, new Date(s.stepStartedAt), new Date(s.dueAt), cal).find((t) => t.kind === 'soon');
          return !!first && first.at.getTime() <= now;
        }),
      );
      const bySop = new Map<string, TaskSummary['bySop'][number]>();
      for (const s of mine) {
        const row = bySop.get(s.sopId) ?? { sopId: s.sopId, sopTitle: s.sopTitle, total: 0, overdue: 0 };
        row.total++;
        if (late(s)) row.overdue++;
        bySop.set(s.sopId, row);
      }
      return {
        total: mine.length,
        overdue: mine.filter(late).length,
        dueSoon: soonFlags.filter(Boolean).length,
        bySop: [...bySop.values()].sort((a, b) => b.overdue - a.overdue || a.sopTitle.localeCompare(b.sopTitle, 'id')),
      };
    },

    /** One questionnaire entered by staff (a paper SKM form at the desk); recorded once per Idempotency-Key. */
    async recordSurvey(c: Caller, body: SurveyRequest, idem: Idempotency): Promise<SurveyResponse> {
      const def = await store.definition(c.agency.id, body.sop);
      if (!def) throw new DomainFailure(domainError('NOT_FOUND', `SOP "${body.sop}" tidak ditemukan.`, [{ path: 'sop', message: 'SOP tidak dikenal.' }]));
      const id = requestHash(['survey', c.agency.id, c.actor.email.toLowerCase(), idem.key]).slice(0, 32);
      const { record, replayed } = await store.reports.recordSurvey({
        id,
        agencyId: c.agency.id,
        sopId: def.id,
        caseId: null,
        caseNomor: body.caseNomor ?? null,
        answers: body.answers,
        saran: body.saran?.trim() || null,
        at: clock().toISOString(),
        recordedBy: c.actor.email,
        requestHash: idem.requestHash,
      });
      if (replayed && record.requestHash !== idem.requestHash) {
        throw new DomainFailure(domainError('IDEMPOTENCY_KEY_REUSED', 'Kunci idempotensi ini sudah dipakai untuk permintaan lain. Gunakan kunci baru untuk setiap tindakan.', [{ path: 'Idempotency-Key', message: 'Kunci sudah dipakai untuk permintaan yang berbeda.' }]));
      }
      return { id: record.id, replayed };
    },

    /** The IKM of a period (local dates, inclusive), of one SOP or of every service. */
    async ikm(c: Caller, from: string, to: string, sopId?: string): Promise<IkmResult> {
      checkPeriod(from, to);
      if (sopId && !(await store.definition(c.agency.id, sopId))) throw new DomainFailure(domainError('NOT_FOUND', `SOP "${sopId}" tidak ditemukan.`, [{ path: 'sop', message: 'SOP tidak dikenal.' }]));
      const { start, end } = periodBounds(from, to, c.agency.timeZone);
      const all = (await store.reports.surveys(c.agency.id, start, end)).filter((r) => !sopId || r.sopId === sopId);
      return {
        sopId: sopId ?? null,
        period: { from, to },
        ...computeIkm(all),
        saran: all.filter((r) => r.saran).map((r) => ({ at: r.at, text: r.saran!, caseNomor: r.caseNomor })),
      };
    },

    async documentStatus(c: Caller, entryId: string): Promise<ReportDocumentResponse> {
      const e = await store.reports.documentEntry(c.agency.id, entryId);
      if (!e || e.caseId !== REPORT_CASE_ID) throw new DomainFailure(domainError('NOT_FOUND', `Dokumen laporan ${entryId.slice(0, 80)} tidak ditemukan.`, [{ path: 'entry', message: 'Tidak ada dokumen laporan dengan pengenal ini.' }]));
      return statusOf(e);
    },
  };
  return service;
}

