// The API contract: every request and response body of the `api` function, as types only. The
// functions, the add-on's Apps Script code, the sidebar and the local preview's shim all import
// it with `import type`, so a change to a body is a compile error wherever it is read or written.
// No runtime imports and no values here: the sidebar's browser bundle and Apps Script build must
// be able to take it without pulling in Node or Google libraries.
//
// The shapes that are also stored (the case, its events) are defined here once; the store's zod
// schemas and the SOP schema are checked against them at compile time.

// ---- Errors ----

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'NOT_STAFF'
  | 'WRONG_ROLE'
  | 'NOT_FOUND'
  | 'NOT_CURRENT_STEP'
  | 'MISSING_KELENGKAPAN'
  | 'INVALID_INPUT'
  | 'CASE_CLOSED'
  | 'VERSION_CONFLICT'
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The partner's submission was already accepted as a case or turned into one by staff: HTTP 409. */
  | 'SUBMISSION_HANDLED'
  /** The submission answers a step of an existing case (answer or respond form): it cannot open one. HTTP 409. */
  | 'SUBMISSION_NOT_OPENABLE'
  /** The request (or what it would store) is over a documented size limit: HTTP 413. */
  | 'TOO_LARGE'
  /** Contention outlasted the service's retries; nothing changed, try again: HTTP 503. */
  | 'BUSY'
  /** Our fault (a bug, or a stored document that fails its schema): HTTP 500. */
  | 'INTERNAL';

export interface FieldProblem {
  /** Dotted path of the field in the request body, e.g. `data.tanggal_kunjungan`. */
  path: string;
  message: string;
}

/** The API's error; the add-on adds its own codes (CONFIG, NETWORK, CHOOSE_AGENCY, SHEETS_*). */
export interface ApiError<Code extends string = ErrorCode> {
  code: Code;
  /** In Bahasa Indonesia, naming the field. */
  message: string;
  /** The first field concerned, when there is one. */
  path?: string;
  /** Every field concerned (MISSING_KELENGKAPAN and INVALID_INPUT list them all at once). */
  fields?: FieldProblem[];
}

/** Every non-2xx answer. */
export interface ErrorBody {
  error: ApiError;
}

// ---- SOP definitions (GET .../sops) ----

export type Target = number | 'END';
export type DataType = 'text' | 'longtext' | 'number' | 'integer' | 'date' | 'datetime' | 'email' | 'url' | 'boolean' | 'list' | 'month';
export type AssignKind = 'agenda' | 'surat' | 'today' | 'rekap_referensi';

export interface Role {
  id: string;
  label: string;
  jabatan?: string;
  relation?: 'head' | 'direct' | 'indirect';
  reportsTo?: string;
}

export type Kelengkapan =
  | { type: 'document'; id: string; label: string; source: 'input' | 'case' | 'produced' }
  | {
      type: 'data';
      id: string;
      label: string;
      dataType: DataType;
      optional?: boolean;
      when?: 'yes' | 'no';
      options?: { value: string; label: string }[];
      maxItems?: number;
      suggest?: { pimpinanOf: string };
      assign?: AssignKind;
    }
  | { type: 'checklist'; id: string; label: string }
  | { type: 'office'; id: string; label: string };

export interface ProducedDocument {
  id: string;
  label: string;
  template: string | null;
  variant?: string;
  signer?: string;
  kepada?: string[];
  fields?: Record<string, string>;
  lampiran?: string[];
  dasar?: string[];
  email?: boolean;
}

export interface Exit {
  to: Target;
  label: string;
  produces: ProducedDocument[];
  outcome?: string;
  /**
   * Taking this exit needs a reason (the action's `note`). Unset: the engine's default, the "no"
   * exit of a decision staff take themselves (GET .../sops always states it).
   */
  reasonRequired?: boolean;
}

export type Performer = 'staff' | 'partner' | 'institution';

interface StepBase {
  no: number;
  activity: string;
  actors: string[];
  actorNote?: string;
  performer: Performer;
  performerLabel?: string;
  kelengkapan: Kelengkapan[];
  waktu: string | null;
  output: string | null;
  produces: ProducedDocument[];
  keterangan?: string;
  desk?: boolean;
  itemCountField?: string;
}

export type Step =
  | (StepBase & { kind: 'process'; next: number })
  | (StepBase & { kind: 'decision'; question: string; ifYes: Exit; ifNo: Exit; branchFrom?: number })
  | (StepBase & { kind: 'terminator'; outcome: string });

