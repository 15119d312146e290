/// <reference types="google-apps-script" />
// UrlFetchApp: records every fetch and answers from scripted responders, with Apps Script's
// behaviour around them (the manifest's urlFetchWhitelist, exceptions for HTTP errors unless
// muteHttpExceptions).

export interface FetchCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  contentType: string | undefined;
  payload: string | undefined;
  muteHttpExceptions: boolean;
  /** The payload parsed as JSON, when it is JSON. */
  json: unknown;
}

/** `bytes`: a binary answer (Drive's alt=media), read with getContent() as Apps Script's signed bytes. */
export type FetchReply = { status: number; body?: unknown; text?: string; bytes?: Uint8Array } | { throws: string };
export type FetchMatcher = (call: FetchCall) => boolean;
export type FetchResponder = FetchReply | ((call: FetchCall) => FetchReply);

export class FakeUrlFetch {
  readonly fetches: FetchCall[] = [];
  private readonly responders: { match: FetchMatcher; reply: FetchResponder }[] = [];
  /** What answers a fetch no responder matches (the Google APIs the fakes serve themselves); undefined: nothing does. */
  private readonly serve: (call: FetchCall) => FetchReply | undefined;

  constructor(serve: (call: FetchCall) => FetchReply | undefined) {
    this.serve = serve;
  }

  /** Scripts the answer to matching fetches; the latest matching responder wins. */
  on(match: FetchMatcher | { method?: string; url: string | RegExp }, reply: FetchResponder): void {
    const m: FetchMatcher =
      typeof match === 'function'
        ? match
        : (c) => (!match.method || c.method === match.method.toLowerCase()) && (typeof match.url === 'string' ? c.url === match.url : match.url.test(c.url));
    this.responders.unshift({ match: m, reply });
  }

  fetch(url: string, params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions, whitelist: string[] | undefined) {
    if (whitelist && !whitelist.some((p) => url.startsWith(p))) {
      throw new Error(`Exception: The URL ${url} is not on the urlFetchWhitelist in the manifest.`);
    }
    const call = recordedCall(url, params);
    this.fetches.push(call);
    const found = this.responders.find((r) => r.match(call));
    const reply = found ? (typeof found.reply === 'function' ? found.reply(call) : found.reply) : this.serve(call);
    if (!reply) throw new Error(`Exception: no scripted response for ${call.method.toUpperCase()} ${url}`);
    if ('throws' in reply) throw new Error(reply.throws);
    const text = reply.bytes ? new TextDecoder().decode(reply.bytes) : (reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body)));
    const bytes = reply.bytes ?? new TextEncoder().encode(text);
    if (!call.muteHttpExceptions && (reply.status < 200 || reply.status >= 300)) {
      throw new Error(`Exception: Request failed for ${url} returned code ${reply.status}. Truncated server response: ${text.slice(0, 200)}`);
    }
    // Apps Script's Byte[] holds signed bytes (-128..127), as Java's do.
    const signed = () => Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
    return { getResponseCode: () => reply.status, getContentText: () => text, getContent: signed, getHeaders: () => ({ 'Content-Type': reply.bytes ? 'application/octet-stream' : 'application/json' }) };
  }
}

function recordedCall(url: string, params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions): FetchCall {
  const headers = Object.fromEntries(Object.entries(params.headers ?? {}).map(([k, v]) => [k, String(v)]));
  const payload = typeof params.payload === 'string' ? params.payload : params.payload === undefined ? undefined : JSON.stringify(params.payload);
  let json: unknown;
  try {
    json = payload === undefined ? undefined : JSON.parse(payload);
  } catch {
    json = undefined;
  }
  return { url, method: String(params.method ?? 'get').toLowerCase(), headers, contentType: params.contentType, payload, muteHttpExceptions: params.muteHttpExceptions === true, json };
}
