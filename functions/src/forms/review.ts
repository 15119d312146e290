// "Kiriman mitra": what staff see of partner form submissions (accepted, rejected, held), and the
// case a staff member opens by hand from a rejected or held one: its answers, as staff corrected
// them, read again exactly as the intake reads them; the case opened as that staff member; the
// submission marked handled in the same transaction, so it can never become two cases. Also the
// prefilled link of a case's current step, for partners staff reach by WhatsApp or phone.
import type * as Api from '../contract.ts';
import type { Caller, CaseService, FromSubmission } from '../cases/service.ts';
import type { Agency, Submission } from '../model/records.ts';
import type { Cursor, Idempotency, Store, Stored } from '../model/store.ts';
import { formatInZone } from '../sop/calendar.ts';
import type { SopDefinition } from '../sop/schema.ts';
import { DomainFailure, domainError, type FieldProblem, type Result } from '../sop/errors.ts';
import { readAnswers } from './answers.ts';
import { formById } from './index.ts';
import { stepLink } from './links.ts';
import type { Refs } from './refs.ts';
import { formSop, type PartnerForm } from './schema.ts';

/** Documented in the README ("Kiriman mitra"): how many submissions one listing returns. */
export const SUBMISSION_LIST = { defaultLimit: 50, maxLimit: 200 } as const;

export type SubmissionReview = ReturnType<typeof createSubmissionReview>;

const local = (agency: Agency, iso: string | null) => (iso ? formatInZone(new Date(iso), agency.timeZone) : null);

/** Every question of the form with its answer, then answers to questions the form does not have (any more). */
function answersOf(s: Submission, form: PartnerForm | null): Api.SubmissionAnswer[] {
  const questions = form?.questions ?? [];
  const known = new Set(questions.map((q) => q.id));
  return [
    ...questions.map((q) => ({
      id: q.id,
      title: q.title,
      ...(q.help ? { help: q.help } : {}),
      kind: q.kind,
      required: q.required,
      ...(q.options ? { options: q.options.map((o) => ({ value: o.value, label: o.label })) } : {}),
      values: s.answers[q.id] ?? [],
    })),
    ...Object.entries(s.answers)
      .filter(([id]) => !known.has(id))
      .map(([id, values]) => ({ id, title: `Pertanyaan yang tidak ada pada formulir: ${id}`, kind: 'paragraph', required: false, values })),
  ];
}

/**
 * Who sent it. A rejected submission was stored before its answers were read, so its contact is
 * taken from the answers to the partner's name, e-mail and phone questions, as typed (unchecked).
 */
function contactOf(s: Submission, form: PartnerForm | null): Api.SubmissionView['contact'] {
  const typed = (target: string) => {
    const q = form?.questions.find((x) => (x.to as string[]).includes(target));
    return (q && s.answers[q.id]?.[0]?.trim().slice(0, 300)) || null;
  };
  return {
    name: s.contact.name ?? typed('partner.name'),
    email: s.contact.email ?? typed('partner.email'),
    phone: s.contact.phone ?? typed('partner.phone'),
  };
}

/** Why this submission is no longer for staff to turn into a case, or null. */
function handledError(agency: Agency, s: Submission): DomainFailure | null {
  const handled = (message: string) => new DomainFailure(domainError('SUBMISSION_HANDLED', message, [{ path: 'submissionId', message: 'Kiriman ini sudah ditangani.' }]));
  if (s.status === 'accepted') return handled(`Kiriman ini sudah diterima sebagai kasus ${s.caseNomor ?? s.caseId ?? ''}; tidak perlu dijadikan kasus lagi.`);
  if (s.handledBy) return handled(`Kiriman ini sudah dijadikan kasus ${s.caseNomor ?? s.caseId ?? ''} oleh ${s.handledBy} pada ${local(agency, s.handledAt) ?? '-'}.`);
  return null;
}

/** Why the submission's form cannot open a case (it answers a step of one, or is gone), or null. */
function formError(s: Submission, form: PartnerForm | null): DomainFailure | null {
  const refuse = (message: string) => new DomainFailure(domainError('SUBMISSION_NOT_OPENABLE', message, [{ path: 'submissionId', message }]));
  if (!form) return refuse(`Formulir ${s.formId} tidak ada lagi pada katalog; kiriman ini tidak dapat dijadikan kasus.`);
  if (form.mode === 'survey') return refuse(`Kiriman "${form.title}" adalah survei kepuasan atas kasus yang sudah selesai, bukan permohonan; survei yang ditolak tidak dihitung dan tidak dapat dijadikan kasus.`);
  if (form.mode !== 'open') {
    const steps = form.step !== undefined ? String(form.step) : (form.steps ?? []).join('/');
    return refuse(`Kiriman formulir "${form.title}" menjawab langkah ${steps} sebuah kasus, bukan permohonan baru; buka kasusnya dan catat jawaban mitra pada langkah itu.`);
  }
  return null;
}

