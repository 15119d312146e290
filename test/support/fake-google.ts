// A local fake of the few Google API endpoints the document backend and the Gmail sender call,
// on 127.0.0.1 over node:http. The real generated clients are pointed at it with `rootUrl`, so
// tests see the exact requests (method, path, query, body) the clients make in production.
//
// A document is a plain text string with `{{placeholders}}`. The PDF "export" is `%PDF-1.4\n`
// followed by that text, so a test can read what was filled in.
//
// Fault injection: `fail(rule)` makes matching requests fail (status, headers, a hang that never
// answers, or a lost response: the effect happens and the answer is a failure).
import { createServer, STATUS_CODES, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import PizZip from 'pizzip';
import { drive, type drive_v3 } from '@googleapis/drive';
import { docs, type docs_v1 } from '@googleapis/docs';
import { gmail, type gmail_v1 } from '@googleapis/gmail';
import { OAuth2Client } from 'google-auth-library';

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

const GOOGLE_DOC = 'application/vnd.google-apps.document';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};
const REASONS: Record<number, string> = {
  400: 'badRequest',
  401: 'authError',
  403: 'forbidden',
  404: 'notFound',
  429: 'rateLimitExceeded',
  500: 'backendError',
  503: 'backendError',
};

/** An answer of a handler: JSON, or bytes with their content type. */
type Answer =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: number; bytes: Buffer; contentType: string };

class HttpFailure extends Error {
  readonly status: number;
  readonly reason: string | undefined;
  constructor(status: number, message: string, reason?: string) {
    super(message);
    this.status = status;
    this.reason = reason;
  }
}

