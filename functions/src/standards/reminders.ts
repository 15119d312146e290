// The scheduled `remind` run: reminders before a step is due, a notice once it is late, an
// escalation to the supervising roles once it is late by the SOP's margin, and each person's
// morning digest at 07.30 in the agency's zone on working days. Everything is an outbox e-mail
// written in the same transaction as its record, keyed by step instance and threshold (or person
// and day), so running twice, or on two instances at once, sends nothing twice; with nothing due,
// nothing is written or sent.
import { DateTime } from 'luxon';
import type { CaseNotice, CaseState, NoticeKind } from '../contract.ts';
import { freshEntry, requestHash, type Agency, type OutboxEntry, type Staff } from '../model/records.ts';
import type { Store } from '../model/store.ts';
import type { OutboxNotifier } from '../cases/service.ts';
import { alertsDue, alertTimes, escalationRoles } from '../sop/alerts.ts';
import { roleLabels } from '../sop/engine.ts';
import { stepOf, type SopDefinition } from '../sop/schema.ts';
import { createCalendars } from './calendars.ts';

export interface ReminderOptions {
  clock?: () => Date;
  notify?: OutboxNotifier;
  /** Local time the digest goes out from (07.30) and the hour after which a missed one is no longer sent (12). */
  digest?: { hour: number; minute: number; untilHour: number };
  /** Cases read per page of the due-alert query. */
  pageSize?: number;
}

export interface ReminderRun {
  notices: Record<NoticeKind, number>;
  /** Thresholds passed while no run was made, not sent because a later one was. */
  skipped: number;
  /** Cases whose alert moved on without a notice (the step changed meanwhile). */
  moved: number;
  digests: number;
  /** Agencies whose digest day was completed in this run. */
  digestAgencies: string[];
}

export const DIGEST_DEFAULT = { hour: 7, minute: 30, untilHour: 12 } as const;

const KIND_WORD: Record<NoticeKind, string> = { soon: 'Pengingat', overdue: 'Terlambat', escalation: 'Eskalasi' };

export function noticeId(step: number, stepStartedAt: string, kind: NoticeKind): string {
  return `${step}-${new Date(stepStartedAt).getTime()}-${kind}`;
}

function clip(text: string, max = 200): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export type ReminderService = ReturnType<typeof createReminderService>;