export interface SopDefinition {
  id: string;
  version: number;
  title: string;
  code: string;
  source: string;
  legalBasis: string[];
  warnings: string[];
  serviceStandard?: { waktu: string | null; biaya?: string; produk: string[]; pengaduan: string[] };
  roles: Role[];
  startStep: number;
  cancelRoles: string[];
  createRoles?: string[];
  /** When steps are flagged before and after their due time, and to whom a late step escalates (defaults in sop/alerts.ts). */
  reminders?: ReminderPolicy;
  steps: Step[];
}

/**
 * Reminders and escalation of an SOP (data, per SOP): "due soon" when `soonShare` of the step's
 * window (start to due) has passed, "overdue" at the due time, escalation once the step is late by
 * `escalateAfterMinutes`, or else by `escalateAfterStandards` standard times (default 1).
 */
export interface ReminderPolicy {
  soonShare?: number;
  escalateAfterStandards?: number;
  escalateAfterMinutes?: number;
  /** Roles a late step escalates to; default the supervisors of its actors (reportsTo, the head), else the SOP's cancelRoles. */
  escalateTo?: string[];
}

export type WaktuBasis = 'case' | 'item' | 'period' | 'travel' | 'open' | 'unknown';
export type WaktuUnit = 'minute' | 'hour' | 'day' | 'week' | 'month';

/** A standard time (mutu baku waktu) as read from the SOP's text. */
export interface Waktu {
  /** The text as written; null when the seed gives none. */
  raw: string | null;
  basis: WaktuBasis;
  min?: number;
  max?: number;
  unit?: WaktuUnit;
  /** The counted thing for basis item: "buku", "subjek". */
  perItem?: string;
  /** false => unreadable: kept raw, reported, never guessed. */
  recognized: boolean;
  /** Indonesian display text ("120–180 menit", "1 hari kerja"). */
  label: string;
}

export type DescribedStep = Step & { standard: Waktu };

/** A definition as clients show it: steps with their standard time read, unreadable ones listed. */
export interface SopDescription extends Omit<SopDefinition, 'steps'> {
  steps: DescribedStep[];
  unreadable: { step: number; waktu: string }[];
}

export interface SopListResponse {
  sops: SopDescription[];
}

// ---- Cases ----

export interface Partner {
  name: string;
  email?: string;
  phone?: string;
  address?: string;
}

export type DocumentStatus = 'provided' | 'pending' | 'ready' | 'failed';

export interface CaseDocument {
  id: string;
  label: string;
  /**
   * provided = attached by a user; pending = produced by a step, waiting to be rendered;
   * ready = rendered (and sent, if the SOP e-mails it); failed = rendering gave up (dead letter).
   */
  status: DocumentStatus;
  step: number;
  revision: number;
  url?: string;
  title?: string;
  at: string;
  /** Letter number reserved for it, template and outbox entry, when a template renders it. */
  nomor?: string | null;
  templateId?: string;
  outboxId?: string;
  pdfUrl?: string | null;
  emailedTo?: string[];
  error?: string;
}

export type CaseStatus = 'open' | 'closed' | 'cancelled';

export interface CaseState {
  id: string;
  agencyId: string;
  nomor: string;
  sopId: string;
  sopVersion: number;
  sopTitle: string;
  title: string;
  partner: Partner | null;
  status: CaseStatus;
  currentStep: number | null;
  /** Roles that can take the current step; empty once the case is over (the task query uses it). */
  currentRoles: string[];
  stepStartedAt: string | null;
  dueAt: string | null;
  /**
   * The next instant a reminder or escalation of the current step falls due (the scheduled
   * `remind` function queries it); null when none is left or the case is over. Absent on cases
   * stored before reminders existed.
   */
  alertAt?: string | null;
  /** Number of events so far; the next event's sequence number is version + 1. */
  version: number;
  data: Record<string, unknown>;
  documents: Record<string, CaseDocument>;
  /** Decisions taken, by step number. */
  decisions: Record<string, 'yes' | 'no'>;
  outcome: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** Why a decision with a reason brought the case to its current step; cleared by the next step. */
  returned?: DecisionNote | null;
}

/** A decision taken with its reason, shown at the step it leads to ("Dikembalikan oleh ..."). */
export interface DecisionNote {
  /** The decision step and the exit's label. */
  step: number;
  label: string;
  /** True when the exit goes back to an earlier step (the work is returned for revision). */
  back: boolean;
  by: string;
  byEmail: string;
  at: string;
  reason: string | null;
}

export interface StandardTime {
  raw: string | null;
  label: string;
  basis: WaktuBasis;
  min: number | null;
  max: number | null;
  unit: string | null;
}

/** respond: a partner's answer recorded on the case through a form, without moving it. */
export type ActionType = 'create' | 'complete' | 'decide' | 'cancel' | 'respond';

export interface EventActor {
  email: string;
  name?: string;
  roles: string[];
  /** Set when a partner acted through a partner form: never a staff member. */
  via?: 'formulir';
}

