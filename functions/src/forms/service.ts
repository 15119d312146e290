// Partner form responses, recorded exactly once and never dropped: a valid one opens or moves its
// case through the same case service and engine staff use, in one transaction with its record and
// the receipt e-mail; an invalid one is kept as rejected with the reason; a burst from one contact,
// or the same request again within a day, is held for staff. Rejected and held submissions send
// nothing to anyone.
import { DateTime } from 'luxon';
import type { Transition } from '../contract.ts';
import type { CaseService } from '../cases/service.ts';
import { freshEntry, requestHash, type Agency, type OutboxEntry, type Submission } from '../model/records.ts';
import type { Store } from '../model/store.ts';
import type { Actor } from '../sop/engine.ts';
import { DomainFailure } from '../sop/errors.ts';
import { readAnswers, type ReadAnswers } from './answers.ts';
import { formById } from './index.ts';
import { formReference, LINK_DAYS } from './links.ts';
import type { Refs } from './refs.ts';
import { checkForm, formSop, type PartnerForm } from './schema.ts';
import { PARTNER_CALLER } from '../cases/service.ts';

/** A response as the intake hands it over: answers by our question ids. */
export interface IncomingResponse {
  formId: string;
  responseId: string;
  submittedAt: string;
  respondentEmail: string | null;
  answers: Record<string, string[]>;
}

/** Documented in the README (partner forms). */
export const INTAKE_LIMITS = {
  /** Submissions from one e-mail or phone per hour before the next is held. */
  perContactPerHour: 5,
  /** The same answers to the same form within this many hours are held. */
  repeatHours: 24,
  /** Stored answer text per question (the rest is cut, and the record says so). */
  storedAnswerChars: 2_000,
  /** How long a prefilled form link works. */
  linkDays: LINK_DAYS,
} as const;

/** Outcomes that mean the response itself cannot be taken (kept as rejected); others are ours to retry. */
const REFUSALS = new Set(['INVALID_INPUT', 'MISSING_KELENGKAPAN', 'NOT_CURRENT_STEP', 'CASE_CLOSED', 'VERSION_CONFLICT', 'WRONG_ROLE', 'NOT_FOUND', 'TOO_LARGE', 'IDEMPOTENCY_KEY_REUSED']);

export type FormService = ReturnType<typeof createFormService>;

/** The case (and its step and version) a form reference names. */
interface Target {
  caseId: string;
  step: number | undefined;
  version: number;
}

