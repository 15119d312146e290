// The store port: everything the services ask of persistence, as an interface. The Firestore
// adapter (store/) implements it; services, the worker and the HTTP layer depend only on this, so
// none of them knows a collection name or a document path.
import type { CaseEvent, CaseNotice, CaseOrder, CaseState, CaseStatus, DeskRead, DeskRecap, DeskVisit, Transition } from '../contract.ts';
import type { Result } from '../sop/errors.ts';
import type { SopDefinition } from '../sop/schema.ts';
import type { Agency, AgencyForm, AgencyInput, DeskKind, FormCursor, FormLink, OutboxEntry, OutboxProgress, Staff, StaffInput, Submission, SurveyRecord } from './records.ts';

export interface Idempotency {
  key: string;
  /** Hash of what was asked; the same key with a different request is refused, not replayed. */
  requestHash: string;
}

export interface Stored<T> {
  value: T;
  replayed: boolean;
}

/** Document reads and writes the store made, so the benchmark can report them per transition. */
export interface StoreStats {
  reads: number;
  writes: number;
}

/** Reads a transition may make inside its transaction, before it writes. */
export interface TxTools {
  /**
   * The last values of per-agency counters (0 for one never used), read together; the counters
   * stay taken by this transaction until it ends.
   */
  counters(names: string[]): Promise<number[]>;
  /** An active staff member holding `role` (the signer of a letter), or null. */
  signer(role: string): Promise<Staff | null>;
  /**
   * The active staff members these refer to, in order: each ref an e-mail (any case) or a name as
   * the directory writes it; null where nobody active matches (the people a surat tugas assigns).
   */
  staffByRef(refs: string[]): Promise<(Staff | null)[]>;
  /** A partner form submission, read in the transaction (so two staff cannot both turn it into a case). */
  submission(id: string): Promise<Submission | null>;
}

/** What a transition writes besides the case and its event. */
export interface Effects {
  transition: Transition;
  /** Earlier events of the same transaction (a case a form opened, before the step it completed). */
  history?: CaseEvent[];
  /** New last values of counters read through TxTools.counters. */
  counters?: Record<string, number>;
  outbox?: OutboxEntry[];
  /** The partner form submission that caused this transition, recorded with it. */
  submission?: Submission;
  /** A rejected or held submission staff turned into this case, written back marked handled. */
  handled?: Submission;
}

export type StepFn = (state: CaseState, member: Staff | null, tools: TxTools) => Promise<Result<Effects>> | Result<Effects>;
export type CreateFn = (id: string, serial: number, tools: TxTools) => Promise<Result<Effects>> | Result<Effects>;

/** Agencies, staff, SOP definitions and holidays: read often, changed by set-up. */
export interface DirectoryStore {
  agency(agencyId: string): Promise<Agency | null>;
  /** National holidays and cuti bersama of every loaded year. */
  holidays(): Promise<string[]>;
  /** The years whose holiday lists are loaded. */
  holidayYears(): Promise<number[]>;
  staff(agencyId: string, email: string): Promise<Staff | null>;
  /** Agencies where this e-mail is staff (active or not). */
  memberships(email: string): Promise<{ agencyId: string; staff: Staff }[]>;
  /** A definition at a version, or the active one. */
  definition(agencyId: string, sopId: string, version?: number): Promise<SopDefinition | null>;
  activeDefinitions(agencyId: string): Promise<SopDefinition[]>;
}

/** Where a page of a list ended: the sort key and the id of its last document. */
export interface Cursor {
  key: string;
  id: string;
}

/** One page of a list; `next` is null once nothing follows. */
export interface PageOf<T> {
  items: T[];
  next: Cursor | null;
  /** Every match counted, when asked for and exact; otherwise null. */
  total: number | null;
}

/** What a list shows of a case: everything but its data (a list never reads that). */
export type CaseSummary = Pick<
  CaseState,
  'id' | 'nomor' | 'sopId' | 'sopVersion' | 'sopTitle' | 'title' | 'partner' | 'status' | 'currentStep' | 'stepStartedAt' | 'dueAt' | 'version' | 'documents' | 'outcome' | 'createdAt' | 'updatedAt' | 'returned'
>;

export interface CaseQuery {
  order: CaseOrder;
  /** Search words (model/search.ts queryWords, most selective first); every one must match. Empty: every case. */
  words: string[];
  /** The query is a whole case number: the case with exactly this number is looked up first (one equality read); the words are searched when there is none. */
  nomor?: string;
  status?: CaseStatus;
  limit: number;
  after?: Cursor;
  /** Count every match too (the first page). */
  count: boolean;
}

export interface TaskQuery {
  limit: number;
  after?: Cursor;
  /** Count every task, and the overdue ones (due before `now`), too. */
  count: boolean;
  now: Date;
}