export interface CaseEvent {
  seq: number;
  at: string;
  actor: EventActor;
  action: ActionType;
  step: number | null;
  /** The step the case moved to, or null when it ended. */
  toStep: number | null;
  decision: 'yes' | 'no' | null;
  /** What the actor sent (data, checklist, documents), what the system assigned, or the new case's title and partner. */
  input: Record<string, unknown>;
  note: string | null;
  /** The step's standard time and how long it really took. */
  standard: StandardTime | null;
  stepStartedAt: string | null;
  durationMinutes: number | null;
  dueAt: string | null;
  withinStandard: boolean | null;
  produced: string[];
}

export interface Transition {
  state: CaseState;
  event: CaseEvent;
}

/** POST .../cases, .../actions and .../cancel; `replayed` when the Idempotency-Key was seen before. */
export interface TransitionResponse extends Transition {
  replayed: boolean;
}

export interface CreateCaseRequest {
  sop: string;
  title?: string;
  partner?: Partner;
}

export interface StepInput {
  data?: Record<string, unknown>;
  checklist?: Record<string, boolean>;
  documents?: Record<string, { url: string; title?: string }>;
  note?: string;
}

export interface StepActionRequest extends StepInput {
  type: 'complete' | 'decide';
  step: number;
  decision?: 'yes' | 'no';
  expectedVersion?: number;
}

export interface CancelRequest {
  reason: string;
  expectedVersion?: number;
}

/** GET .../cases/{caseId} */
export interface CaseDetail {
  case: CaseState;
  events: CaseEvent[];
  /** `suggested`: values offered for the step's data fields (a recipient's jabatan from the institution table), by field id. */
  currentStep: (DescribedStep & { canAct: boolean; suggested?: Record<string, string> }) | null;
  dueLocal: string | null;
  /** WIB, WITA or WIT. */
  timeZone: string;
  /**
   * The partner form that answers the current step, when there is one: staff can hand its
   * prefilled link to a partner without e-mail (GET .../partner-link).
   */
  partnerForm: { formId: string; title: string } | null;
  /** The letters the current step makes (on each exit of a decision) and where each is e-mailed. */
  letters: PlannedLetter[];
  /** Reminders and escalations of the case's steps, oldest first (kept beside the events: they do not change the case's version). */
  notices?: CaseNotice[];
}

export type NoticeKind = 'soon' | 'overdue' | 'escalation';

/**
 * A reminder ("soon": the step is due soon; "overdue": it is late) or an escalation (late by the
 * SOP's margin, sent to the supervising roles), issued once per step instance and threshold by
 * the scheduled `remind` function. It is part of the case's history but no event: it does not
 * move the case or change its version (a partner's form link and a user's expectedVersion stay valid).
 */
export interface CaseNotice {
  id: string;
  kind: NoticeKind;
  /** When it was issued. */
  at: string;
  step: number;
  stepStartedAt: string;
  dueAt: string;
  /** The threshold it answers (the due time for "overdue"). */
  thresholdAt: string;
  /** Earlier thresholds that passed while no run was made: not sent, said here. */
  skipped: NoticeKind[];
  roles: string[];
  /** Who was e-mailed (active staff holding those roles); empty when nobody holds them. */
  to: string[];
  /** What happened, as the history shows it. */
  message: string;
}

/** A letter (or a form link) the current step sends out once it is saved; the e-mail cannot be recalled. */
export interface PlannedLetter {
  /** The produced document's id, or `formulir_<form id>` for an e-mail carrying only a form link. */
  id: string;
  label: string;
  kind: 'letter' | 'form-link';
  /** The exit that makes it; null when the step makes it on every exit. */
  decision: 'yes' | 'no' | null;
  /** It takes a number from the agency's letter register. */
  numbered: boolean;
  /** The partner's address it is e-mailed to; null when it is only made. */
  emailTo: string | null;
  /** The SOP e-mails it to the partner, but the case holds no address: it is only made. */
  noAddress: boolean;
}

/** One row of the "Kasus" sheet (GET .../cases): what a clerk reads at a glance. */
export interface CaseRow {
  caseId: string;
  nomor: string;
  sop: string;
  mitra: string;
  langkah: string;
  pelaksana: string;
  /** The due time as people read it, "Senin, 30 November 2026 11.00 WITA"; empty without one. */
  jatuhTempo: string;
  /** The same instant as the agency's wall clock, "2026-11-30T11:00" (the sheet writes it as a date-time value); null without one. */
  jatuhTempoWaktu: string | null;
  status: 'Berjalan' | 'Terlambat' | 'Selesai' | 'Dibatalkan';
  /** One line per document: label, state and number, without links. */
  dokumen: string;
  /** The link of the latest document that has one (one link per cell); empty when none. */
  tautan: string;
  updatedAt: string;
}

