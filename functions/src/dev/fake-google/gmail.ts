// Gmail v1: users.messages.send (raw only) and users.messages.list (by rfc822msgid, which the
// sender uses to find out whether a message whose answer was lost did go out).
import type { gmail_v1 } from '@googleapis/gmail';
import { HttpFailure } from './errors.ts';
import type { Answer, FakeRequest, Handler, Store } from './types.ts';

export const handleGmail: Handler = (req, store) => {
  const { method, path } = req;
  let m: RegExpExecArray | null;
  if (method === 'POST' && (m = /^\/gmail\/v1\/users\/([^/]+)\/messages\/send$/.exec(path))) return send(decodeURIComponent(m[1]!), req, store);
  if (method === 'GET' && (m = /^\/gmail\/v1\/users\/([^/]+)\/messages$/.exec(path))) return list(decodeURIComponent(m[1]!), req, store);
  return undefined;
};

function send(userId: string, req: FakeRequest, store: Store): Answer {
  const raw = (req.body as gmail_v1.Schema$Message | undefined)?.raw;
  if (!raw) throw new HttpFailure(400, "'raw' RFC822 payload message string or uploading message via /upload/* URL required", 'invalidArgument');
  const now = store.now().getTime();
  const limits = store.gmailLimits;
  if (limits) {
    // Gmail's limits per user: about 60 sends a minute, and 2,000 messages in a rolling 24 hours.
    const mine = store.sent.filter((s) => s.userId === userId);
    const inMinute = mine.filter((s) => s.at > now - 60_000);
    const inDay = mine.filter((s) => s.at > now - 86_400_000);
    if (inDay.length >= limits.perDay || inMinute.length >= limits.perMinute) {
      const day = inDay.length >= limits.perDay;
      store.gmailRefused.push({ userId, at: now, why: day ? 'day' : 'minute' });
      const until = day ? inDay[inDay.length - limits.perDay]!.at + 86_400_000 : inMinute[inMinute.length - limits.perMinute]!.at + 60_000;
      return { status: 429, headers: { 'retry-after': String(Math.max(1, Math.ceil((until - now) / 1000))) }, json: { error: { code: 429, message: day ? 'User-rate limit exceeded: daily sending limit' : 'User-rate limit exceeded', errors: [{ reason: 'rateLimitExceeded', message: 'User-rate limit exceeded' }], status: 'RESOURCE_EXHAUSTED' } } };
    }
  }
  const mime = Buffer.from(raw, 'base64url').toString('utf8');
  const id = store.nextId('msg').replace('-', '');
  store.sent.push({ id, threadId: id, userId, raw: mime, messageId: /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(mime)?.[1] ?? null, at: now });
  return { status: 200, json: { id, threadId: id, labelIds: ['SENT'] } };
}

/** q: empty or rfc822msgid:... */
function list(userId: string, req: FakeRequest, store: Store): Answer {
  const q = (req.query['q'] ?? '').trim();
  let found = store.sent.filter((s) => s.userId === userId);
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
