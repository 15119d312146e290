// A training programme shared across agencies (the Bimtek SPP-TIK of seed 003): what is stored, as
// zod schemas, and the store port the programme services depend on. One agency owns the programme
// (the national library); provincial agencies host its events and see only their own
// participants. Nothing here knows Firestore: store/programme.ts is the adapter.
import { z } from 'zod';
import type { OutboxEntry } from './records.ts';
import type { Cursor, PageOf } from './store.ts';

const isoInstant = z.string().min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'tanggal harus TTTT-BB-HH');
const agencyId = z.string().regex(/^[a-z0-9-]{2,64}$/);
export const PROGRAMME_ID = /^[a-z][a-z0-9]{1,31}$/;
export const PROVINCE_CODE = /^[a-z]{2,12}$/;
export const PARTICIPANT_ID = /^[a-z0-9]{8,40}$/;

export const modeSchema = z.enum(['luring', 'daring']);
export type Mode = z.infer<typeof modeSchema>;

/** Attendance at every session, or at least `minPercent` of the programme's JP. */
export const completionSchema = z.discriminatedUnion('kind', [z.object({ kind: z.literal('all') }), z.object({ kind: z.literal('jp'), minPercent: z.number().min(1).max(100) })]);
export type Completion = z.infer<typeof completionSchema>;

/** The programme's set-up as data: what an owner edits and the services read. */
export const programmeSchema = z.object({
  id: z.string().regex(PROGRAMME_ID),
  ownerAgencyId: agencyId,
  name: z.string().min(1).max(300),
  year: z.number().int().min(2000).max(2100),
  /** Printed on certificates and in the verification page. */
  organiser: z.string().min(1).max(300),
  /** Certificate numbers start with it: SPPTIK24-000123-K7QF. */
  certificatePrefix: z.string().regex(/^[A-Z0-9]{2,12}$/),
  provinces: z.array(z.object({ code: z.string().regex(PROVINCE_CODE), name: z.string().min(1), hostAgencyId: agencyId })).min(1).max(40),
  waves: z.array(z.object({ no: z.number().int().min(1).max(20), mode: modeSchema, start: isoDate, end: isoDate })).min(1),
  /** Places per province and wave: quotas[province][wave]. A missing entry is no event there. */
  quotas: z.record(z.string(), z.record(z.string(), z.number().int().min(0).max(100_000))),
  sessions: z.array(z.object({ no: z.number().int().min(1).max(50), title: z.string().min(1).max(200), jp: z.number().int().min(1).max(40) })).min(1),
  completion: completionSchema,
  /** Who signs the certificates. */
  signer: z.object({ name: z.string().min(1), jabatan: z.string().min(1), nip: z.string().optional() }),
  /** Per event (province + wave): where and how; dates default to the wave's. */
  events: z
    .array(
      z.object({
        province: z.string().regex(PROVINCE_CODE),
        wave: z.number().int().min(1),
        place: z.string().max(300).optional(),
        start: isoDate.optional(),
        end: isoDate.optional(),
        meetingUrl: z.string().url().optional(),
      }),
    )
    .default([]),
  /** What offline participants bring (invitation e-mail). */
  bring: z.array(z.string().max(200)).default([]),
  /**
   * The owner's certificate template: a Google Doc (A4 landscape, space left for the stamped
   * text) exported once per instance as PDF. Without it the built-in layout is used.
   */
  certificateTemplateDocId: z.string().regex(/^[A-Za-z0-9_-]{3,200}$/, 'harus berupa id Google Docs').optional(),
});
export type Programme = z.infer<typeof programmeSchema>;
export type ProgrammeInput = z.input<typeof programmeSchema>;

export const participantStatusSchema = z.enum(['registered', 'waiting', 'withdrawn']);
export type ParticipantStatus = z.infer<typeof participantStatusSchema>;

/**
 * A registrant. No NIK or anything the training does not need: name, library, where it is, how
 * to reach them. `hostAgencyId` scopes who may read it (firestore.rules).
 */