export type CaseOrder = 'newest' | 'nomor';

/** GET .../cases?q=&order=&status=&limit=&pageToken=: the query as the URL carries it (strings). */
export interface CaseListQuery {
  /**
   * Words, each matched as the start of a word of the case number, the partner, the title or the
   * SOP's title (case and accents ignored); every word must match. 1-100 characters.
   */
  q?: string;
  /** newest (default): newest first; nomor: by SOP code, year and serial. */
  order?: CaseOrder;
  status?: CaseStatus;
  /** 1-1000, default 100. */
  limit?: string;
  /** The previous page's nextPageToken, with the same q, order and status. */
  pageToken?: string;
}

/** One page of a list. `nextPageToken` is null on the last page; a page may be short (even empty) while more follow. */
export interface Page {
  /** The page size asked for (or the default). */
  limit: number;
  nextPageToken: string | null;
  /** How many match in all, counted for the first page (no pageToken); null on later pages or when it cannot be counted exactly. */
  total: number | null;
}

export interface CaseListResponse extends Page {
  cases: CaseRow[];
}

/** GET .../tasks: open cases whose current step one of my roles can take. */
export interface Task {
  caseId: string;
  nomor: string;
  title: string;
  sopId: string;
  sopTitle: string;
  partner: string | null;
  step: number;
  activity: string;
  kind: Step['kind'];
  performer: Performer;
  stepStartedAt: string | null;
  dueAt: string | null;
  dueLocal: string | null;
  overdue: boolean;
  version: number;
  /** Why a decision brought the case here (returned for revision, with the reason), if one did. */
  returned: DecisionNote | null;
}

/** GET .../tasks?limit=&pageToken= */
export interface TaskListQuery {
  /** 1-200, default 50. */
  limit?: string;
  pageToken?: string;
}

/** Ordered by due time: overdue first, then the nearest, steps without a due time last. */
export interface TaskListResponse extends Page {
  tasks: Task[];
  /** How many of all my tasks are overdue, counted with `total`; null when it is. */
  overdue: number | null;
}

// ---- Who am I ----

export type TimeZoneId = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';

export interface Membership {
  agencyId: string;
  agencyName: string;
  roles: string[];
  /** The roles as the agency's SOPs name them (the ids where none does). */
  roleLabels: string[];
}

/** GET /v1/me */
export interface MembershipsResponse {
  email: string;
  memberships: Membership[];
}

/** GET .../me: only what the sidebar shows (Drive ids and mail settings stay server-side). */
export interface AgencyMeResponse {
  agency: { id: string; name: string; shortName: string; timeZone: TimeZoneId };
  staff: EventActor;
}

// ---- Reading desk (the `referensi` SOP's desk steps) ----

export type VisitCategory = 'pelajar' | 'mahasiswa' | 'umum' | 'instansi';

/** POST .../desk/visits */
export interface DeskVisitRequest {
  name: string;
  institution?: string;
  /** Default 'umum'. */
  category?: VisitCategory;
  purpose?: string;
}

/** POST .../desk/reads */
export interface DeskReadRequest {
  title: string;
  callNumber?: string;
  /** DDC class: three digits, optionally with decimals ("900", "899.221"). */
  classification?: string;
  /** 1-100; default 1. */
  copies?: number;
}

/** When and by whom a desk record was made (the agency's local date and month). */
export interface DeskStamp {
  at: string;
  date: string;
  month: string;
  recordedBy: string;
  requestHash: string;
}

export type DeskVisit = Omit<DeskVisitRequest, 'category'> & { category: VisitCategory } & DeskStamp;
export type DeskRead = Omit<DeskReadRequest, 'copies'> & { copies: number } & DeskStamp;

export type DeskVisitResponse = DeskVisit & { id: string; replayed: boolean };
export type DeskReadResponse = DeskRead & { id: string; replayed: boolean };

/** GET .../desk/recap?month=yyyy-mm */
export interface DeskRecap {
  month: string;
  visits: number;
  booksRead: number;
  byDay: Record<string, { visits: number; books: number }>;
  byCategory: Record<string, number>;
  /** By DDC class ("900") or "tanpa klasifikasi". */
  byClassification: Record<string, number>;
  /** Most read first. */
  titles: { title: string; count: number }[];
}

// ---- Partner form submissions ("Kiriman mitra") and partner links ----

/**
 * accepted: it opened or moved a case; rejected: its answers or its case reference could not be
 * used (why, per question); held: valid, but kept for staff to check (a burst from one contact,
 * or the same request again within a day).
 */
export type SubmissionStatus = 'accepted' | 'rejected' | 'held';

