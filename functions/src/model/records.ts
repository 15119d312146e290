// What is stored, as zod schemas: every document the store reads back is parsed with one of these,
// so a corrupt or foreign document becomes a clear INTERNAL error naming its path instead of a
// wrong answer. Neutral ground: services, the HTTP layer and the store adapter all import from
// here; nothing here knows Firestore. The types of the case and its events are the API contract's,
// and the schemas are checked against them at compile time (see the end of the file).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type * as Api from '../contract.ts';
import type { LetterContext } from '../documents/types.ts';

const timeZone = z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']);
const isoInstant = z.string().min(1);

/** The kop of the agency's letters. */
const letterheadSchema = z.object({
  pemerintah: z.string(),
  dinas: z.string(),
  alamat: z.string(),
  telepon: z.string().optional(),
  email: z.string().optional(),
  laman: z.string().optional(),
  kota: z.string(),
});

export const agencySchema = z.object({
  name: z.string().min(1),
  shortName: z.string().min(1),
  timeZone,
  /** Agency-specific non-working days on top of the national list (local cuti bersama, etc.). */
  extraHolidays: z.array(z.string()).default([]),
  /**
   * Letter numbers: the format uses {klasifikasi} {urut} {unit} {bulan_romawi} {bulan} {tahun};
   * klasifikasi overrides a template's default classification code, by template id.
   */
  numbering: z
    .object({
      format: z.string().min(1).default('{klasifikasi}/{urut}/{unit}/{bulan_romawi}/{tahun}'),
      unit: z.string().min(1).default('DISPUSIP'),
      pad: z.number().int().min(0).max(6).default(0),
      klasifikasi: z.record(z.string(), z.string()).default({}),
    })
    .default({ format: '{klasifikasi}/{urut}/{unit}/{bulan_romawi}/{tahun}', unit: 'DISPUSIP', pad: 0, klasifikasi: {} }),
  /** The agency's sending address (the Gmail user the function sends as). */
  mail: z.object({ fromName: z.string().min(1), fromAddress: z.email() }).optional(),
  /**
   * The agency's partner forms in Google Forms (written by `npm run admin -- create-forms`): the
   * form, its public link, and which Google question holds each of our questions.
   */
  forms: z
    .record(
      z.string(),
      z.object({
        googleFormId: z.string().min(1),
        /** The public link partners open (responderUri). */
        responderUri: z.string().min(1),
        /** Our question id -> Google's questionId (hex; its decimal value is the prefill `entry.` id). */
        questionIds: z.record(z.string(), z.string()),
        /** The version of our form definition the Google form was last built from. */
        version: z.number().int().positive(),
      }),
    )
    .default({}),
  /** Production documents: the Drive folder for generated letters and each template's Google Doc id. */
  google: z.object({ folderId: z.string().min(1), templates: z.record(z.string(), z.string()).default({}) }).optional(),
  letterhead: letterheadSchema
    .extend({
      /**
       * The lambang daerah in the kop (`npm run admin -- upload-logo`): the PNG's SHA-256 and its file
       * in the agency's Drive folder. The template Docs carry the image itself; the local renderer
       * reads its copy in .local/lambang/<agencyId>.png. A letter needs neither.
       */
      logo: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), driveFileId: z.string().min(1).optional() }).optional(),
    })
    .optional(),
});
export type Agency = z.infer<typeof agencySchema> & { id: string };
/** One partner form of an agency in Google Forms (agency.forms[formId]). */
export type AgencyForm = z.infer<typeof agencySchema>['forms'][string];
export type AgencyInput = z.input<typeof agencySchema>;

export const staffSchema = z.object({
  email: z.string(),
  name: z.string().min(1),
  nip: z.string().optional(),
  /** Pangkat and golongan, printed under the signer's name (e.g. "Pembina Tk. I (IV/b)"). */
  pangkat: z.string().optional(),
  jabatan: z.string().optional(),
  roles: z.array(z.string()),
  active: z.boolean().default(true),
  /** false: the member turned the morning digest off (reminders about their steps still come). */
  digest: z.boolean().optional(),
});
export type Staff = z.infer<typeof staffSchema>;
export type StaffInput = z.input<typeof staffSchema>;

const partnerSchema = z.object({ name: z.string(), email: z.string().optional(), phone: z.string().optional(), address: z.string().optional() });

const caseDocumentSchema = z.object({
  id: z.string(),
  label: z.string(),
  status: z.enum(['provided', 'pending', 'ready', 'failed']),
  step: z.number().int(),
  revision: z.number().int().positive(),
  url: z.string().optional(),
  title: z.string().optional(),
  at: isoInstant,
  nomor: z.string().nullable().optional(),
  templateId: z.string().optional(),
  outboxId: z.string().optional(),
  pdfUrl: z.string().nullable().optional(),
  emailedTo: z.array(z.string()).optional(),
  error: z.string().optional(),
});

