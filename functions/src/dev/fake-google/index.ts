// A local fake of the few Google API endpoints the document backend, the Gmail sender and the
// partner forms call, on 127.0.0.1 over node:http. The real generated clients are pointed at it
// with `rootUrl`, so tests see the exact requests (method, path, query, body) the clients make in
// production. Its Forms part also serves each form's responder page, which `npm start` uses as
// the local stand-in for Google Forms.
//
// A document is paragraphs and tables (a template converted from .docx keeps its tables, indexed
// as Docs indexes them; one added as text is a paragraph per line), read by tests as its text,
// one line per paragraph. Its PDF export is a real one-page PDF (pdf-lib) showing that text line by
// line, so a test reads what was filled in with pdftotext and a PDF stamped onto it (certificates)
// is built on a real page.
//
// Fault injection: `fail(rule)` makes matching requests fail (status, headers, a hang that never
// answers, or a lost response: the effect happens and the answer is a failure).
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { drive, type drive_v3 } from '@googleapis/drive';
import { docs, type docs_v1 } from '@googleapis/docs';
import { forms, type forms_v1 } from '@googleapis/forms';
import { gmail, type gmail_v1 } from '@googleapis/gmail';
import { OAuth2Client } from 'google-auth-library';
import { parseBody } from './bodies.ts';
import { handleDocs } from './docs.ts';
import { docxDocument, GOOGLE_DOC, handleDrive } from './drive.ts';
import { failure, HttpFailure } from './errors.ts';
import { handleForms, recordResponse } from './forms.ts';
import { handleGmail } from './gmail.ts';
import { handleResponder } from './responder.ts';
import type { Answer, FakeGoogle, FakeRequest, FaultRule, Handler, Store } from './types.ts';

export type { FakeDocument, FakeElement, FakeForm, FakeGoogle, FakeRequest, FakeWatch, FaultRule, FormsNotifier, GmailLimits, SentMessage } from './types.ts';
export { entryName } from './responder.ts';

const HANDLERS: Handler[] = [handleDrive, handleDocs, handleGmail, handleForms, handleResponder];

/** Everything reset() forgets; the fault rules live here so that onRequest can consume them. */
interface State {
  requests: FakeRequest[];
  rules: { rule: FaultRule; left: number }[];
  store: Store;
}

export async function startFakeGoogle(opts: { port?: number } = {}): Promise<FakeGoogle> {
  let counter = 0;
  let now = () => new Date();
  const state: State = {
    requests: [],
    rules: [],
    store: { documents: new Map(), sent: [], gmailLimits: null, gmailRefused: [], forms: new Map(), baseUrl: '', now: () => now(), notify: null, nextId: (prefix) => `${prefix}-${++counter}` },
  };
  const { requests, store } = state;
  const { documents, sent } = store;
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    onRequest(state, req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, failure(new HttpFailure(500, String(e))));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  store.baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: store.baseUrl,
    requests,
    documents,
    sent,
    addTemplate(id, text, name) {
      documents.set(id, { name: name ?? id, text, parents: [], appProperties: {}, mimeType: GOOGLE_DOC, trashed: false });
    },
    addDocxTemplate(id, docx, name) {
      documents.set(id, { name: name ?? id, ...docxDocument(docx), parents: [], appProperties: {}, mimeType: GOOGLE_DOC, trashed: false });
    },
    fail(rule) {
      state.rules.push({ rule, left: rule.times ?? Number.POSITIVE_INFINITY });
    },
    gmail: {
      setLimits(limits) {
        store.gmailLimits = limits;
      },
      refused: store.gmailRefused,
    },
    forms: {
      all: store.forms,
      async submit(formId, answers, o) {
        const { responseId, delivered } = recordResponse(store, formId, answers, o);
        await delivered;
        return responseId;
      },
      setNotifier(notify) {
        store.notify = notify;
      },
      setClock(clock) {
        now = clock;
      },
    },
    reset() {
      requests.length = 0;
      documents.clear();
      sent.length = 0;
      store.gmailRefused.length = 0;
      store.gmailLimits = null;
      store.forms.clear();
      state.rules = [];
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}

async function onRequest(state: State, incoming: IncomingMessage, res: ServerResponse): Promise<void> {
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
  state.requests.push(req);
  try {
    req.body = parseBody(raw, incoming.headers);
  } catch (e) {
    send(res, failure(e instanceof HttpFailure ? e : new HttpFailure(400, String(e))));
    return;
  }
  // A form's responder page is public, like a published Google form.
  if (!req.path.startsWith('/forms/d/') && !/^Bearer \S+/.test(incoming.headers.authorization ?? '')) {
    send(res, failure(new HttpFailure(401, 'Request is missing required authentication credential.')));
    return;
  }

  const entry = state.rules.find((r) => r.left > 0 && r.rule.match(req));
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
    answer = await handle(state.store, req);
  } catch (e) {
    answer = failure(e instanceof HttpFailure ? e : new HttpFailure(500, e instanceof Error ? e.message : String(e)));
  }
  if (rule) return injected(rule); // the effect happened, its answer is lost
  send(res, answer);
}

function handle(store: Store, req: FakeRequest): Answer | Promise<Answer> {
  for (const handler of HANDLERS) {
    const answer = handler(req, store);
    if (answer) return answer;
  }
  throw new HttpFailure(404, `The fake has no endpoint ${req.method} ${req.path}`, 'notFound');
}

/** The real generated clients, pointed at the fake, authenticated with a fixed access token. */
export function fakeClients(fake: FakeGoogle): { drive: drive_v3.Drive; docs: docs_v1.Docs; gmail: gmail_v1.Gmail; forms: forms_v1.Forms } {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'test' });
  const rootUrl = `${fake.url}/`;
  return {
    drive: drive({ version: 'v3', rootUrl, auth }),
    // @googleapis/docs@10 (the latest) still builds on googleapis-common 8, typed against
    // google-auth-library 10; our google-auth-library 11 client works at runtime but needs a cast.
    docs: docs({ version: 'v1', rootUrl, auth: auth as unknown as docs_v1.Options['auth'] }),
    gmail: gmail({ version: 'v1', rootUrl, auth }),
    forms: forms({ version: 'v1', rootUrl, auth }),
  };
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
