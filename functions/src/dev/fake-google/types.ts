// The fake's public types, and the store and answers its endpoint handlers share with the server.
import type { IncomingHttpHeaders } from 'node:http';
import type { forms_v1 } from '@googleapis/forms';

export interface FakeRequest {
  method: string;
  /** URL path as sent, e.g. `/drive/v3/files/tpl-1/copy` or `/v1/documents/copy-1:batchUpdate`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /**
   * Parsed JSON for JSON bodies, the raw text for other text bodies, the parts of a
   * multipart/related upload ({ contentType, body: parsed JSON | Buffer }), undefined when empty.
   */
  body: unknown;
}

export interface FaultRule {
  match: (req: FakeRequest) => boolean;
  /** HTTP status of the failure; 500 unless given. */
  status?: number;
  headers?: Record<string, string>;
  /** How many matching requests fail; every one unless given. */
  times?: number;
  /** Never answer (the client's timeout fires). */
  hang?: boolean;
  /** Perform the real effect, then answer with the failure: a lost response. */
  afterHandling?: boolean;
  /** error.message of the Google error body. */
  message?: string;
  /** error.errors[0].reason of the Google error body, e.g. 'userRateLimitExceeded' with a 403. */
  reason?: string;
}

/**
 * An element of a fake Google Doc's body: a paragraph (its text, without the newline that ends
 * it), or a table as rows of cells, each cell's content elements of its own.
 */
export type FakeElement = { paragraph: string } | { table: FakeElement[][][] };

export interface FakeDocument {
  name: string;
  /** The document's text, one line per paragraph (a table's cells row by row): what tests read. */
  text: string;
  /** Its structure, for the Docs endpoints; without it, one paragraph per line of `text`. */
  body?: FakeElement[];
  parents: string[];
  appProperties: Record<string, string>;
  mimeType: string;
  trashed: boolean;
  /** The content of a file that is not a Google Doc (a PNG), as uploaded; served by `alt=media`. */
  bytes?: Buffer;
  /** The page size in points (a Doc's documentStyle.pageSize); A4 portrait unless set. */
  pageSize?: { width: number; height: number };
}

export interface SentMessage {
  id: string;
  threadId: string;
  userId: string;
  /** The MIME message as sent (the `raw` field, base64url-decoded). */
  raw: string;
  /** Its Message-ID header, angle brackets included, or null. */
  messageId: string | null;
  /** When the fake accepted it (its clock, ms). */
  at: number;
}

/** Gmail's per-user sending limits, as the fake enforces them when set (a 429 past either). */
export interface GmailLimits {
  perMinute: number;
  perDay: number;
}

export interface FakeGoogle {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  url: string;
  requests: FakeRequest[];
  documents: Map<string, FakeDocument>;
  sent: SentMessage[];
  addTemplate(id: string, text: string, name?: string): void;
  /** A template converted from .docx as Drive converts an upload: its paragraphs and tables. */
  addDocxTemplate(id: string, docx: Buffer, name?: string): void;
  fail(rule: FaultRule): void;
  /** Google Forms: the forms, their responses and watches, and what only a fake can do. */
  forms: FakeForms;
  /** Gmail: per-user sending limits (null: none, the default) and the sends refused for them. */
  gmail: { setLimits(limits: GmailLimits | null): void; refused: { userId: string; at: number; why: 'minute' | 'day' }[] };
  /** Forgets requests, documents, sent messages, forms and fault rules. */
  reset(): void;
  close(): Promise<void>;
}

/** A watch notification as Forms publishes it: to `topicName`, with these message attributes. */
export type FormsNotifier = (topicName: string, attributes: { formId: string; watchId: string; eventType: string }) => Promise<void>;

export interface FakeWatch extends forms_v1.Schema$Watch {
  id: string;
  eventType: string;
  expireTime: string;
}

export interface FakeForm {
  formId: string;
  info: forms_v1.Schema$Info;
  items: forms_v1.Schema$Item[];
  publishState: { isPublished: boolean; isAcceptingResponses: boolean };
  revision: number;
  responses: forms_v1.Schema$FormResponse[];
  watches: Map<string, FakeWatch>;
}

export interface FakeForms {
  all: Map<string, FakeForm>;
  /**
   * A respondent submits answers (by Google question id, choice answers as the option text): the
   * response is stored and every active RESPONSES watch of the form is notified, as Forms does.
   * Resolves once the notifications were handed to the notifier.
   */
  submit(formId: string, answers: Record<string, string[]>, opts?: { at?: Date; respondentEmail?: string }): Promise<string>;
  /** Where watch notifications go (a Pub/Sub emulator topic in tests, the intake in-process locally). */
  setNotifier(notify: FormsNotifier | null): void;
  /** The fake's clock for response times and watch expiry (Date.now unless set). */
  setClock(now: () => Date): void;
}

/** An answer of a handler: JSON, or bytes with their content type. */
export type Answer =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: number; bytes: Buffer; contentType: string };

/** What the endpoints read and change; the server owns it so that reset() forgets it all at once. */
export interface Store {
  documents: Map<string, FakeDocument>;
  sent: SentMessage[];
  gmailLimits: GmailLimits | null;
  gmailRefused: { userId: string; at: number; why: 'minute' | 'day' }[];
  forms: Map<string, FakeForm>;
  /** The server's own URL (responderUri points at its local responder page). */
  baseUrl: string;
  now(): Date;
  notify: FormsNotifier | null;
  /** Ids from one counter shared by every kind (copy-1, rev-2, msg3), never reset: unique for the whole run. */
  nextId(prefix: string): string;
}

/** An endpoint family: its answer, or undefined when the request is not one of its routes. */
export type Handler = (req: FakeRequest, store: Store) => Answer | Promise<Answer> | undefined;