export function createReminderService(store: Store, opts: ReminderOptions = {}) {
  const clock = opts.clock ?? (() => new Date());
  const digestAt = opts.digest ?? DIGEST_DEFAULT;
  const pageSize = opts.pageSize ?? 200;
  const calendarOf = createCalendars(store);
  const notify: OutboxNotifier = async (agencyId, ids) => {
    try {
      if (ids.length) await opts.notify?.(agencyId, ids);
    } catch (err) {
      console.error(JSON.stringify({ severity: 'WARNING', message: 'reminder: outbox notification failed; the sweeper will send them', agencyId, error: String(err) }));
    }
  };

  function mail(agency: Agency, id: string, caseId: string, label: string, to: string[], subject: string, text: string, at: string): OutboxEntry {
    return { kind: 'mail', id, agencyId: agency.id, caseId, docId: 'pengingat', docLabel: label, revision: 1, templateId: '', title: subject, context: null, email: { to, subject, text }, ...freshEntry(at) };
  }

  function noticeMessage(kind: NoticeKind, state: CaseState, step: number, dueLocal: string, roles: string, nobody: boolean): string {
    const what =
      kind === 'soon' ? `Langkah ${step} kasus ${state.nomor} akan jatuh tempo ${dueLocal}.` : kind === 'overdue' ? `Langkah ${step} kasus ${state.nomor} melewati jatuh tempo ${dueLocal}.` : `Langkah ${step} kasus ${state.nomor} terlambat melewati batas toleransi sejak jatuh tempo ${dueLocal}; dieskalasi ke ${roles}.`;
    if (roles === '') return `${what.replace(/; dieskalasi ke \.$/, '.')} SOP ini tidak punya peran atasan di atas pelaksana langkah ini (atur reminders.escalateTo): tidak ada peran atasan yang dapat diberi tahu.`;
    return nobody ? `${what} Tidak ada pegawai aktif dengan peran ${roles}: tidak ada e-mail terkirim.` : what;
  }

  /** One case whose alert instant has come: the notice it calls for, decided in its transaction. */
  async function alertCase(agency: Agency, caseId: string, now: Date, run: ReminderRun): Promise<void> {
    const cal = await calendarOf(agency);
    const w = await store.reminders.issueNotice(
      agency.id,
      caseId,
      async (s, tools) => {
        if (s.status !== 'open' || s.currentStep === null || !s.stepStartedAt || !s.dueAt) return { notice: null, outbox: [], alertAt: null };
        if (!s.alertAt || new Date(s.alertAt).getTime() > now.getTime()) return null; // another run handled it
        const def = await store.definition(agency.id, s.sopId, s.sopVersion);
        if (!def) return { notice: null, outbox: [], alertAt: null };
        const step = stepOf(def, s.currentStep);
        const itemCount = step.itemCountField ? s.data[step.itemCountField] : undefined;
        const times = alertTimes(def, step, new Date(s.stepStartedAt), new Date(s.dueAt), cal, typeof itemCount === 'number' ? itemCount : undefined);
        const due = alertsDue(times, new Date(s.alertAt), now);
        const alertAt = due.next?.toISOString() ?? null;
        if (!due.send) return { notice: null, outbox: [], alertAt };
        const kind = due.send.kind;
        const roles = kind === 'escalation' ? escalationRoles(def, step) : [...step.actors];
        const staff = (await tools.staffWithRoles(roles)).sort((a, b) => a.email.localeCompare(b.email));
        const to = staff.map((m) => m.email);
        const dueLocal = cal.formatDue(new Date(s.stepStartedAt), new Date(s.dueAt));
        const at = now.toISOString();
        const id = noticeId(step.no, s.stepStartedAt, kind);
        const notice: CaseNotice = {
          id,
          kind,
          at,
          step: step.no,
          stepStartedAt: s.stepStartedAt,
          dueAt: s.dueAt,
          thresholdAt: due.send.at.toISOString(),
          skipped: due.skipped,
          roles,
          to,
          message: noticeMessage(kind, s, step.no, dueLocal, roleLabels(def, roles), to.length === 0),
        };
        const subject = `${KIND_WORD[kind]}: ${s.nomor} langkah ${step.no} ${kind === 'soon' ? `jatuh tempo ${dueLocal}` : `terlambat sejak ${dueLocal}`} — ${agency.shortName}`;
        const text = [
          'Yth. Bapak/Ibu,',
          '',
          notice.message,
          '',
          `Kasus: ${s.nomor} — ${s.title}`,
          `SOP: ${s.sopTitle}`,
          `Langkah ${step.no}: ${clip(step.activity, 400)}`,
          `Pelaksana: ${roleLabels(def, step.actors)}`,
          `Mulai: ${cal.formatLocal(new Date(s.stepStartedAt))}`,
          `Jatuh tempo: ${dueLocal} (standar waktu: ${step.waktu ?? 'tidak ditentukan'})`,
          '',
          kind === 'escalation' ? 'Mohon arahan agar langkah ini segera diselesaikan.' : 'Kerjakan langkah ini melalui panel Layanan Perpustakaan di Google Sheets.',
          '',
          'Pesan otomatis,',
          agency.name,
        ].join('\n');
        const outbox = to.length ? [mail(agency, `pengingat-${caseId}-${id}`, caseId, `${KIND_WORD[kind]} langkah ${step.no}`, to, subject, text, at)] : [];
        return { notice, outbox, alertAt };
      },
    );
    if (!w) return;
    if (!w.notice) {
      run.moved++;
      return;
    }
    run.notices[w.notice.kind]++;
    run.skipped += w.notice.skipped.length;
    await notify(agency.id, w.outbox.map((e) => e.id));
  }

  async function notices(now: Date, run: ReminderRun): Promise<void> {
    const agencies = new Map<string, Agency | null>();
    let after: { alertAt: string; path: string } | undefined;
    for (;;) {
      const page = await store.reminders.alertsDue(now, pageSize, after);
      for (const c of page) {
        if (!agencies.has(c.agencyId)) agencies.set(c.agencyId, await store.agency(c.agencyId));
        const agency = agencies.get(c.agencyId);
        if (!agency) continue;
        try {
          await alertCase(agency, c.caseId, now, run);
        } catch (err) {
          // One broken case must not keep the others' reminders back; its alert stays due for the next run.
          console.error(JSON.stringify({ severity: 'ERROR', message: 'reminder: case failed', agencyId: c.agencyId, caseId: c.caseId, error: err instanceof Error ? err.stack : String(err) }));
        }
      }
      if (page.length < pageSize) return;
      after = { alertAt: page.at(-1)!.alertAt, path: page.at(-1)!.path };
    }
  }

  /** One person's digest: their tasks, overdue first, then by due time; null with nothing to do. */
  function digestOf(agency: Agency, member: Staff, open: CaseState[], defs: Map<string, SopDefinition | null>, formatLocal: (d: Date) => string, formatDue: (from: Date | null, d: Date) => string, now: Date, date: string) {
    const mine = open.filter((s) => s.currentStep !== null && s.currentRoles.some((r) => member.roles.includes(r)));
    if (mine.length === 0) return null;
    const late = (s: CaseState) => s.dueAt !== null && new Date(s.dueAt).getTime() < now.getTime();
    mine.sort((a, b) => Number(late(b)) - Number(late(a)) || (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff') || a.nomor.localeCompare(b.nomor));
    const overdue = mine.filter(late).length;
    const lines = mine.map((s, i) => {
      const def = defs.get(`${s.sopId}@${s.sopVersion}`);
      const step = def ? def.steps.find((x) => x.no === s.currentStep) : undefined;
      return [
        `${i + 1}. ${late(s) ? '[TERLAMBAT] ' : ''}${s.nomor} — ${s.title}`,
        `   Langkah ${s.currentStep}: ${step ? clip(step.activity) : ''}`,
        `   Jatuh tempo: ${s.dueAt ? formatDue(s.stepStartedAt ? new Date(s.stepStartedAt) : null, new Date(s.dueAt)) : 'tanpa tenggat (standar waktu tidak menentukan)'}`,
      ].join('\n');
    });
    const day = formatLocal(now).replace(/ \d{2}\.\d{2} \w+$/, '');
    const subject = `Ringkasan tugas ${day}: ${mine.length} tugas${overdue ? `, ${overdue} terlambat` : ''} — ${agency.shortName}`;
    const text = [
      `Yth. ${member.name},`,
      '',
      `Tugas Anda per ${formatLocal(now)} (yang terlambat lebih dulu):`,
      '',
      ...lines,
      '',
      'Kerjakan melalui panel Layanan Perpustakaan di Google Sheets.',
      'Ringkasan pagi ini dapat Anda matikan sendiri di panel (Tugas saya → Ringkasan pagi).',
      '',
      'Pesan otomatis,',
      agency.name,
    ].join('\n');
    const id = `ringkasan-${date}-${requestHash(['digest', member.email.toLowerCase()]).slice(0, 24)}`;
    return { entry: mail(agency, id, 'ringkasan-harian', 'Ringkasan tugas harian', [member.email], subject, text, now.toISOString()), tasks: mine.length, overdue };
  }

  async function digests(now: Date, run: ReminderRun): Promise<void> {
    for (const agency of await store.reminders.agencies()) {
      const local = DateTime.fromJSDate(now, { zone: agency.timeZone });
      const minutes = local.hour * 60 + local.minute;
      if (minutes < digestAt.hour * 60 + digestAt.minute || local.hour >= digestAt.untilHour) continue;
      const cal = await calendarOf(agency);
      if (!cal.isWorkingDay(now)) continue;
      const date = local.toISODate()!;
      if (await store.reminders.digestDayDone(agency.id, date)) continue;
      const [open, staff] = await Promise.all([store.reminders.openCases(agency.id), store.reminders.activeStaff(agency.id)]);
      const defs = new Map<string, SopDefinition | null>();
      for (const s of open) {
        const k = `${s.sopId}@${s.sopVersion}`;
        if (!defs.has(k)) defs.set(k, await store.definition(agency.id, s.sopId, s.sopVersion));
      }
      const ids: string[] = [];
      for (const member of staff) {
        if (member.digest === false) continue;
        const d = digestOf(agency, member, open, defs, cal.formatLocal, cal.formatDue, now, date);
        if (!d) continue;
        if (await store.reminders.recordDigest(agency.id, date, member.email, d.entry, { tasks: d.tasks, overdue: d.overdue }, now.toISOString())) {
          ids.push(d.entry.id);
          run.digests++;
        }
      }
      await store.reminders.markDigestDay(agency.id, date, { sent: ids.length, at: now.toISOString() });
      run.digestAgencies.push(agency.id);
      await notify(agency.id, ids);
    }
  }

  return {
    /** One scheduled run: the notices due now, then the morning digests whose hour has come. */
    async run(): Promise<ReminderRun> {
      const now = clock();
      const run: ReminderRun = { notices: { soon: 0, overdue: 0, escalation: 0 }, skipped: 0, moved: 0, digests: 0, digestAgencies: [] };
      await notices(now, run);
      await digests(now, run);
      return run;
    },
    notices: (agencyId: string, caseId: string) => store.reminders.notices(agencyId, caseId),
    setDigest: (agencyId: string, email: string, on: boolean) => store.reminders.setDigest(agencyId, email, on),
  };
}