export function createFormService(store: Store, cases: CaseService, opts: { refs: Refs; publicUrl: string; clock?: () => Date }) {
  const clock = opts.clock ?? (() => new Date());

  function stored(answers: Record<string, string[]>): Record<string, string[]> {
    const max = INTAKE_LIMITS.storedAnswerChars;
    return Object.fromEntries(
      Object.entries(answers)
        .slice(0, 100)
        .map(([k, vs]) => [k.slice(0, 200), vs.slice(0, 20).map((v) => (v.length > max ? `${v.slice(0, max)} … (dipotong: ${v.length.toLocaleString('id-ID')} karakter, disimpan ${max.toLocaleString('id-ID')} pertama)` : v))]),
    );
  }

  function base(agency: Agency, form: PartnerForm, r: IncomingResponse, read: ReadAnswers | null, now: Date): Submission {
    const email = read?.partner?.email ?? r.respondentEmail ?? null;
    // The case reference counts too: the same answers about another case are another request.
    const normalised = Object.fromEntries(Object.entries(r.answers).map(([q, v]) => [q, v.map((s) => s.trim().toLowerCase())]).sort());
    return {
      id: submissionId(form.id, r.responseId),
      agencyId: agency.id,
      formId: form.id,
      formVersion: form.version,
      sopId: form.sopId ?? null,
      responseId: r.responseId,
      receivedAt: now.toISOString(),
      submittedAt: r.submittedAt,
      respondentEmail: r.respondentEmail,
      contact: { name: read?.partner?.name ?? null, email, phone: read?.partner?.phone ?? null },
      answers: stored(r.answers),
      status: 'rejected',
      reason: null,
      problems: [],
      caseId: null,
      caseNomor: null,
      seq: null,
      fingerprint: requestHash([form.id, normalised]),
      handledBy: null,
      handledAt: null,
    };
  }

  async function keep(s: Submission): Promise<{ submission: Submission; replayed: boolean }> {
    return store.recordSubmission(s);
  }

  /** The e-mail that confirms an accepted submission, written with it (exactly once, by the outbox). */
  function receipt(agency: Agency, form: PartnerForm, s: Submission, t: Transition, now: Date): OutboxEntry | null {
    if (!s.contact.email || !agency.mail) return null;
    const status = `${opts.publicUrl.replace(/\/+$/, '')}/p/${opts.refs.sign({ k: 'status', a: agency.id, c: t.state.id, e: Math.floor(now.getTime() / 1000) + 365 * 86_400 })}`;
    const at = now.toISOString();
    return {
      kind: 'mail',
      id: `${t.state.id}-tanda_terima-${s.responseId}`.slice(0, 200),
      agencyId: agency.id,
      caseId: t.state.id,
      docId: 'tanda_terima',
      docLabel: 'Tanda terima',
      revision: 1,
      templateId: '',
      title: `Tanda terima ${form.title}`,
      context: null,
      email: {
        to: [s.contact.email],
        subject: `Tanda terima: ${form.title} (${t.state.nomor}) — ${agency.shortName}`,
        text: [
          `Yth. ${s.contact.name ?? t.state.partner?.name ?? 'Bapak/Ibu'},`,
          '',
          `Kiriman Anda melalui formulir "${form.title}" telah kami terima pada ${DateTime.fromJSDate(now, { zone: agency.timeZone }).setLocale('id').toFormat("d LLLL yyyy 'pukul' HH.mm")}.`,
          `Nomor kasus: ${t.state.nomor}`,
          '',
          `Langkah berikutnya: ${form.next}`,
          '',
          `Pantau perkembangannya di: ${status}`,
          '',
          'Simpan e-mail ini sebagai tanda terima. E-mail ini dikirim otomatis; untuk pertanyaan, balas ke alamat instansi.',
          '',
          'Hormat kami,',
          agency.name,
        ].join('\n'),
      },
      ...freshEntry(at),
    };
  }

  /** The case a form reference names, or why it cannot be used. */
  function caseOf(agency: Agency, form: PartnerForm, read: ReadAnswers, now: Date): Target | string {
    const check = opts.refs.verify(read.reference ?? '', now);
    if (!check.ok) return check.reason;
    const c = check.claims;
    if (c.k !== 'form' || c.a !== agency.id || c.v === undefined || c.s === undefined) return 'Kode kasus bukan untuk formulir instansi ini.';
    if (form.mode === 'answer' && c.s !== form.step) return `Tautan ini untuk langkah ${c.s}, bukan formulir ini.`;
    if (form.mode === 'respond' && !form.steps?.includes(c.s)) return 'Tautan ini bukan untuk formulir ini.';
    return { caseId: c.c, step: c.s, version: c.v };
  }

  async function apply(agency: Agency, form: PartnerForm, read: ReadAnswers, s: Submission, target: Target | null, now: Date) {
    const actor: Actor = { email: s.contact.email ?? '', name: s.contact.name ?? read.partner?.name ?? 'Mitra', roles: [], partner: true };
    const idem = { key: s.id, requestHash: s.fingerprint };
    const outcome = (t: Transition) => ({ ...s, status: 'accepted' as const, caseId: t.state.id, caseNomor: t.state.nomor, seq: t.event.seq });
    if (form.mode === 'open') {
      const complete = form.step !== undefined ? { type: 'complete' as const, step: form.step, input: { data: read.stepData, documents: read.documents, ...(read.note ? { note: read.note } : {}) } } : undefined;
      return cases.openAsPartner(agency, actor, { sop: formSop(form), partner: read.partner!, data: read.extraData, ...(read.title ? { title: read.title } : {}), ...(complete ? { complete } : {}) }, idem, (t) => outcome(t), (t) => receipt(agency, form, outcome(t), t, now));
    }
    if (!target) throw new Error(`form ${form.id} answers a case but names none`);
    const input = { data: read.stepData, documents: read.documents, ...(read.note ? { note: read.note } : {}) };
    const action =
      form.mode === 'respond'
        ? { type: 'respond' as const, data: read.extraData, ...(read.note ? { note: read.note } : {}), expectedVersion: target.version }
        : read.decision
          ? { type: 'decide' as const, step: target.step!, decision: read.decision, input, extra: read.extraData, expectedVersion: target.version }
          : { type: 'complete' as const, step: target.step!, input, extra: read.extraData, expectedVersion: target.version };
    return cases.actAsPartner(agency, actor, target.caseId, action, idem, (t) => outcome(t), (t) => receipt(agency, form, outcome(t), t, now));
  }

  return {
    /** Records one response; a second delivery of the same response gets the first record back. */
    async receive(agencyId: string, r: IncomingResponse): Promise<{ submission: Submission; replayed: boolean }> {
      const form = formById(r.formId);
      const agency = await cases.agency(agencyId);
      if (!form) throw new Error(`unknown partner form ${r.formId}`);
      const first = await store.submission(agency.id, submissionId(form.id, r.responseId));
      if (first) return { submission: first, replayed: true };
      const now = clock();
      if (form.mode === 'survey') return survey(agency, form, r, now);
      const def = await store.definition(agency.id, formSop(form));
      if (!def) return keep({ ...base(agency, form, r, null, now), reason: `SOP ${form.sopId} tidak aktif di instansi ini.` });
      const misfit = checkForm(form, def);
      if (misfit.length) {
        console.error(JSON.stringify({ severity: 'ERROR', message: 'partner form does not fit the agency SOP', agencyId: agency.id, formId: form.id, problems: misfit }));
        return keep({ ...base(agency, form, r, null, now), reason: `Formulir ${form.title} tidak cocok dengan SOP ${def.title} versi ${def.version} instansi ini; petugas perlu memperbarui formulir.` });
      }
      const read = readAnswers(form, def, r, { timeZone: agency.timeZone, now });
      if (!read.ok) return keep({ ...base(agency, form, r, null, now), reason: 'Jawaban formulir tidak lengkap atau tidak valid.', problems: read.problems });
      const s = base(agency, form, r, read.value, now);
      const target = form.mode === 'open' ? null : caseOf(agency, form, read.value, now);
      if (typeof target === 'string') return keep({ ...s, reason: target, problems: [{ path: 'kode_kasus', message: target }] });
      const held = await holdReason(agency, s, now);
      if (held) return keep({ ...s, status: 'held', reason: held });
      let replayed: boolean;
      try {
        replayed = (await apply(agency, form, read.value, s, target, now)).replayed;
      } catch (err) {
        if ((err as { code?: number }).code === 6) return { submission: (await store.submission(agency.id, s.id))!, replayed: true };
        if (!(err instanceof DomainFailure) || !REFUSALS.has(err.error.code)) throw err;
        return keep({ ...s, reason: err.error.message, problems: err.error.fields ?? [] });
      }
      return { submission: (await store.submission(agency.id, s.id))!, replayed };
    },

    /** A prefilled-link reference for the form that answers `step` of a case at `version`. */
    reference(agencyId: string, caseId: string, step: number, version: number, now = clock()): string {
      return formReference(opts.refs, agencyId, caseId, step, version, now).token;
    },
  };

  /**
   * The IKM survey of a closed case: its code (k: 'survei', signed when the case closed) names the
   * case, whose SOP the survey counts for. Recorded once per case with its submission in one
   * transaction: the first response counts; a later one for the same case, a forged, tampered or
   * expired code, or a case not closed is kept as rejected with the reason. No hold (the code
   * already limits a case to one survey) and no e-mail: the form itself thanks the partner.
   */
  async function survey(agency: Agency, form: PartnerForm, r: IncomingResponse, now: Date): Promise<{ submission: Submission; replayed: boolean }> {
    const read = readAnswers(form, null, r, { timeZone: agency.timeZone, now });
    if (!read.ok) return keep({ ...base(agency, form, r, null, now), reason: 'Jawaban survei tidak lengkap atau tidak valid.', problems: read.problems });
    const s = base(agency, form, r, read.value, now);
    const refuse = (reason: string) => keep({ ...s, reason, problems: [{ path: 'kode_kasus', message: reason }] });
    const check = opts.refs.verify(read.value.reference ?? '', now);
    if (!check.ok) return refuse(check.reason);
    if (check.claims.k !== 'survei' || check.claims.a !== agency.id) return refuse('Kode ini bukan kode survei kepuasan instansi ini.');
    const found = await store.readCase(agency.id, check.claims.c);
    if (!found) return refuse('Kasus yang disebut kode survei ini tidak ditemukan.');
    const c = found.state;
    const known = { ...s, sopId: c.sopId, caseId: c.id, caseNomor: c.nomor };
    if (c.status !== 'closed') return keep({ ...known, reason: `Kasus ${c.nomor} belum selesai; survei diisi setelah layanan selesai.`, problems: [{ path: 'kode_kasus', message: 'Kasus belum selesai.' }] });
    const answers = read.value.survey?.answers ?? [];
    if (answers.length !== 9 || Array.from(answers).some((a) => a === undefined)) throw new Error(`survey form ${form.id} does not ask the nine elements`);
    const record = {
      id: `kasus-${c.id}`,
      agencyId: agency.id,
      sopId: c.sopId,
      caseId: c.id,
      caseNomor: c.nomor,
      answers: answers as number[],
      saran: read.value.survey?.saran ?? null,
      at: now.toISOString(),
      recordedBy: PARTNER_CALLER,
      requestHash: s.fingerprint,
    };
    const when = (at: string) => DateTime.fromISO(at, { zone: agency.timeZone }).setLocale('id').toFormat("d LLLL yyyy 'pukul' HH.mm");
    return store.reports.recordCaseSurvey(record, { ...known, status: 'accepted' }, (first) => {
      const reason = `Survei kepuasan untuk kasus ${c.nomor} sudah diisi pada ${when(first.at)}; setiap layanan dinilai satu kali, jadi jawaban pertama yang dihitung. Terima kasih.`;
      return { ...known, reason, problems: [{ path: 'kode_kasus', message: reason }] };
    });
  }

  async function holdReason(agency: Agency, s: Submission, now: Date): Promise<string | null> {
    const hour = new Date(now.getTime() - 3_600_000).toISOString();
    if ((await store.recentFrom(agency.id, s.contact, hour)) >= INTAKE_LIMITS.perContactPerHour) {
      return `Lebih dari ${INTAKE_LIMITS.perContactPerHour} kiriman dari kontak yang sama dalam satu jam; menunggu pemeriksaan petugas.`;
    }
    const same = await store.lastWithFingerprint(agency.id, s.fingerprint);
    if (same && new Date(same.receivedAt).getTime() > now.getTime() - INTAKE_LIMITS.repeatHours * 3_600_000) {
      return `Permintaan yang sama sudah diterima ${same.caseNomor ? `(kasus ${same.caseNomor}) ` : ''}dalam ${INTAKE_LIMITS.repeatHours} jam terakhir; menunggu pemeriksaan petugas.`;
    }
    return null;
  }
}

/** A submission's id: the form and the response (Google's response ids are URL-safe). */
export function submissionId(formId: string, responseId: string): string {
  return `${formId}-${responseId}`.slice(0, 300);
}