/** A decision with its reason, kept on the case for the step it led to (contract: DecisionNote). */
const decisionNoteSchema = z.object({
  step: z.number().int(),
  label: z.string(),
  back: z.boolean(),
  by: z.string(),
  byEmail: z.string(),
  at: isoInstant,
  reason: z.string().nullable(),
});

export const caseStateSchema = z.object({
  id: z.string().min(1),
  agencyId: z.string().min(1),
  nomor: z.string().min(1),
  sopId: z.string().min(1),
  sopVersion: z.number().int().positive(),
  sopTitle: z.string(),
  title: z.string(),
  partner: partnerSchema.nullable(),
  status: z.enum(['open', 'closed', 'cancelled']),
  currentStep: z.number().int().nullable(),
  currentRoles: z.array(z.string()),
  stepStartedAt: isoInstant.nullable(),
  dueAt: isoInstant.nullable(),
  alertAt: isoInstant.nullable().optional(),
  version: z.number().int().positive(),
  data: z.record(z.string(), z.unknown()),
  documents: z.record(z.string(), caseDocumentSchema),
  decisions: z.record(z.string(), z.enum(['yes', 'no'])),
  outcome: z.string().nullable(),
  createdAt: isoInstant,
  createdBy: z.string(),
  updatedAt: isoInstant,
  returned: decisionNoteSchema.nullable().optional(),
});

const standardTimeSchema = z.object({
  raw: z.string().nullable(),
  label: z.string(),
  basis: z.enum(['case', 'item', 'period', 'travel', 'open', 'unknown']),
  min: z.number().nullable(),
  max: z.number().nullable(),
  unit: z.string().nullable(),
});

export const caseEventSchema = z.object({
  seq: z.number().int().positive(),
  at: isoInstant,
  actor: z.object({ email: z.string(), name: z.string().optional(), roles: z.array(z.string()), via: z.literal('formulir').optional() }),
  action: z.enum(['create', 'complete', 'decide', 'cancel', 'respond']),
  step: z.number().int().nullable(),
  toStep: z.number().int().nullable(),
  decision: z.enum(['yes', 'no']).nullable(),
  input: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
  standard: standardTimeSchema.nullable(),
  stepStartedAt: isoInstant.nullable(),
  durationMinutes: z.number().nullable(),
  dueAt: isoInstant.nullable(),
  withinStandard: z.boolean().nullable(),
  produced: z.array(z.string()),
});

export const caseNoticeSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['soon', 'overdue', 'escalation']),
  at: isoInstant,
  step: z.number().int(),
  stepStartedAt: isoInstant,
  dueAt: isoInstant,
  thresholdAt: isoInstant,
  skipped: z.array(z.enum(['soon', 'overdue', 'escalation'])),
  roles: z.array(z.string()),
  to: z.array(z.string()),
  message: z.string(),
});

/** One person's morning digest of a day, recorded with its e-mail so it is sent once. */
export const digestRecordSchema = z.object({ agencyId: z.string(), date: z.string(), email: z.string(), tasks: z.number().int(), overdue: z.number().int(), outboxId: z.string(), at: isoInstant });

/**
 * One IKM questionnaire (nine answers 1-4): entered by staff, once per (staff, Idempotency-Key),
 * or answered by the partner through the survey form, once per case (id `kasus-{caseId}`).
 */
export const surveyRecordSchema = z.object({
  id: z.string().min(1),
  agencyId: z.string().min(1),
  sopId: z.string().min(1),
  /** The closed case a partner's survey is about (null for staff entries, which name at most a case number). */
  caseId: z.string().nullable().default(null),
  caseNomor: z.string().nullable(),
  answers: z.array(z.number().int().min(1).max(4)).length(9),
  saran: z.string().nullable(),
  at: isoInstant,
  recordedBy: z.string(),
  requestHash: z.string(),
});
export type SurveyRecord = z.infer<typeof surveyRecordSchema>;

export const transitionSchema = z.object({ state: caseStateSchema, event: caseEventSchema });

/** The first result of an idempotency key; `result` is the transition as JSON text. */
export const idempotencyRecordSchema = z.object({
  requestHash: z.string().min(1),
  caseId: z.string(),
  seq: z.number().int(),
  result: z.string(),
  createdAt: z.unknown(),
});