export const participantSchema = z.object({
  id: z.string().regex(PARTICIPANT_ID),
  programmeId: z.string(),
  hostAgencyId: agencyId,
  province: z.string(),
  mode: modeSchema,
  status: participantStatusSchema,
  /** The wave and event while registered; null while waiting or withdrawn. */
  wave: z.number().int().nullable(),
  eventId: z.string().nullable(),
  /** Place on the province's waiting list for this mode (first come, first served). */
  waitSeq: z.number().int().nullable(),
  name: z.string(),
  library: z.string(),
  village: z.string(),
  district: z.string(),
  regency: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  registeredAt: isoInstant,
  updatedAt: isoInstant,
  /** Form responses that named this person (a repeat registration is merged here, not counted twice). */
  responses: z.array(z.string()),
  /** Attendance by session number. */
  attendance: z.record(z.string(), z.object({ at: isoInstant, via: z.enum(['tautan', 'petugas']), by: z.string() })).default({}),
  certificate: z.object({ number: z.string(), issuedAt: isoInstant }).nullable().default(null),
});
export type Participant = z.infer<typeof participantSchema>;

/** Places of one province in one wave: never more taken than capacity. */
export const bucketSchema = z.object({ province: z.string(), wave: z.number().int(), capacity: z.number().int().min(0), taken: z.number().int().min(0) });
export type Bucket = z.infer<typeof bucketSchema>;
/** A province's waiting list for one mode: the next place number and how many wait. */
export const waitlistSchema = z.object({ next: z.number().int().min(1), count: z.number().int().min(0) });

/** One form response: recorded once, with what it did. */
export const registrationSchema = z.object({
  id: z.string(),
  outcome: z.enum(['registered', 'waiting', 'merged', 'rejected']),
  participantId: z.string().nullable(),
  receivedAt: isoInstant,
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
  answers: z.record(z.string(), z.array(z.string())),
});
export type Registration = z.infer<typeof registrationSchema>;

/** The register of certificates (top level: GET /v/<number> reads one document). */
export const certificateSchema = z.object({
  number: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  participantId: z.string(),
  hostAgencyId: agencyId,
  name: z.string(),
  library: z.string(),
  eventId: z.string(),
  eventLabel: z.string(),
  start: isoDate,
  end: isoDate,
  jp: z.number().int(),
  /** The date the certificate bears (the event's last day). */
  date: isoDate,
  issuedAt: isoInstant,
  revoked: z.boolean().default(false),
});
export type Certificate = z.infer<typeof certificateSchema>;

export const trainerSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,64}$/),
  name: z.string().min(1),
  province: z.string(),
  expertise: z.array(z.string()),
  email: z.string().nullable(),
  /** As printed on their surat tugas (a trainer who is no civil servant has no NIP or pangkat); jabatan defaults to "Pelatih Ahli". */
  nip: z.string().optional(),
  pangkat: z.string().optional(),
  jabatan: z.string().optional(),
  /** Date ranges the trainer can teach in (inclusive); empty means any date. */
  available: z.array(z.object({ start: isoDate, end: isoDate })).default([]),
  /** Events assigned: id and dates, kept here so overlap is checked on one document. */
  assignments: z.array(z.object({ eventId: z.string(), start: isoDate, end: isoDate })).default([]),
});
export type Trainer = z.infer<typeof trainerSchema>;
export type TrainerInput = z.input<typeof trainerSchema>;

/** One e-mail of a paced mailing: queued, sent once (intent before, message id after), or failed. */
export const mailMessageSchema = z.object({
  id: z.string(),
  mailingId: z.string(),
  participantId: z.string(),
  senderAgencyId: agencyId,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  /** Attach the participant's certificate (rendered at send time, byte-identical each time). */
  certificate: z.string().nullable(),
  /** Order within the sender's queue. */
  seq: z.number().int().min(0),
  status: z.enum(['queued', 'sent', 'failed']),
  intentAt: isoInstant.nullable(),
  sentAt: isoInstant.nullable(),
  messageId: z.string().nullable(),
  attempts: z.number().int().min(0),
  lastError: z.string().nullable(),
});
export type MailMessage = z.infer<typeof mailMessageSchema>;

export const mailingSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  kind: z.enum(['sertifikat', 'undangan', 'pengumuman']),
  title: z.string(),
  createdAt: isoInstant,
  createdBy: z.string(),
  total: z.number().int().min(0),
  /** Messages per sending agency. */
  senders: z.record(z.string(), z.number().int().min(0)),
  /** Messages still queued (the send loop's query); written by the store, false once all are sent or failed. */
  open: z.boolean().optional(),
});
export type Mailing = z.infer<typeof mailingSchema>;

/**
 * One request for a programme's documents (POST .../documents), recorded once with the outbox
 * entries it made (programme/documents.ts): the same request again answers these entries.
 */