/** Cases with their events, idempotency records and counters: one transaction per transition. */
export interface CaseStore {
  /** A new case numbered from the per-agency counter `counterName`, in one transaction. */
  createCase(agencyId: string, actorEmail: string, idem: Idempotency, counterName: string, build: CreateFn): Promise<Stored<Transition>>;
  /**
   * One transition = one transaction: read the case, the idempotency record and the actor's staff
   * record, run `step`, write the case, the event, the counters and the outbox entries it returns.
   */
  updateCase(agencyId: string, caseId: string, actorEmail: string, idem: Idempotency, step: StepFn): Promise<Stored<Transition>>;
  readCase(agencyId: string, caseId: string): Promise<{ state: CaseState; events: CaseEvent[] } | null>;
  /** The agency's cases, newest first or by number, searched and filtered, a page at a time. */
  listCases(agencyId: string, q: CaseQuery): Promise<PageOf<CaseSummary>>;
  /** Open cases whose current step one of these roles can take (at most 30 roles), by due time: overdue first, none last. */
  tasks(agencyId: string, roles: string[], q: TaskQuery): Promise<PageOf<CaseSummary> & { overdue: number | null }>;
  /** Writes the derived list fields (store/case-index.ts) on every case of the agency stored without them or with an older version; returns how many were read and rewritten. */
  reindexCases(agencyId: string, opts?: { all?: boolean }): Promise<{ read: number; written: number }>;
}

export type DeskRecord<K extends DeskKind> = K extends 'visits' ? DeskVisit : DeskRead;

/** The reading desk's records: one idempotent document per visitor or book read. */
export interface DeskStore {
  /** Stores the record under (actor, key); a replay returns the first record, a reused key with other content is refused. */
  recordDesk<K extends DeskKind>(agencyId: string, kind: K, actorEmail: string, idem: Idempotency, record: DeskRecord<K>): Promise<{ id: string; record: DeskRecord<K>; replayed: boolean }>;
  deskRecap(agencyId: string, month: string): Promise<DeskRecap>;
}

/** Partner form submissions: recorded once by form and response, listed for staff review. */
export interface SubmissionStore {
  /** A rejected or held submission (accepted ones are written with their case): the first record of an id wins. */
  recordSubmission(submission: Submission): Promise<{ submission: Submission; replayed: boolean }>;
  submission(agencyId: string, id: string): Promise<Submission | null>;
  /** Newest first, a page at a time; `status` filters. */
  listSubmissions(agencyId: string, opts: { status?: Submission['status']; limit: number; after?: Cursor }): Promise<PageOf<Submission>>;
  /** How many submissions from this e-mail or phone arrived since `since` (burst check). */
  recentFrom(agencyId: string, contact: { email: string | null; phone: string | null }, since: string): Promise<number>;
  /** The last submission with this fingerprint, if any (the same request twice). */
  lastWithFingerprint(agencyId: string, fingerprint: string): Promise<Submission | null>;
  /** Marks a submission handled by staff (turned into a case by hand). */
  markHandled(agencyId: string, id: string, by: string, at: string, caseId: string | null): Promise<void>;
}

/** The outbox the worker drains: leases, progress, settlement, retries and requeues. */
export interface OutboxStore {
  /** Takes the entry until `leaseMs` from `now`; null when it is done, dead, not due or taken. */
  lease(agencyId: string, id: string, now: Date, leaseMs: number): Promise<OutboxEntry | null>;
  /** Records the progress of an attempt after each external call. */
  progress(entry: OutboxEntry, progress: OutboxProgress, now: Date): Promise<void>;
  /** Ends the entry (done or dead) and updates its document on the case, unless a newer revision replaced it. */
  settle(entry: OutboxEntry, outcome: { status: 'done' | 'dead'; attempts?: number; lastError: string | null }, document: Record<string, unknown>, now: Date): Promise<void>;
  /** Puts the entry back to wait until `nextAttemptAt`. */
  retryLater(entry: OutboxEntry, retry: { attempts: number; nextAttemptAt: string; lastError: string }, now: Date): Promise<void>;
  /** Entries due at `now` (new, retrying, or with an expired lease), oldest first. */
  due(now: Date, limit: number): Promise<{ agencyId: string; id: string }[]>;
  /** Puts a dead entry back in the queue; throws when the entry is not dead. */
  requeue(agencyId: string, id: string, now: Date): Promise<void>;
}

/** Set-up: catalog installation, agencies, staff and holidays (admin command, demo data, tests). */
export interface SetupStore {
  putAgency(agencyId: string, agency: AgencyInput): Promise<void>;
  putStaff(agencyId: string, member: StaffInput): Promise<void>;
  putHolidays(year: number, dates: string[], more?: { cutiBersama?: string[]; source?: string }): Promise<void>;
  /** Adds the agency's own non-working days (local cuti, anniversaries) to its extraHolidays. */
  addAgencyHolidays(agencyId: string, dates: string[]): Promise<string[]>;
  /** Stores new versions only (running cases keep theirs); the highest version becomes active. */
  installDefinitions(agencyId: string, defs: SopDefinition[]): Promise<void>;
  /**
   * Stores `def` as the next version of its SOP at the agency (the active version + 1, or 1) and makes
   * it active, in one transaction; running cases keep the version they started with. Returns it as stored.
   * With `key` (the request's idempotency key), the same key again returns the version it published.
   */
  publishDefinition(agencyId: string, def: SopDefinition, key?: string): Promise<SopDefinition>;
  /**
   * Saves the agency's Google form for our form `formId` (agency.forms) together with the link
   * from the Google form id back to it; a link to a replaced Google form is removed.
   */
  putAgencyForm(agencyId: string, formId: string, form: AgencyForm): Promise<void>;
}

