// Contracts between the parts that turn a step's output into a letter: the field builders (what a
// letter says), the document backends (Google Docs in production, .docx locally), the mail senders (Gmail,
// local .eml files) and the outbox worker that drives them exactly once.

/** Placeholder values of a template, all plain text: `{{nomor}}` -> "000.5.2/12/DISPUSIP/XI/2026". */
export type Fields = Record<string, string>;

/**
 * The items of a template's growing tables (TemplateSpec.lists): list name -> one Fields per row,
 * keyed by the repeated row's placeholders (`peserta_nama`). The row is written once per item;
 * an empty list removes it.
 */
export type RowSets = Record<string, readonly Fields[]>;

/** How a document is filled besides its placeholders. */
export interface FillOptions {
  /**
   * Placeholders given no value whose table rows are removed (the unused rows of a table of
   * fixed length, such as a surat tugas's assignees).
   */
  dropRows?: readonly string[];
  /** The growing tables' rows. */
  rows?: RowSets;
  /** Waits for the Docs write quota: called before each write the fill makes. */
  pace?: () => Promise<void>;
}

/** A person named on a letter, as the staff directory knows them (only the name when it does not). */
export interface Person {
  name: string;
  nip?: string;
  pangkat?: string;
  jabatan?: string;
}

/** Everything a field builder may use, captured when the step completes (inside its transaction). */
export interface LetterContext {
  agency: {
    id: string;
    name: string;
    shortName: string;
    timeZone: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';
    letterhead: {
      pemerintah: string;
      dinas: string;
      alamat: string;
      telepon?: string;
      email?: string;
      laman?: string;
      kota: string;
    };
  };
  case: {
    id: string;
    nomor: string;
    sopId: string;
    sopTitle: string;
    title: string;
    partner: { name: string; email?: string; phone?: string; address?: string } | null;
    /** All data entered on the case so far, by field id (see the SOP catalog). */
    data: Record<string, unknown>;
    /** Documents already on the case, by document id: links, and the number and date of those the agency made. */
    documents: Record<string, { label: string; url?: string; nomor?: string | null; at?: string }>;
    decisions: Record<string, 'yes' | 'no'>;
  };
  /**
   * The produced document as the SOP names it: its wording variant, the case data fields it reads
   * by the template's names for them, the jabatan of the roles it is addressed to, how many
   * documents go with it, the documents it refers to, and its revision.
   */
  doc?: {
    id: string;
    variant?: string;
    revision: number;
    fields: Record<string, string>;
    kepada: string[];
    lampiran: number;
    dasar: string[];
    /** The choices of the fields it reads that have them ("harap"), by the template's name for the field. */
    options?: Record<string, { value: string; label: string }[]>;
  };
  /** The step that produced the document, and the note its actor wrote. */
  step: { no: number; activity: string; note: string | null };
  /** Who completed the step (signs unless the template names a signer role). */
  actor: { email: string; name: string; jabatan?: string; nip?: string; pangkat?: string };
  /**
   * The staff member who signs, when the template names a signer role and one is active, with the
   * role's place under the head of the agency and, below a direct report, that superior's jabatan.
   */
  signer: { name: string; jabatan: string; nip?: string; pangkat?: string; relation?: 'head' | 'direct' | 'indirect'; atasan?: string } | null;
  /** The people the template's people slots name (assignees, a meeting's chair and participants), from the staff directory. */
  people?: Record<string, Person[]>;
  /** Letter number reserved for this document in the step's transaction; null for unnumbered documents. */
  nomor: string | null;
  /** ISO instant the step completed. */
  at: string;
  /**
   * The date the document bears (ISO date or instant, read in the agency's zone): the day the step
   * was taken, or the date the SOP names for it (an agreement's signing date, a meeting's date).
   * Its number's month and year are this date's.
   */
  date?: string;
}

/**
 * A document backend in the steps the outbox worker records one by one, so a crash between two
 * calls never repeats a non-idempotent one: Google Docs in production (Drive files.copy, one Docs
 * documents.batchUpdate, Drive files.export), .docx files locally.
 */
export interface DocumentBackend {
  /**
   * Finds a copy made earlier under this key (Drive appProperties in production). Called only when
   * the worker recorded the intent to copy but not the copy's id: the crash window.
   */
  findCopy(key: string): Promise<CopiedDocument | null>;
  /** Copies the template into a new document tagged with `key`. Not idempotent: guard with findCopy. */
  copy(req: { key: string; templateId: string; title: string }): Promise<CopiedDocument>;
  /**
   * Replaces every `{{placeholder}}`, removes the `dropRows` and writes the rows of the growing
   * tables; idempotent, also after a failure part way. Returns the placeholders the template
   * lacked (of `fields` and of the columns of the lists that have rows: see fillNames).
   */
  fill(doc: CopiedDocument, fields: Fields, opts?: FillOptions): Promise<{ missingPlaceholders: string[] }>;
  /** The file to attach to an e-mail: the PDF export in production, the .docx locally. */
  export(doc: CopiedDocument): Promise<{ filename: string; contentType: string; content: Buffer; url: string | null }>;
}

/** The placeholders a fill replaces: the fields', and the columns of every list that has rows. */
export function fillNames(fields: Fields, rows: RowSets = {}): string[] {
  return [...Object.keys(fields), ...Object.values(rows).flatMap((items) => (items.length ? Object.keys(items[0]!) : []))];
}

export interface CopiedDocument {
  /** Google Doc id (production) or the local .docx path. */
  documentId: string;
  /** Where a person opens it. */
  url: string;
}

export interface MailMessage {
  /** Idempotency key: a message is sent at most once per key. */
  key: string;
  from: { name: string; address: string };
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

export interface MailSender {
  /** Sends once. Not idempotent by itself: the worker records intent and guards with findSent. */
  send(msg: MailMessage): Promise<{ id: string }>;
  /** A message sent earlier under this key (Gmail: by its Message-ID), for the crash window. */
  findSent(key: string): Promise<{ id: string } | null>;
}

/**
 * A failure of a Google API (or any effect) classified once: `retryable` for 429, 5xx and
 * timeouts, with the server's Retry-After when it gave one.
 */
export class EffectError extends Error {
  readonly retryable: boolean;
  readonly status: number | null;
  readonly retryAfterMs: number | null;
  constructor(message: string, opts: { retryable: boolean; status?: number | null; retryAfterMs?: number | null; cause?: unknown }) {
    super(message, opts.cause !== undefined ? { cause: opts.cause } : undefined);
    this.name = 'EffectError';
    this.retryable = opts.retryable;
    this.status = opts.status ?? null;
    this.retryAfterMs = opts.retryAfterMs ?? null;
  }
}