export const documentRequestSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  /** The agency that issues the documents (and whose outbox renders them). */
  agencyId: agencyId,
  kind: z.enum(['surat_tugas_pelatih', 'undangan', 'daftar_hadir', 'laporan_pelaksanaan']),
  eventId: z.string(),
  session: z.number().int().nullable(),
  trainer: z.string().nullable(),
  entries: z.array(z.string()).min(1),
  requestHash: z.string(),
  requestedBy: z.string(),
  createdAt: isoInstant,
});
export type DocumentRequest = z.infer<typeof documentRequestSchema>;

export interface RegistrationInput {
  /** formId-responseId: the same response again is a replay. */
  id: string;
  receivedAt: string;
  province: string;
  mode: Mode;
  name: string;
  library: string;
  village: string;
  district: string;
  regency: string;
  /** As typed, and as a comparable key (digits, 62 prefix). */
  phone: string;
  phoneKey: string;
  email: string;
  answers: Record<string, string[]>;
}

export interface RegistrationOutcome {
  outcome: Registration['outcome'];
  participant: Participant;
  replayed: boolean;
  /** Outbox entries written with it (the confirmation e-mail). */
  outbox: OutboxEntry[];
}

/** Builds the e-mail a registration or a promotion from the waiting list sends, inside its transaction. */
export type NoticeFn = (p: Participant, what: 'registered' | 'waiting' | 'merged' | 'promoted' | 'withdrawn', waitPosition: number | null) => OutboxEntry | null;

export interface ParticipantQuery {
  hostAgencyId?: string;
  province?: string;
  eventId?: string;
  status?: ParticipantStatus;
}

/**
 * What the report counts of a participant, read as a projection (not the whole document):
 * attendance holds only the sessions' presence (any value means present).
 */
export const participantFactsSchema = participantSchema.pick({ province: true, mode: true, status: true, wave: true }).extend({ attendance: z.record(z.string(), z.unknown()).default({}) });
export type ParticipantFacts = z.infer<typeof participantFactsSchema>;

/** What the report counts of a certificate. */
export const certificateFactsSchema = z.object({ eventId: z.string(), revoked: z.boolean().default(false) });
export type CertificateFacts = z.infer<typeof certificateFactsSchema> & { number: string };