/** GET .../submissions?status=&limit=: the query as the URL carries it (strings). */
export interface SubmissionListQuery {
  status?: SubmissionStatus;
  /** 1-200, default 50. */
  limit?: string;
  /** The previous page's nextPageToken, with the same status. */
  pageToken?: string;
}

/** One question of the form with what the partner answered (as sent; long answers were cut when stored). */
export interface SubmissionAnswer {
  /** The question id: errors name it as `answers.<id>`. */
  id: string;
  title: string;
  help?: string;
  /** How it is asked: short, paragraph, list, email, phone, integer, date, time, datetime, url, choice, reference. */
  kind: string;
  required: boolean;
  options?: { value: string; label: string }[];
  values: string[];
}

export interface SubmissionView {
  id: string;
  status: SubmissionStatus;
  formId: string;
  formTitle: string;
  /** open: a response opens a case; answer and respond: it acts on an existing case; survey: the IKM survey of a closed case; null: the form is no longer in the catalog. */
  formMode: 'open' | 'answer' | 'respond' | 'survey' | null;
  /** The form's SOP; for a survey, that of the case its code names (null when the code named none). */
  sopId: string | null;
  receivedAt: string;
  /** receivedAt in the agency's zone, e.g. "Senin, 12 Oktober 2026 09.05 WITA". */
  receivedLocal: string;
  contact: { name: string | null; email: string | null; phone: string | null };
  /** Why it was rejected or held; null when accepted. */
  reason: string | null;
  /** Per question (`path` is a question id, or "(formulir)" for the form as a whole). */
  problems: FieldProblem[];
  /** Every question of the form, in the form's order, then answers to questions the form no longer has. */
  answers: SubmissionAnswer[];
  /** The case it opened or moved (accepted), or the case staff opened from it. */
  caseId: string | null;
  caseNomor: string | null;
  /** The staff member who turned it into a case (e-mail and name), and when. */
  handledBy: string | null;
  handledByName: string | null;
  handledAt: string | null;
  handledLocal: string | null;
  /** Rejected or held, not yet handled, from a form that opens a case: staff may turn it into one. */
  canOpenCase: boolean;
}

export interface SubmissionListResponse {
  submissions: SubmissionView[];
  /** The limit applied (newest first); `more` when older submissions follow (then nextPageToken reads them). */
  limit: number;
  more: boolean;
  nextPageToken: string | null;
}

/**
 * POST .../submissions/{id}/case: open a case of the form's SOP from a rejected or held
 * submission, as the calling staff member. `answers` corrects answers by question id (the others
 * stay as the partner sent them); every answer is checked again as the form checks it.
 * Answers 201 with the new case (200 on a replay), like POST .../cases.
 */
export interface SubmissionCaseRequest {
  answers?: Record<string, string[]>;
}

/** GET .../cases/{id}/partner-link: the prefilled form link of the case's current step. */
export interface PartnerLinkResponse {
  caseId: string;
  nomor: string;
  step: number;
  formId: string;
  formTitle: string;
  /** What the partner does with it, in one sentence (the form's description). */
  instruction: string;
  url: string;
  /** The link works once, until the case changes or this instant passes. */
  expiresAt: string;
  expiresLocal: string;
}

export interface HealthResponse {
  ok: true;
}

/** GET .../me/digest answers DigestSettingResponse (on unless turned off). POST .../me/digest: the caller's own morning digest (07.30 local on working days) on or off. */
export interface DigestSettingRequest {
  on: boolean;
}

export interface DigestSettingResponse {
  digest: boolean;
}

/** GET .../reports/sop/{sopId}?from=YYYY-MM-DD&to=YYYY-MM-DD: local dates, inclusive, at most 731 days. */
export interface SopReportQuery {
  from: string;
  to: string;
}

// ---- The SOP performance report (computed from the audit trail in functions/src/standards/report.ts) ----

export type Penilaian = 'Berjalan dengan baik' | 'Tidak berjalan dengan baik' | 'Belum dapat dinilai';

export interface StepFigures {
  step: number;
  activity: string;
  standard: string;
  /** Completions (complete or decide) of this step in the period. */
  count: number;
  /** Those with a standard to measure against (withinStandard not null). */
  measured: number;
  within: number;
  /** within / measured; null when nothing was measured. */
  shareWithin: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
  maxMinutes: number | null;
  /** Minutes past due, summed over the period's completions. */
  lateMinutes: number;
  worst: { caseId: string; nomor: string; durationMinutes: number; lateMinutes: number; at: string }[];
}

export interface DecisionFigures {
  step: number;
  question: string;
  yes: number;
  no: number;
  /** Whether "no" returns to an earlier step (a revision loop). */
  loopsBack: boolean;
  casesWithNo: number;
  maxNoPerCase: number;
}