export const counterSchema = z.object({ last: z.number().int().min(0) });
export const sopHeadSchema = z.object({ activeVersion: z.number().int().positive(), title: z.string().optional(), code: z.string().optional() });
export const sopVersionSchema = z.object({ definition: z.unknown() });
/**
 * One year's national holidays (`dates`) and cuti bersama (SKB 3 Menteri), with where they come
 * from; a year without this document makes due times say that its holidays are not loaded.
 */
export const holidaysSchema = z.object({ dates: z.array(z.string()), cutiBersama: z.array(z.string()).default([]), source: z.string().optional() });

// ---- The reading desk ----

const deskStamp = {
  at: isoInstant,
  date: z.string(),
  month: z.string(),
  recordedBy: z.string(),
  requestHash: z.string(),
};
export const deskVisitSchema = z.object({
  name: z.string(),
  institution: z.string().optional(),
  category: z.enum(['pelajar', 'mahasiswa', 'umum', 'instansi']),
  purpose: z.string().optional(),
  ...deskStamp,
});
export const deskReadSchema = z.object({
  title: z.string(),
  callNumber: z.string().optional(),
  classification: z.string().optional(),
  copies: z.number().int().positive(),
  ...deskStamp,
});
export type DeskKind = 'visits' | 'reads';

// ---- Partner form submissions ----

/**
 * One response to a partner form, recorded exactly once (its id is the form and the response):
 * accepted (it opened or moved a case, in the same transaction), rejected (why, per question) or
 * held for staff review (a burst, or the same request again within a day). Never dropped.
 */
export const submissionSchema = z.object({
  id: z.string().min(1),
  agencyId: z.string().min(1),
  formId: z.string().min(1),
  formVersion: z.number().int().positive(),
  /** The SOP of the form; for the survey form, that of the case its code names (null while none is known). */
  sopId: z.string().min(1).nullable(),
  responseId: z.string().min(1),
  receivedAt: isoInstant,
  submittedAt: isoInstant,
  respondentEmail: z.string().nullable(),
  /** The contact the partner gave (for burst checks and, once accepted, the receipt). */
  contact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }),
  /** The answers as sent, by question id (long answers cut, and said so, to fit the document). */
  answers: z.record(z.string(), z.array(z.string())),
  status: z.enum(['accepted', 'rejected', 'held']),
  reason: z.string().nullable(),
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
  caseId: z.string().nullable(),
  caseNomor: z.string().nullable(),
  seq: z.number().int().nullable(),
  /** Hash of the form and its normalised answers: the same request twice is held. */
  fingerprint: z.string(),
  /** Staff who turned a rejected or held submission into a case, when one did. */
  handledBy: z.string().nullable().default(null),
  handledAt: isoInstant.nullable().default(null),
});
export type Submission = z.infer<typeof submissionSchema>;
export type SubmissionInput = z.input<typeof submissionSchema>;

/** From a Google form id back to the agency and our form (written by create-forms, read by the intake). */
export const formLinkSchema = z.object({
  googleFormId: z.string().min(1),
  agencyId: z.string().min(1),
  formId: z.string().min(1),
});
export type FormLink = z.infer<typeof formLinkSchema>;

/**
 * How far a form's responses were read: the latest lastSubmittedTime among responses already
 * recorded. The next read lists from a little before it (responses can share a timestamp and may
 * become listable late), so it overlaps; recording exactly once makes the overlap harmless.
 */
export const formCursorSchema = z.object({
  googleFormId: z.string().min(1),
  since: isoInstant,
  updatedAt: isoInstant,
});
export type FormCursor = z.infer<typeof formCursorSchema>;

// ---- The outbox ----

const personSchema = z.object({
  name: z.string(),
  jabatan: z.string(),
  nip: z.string().optional(),
  pangkat: z.string().optional(),
  relation: z.enum(['head', 'direct', 'indirect']).optional(),
  atasan: z.string().optional(),
});
const namedSchema = z.object({ name: z.string(), nip: z.string().optional(), pangkat: z.string().optional(), jabatan: z.string().optional() });