export interface ProgrammeStore {
  /** Creates or replaces the set-up; buckets get the new capacities and keep what is taken. */
  putProgramme(p: ProgrammeInput, now: string): Promise<Programme>;
  programme(id: string): Promise<Programme | null>;
  /** Programmes an agency owns or hosts events of. */
  programmesOf(agencyId: string): Promise<Programme[]>;
  /**
   * One registration, in one transaction: replay check by response, dedup by phone and e-mail
   * (merge), a place in the first wave of the province and mode with room, else the waiting list.
   */
  register(programme: Programme, r: RegistrationInput, notice: NoticeFn): Promise<RegistrationOutcome>;
  /** Records a rejected response once. */
  rejectRegistration(programmeId: string, reg: Registration): Promise<{ replayed: boolean }>;
  registration(programmeId: string, id: string): Promise<Registration | null>;
  /** Withdraws a participant; the first waiting of that province and mode takes the place. */
  withdraw(programme: Programme, participantId: string, notice: NoticeFn, now: string): Promise<{ participant: Participant; promoted: Participant | null; outbox: OutboxEntry[] }>;
  participant(programmeId: string, id: string): Promise<Participant | null>;
  participants(programmeId: string, q: ParticipantQuery): Promise<Participant[]>;
  /** The report's projection of the participants (a host: `hostAgencyId`), presence read for `sessions` only. */
  participantFacts(programmeId: string, q: { hostAgencyId?: string }, sessions: number[]): Promise<ParticipantFacts[]>;
  /**
   * One page of participants in registration order (registeredAt, then id): `after` resumes after
   * the last one of the previous page; `count` also counts every match (the first page).
   */
  participantPage(programmeId: string, q: ParticipantQuery & { limit: number; after?: Cursor; count: boolean }): Promise<PageOf<Participant>>;
  /** 1-based position of a waiting participant on their province's list for their mode (a count, not a read of the list). */
  waitingPosition(programmeId: string, pt: Participant): Promise<number | null>;
  buckets(programmeId: string): Promise<Bucket[]>;
  waitlists(programmeId: string): Promise<Record<string, { next: number; count: number }>>;
  /** Marks attendance of a session; returns how many were newly marked. Only registered participants of the event. */
  markAttendance(programmeId: string, eventId: string, participantIds: string[], session: number, mark: { at: string; via: 'tautan' | 'petugas'; by: string }): Promise<{ marked: number; already: number; refused: string[] }>;
  /**
   * Issues certificates to `participants` (completing, without one) with numbers from the
   * programme's register, in transactions of at most `batch`; existing ones are kept.
   */
  issueCertificates(programme: Programme, items: { participant: Participant; certificate: (serial: number) => Certificate }[], now: string): Promise<Certificate[]>;
  certificate(number: string): Promise<Certificate | null>;
  certificates(programmeId: string, eventId?: string): Promise<Certificate[]>;
  /** The report's projection of the programme's certificates (a host: those of its participants). */
  certificateFacts(programmeId: string, q: { hostAgencyId?: string }): Promise<CertificateFacts[]>;
  /** Numbers of certificates whose e-mail a `sertifikat` mailing sent (a host: sent from its account). */
  deliveredCertificates(programmeId: string, q: { senderAgencyId?: string }): Promise<string[]>;
  // Trainers
  putTrainer(programmeId: string, t: TrainerInput): Promise<void>;
  trainers(programmeId: string): Promise<Trainer[]>;
  /** Assigns trainers to an event in one transaction; refuses (nothing written) a trainer whose other events overlap the dates. */
  assignTrainers(programmeId: string, event: { id: string; start: string; end: string }, trainerIds: string[]): Promise<{ ok: true; trainers: Trainer[] } | { ok: false; conflicts: { trainerId: string; eventId: string }[] }>;
  // Documents (programme/documents.ts)
  /** The request recorded under this id, or null. */
  documentRequest(programmeId: string, id: string): Promise<DocumentRequest | null>;
  /**
   * Records a request and creates its outbox entries in the issuing agency's outbox, in one
   * transaction; `counter` names the agency's letter register when the entries are numbered: the
   * entries get consecutive numbers from `build(first)`, and the register moves past them. A
   * request recorded already (the same id) creates nothing and answers what it made.
   */
  createDocuments(request: DocumentRequest, counter: string | null, build: (first: number | null) => OutboxEntry[]): Promise<{ request: DocumentRequest; entries: OutboxEntry[]; replayed: boolean }>;
  /** The issuing agency's outbox entries with these ids (missing ones left out). */
  documentEntries(agencyId: string, ids: string[]): Promise<OutboxEntry[]>;
  /** An agency's requests of a programme, newest first, at most `limit`. */
  documentRequests(programmeId: string, agencyId: string, limit: number): Promise<DocumentRequest[]>;
  /** Participants whose id starts with `prefix` (a check-in code's id part): rarely more than one. */
  participantsByIdPrefix(programmeId: string, prefix: string, limit: number): Promise<Participant[]>;
  // Paced mailings
  createMailing(m: Mailing, messages: MailMessage[]): Promise<{ created: boolean }>;
  mailing(programmeId: string, id: string): Promise<Mailing | null>;
  mailings(programmeId: string): Promise<Mailing[]>;
  /** The sender's messages of the mailing still queued, in order. */
  queued(programmeId: string, mailingId: string, sender: string, limit: number): Promise<MailMessage[]>;
  /** Send times (intent) of the sender's messages since `since`, over every mailing of the programme: the pacing ledger. */
  sendLedger(programmeId: string, sender: string, since: string): Promise<string[]>;
  updateMessage(programmeId: string, mailingId: string, id: string, patch: Partial<MailMessage>): Promise<void>;
  mailingCounts(programmeId: string, mailingId: string): Promise<Record<string, { queued: number; sent: number; failed: number }>>;
  /** Queued, sent and failed of a mailing in all, or of one sending account: three count queries, whatever the number of accounts. */
  mailingTotals(programmeId: string, mailingId: string, sender?: string): Promise<{ queued: number; sent: number; failed: number }>;
  /** Mailings of every programme with messages still queued (the send loop's work). */
  openMailings(): Promise<Mailing[]>;
  /** Marks the mailing done when none of its messages is queued any more; says whether it is done. */
  closeMailingIfDone(programmeId: string, mailingId: string): Promise<boolean>;
  /**
   * The lease on a sending account: only its holder sends from that account until `until` (ms).
   * Taken when free, expired, or already the holder's; false when another holder's lease runs.
   */
  acquireSendLease(account: string, holder: string, until: number, now: number): Promise<boolean>;
  /** Gives the lease back (only if still the holder's), so the next run need not wait for it to expire. */
  releaseSendLease(account: string, holder: string): Promise<void>;
}