export interface Tabel7Row {
  no: number;
  prosedur: string;
  penilaian: Penilaian;
  catatan: string;
  /** Left to the evaluator. */
  tindakan: string;
  paraf: string;
}

export interface Tabel8Row {
  no: number;
  aspek: string;
  /** What the audit trail says about it, for the evaluator; they answer Ya or Tidak. */
  bahan: string;
  ya: null;
  tidak: null;
  catatan: string;
}

export interface SopReport {
  agencyId: string;
  sopId: string;
  sopTitle: string;
  period: { from: string; to: string; label: string };
  timeZone: TimeZoneId;
  generatedAt: string;
  generatedLocal: string;
  cases: { opened: number; closed: number; cancelled: number; openAtEnd: number; openNow: number; overdueNow: number };
  steps: StepFigures[];
  bottlenecks: { step: number; activity: string; lateMinutes: number; shareWithin: number | null }[];
  decisions: DecisionFigures[];
  overdueNow: { caseId: string; nomor: string; title: string; step: number | null; dueAt: string; dueLocal: string; lateMinutes: number }[];
  trend: { month: string; opened: number; closed: number; completions: number; measured: number; within: number; shareWithin: number | null }[];
  tabel7: { threshold: number; rows: Tabel7Row[] };
  tabel8: { rows: Tabel8Row[] };
}


/** POST .../reports/sop/{sopId}/document (Idempotency-Key): the report as a Google Doc, rendered by the outbox worker. */
export interface ReportDocumentRequest {
  from: string;
  to: string;
}

/** The report document's state; GET .../reports/documents?entry=<entry> while it is pending. */
export interface ReportDocumentResponse {
  entry: string;
  title: string;
  status: 'pending' | 'ready' | 'failed';
  url: string | null;
  pdfUrl: string | null;
  error: string | null;
}

// ---- A training programme's documents (Bimtek: programme/documents.ts) ----

/**
 * POST .../programmes/{programme}/documents (Idempotency-Key): the documents of one event, made
 * as Google Docs from templates by the agency that issues them, through the letters pipeline:
 * - `surat_tugas_pelatih`: one surat tugas per trainer assigned to the event (or only `trainer`,
 *   teaching only `sessions` when given), issued by the programme's owner, signed by its signer;
 * - `undangan`: the host agency's invitation, the registered participants listed in its lampiran;
 * - `daftar_hadir`: the attendance list of one `session` (dated `tanggal`, else a blank to fill
 *   by hand), a row per registered participant with their check-in code;
 * - `laporan_pelaksanaan`: the host's report of the event, in figures, with the organiser's
 *   `kendala` and `rekomendasi`.
 * `penandatangan`: the e-mail of the issuing agency's staff member who signs (default: the head of
 * the agency for an invitation, else the caller). The same key again answers the same documents.
 */
export type ProgrammeDocumentRequest =
  | { kind: 'surat_tugas_pelatih'; event: string; trainer?: string; sessions?: number[] }
  | { kind: 'undangan'; event: string; pukul?: string; penandatangan?: string }
  | { kind: 'daftar_hadir'; event: string; session: number; tanggal?: string; penandatangan?: string }
  | { kind: 'laporan_pelaksanaan'; event: string; kendala?: string; rekomendasi?: string; penandatangan?: string };

export type ProgrammeDocumentKind = ProgrammeDocumentRequest['kind'];

/** What a request made: 202 when new, 200 for the same request again (`replayed`). */
export interface ProgrammeDocumentsResponse {
  /** The request's record id. */
  request: string;
  kind: ProgrammeDocumentKind;
  event: string;
  /** One per document (a surat tugas per trainer), each as GET .../documents/{entry} answers it. */
  documents: ReportDocumentResponse[];
  replayed: boolean;
}

/** GET .../programmes/{programme}/documents: the caller's agency's requests, newest first. */
export interface ProgrammeDocumentListResponse {
  requests: (Omit<ProgrammeDocumentsResponse, 'replayed'> & { session: number | null; trainer: string | null; requestedBy: string; createdAt: string })[];
}

// ---- Satisfaction survey (IKM, Permenpan-RB 14/2017) ----

/**
 * POST .../surveys (Idempotency-Key): one questionnaire, e.g. a paper one entered at the desk.
 * `answers`: the nine elements in order, each 1 (tidak baik) to 4 (sangat baik).
 */
export interface SurveyRequest {
  sop: string;
  answers: number[];
  /** The case the respondent was served in, by its number (PUSLING/2026/0001), when known. */
  caseNomor?: string;
  saran?: string;
}

export interface SurveyResponse {
  id: string;
  replayed: boolean;
}

/** GET .../reports/ikm?from=YYYY-MM-DD&to=YYYY-MM-DD[&sop=...] */
export interface IkmQuery {
  from: string;
  to: string;
  sop?: string;
}