function googleError(status: number, message: string, reason?: string): { error: unknown } {
  return {
    error: {
      code: status,
      message,
      errors: [{ message, domain: 'global', reason: reason ?? REASONS[status] ?? 'error' }],
      status: STATUS_NAMES[status] ?? 'UNKNOWN',
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Drive `fields` selection: "id,webViewLink" or "files(id,webViewLink),nextPageToken".

type FieldTree = Map<string, FieldTree | null>;

function parseFields(spec: string): FieldTree {
  let i = 0;
  const parseList = (): FieldTree => {
    const tree: FieldTree = new Map();
    while (i < spec.length) {
      let name = '';
      while (i < spec.length && !',()'.includes(spec[i]!)) name += spec[i++];
      name = name.trim();
      let sub: FieldTree | null = null;
      if (spec[i] === '(') {
        i++;
        sub = parseList();
        if (spec[i] !== ')') throw new HttpFailure(400, `Invalid field selection ${spec}`, 'invalidParameter');
        i++;
      }
      if (name) tree.set(name, sub);
      if (spec[i] === ',') {
        i++;
        continue;
      }
      if (spec[i] === ')' || i >= spec.length) break;
    }
    return tree;
  };
  const tree = parseList();
  if (i < spec.length) throw new HttpFailure(400, `Invalid field selection ${spec}`, 'invalidParameter');
  return tree;
}

function select(value: unknown, tree: FieldTree): unknown {
  if (Array.isArray(value)) return value.map((v) => select(v, tree));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, sub] of tree) {
    if (k === '*') return value;
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = sub ? select(v, sub) : v;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Drive `q`: conjunctions of the terms this project uses; anything else is a 400, as in Drive.

type Term =
  | { kind: 'appProperty'; key: string; value: string }
  | { kind: 'trashed'; value: boolean }
  | { kind: 'inParents'; id: string }
  | { kind: 'name'; value: string };

const QUOTED = String.raw`'((?:[^'\\]|\\.)*)'`;
const unquote = (s: string) => s.replace(/\\(.)/g, '$1');

function parseQuery(q: string): Term[] {
  const patterns: [RegExp, (m: RegExpExecArray) => Term][] = [
    [
      new RegExp(String.raw`^\s*appProperties\s+has\s+\{\s*key\s*=\s*${QUOTED}\s+and\s+value\s*=\s*${QUOTED}\s*\}`),
      (m) => ({ kind: 'appProperty', key: unquote(m[1]!), value: unquote(m[2]!) }),
    ],
    [/^\s*trashed\s*=\s*(true|false)/, (m) => ({ kind: 'trashed', value: m[1] === 'true' })],
    [new RegExp(String.raw`^\s*${QUOTED}\s+in\s+parents`), (m) => ({ kind: 'inParents', id: unquote(m[1]!) })],
    [new RegExp(String.raw`^\s*name\s*=\s*${QUOTED}`), (m) => ({ kind: 'name', value: unquote(m[1]!) })],
  ];
  const terms: Term[] = [];
  let rest = q;
  for (;;) {
    let matched = false;
    for (const [re, make] of patterns) {
      const m = re.exec(rest);
      if (m) {
        terms.push(make(m));
        rest = rest.slice(m[0].length);
        matched = true;
        break;
      }
    }
    if (!matched) throw new HttpFailure(400, `Invalid Value (fake q: ${q})`, 'invalid');
    if (/^\s*$/.test(rest)) return terms;
    const and = /^\s+and\s+/i.exec(rest);
    if (!and) throw new HttpFailure(400, `Invalid Value (fake q: ${q})`, 'invalid');
    rest = rest.slice(and[0].length);
  }
}

function matches(doc: FakeDocument, terms: Term[]): boolean {
  return terms.every((t) => {
    switch (t.kind) {
      case 'appProperty':
        return doc.appProperties[t.key] === t.value;
      case 'trashed':
        return doc.trashed === t.value;
      case 'inParents':
        return doc.parents.includes(t.id);
      case 'name':
        return doc.name === t.value;
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Bodies.

function parseMultipart(raw: Buffer, contentType: string): { contentType: string; body: unknown }[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw new HttpFailure(400, 'multipart body without boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { contentType: string; body: unknown }[] = [];
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const afterDelimiter = start + delimiter.length;
    if (raw.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, afterDelimiter);
    if (next === -1) break;
    let part = raw.subarray(afterDelimiter, next);
    if (part.subarray(0, 2).toString() === '\r\n') part = part.subarray(2);
    if (part.subarray(part.length - 2).toString() === '\r\n') part = part.subarray(0, part.length - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = split === -1 ? '' : part.subarray(0, split).toString('utf8');
    const content = split === -1 ? part : part.subarray(split + 4);
    const type = /^content-type:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? 'application/octet-stream';
    parts.push({
      contentType: type,
      body: type.startsWith('application/json') ? JSON.parse(content.toString('utf8')) : Buffer.from(content),
    });
    start = next;
  }
  return parts;
}

function parseBody(raw: Buffer, headers: IncomingHttpHeaders): unknown {
  if (raw.length === 0) return undefined;
  const type = headers['content-type'] ?? '';
  if (type.startsWith('multipart/')) return parseMultipart(raw, type);
  const text = raw.toString('utf8');
  if (type.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      throw new HttpFailure(400, 'Invalid JSON payload received.');
    }
  }
  return text;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of a .docx: one line per paragraph, runs joined (so split placeholders rejoin). */
function docxText(bytes: Buffer): string {
  const xml = new PizZip(bytes).file('word/document.xml')?.asText();
  if (xml === undefined) throw new HttpFailure(400, 'Not a .docx file: word/document.xml is missing');
  const paragraphs = xml.match(/<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g) ?? [];
  return paragraphs
    .map((p) =>
      (p.match(/<w:t(?:\s[^>]*)?>[\s\S]*?<\/w:t>|<w:tab\/>|<w:br\/>/g) ?? [])
        .map((t) => (t === '<w:tab/>' ? '\t' : t === '<w:br/>' ? '\n' : t.replace(/<[^>]+>/g, '')))
        .join('')
        .replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e] ?? ''),
    )
    .join('\n');
}

// ---------------------------------------------------------------------------------------------

export async function startFakeGoogle(): Promise<FakeGoogle> {
  const requests: FakeRequest[] = [];
  const documents = new Map<string, FakeDocument>();
  const sent: SentMessage[] = [];
  let rules: { rule: FaultRule; left: number }[] = [];
  let counter = 0;
  const sockets = new Set<Socket>();
  const nextId = (prefix: string) => `${prefix}-${++counter}`;

  const fileResource = (id: string, d: FakeDocument) => ({
    kind: 'drive#file',
    id,
    name: d.name,
    mimeType: d.mimeType,
    parents: d.parents,
    appProperties: d.appProperties,
    trashed: d.trashed,
    webViewLink: `https://docs.google.com/document/d/${id}/edit?usp=drivesdk`,
  });
  const withFields = (value: unknown, fields: string | undefined, defaults: string): unknown =>
    select(value, parseFields(fields ?? defaults));
  const documentOr404 = (id: string): FakeDocument => {
    const d = documents.get(id);
    if (!d) throw new HttpFailure(404, `File not found: ${id}.`, 'notFound');
    return d;
  };

  function handle(req: FakeRequest): Answer {
    const { method, query } = req;
    const path = req.path;
    let m: RegExpExecArray | null;

    // Drive files.copy
    if (method === 'POST' && (m = /^\/drive\/v3\/files\/([^/]+)\/copy$/.exec(path))) {
      const source = documentOr404(decodeURIComponent(m[1]!));
      const body = (req.body ?? {}) as drive_v3.Schema$File;
      const id = nextId('copy');
      const doc: FakeDocument = {
        name: body.name ?? `Copy of ${source.name}`,
        text: source.text,
        parents: body.parents ?? [],
        appProperties: { ...(body.appProperties ?? {}) } as Record<string, string>,
        mimeType: source.mimeType,
        trashed: false,
      };
      documents.set(id, doc);
      return { status: 200, json: withFields(fileResource(id, doc), query['fields'], 'kind,id,name,mimeType') };
    }

    // Drive files.list
    if (method === 'GET' && path === '/drive/v3/files') {
      const terms = query['q'] ? parseQuery(query['q']) : [];
      const files = [...documents].filter(([, d]) => matches(d, terms)).map(([id, d]) => fileResource(id, d));
      const list = { kind: 'drive#fileList', incompleteSearch: false, files };
      return { status: 200, json: withFields(list, query['fields'], 'kind,incompleteSearch,files(kind,id,name,mimeType)') };
    }

    // Drive files.export
    if (method === 'GET' && (m = /^\/drive\/v3\/files\/([^/]+)\/export$/.exec(path))) {
      const doc = documentOr404(decodeURIComponent(m[1]!));
      if (query['mimeType'] !== 'application/pdf') {
        throw new HttpFailure(400, `The requested conversion is not supported: ${query['mimeType']}`, 'badRequest');
      }
      return { status: 200, bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(doc.text, 'utf8')]), contentType: 'application/pdf' };
    }

    // Drive files.create with a multipart media upload (a .docx converted into a Google Doc)
    if (method === 'POST' && path === '/upload/drive/v3/files') {
      if (query['uploadType'] !== 'multipart') throw new HttpFailure(400, `Fake supports uploadType=multipart only`);
      const parts = req.body as { contentType: string; body: unknown }[];
      const meta = (parts[0]?.body ?? {}) as drive_v3.Schema$File;
      const media = parts[1];
      if (!media || !Buffer.isBuffer(media.body)) throw new HttpFailure(400, 'Media part is missing');
      const text = media.contentType.startsWith(DOCX) ? docxText(media.body) : media.body.toString('utf8');
      const id = nextId('upload');
      const doc: FakeDocument = {
        name: meta.name ?? 'Untitled',
        text,
        parents: meta.parents ?? [],
        appProperties: { ...(meta.appProperties ?? {}) } as Record<string, string>,
        mimeType: meta.mimeType ?? media.contentType,
        trashed: false,
      };
      documents.set(id, doc);
      return { status: 200, json: withFields(fileResource(id, doc), query['fields'], 'kind,id,name,mimeType') };
    }

    // Docs documents.batchUpdate: all requests applied or none
    if (method === 'POST' && (m = /^\/v1\/documents\/([^/:]+):batchUpdate$/.exec(path))) {
      const id = decodeURIComponent(m[1]!);
      const doc = documents.get(id);
      if (!doc) throw new HttpFailure(404, `Requested entity was not found.`, 'notFound');
      const body = (req.body ?? {}) as docs_v1.Schema$BatchUpdateDocumentRequest;
      let text = doc.text;
      const replies: docs_v1.Schema$Response[] = [];
      for (const [i, r] of (body.requests ?? []).entries()) {
        const rat = r.replaceAllText;
        const needle = rat?.containsText?.text;
        if (!rat || Object.keys(r).length !== 1 || !needle) {
          throw new HttpFailure(400, `Invalid requests[${i}]: the fake knows replaceAllText with containsText.text only`);
        }
        const flags = rat.containsText?.matchCase ? 'g' : 'gi';
        const re = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
        const count = text.match(re)?.length ?? 0;
        text = text.replace(re, () => rat.replaceText ?? '');
        // Like the real API, a zero count is left out (proto3 JSON omits defaults).
        replies.push({ replaceAllText: count > 0 ? { occurrencesChanged: count } : {} });
      }
      doc.text = text;
      return { status: 200, json: { documentId: id, replies, writeControl: { requiredRevisionId: nextId('rev') } } };
    }

    // Gmail users.messages.send (raw only)
    if (method === 'POST' && (m = /^\/gmail\/v1\/users\/([^/]+)\/messages\/send$/.exec(path))) {
      const raw = (req.body as gmail_v1.Schema$Message | undefined)?.raw;
      if (!raw) throw new HttpFailure(400, "'raw' RFC822 payload message string or uploading message via /upload/* URL required", 'invalidArgument');
      const mime = Buffer.from(raw, 'base64url').toString('utf8');
      const id = nextId('msg').replace('-', '');
      sent.push({ id, threadId: id, userId: decodeURIComponent(m[1]!), raw: mime, messageId: /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(mime)?.[1] ?? null });
      return { status: 200, json: { id, threadId: id, labelIds: ['SENT'] } };
    }

    // Gmail users.messages.list (q: empty or rfc822msgid:...)
    if (method === 'GET' && (m = /^\/gmail\/v1\/users\/([^/]+)\/messages$/.exec(path))) {
      const userId = decodeURIComponent(m[1]!);
      const q = (query['q'] ?? '').trim();
      let found = sent.filter((s) => s.userId === userId);
      if (q) {
        const byId = /^rfc822msgid:(\S+)$/.exec(q);
        if (!byId) throw new HttpFailure(400, `Fake supports q=rfc822msgid:<id> only, got ${q}`);
        const wanted = byId[1]!.replace(/^<|>$/g, '');
        found = found.filter((s) => s.messageId?.replace(/^<|>$/g, '') === wanted);
      }
      // Like the real API, no `messages` key at all when nothing matched.
      return {
        status: 200,
        json: found.length > 0
          ? { messages: found.map((s) => ({ id: s.id, threadId: s.threadId })), resultSizeEstimate: found.length }
          : { resultSizeEstimate: 0 },
      };
    }

    throw new HttpFailure(404, `The fake has no endpoint ${method} ${path}`, 'notFound');
  }

  function send(res: ServerResponse, answer: Answer, extraHeaders: Record<string, string> = {}): void {
    if ('json' in answer) {
      const body = Buffer.from(JSON.stringify(answer.json));
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': body.length, ...answer.headers, ...extraHeaders });
      res.end(body);
    } else {
      res.writeHead(answer.status, { 'content-type': answer.contentType, 'content-length': answer.bytes.length, ...extraHeaders });
      res.end(answer.bytes);
    }
  }

  function failure(e: HttpFailure): Answer {
    return { status: e.status, json: googleError(e.status, e.message, e.reason) };
  }

  async function onRequest(incoming: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of incoming) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const req: FakeRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: incoming.headers,
      body: undefined,
    };
    requests.push(req);
    try {
      req.body = parseBody(raw, incoming.headers);
    } catch (e) {
      send(res, failure(e instanceof HttpFailure ? e : new HttpFailure(400, String(e))));
      return;
    }
    if (!/^Bearer \S+/.test(incoming.headers.authorization ?? '')) {
      send(res, failure(new HttpFailure(401, 'Request is missing required authentication credential.')));
      return;
    }

    const entry = rules.find((r) => r.left > 0 && r.rule.match(req));
    if (entry) entry.left--;
    const rule = entry?.rule;
    if (rule?.hang) return; // the socket stays open until the client gives up or close()
    const injected = (r: FaultRule) => {
      const status = r.status ?? 500;
      send(res, failure(new HttpFailure(status, r.message ?? STATUS_CODES[status] ?? 'Error', r.reason)), r.headers);
    };
    if (rule && !rule.afterHandling) return injected(rule); // failed before any effect

    let answer: Answer;
    try {
      answer = handle(req);
    } catch (e) {
      answer = failure(e instanceof HttpFailure ? e : new HttpFailure(500, e instanceof Error ? e.message : String(e)));
    }
    if (rule) return injected(rule); // the effect happened, its answer is lost
    send(res, answer);
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, failure(new HttpFailure(500, String(e))));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    documents,
    sent,
    addTemplate(id, text, name) {
      documents.set(id, { name: name ?? id, text, parents: [], appProperties: {}, mimeType: GOOGLE_DOC, trashed: false });
    },
    fail(rule) {
      rules.push({ rule, left: rule.times ?? Number.POSITIVE_INFINITY });
    },
    reset() {
      requests.length = 0;
      documents.clear();
      sent.length = 0;
      rules = [];
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}

/** The real generated clients, pointed at the fake, authenticated with a fixed access token. */
export function fakeClients(fake: FakeGoogle): { drive: drive_v3.Drive; docs: docs_v1.Docs; gmail: gmail_v1.Gmail } {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'test' });
  const rootUrl = `${fake.url}/`;
  return {
    drive: drive({ version: 'v3', rootUrl, auth }),
    // @googleapis/docs@10 (the latest) still builds on googleapis-common 8, typed against
    // google-auth-library 10; our google-auth-library 11 client works at runtime but needs a cast.
    docs: docs({ version: 'v1', rootUrl, auth: auth as unknown as docs_v1.Options['auth'] }),
    gmail: gmail({ version: 'v1', rootUrl, auth }),
  };
}