/** Field paths as the correction form names them: a question (`answers.<id>`), also for what the engine says of a data field or document it feeds. */
function toQuestions(form: PartnerForm, fields: FieldProblem[]): FieldProblem[] {
  return fields.map((f) => {
    if (form.questions.some((q) => q.id === f.path)) return { path: `answers.${f.path}`, message: f.message };
    const [kind, id] = f.path.split('.');
    const target = kind === 'data' ? `data.${id}` : kind === 'documents' ? `document.${id}` : null;
    const q = target ? form.questions.find((x) => (x.to as string[]).includes(target)) : undefined;
    return q ? { path: `answers.${q.id}`, message: f.message } : f;
  });
}

export function createSubmissionReview(store: Store, cases: CaseService, opts: { refs: Refs | null; clock?: () => Date }) {
  const clock = opts.clock ?? (() => new Date());

  /** Names of the staff who handled these submissions (a handful at most), by e-mail. */
  async function handlers(agency: Agency, subs: Submission[]): Promise<Map<string, string>> {
    const emails = [...new Set(subs.map((s) => s.handledBy).filter((e): e is string => !!e))];
    const staff = await Promise.all(emails.map((e) => store.staff(agency.id, e)));
    return new Map(emails.flatMap((e, i) => (staff[i] ? [[e, staff[i]!.name] as const] : [])));
  }

  function view(agency: Agency, s: Submission, names: Map<string, string>): Api.SubmissionView {
    const form = formById(s.formId);
    return {
      id: s.id,
      status: s.status,
      formId: s.formId,
      formTitle: form?.title ?? s.formId,
      formMode: form?.mode ?? null,
      sopId: s.sopId,
      receivedAt: s.receivedAt,
      receivedLocal: local(agency, s.receivedAt)!,
      contact: contactOf(s, form),
      reason: s.reason,
      problems: s.problems,
      answers: answersOf(s, form),
      caseId: s.caseId,
      caseNomor: s.caseNomor,
      handledBy: s.handledBy,
      handledByName: s.handledBy ? (names.get(s.handledBy) ?? null) : null,
      handledAt: s.handledAt,
      handledLocal: local(agency, s.handledAt),
      canOpenCase: !handledError(agency, s) && !formError(s, form),
    };
  }

  /** The case input the submission's answers (corrected by staff) give, or why they still cannot be used. */
  function prepare(c: Caller, s: Submission | null, form: PartnerForm, def: SopDefinition, corrected: Record<string, string[]>): Result<FromSubmission> {
    if (!s) return { ok: false, error: domainError('NOT_FOUND', 'Kiriman tidak ditemukan.', [{ path: 'submissionId', message: 'Kiriman tidak ditemukan.' }]) };
    const why = handledError(c.agency, s) ?? formError(s, form);
    if (why) return { ok: false, error: why.error };
    const answers = Object.fromEntries(form.questions.map((q) => [q.id, corrected[q.id] ?? s.answers[q.id] ?? []]));
    const read = readAnswers(form, def, { answers, respondentEmail: s.respondentEmail }, { timeZone: c.agency.timeZone, now: clock() });
    if (!read.ok) {
      const fields = toQuestions(form, read.problems);
      return { ok: false, error: domainError('INVALID_INPUT', `Jawaban belum dapat dipakai untuk membuka kasus: ${fields.map((f) => f.message).join(' ')}`, fields) };
    }
    const v = read.value;
    const input = { data: v.stepData, documents: v.documents, ...(v.note ? { note: v.note } : {}) };
    return {
      ok: true,
      value: {
        partner: v.partner!,
        data: v.extraData,
        ...(v.title ? { title: v.title } : {}),
        ...(form.step !== undefined ? { complete: { type: 'complete' as const, step: form.step, input } } : {}),
        handled: (t) => ({ ...s, handledBy: c.actor.email, handledAt: t.event.at, caseId: t.state.id, caseNomor: t.state.nomor }),
      },
    };
  }

  function notFound(message: string, path: string): DomainFailure {
    return new DomainFailure(domainError('NOT_FOUND', message, [{ path, message }]));
  }

  return {
    /** Newest first; `limit` + 1 are read to say whether older ones were left out. */
    /** One page, newest first; `next` is where the following page starts (the route makes it a page token). */
    async list(c: Caller, q: { status?: Api.SubmissionStatus; limit: number; after?: Cursor }): Promise<{ body: Omit<Api.SubmissionListResponse, 'nextPageToken'>; next: Cursor | null }> {
      const page = await store.listSubmissions(c.agency.id, { ...(q.status ? { status: q.status } : {}), limit: q.limit, ...(q.after ? { after: q.after } : {}) });
      const names = await handlers(c.agency, page.items);
      return { body: { submissions: page.items.map((s) => view(c.agency, s, names)), limit: q.limit, more: page.next !== null }, next: page.next };
    },

    async get(c: Caller, id: string): Promise<Api.SubmissionView> {
      const sub = await store.submission(c.agency.id, id);
      if (!sub) throw notFound(`Kiriman ${id.slice(0, 120)} tidak ditemukan.`, 'submissionId');
      return view(c.agency, sub, await handlers(c.agency, [sub]));
    },

    /** A case of the form's SOP from a rejected or held submission, as the calling staff member. */
    async openCase(c: Caller, id: string, corrected: Record<string, string[]>, idem: Idempotency): Promise<Stored<Api.Transition>> {
      const first = await store.submission(c.agency.id, id);
      if (!first) throw notFound(`Kiriman ${id.slice(0, 120)} tidak ditemukan.`, 'submissionId');
      const form = formById(first.formId);
      // Only a form that opens a case: anything else cannot become one, whatever its state.
      if (form?.mode !== 'open') throw formError(first, form)!;
      const unknown = Object.keys(corrected).filter((k) => !form.questions.some((q) => q.id === k));
      if (unknown.length) {
        const fields = unknown.map((k) => ({ path: `answers.${k}`, message: `Pertanyaan "${k}" tidak ada pada formulir "${form.title}".` }));
        throw new DomainFailure(domainError('INVALID_INPUT', fields.map((f) => f.message).join(' '), fields));
      }
      try {
        return await cases.openFromSubmission(c, formSop(form), idem, async (tools, def) => prepare(c, await tools.submission(id), form, def, corrected));
      } catch (err) {
        // The engine names data fields and documents; the correction form names questions.
        if (err instanceof DomainFailure && err.error.fields?.length && (err.error.code === 'MISSING_KELENGKAPAN' || err.error.code === 'INVALID_INPUT')) {
          const fields = toQuestions(form, err.error.fields);
          throw new DomainFailure({ ...err.error, fields, path: fields[0]!.path });
        }
        throw err;
      }
    },

    /** The prefilled link of the form answering the case's current step, or 404 saying why there is none. */
    async partnerLink(c: Caller, caseId: string): Promise<Api.PartnerLinkResponse> {
      const found = await store.readCase(c.agency.id, caseId);
      if (!found) throw notFound(`Kasus ${caseId} tidak ditemukan.`, 'caseId');
      const st = found.state;
      if (st.status !== 'open') throw notFound(`Kasus ${st.nomor} sudah ${st.status === 'closed' ? 'selesai' : 'dibatalkan'}; tidak ada formulir yang menunggu mitra.`, 'caseId');
      const now = clock();
      const link = stepLink(opts.refs, c.agency, st, now);
      if (!link) throw notFound(`Langkah ${st.currentStep} kasus ${st.nomor} tidak dijawab mitra melalui formulir.`, 'step');
      if (!opts.refs) throw notFound('Formulir mitra belum diaktifkan pada layanan ini (rahasia FORMS_SECRET belum diatur); hubungi admin.', 'formId');
      if (!link.url) {
        throw notFound(`Formulir "${link.form.title}" belum dibuat untuk ${c.agency.name}; admin membuatnya dengan "npm run admin -- create-forms ${c.agency.id}". Sementara itu, catat jawaban mitra yang datang lewat e-mail atau WhatsApp pada langkah ini.`, 'formId');
      }
      return {
        caseId: st.id,
        nomor: st.nomor,
        step: link.step,
        formId: link.form.id,
        formTitle: link.form.title,
        instruction: link.form.description,
        url: link.url,
        expiresAt: link.expiresAt.toISOString(),
        expiresLocal: formatInZone(link.expiresAt, c.agency.timeZone),
      };
    },
  };
}