export interface IkmElement {
  no: number;
  unsur: string;
  sum: number;
  /** Nilai rata-rata (NRR) of the element; null without responses. */
  nrr: number | null;
  nrrTertimbang: number | null;
}

export interface IkmResult {
  sopId: string | null;
  period: { from: string; to: string };
  responses: number;
  elements: IkmElement[];
  /** The weighted sum of the element means (1 to 4). */
  ikm: number | null;
  /** ikm x 25, two decimals (25 to 100). */
  index: number | null;
  mutu: 'A' | 'B' | 'C' | 'D' | null;
  kinerja: string | null;
  /** The respondents' suggestions, newest first. */
  saran: { at: string; text: string; caseNomor: string | null }[];
}

/**
 * GET .../tasks/summary: how the caller's tasks stand (the counts "Tugas saya" shows), by SOP.
 * `dueSoon`: not late yet, but past the step's "soon" reminder.
 */
export interface TaskSummary {
  total: number;
  overdue: number;
  dueSoon: number;
  bySop: { sopId: string; sopTitle: string; total: number; overdue: number }[];
}

// ---- SOP import (issue 14): a table read into a draft, reviewed, published as a new version ----

/** Something the importer read but is not sure of; the sidebar highlights the field at `path`. */
export interface SopImportReviewItem {
  /** Path in the definition ("steps.3.actors", "steps.6.ifNo", "roles", "preamble"). */
  path: string;
  /** The step number, when the item is about one step. */
  step?: number;
  /** What kind of field, for the sidebar's highlighting. */
  field: 'actors' | 'decision' | 'kelengkapan' | 'waktu' | 'produces' | 'text' | 'roles' | 'title' | 'step';
  /** What was read, verbatim. */
  read: string;
  /** Why it is unsure, in Indonesian. */
  reason: string;
  /** Alternatives worth offering (other actors, another target, a template). */
  alternatives?: string[];
}

export interface SopImportChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: string;
  after?: string;
}

/**
 * POST .../sop-imports/preview (an administrator of the agency's SOPs; writes nothing): exactly one of
 * `text` (a table pasted from Word, a PDF or an OCR scan; tab-separated rows), `rows` (a Sheets range)
 * or `docxBase64` (a .docx file); `title` and `sopId` apply to a source of one table.
 */
export interface SopImportPreviewRequest {
  text?: string;
  rows?: string[][];
  docxBase64?: string;
  title?: string;
  sopId?: string;
}

export interface SopImportDraft {
  table: number;
  inputKind: 'tsv' | 'docx' | 'rows' | 'ocr' | 'list';
  definition: SopDefinition;
  review: SopImportReviewItem[];
  /** The version in use this draft would replace (same id), or null for a new SOP. */
  current: { id: string; version: number; title: string } | null;
  diff: SopImportChange[];
  /** Templates a produced document may be mapped to (id, title); `surat_dinas` is the default. */
  templates: { id: string; title: string }[];
}

export interface SopImportPreviewResponse {
  drafts: SopImportDraft[];
}

/**
 * POST .../sop-imports/publish with an Idempotency-Key: the reviewed definition, validated like every
 * definition, stored as the next version of its SOP (running cases stay on theirs). `dryRun` only
 * validates and answers the changes against the version in use.
 */
export interface SopImportPublishRequest {
  definition: SopDefinition;
  dryRun?: boolean;
}

export interface SopImportPublishResponse {
  id: string;
  /** The version stored (or, for a dry run, the one it would get). */
  version: number;
  title: string;
  published: boolean;
  diff: SopImportChange[];
  /** Roles no SOP of the agency had before: give them to staff (put-staff) before their steps can be taken. */
  newRoles: string[];
  /**
   * Partner forms of this SOP that no longer fit it (a field they fill is gone): their responses are
   * kept as rejected with that reason until the form is changed; one line per form, in Indonesian.
   */
  formProblems: string[];
}

// ---- Bimtek programme report ----

/** Figures of a group of participants (a province and wave, a wave, a province, or everyone in view). */
export interface ProgrammeReportFigures {
  /** Places (the programme's quota); 0 on a row of participants without a wave. */
  capacity: number;
  registered: number;
  waiting: number;
  withdrawn: number;
  /** Registered participants present at one session at least. */
  attendedAny: number;
  /** Registered participants present, per session in the order of `programme.sessions`. */
  attendance: number[];
  /** Registered participants who completed by the programme's rule. */
  completed: number;
  /** Valid (not revoked) certificates issued for the event. */
  certificates: number;
  /** Of those, certificates whose e-mail was sent (a sertifikat mailing's message with status sent). */
  delivered: number;
}

