// The fake's public types, and the store and answers its endpoint handlers share with the server.
import type { IncomingHttpHeaders } from 'node:http';

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

export interface FakeDocument {
  name: string;
  text: string;
  parents: string[];
  appProperties: Record<string, string>;
  mimeType: string;
  trashed: boolean;
}

export interface SentMessage {
  id: string;
  threadId: string;
  userId: string;
  /** The MIME message as sent (the `raw` field, base64url-decoded). */
  raw: string;
  /** Its Message-ID header, angle brackets included, or null. */
  messageId: string | null;
}

export interface FakeGoogle {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  url: string;
  requests: FakeRequest[];
  documents: Map<string, FakeDocument>;
  sent: SentMessage[];
  addTemplate(id: string, text: string, name?: string): void;
  fail(rule: FaultRule): void;
  /** Forgets requests, documents, sent messages and fault rules. */
  reset(): void;
  close(): Promise<void>;
}

/** An answer of a handler: JSON, or bytes with their content type. */
export type Answer =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: number; bytes: Buffer; contentType: string };

/** What the endpoints read and change; the server owns it so that reset() forgets it all at once. */
export interface Store {
  documents: Map<string, FakeDocument>;
  sent: SentMessage[];
  /** Ids from one counter shared by every kind (copy-1, rev-2, msg3), never reset: unique for the whole run. */
  nextId(prefix: string): string;
}

/** An endpoint family: its answer, or undefined when the request is not one of its routes. */
export type Handler = (req: FakeRequest, store: Store) => Answer | undefined;
