// Google API failures classified once, where they happen: the outbox worker only reads `retryable`
// and `retryAfterMs` and never looks inside a GaxiosError.
import { EffectError } from '../documents/types.ts';

/** Node, undici and DOM names of failures where the request may simply be tried again later. */
const RETRYABLE_CODES = new Set([
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'AbortError',
  'TimeoutError',
]);

/**
 * Reasons Google gives with a 403 when a quota per minute was exceeded: Drive and Gmail answer
 * "403 User rate limit exceeded" (not only 429) and ask the caller to back off and try again.
 */
const RATE_LIMIT_REASONS = new Set([
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'sharingRateLimitExceeded',
  'RATE_LIMIT_EXCEEDED',
]);

const MAX_DETAIL = 300;

/**
 * Classifies a failed call of `what` (e.g. "Google Drive files.copy"): HTTP 408, 429, 5xx and 403
 * rate limits are retryable, as are timeouts, aborts and connection failures; every other HTTP 4xx
 * and anything else without a status are not. Retry-After (seconds or an HTTP date) becomes
 * `retryAfterMs`.
 */
export function toEffectError(err: unknown, what: string): EffectError {
  if (err instanceof EffectError) return err;
  const status = statusOf(err);
  const data = errorBody(err);
  if (status !== null) {
    const reasons = data.reasons;
    const rateLimited = status === 403 && reasons.some((r) => RATE_LIMIT_REASONS.has(r));
    const retryable = status === 408 || status === 429 || status >= 500 || rateLimited;
    const detail = truncate(data.message ?? messageOf(err) ?? 'tanpa keterangan');
    return new EffectError(`${what} gagal (HTTP ${status}): ${detail}`, {
      retryable,
      status,
      retryAfterMs: retryable ? (retryAfterOf(err) ?? data.retryDelayMs) : null,
      cause: err,
    });
  }
  const network = networkFailure(err);
  if (network !== null) {
    const label = network.timeout ? 'batas waktu habis' : `gangguan jaringan ${network.code}`;
    return new EffectError(`${what} gagal (${label}): ${truncate(messageOf(err) ?? network.code)}`, {
      retryable: true,
      cause: err,
    });
  }
  return new EffectError(`${what} gagal: ${truncate(messageOf(err) ?? String(err))}`, { retryable: false, cause: err });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function statusOf(err: unknown): number | null {
  if (!isObject(err)) return null;
  const response = err['response'];
  const candidates = [err['status'], isObject(response) ? response['status'] : undefined];
  for (const c of candidates) {
    if (typeof c === 'number' && c >= 400 && c <= 599) return c;
  }
  return null;
}

function messageOf(err: unknown): string | null {
  if (err instanceof Error && err.message) return err.message;
  if (isObject(err) && typeof err['message'] === 'string') return err['message'];
  return null;
}

function truncate(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > MAX_DETAIL ? `${one.slice(0, MAX_DETAIL - 1)}…` : one;
}

/**
 * The Google error body ({ error: { message, errors: [{ reason }], details: [{ retryDelay }] } }),
 * also when the response was read as bytes (files.export asks for an arraybuffer).
 */
function errorBody(err: unknown): { message: string | null; reasons: string[]; retryDelayMs: number | null } {
  const none = { message: null, reasons: [], retryDelayMs: null };
  if (!isObject(err) || !isObject(err['response'])) return none;
  let data: unknown = err['response']['data'];
  if (data instanceof ArrayBuffer) data = Buffer.from(data).toString('utf8');
  else if (Buffer.isBuffer(data)) data = data.toString('utf8');
  if (typeof data === 'string') {
    const text = data.trim();
    try {
      data = JSON.parse(text);
    } catch {
      return { ...none, message: text.length > 0 && !text.startsWith('<') ? text : null };
    }
  }
  if (!isObject(data)) return none;
  const e = data['error'];
  if (typeof e === 'string') return { ...none, message: e };
  if (!isObject(e)) return none;
  const message = typeof e['message'] === 'string' ? e['message'] : null;
  const reasons: string[] = [];
  if (Array.isArray(e['errors'])) {
    for (const item of e['errors']) if (isObject(item) && typeof item['reason'] === 'string') reasons.push(item['reason']);
  }
  let retryDelayMs: number | null = null;
  if (Array.isArray(e['details'])) {
    for (const d of e['details']) {
      if (!isObject(d)) continue;
      // google.rpc.RetryInfo: { "@type": ".../google.rpc.RetryInfo", "retryDelay": "7s" }
      if (typeof d['retryDelay'] === 'string') {
        const m = /^(\d+(?:\.\d+)?)s$/.exec(d['retryDelay']);
        if (m) retryDelayMs = Math.round(Number(m[1]) * 1000);
      }
      // google.rpc.ErrorInfo: { "reason": "RATE_LIMIT_EXCEEDED", ... }
      if (typeof d['reason'] === 'string') reasons.push(d['reason']);
    }
  }
  return { message, reasons, retryDelayMs };
}

/** Retry-After of the response: delta seconds or an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (value === null || value === undefined) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

function retryAfterOf(err: unknown): number | null {
  if (!isObject(err) || !isObject(err['response'])) return null;
  const headers = err['response']['headers'];
  let value: unknown = null;
  // A fetch Headers (global or node-fetch's, whichever gaxios used) or a plain header object.
  if (isObject(headers) && typeof headers['get'] === 'function') {
    value = (headers as unknown as { get(name: string): string | null }).get('retry-after');
  } else if (isObject(headers)) {
    for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === 'retry-after') value = Array.isArray(v) ? v[0] : v;
  }
  return typeof value === 'string' ? parseRetryAfter(value) : null;
}

/**
 * A timeout, abort or connection failure anywhere in the cause chain (gaxios wraps fetch's
 * "fetch failed" TypeError, whose cause carries the system or undici code).
 */
function networkFailure(err: unknown): { code: string; timeout: boolean } | null {
  let current: unknown = err;
  for (let depth = 0; depth < 6 && isObject(current); depth++) {
    const code = typeof current['code'] === 'string' ? current['code'] : null;
    const name = typeof current['name'] === 'string' ? current['name'] : null;
    const message = typeof current['message'] === 'string' ? current['message'] : '';
    for (const c of [code, name]) {
      if (c !== null && (RETRYABLE_CODES.has(c) || c.startsWith('UND_ERR_'))) {
        return { code: c, timeout: /TIMEOUT|TIMEDOUT|TimeoutError/i.test(c) || /timeout|timed out/i.test(message) };
      }
    }
    if (/timeout|timed out/i.test(message)) return { code: code ?? name ?? 'timeout', timeout: true };
    current = current['cause'] ?? current['error'];
  }
  return null;
}