/** One province in one wave; `wave` null holds that province's participants without a place (waiting, withdrawn) of one mode. */
export interface ProgrammeReportRow extends ProgrammeReportFigures {
  province: string;
  provinceName: string;
  wave: number | null;
  mode: 'luring' | 'daring';
}

/** GET .../programmes/{p}/report: the owner sees every province, a host its own. */
export interface ProgrammeReport {
  programme: { id: string; name: string; year: number; owner: boolean; sessions: { no: number; title: string; jp: number }[]; completion: { kind: 'all' } | { kind: 'jp'; minPercent: number } };
  /** By the programme's province order, then wave (participants without a wave last), then mode. */
  rows: ProgrammeReportRow[];
  /** Totals per wave in wave order; `wave` null: participants without a wave (mode null). */
  waves: (ProgrammeReportFigures & { wave: number | null; mode: 'luring' | 'daring' | null })[];
  /** Totals per province in view, in the programme's order. */
  provinces: (ProgrammeReportFigures & { province: string; provinceName: string })[];
  total: ProgrammeReportFigures;
  generatedAt: string;
}

// ---- Bimtek programmes (functions/src/programme/routes.ts) ----

export interface ProgrammeListResponse {
  programmes: { id: string; name: string; year: number; owner: boolean }[];
}

export interface ProgrammeEventSummary {
  id: string;
  label: string;
  /** The province whose agency hosts the event (see `programme.provinces` for the host). */
  province: string;
  /** "19–22 Mei 2024" */
  dates: string;
  mode: 'luring' | 'daring';
  capacity: number;
  taken: number;
  /** Registered participants with at least one session attended. */
  attendedAny: number;
  completed: number;
  certificates: number;
}

/** GET .../programmes/{p}: the events the agency may see (the owner all, a host its own province). */
export interface ProgrammeSummary {
  programme: {
    id: string;
    name: string;
    year: number;
    owner: boolean;
    sessions: { no: number; title: string; jp: number }[];
    totalJp: number;
    completion: { kind: 'all' } | { kind: 'jp'; minPercent: number };
    /** The provinces the agency may see, with the agency that hosts (and sends the e-mails of) each. */
    provinces: { code: string; name: string; hostAgencyId: string }[];
  };
  events: ProgrammeEventSummary[];
  /** Waiting list length by "<province>_<mode>". */
  waiting: Record<string, number>;
  participants: { registered: number; waiting: number; withdrawn: number };
}

export type ParticipantStatus = 'registered' | 'waiting' | 'withdrawn';

export interface ParticipantRow {
  id: string;
  name: string;
  library: string;
  regency: string;
  province: string;
  mode: 'luring' | 'daring';
  status: ParticipantStatus;
  eventId: string | null;
  waitSeq: number | null;
  phone: string;
  email: string | null;
  /** Session numbers attended. */
  sessions: number[];
  attendedJp: number;
  completed: boolean;
  certificate: string | null;
}

/** GET .../programmes/{p}/participants?event=&status=&limit=&pageToken=: registration order. */
export interface ParticipantListQuery {
  event?: string;
  status?: ParticipantStatus;
  limit?: string;
  pageToken?: string;
}

export interface ParticipantListResponse extends Page {
  participants: ParticipantRow[];
}

export interface AttendanceRequest {
  event: string;
  session: number;
  /** 1–2,000 participant ids of the event. */
  participants: string[];
}

export interface AttendanceResponse {
  marked: number;
  already: number;
  /** Ids not registered in the event (withdrawn, moved, unknown): nothing written for them. */
  refused: string[];
}

export interface WithdrawResponse {
  participant: string;
  status: ParticipantStatus;
  /** The waiting participant who took the place, if any. */
  promoted: string | null;
}

export interface CertificatesResponse {
  issued: number;
  numbers: string[];
}

export interface MailingStartResponse {
  mailingId: string;
  total: number;
  created: boolean;
}

export interface MailingCounts {
  sent: number;
  queued: number;
  failed: number;
}

/** GET .../programmes/{p}/mailings/{m}: a host sees its own account only. */
export interface MailingProgressResponse extends MailingCounts {
  mailingId: string;
  title: string;
  /** Messages in the figures (for a host: its own account's). */
  total: number;
  /** When the last queued message goes at the pace of the limits, ISO; null when nothing is queued. */
  expectedFinish: string | null;
  bySender: ({ agencyId: string; expectedFinish: string | null } & MailingCounts)[];
  limits: { perMinute: number; perDay: number };
}

/** GET .../programmes/{p}/mailings: newest first; a host sees only the mailings it sends for, with its own account's counts. */
export interface MailingListResponse {
  mailings: ({ id: string; kind: string; title: string; createdAt: string; createdBy: string; total: number; senders: number } & MailingCounts)[];
}