export const letterContextSchema = z.object({
  agency: z.object({ id: z.string(), name: z.string(), shortName: z.string(), timeZone, letterhead: letterheadSchema }),
  case: z.object({
    id: z.string(),
    nomor: z.string(),
    sopId: z.string(),
    sopTitle: z.string(),
    title: z.string(),
    partner: partnerSchema.nullable(),
    data: z.record(z.string(), z.unknown()),
    documents: z.record(z.string(), z.object({ label: z.string(), url: z.string().optional(), nomor: z.string().nullable().optional(), at: z.string().optional() })),
    decisions: z.record(z.string(), z.enum(['yes', 'no'])),
  }),
  doc: z
    .object({
      id: z.string(),
      variant: z.string().optional(),
      revision: z.number().int().positive(),
      fields: z.record(z.string(), z.string()),
      kepada: z.array(z.string()),
      lampiran: z.number().int().min(0),
      dasar: z.array(z.string()),
      options: z.record(z.string(), z.array(z.object({ value: z.string(), label: z.string() }))).optional(),
    })
    .optional(),
  step: z.object({ no: z.number().int(), activity: z.string(), note: z.string().nullable() }),
  actor: z.object({ email: z.string(), name: z.string(), jabatan: z.string().optional(), nip: z.string().optional(), pangkat: z.string().optional() }),
  signer: personSchema.nullable(),
  people: z.record(z.string(), z.array(namedSchema)).optional(),
  nomor: z.string().nullable(),
  at: isoInstant,
  date: z.string().optional(),
});

export const outboxProgressSchema = z.object({
  /** Written before files.copy: if set without documentId, a copy may exist and is looked up by key. */
  copyIntent: z.boolean().optional(),
  documentId: z.string().optional(),
  url: z.string().optional(),
  /** Written before the batchUpdate: a retry that finds no placeholder left knows the fill already happened. */
  fillIntent: z.boolean().optional(),
  filled: z.boolean().optional(),
  missingPlaceholders: z.array(z.string()).optional(),
  /** Written before messages.send: if set without messageId, the message is looked up by key. */
  sendIntent: z.boolean().optional(),
  messageId: z.string().optional(),
  pdfUrl: z.string().nullable().optional(),
});
export type OutboxProgress = z.infer<typeof outboxProgressSchema>;

/**
 * One side effect of a transition (render a letter, maybe e-mail it), written in the transition's
 * own transaction and drained later by the worker; its progress is recorded after every external
 * call, so a retry resumes where the last attempt stopped.
 */
export const outboxEntrySchema = z.object({
  /** letter: render a template (and maybe e-mail it); mail: only an e-mail (a receipt to a partner). */
  kind: z.enum(['letter', 'mail']).default('letter'),
  id: z.string().min(1),
  agencyId: z.string().min(1),
  caseId: z.string().min(1),
  docId: z.string().min(1),
  docLabel: z.string(),
  revision: z.number().int().positive(),
  /** The letter's template; empty for a mail entry. */
  templateId: z.string(),
  /** Document title, e.g. "Surat Tugas KUNJUNGAN-2026-0003". */
  title: z.string(),
  /** What the letter says; null for a mail entry. */
  context: letterContextSchema.nullable(),
  /** Set when the SOP sends this letter to the partner. */
  email: z.object({ to: z.array(z.string()).min(1), subject: z.string(), text: z.string() }).nullable(),
  status: z.enum(['pending', 'running', 'done', 'dead']),
  attempts: z.number().int().min(0),
  nextAttemptAt: isoInstant,
  leaseUntil: isoInstant.nullable(),
  progress: outboxProgressSchema,
  lastError: z.string().nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;
export type OutboxStatus = OutboxEntry['status'];

/** The queue fields of a new outbox entry: due at once, never tried. */
export function freshEntry(at: string): Pick<OutboxEntry, 'status' | 'attempts' | 'nextAttemptAt' | 'leaseUntil' | 'progress' | 'lastError' | 'createdAt' | 'updatedAt'> {
  return { status: 'pending', attempts: 0, nextAttemptAt: at, leaseUntil: null, progress: {}, lastError: null, createdAt: at, updatedAt: at };
}

/** The idempotency key of an entry's effects: the same entry never makes two documents or e-mails. */
export function effectKey(e: Pick<OutboxEntry, 'id'>): string {
  return e.id;
}

/** SHA-256 of the JSON of `parts`: idempotency keys and request fingerprints. */
export function requestHash(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

// ---- Compile-time checks: the schemas read back exactly the contract's shapes ----

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;
export type SchemaChecks = [
  Check<Same<z.infer<typeof caseStateSchema>, Api.CaseState>>,
  Check<Same<z.infer<typeof caseEventSchema>, Api.CaseEvent>>,
  Check<Same<z.infer<typeof caseNoticeSchema>, Api.CaseNotice>>,
  Check<Same<z.infer<typeof letterContextSchema>, LetterContext>>,
  Check<Same<z.infer<typeof deskVisitSchema>, Api.DeskVisit>>,
  Check<Same<z.infer<typeof deskReadSchema>, Api.DeskRead>>,
  Check<Same<Agency['timeZone'], Api.TimeZoneId>>,
];