/** Reading partner form responses from Google Forms: which form a notification is about, and how far each was read. */
export interface FormIntakeStore {
  formLink(googleFormId: string): Promise<FormLink | null>;
  /** Every agency's forms (the sweep renews their watches and polls them all). */
  formLinks(): Promise<FormLink[]>;
  formCursor(agencyId: string, formId: string): Promise<FormCursor | null>;
  /** Moves the cursor to `cursor.since` unless it is already there or later (concurrent reads never move it back). */
  advanceFormCursor(agencyId: string, formId: string, cursor: FormCursor): Promise<void>;
}

/** What a reminder run writes for one case, decided inside the case's transaction. */
export interface NoticeWrite {
  /** The notice to record (its id is the step instance and threshold: created once), or null. */
  notice: CaseNotice | null;
  outbox: OutboxEntry[];
  /** The case's next alert instant. */
  alertAt: string | null;
}

/** Reminders, escalations and morning digests (the scheduled `remind` function). */
export interface ReminderStore {
  /** Open cases whose alertAt is at or before `now`, across agencies, by alertAt: one page after `after`. */
  alertsDue(now: Date, limit: number, after?: { alertAt: string; path: string }): Promise<{ agencyId: string; caseId: string; alertAt: string; path: string }[]>;
  /**
   * One transaction on the case: `decide` sees the case as it is now and the active staff holding
   * given roles; what it returns is written with the case's new alertAt (the case's version does
   * not change). A notice already recorded (same id) is not written again, nor its e-mail: the
   * answer then has `notice: null`.
   */
  issueNotice(agencyId: string, caseId: string, decide: (state: CaseState, tools: { staffWithRoles(roles: string[]): Promise<Staff[]> }) => Promise<NoticeWrite | null>): Promise<NoticeWrite | null>;
  notices(agencyId: string, caseId: string): Promise<CaseNotice[]>;
  /** Every agency (the digest goes out in each one's own zone). */
  agencies(): Promise<Agency[]>;
  openCases(agencyId: string): Promise<CaseState[]>;
  activeStaff(agencyId: string): Promise<Staff[]>;
  digestDayDone(agencyId: string, date: string): Promise<boolean>;
  /** Records one person's digest of a day with its e-mail; false when it was already recorded (nothing written). */
  recordDigest(agencyId: string, date: string, email: string, entry: OutboxEntry, counts: { tasks: number; overdue: number }, at: string): Promise<boolean>;
  markDigestDay(agencyId: string, date: string, summary: { sent: number; at: string }): Promise<void>;
  /** The member's own choice about the morning digest. */
  setDigest(agencyId: string, email: string, on: boolean): Promise<void>;
}

/** What the SOP performance report reads. */
export interface ReportStore {
  /** The SOP's cases created before `before`, whatever their status. */
  casesCreatedBefore(agencyId: string, sopId: string, before: Date): Promise<CaseState[]>;
  openCasesOf(agencyId: string, sopId: string): Promise<CaseState[]>;
  /** Each case with its events, in order. */
  eventsOf(agencyId: string, cases: CaseState[]): Promise<{ state: CaseState; events: CaseEvent[] }[]>;
  /** Queues a report document for the worker once: an entry with this id already queued is answered instead. */
  enqueueDocument(entry: OutboxEntry): Promise<{ entry: OutboxEntry; replayed: boolean }>;
  documentEntry(agencyId: string, id: string): Promise<OutboxEntry | null>;
  /** Records a questionnaire once; an id already recorded is answered with the first record. */
  recordSurvey(record: SurveyRecord): Promise<{ record: SurveyRecord; replayed: boolean }>;
  /**
   * A partner's survey of a closed case and its submission, in one transaction: the case's first
   * survey is recorded with the submission accepted; when the case already has one, the submission
   * `refused` makes of it is kept instead. A response already recorded is answered with its record.
   */
  recordCaseSurvey(record: SurveyRecord, accepted: Submission, refused: (first: SurveyRecord) => Submission): Promise<{ submission: Submission; replayed: boolean }>;
  /** Questionnaires recorded in [from, to). */
  surveys(agencyId: string, from: Date, to: Date): Promise<SurveyRecord[]>;
}

export interface Store extends DirectoryStore, CaseStore, DeskStore, SubmissionStore, SetupStore, FormIntakeStore {
  readonly outbox: OutboxStore;
  readonly reminders: ReminderStore;
  readonly reports: ReportStore;
  readonly stats: StoreStats;
}
