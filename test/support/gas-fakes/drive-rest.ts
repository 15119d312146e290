// The Drive REST v3 calls the add-on makes (files.list and files.get, metadata or alt=media),
// answered by UrlFetchApp's fake from an in-memory Drive, with Drive's own behaviour where the add-on
// depends on it: the query language's clauses joined by "and" (unknown ones refused with 400 as
// Drive does), `name contains` matching the start of the name or of a word in it regardless of case,
// `size` as a string (int64), opaque page tokens, the field mask, 401 without the user's token,
// 403 insufficientPermissions when the user did not grant the Drive scope, 404 for a file the user
// cannot see, and a Google Doc refused for alt=media.
import type { FetchCall, FetchReply } from './url-fetch.ts';

export const DRIVE_FILES_URL = /^https:\/\/www\.googleapis\.com\/drive\/v3\/files(?:\/([^/?]+))?(?:\?(.*))?$/;
export const DRIVE_READONLY = 'https://www.googleapis.com/auth/drive.readonly';

export interface FakeDriveFile {
  id: string;
  name: string;
  mimeType: string;
  modifiedTime: string;
  trashed?: boolean;
  /** Google-native files (Docs) have no bytes and no size. */
  bytes?: Uint8Array;
  /** Files the user cannot see (someone else's, not shared). */
  hidden?: boolean;
}

const error = (status: number, reason: string, message: string, extra: Record<string, string> = {}): FetchReply => ({
  status,
  body: { error: { code: status, message, errors: [{ domain: 'global', reason, message, ...extra }] } },
});

type Clause = (f: FakeDriveFile) => boolean;

/** Drive's string literal: '...' with \' and \\ escapes. */
function literal(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

function startsAWord(name: string, search: string): boolean {
  const n = name.toLowerCase();
  const q = search.toLowerCase();
  for (let i = n.indexOf(q); i >= 0; i = n.indexOf(q, i + 1)) if (i === 0 || !/[\p{L}\p{N}]/u.test(n[i - 1]!)) return true;
  return false;
}

/** The subset of Drive's query language the add-on uses; anything else is refused as Drive refuses a bad query. */
function parseQuery(q: string): Clause[] | null {
  const clauses: Clause[] = [];
  const str = "'((?:[^'\\\\]|\\\\.)*)'";
  // clause ("and" clause)*
  const re = new RegExp(`^\\s*(mimeType\\s*(=|!=)\\s*${str}|trashed\\s*=\\s*(true|false)|name\\s+contains\\s+${str})\\s*`);
  let rest = q;
  while (rest.length) {
    const m = re.exec(rest);
    if (!m) return null;
    if (m[1]!.startsWith('mimeType')) {
      const v = literal(m[3]!);
      clauses.push(m[2] === '=' ? (f) => f.mimeType === v : (f) => f.mimeType !== v);
    } else if (m[1]!.startsWith('trashed')) {
      const v = m[4] === 'true';
      clauses.push((f) => (f.trashed ?? false) === v);
    } else {
      const v = literal(m[5]!);
      clauses.push((f) => startsAWord(f.name, v));
    }
    rest = rest.slice(m[0].length);
    if (!rest.length) break;
    const and = /^and\s+/.exec(rest);
    if (!and) return null;
    rest = rest.slice(and[0].length);
  }
  return clauses;
}

/** `nextPageToken,files(id,name)` -> the fields of a file to return (undefined: Drive's default set). */
function fileFields(fields: string | null, listing: boolean): string[] | undefined {
  if (!fields) return undefined;
  if (!listing) return fields.split(',').map((f) => f.trim());
  const m = /files\(([^)]*)\)/.exec(fields);
  return m ? m[1]!.split(',').map((f) => f.trim()) : [];
}

function project(f: FakeDriveFile, fields: string[] | undefined): Record<string, unknown> {
  const all: Record<string, unknown> = { kind: 'drive#file', id: f.id, name: f.name, mimeType: f.mimeType, modifiedTime: f.modifiedTime, trashed: f.trashed ?? false, ...(f.bytes ? { size: String(f.bytes.length) } : {}) };
  const keep = fields ?? ['kind', 'id', 'name', 'mimeType'];
  return Object.fromEntries(Object.entries(all).filter(([k]) => keep.includes(k)));
}

export class FakeDrive {
  readonly files = new Map<string, FakeDriveFile>();

  add(file: FakeDriveFile): this {
    this.files.set(file.id, file);
    return this;
  }

  /** Answers a fetch to DRIVE_FILES_URL as Drive does for the user holding `oauthToken`. */
  serve(call: FetchCall, oauthToken: string, missingScopes: string[]): FetchReply {
    if (call.headers.Authorization !== `Bearer ${oauthToken}`) return error(401, 'authError', 'Request had invalid authentication credentials.', { location: 'Authorization' });
    if (missingScopes.includes(DRIVE_READONLY)) return error(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.');
    if (call.method !== 'get') return error(405, 'methodNotAllowed', 'Method not allowed.');
    const m = DRIVE_FILES_URL.exec(call.url)!;
    const params = new URLSearchParams(m[2] ?? '');
    const id = m[1] === undefined ? undefined : decodeURIComponent(m[1]);
    if (id !== undefined) {
      const f = this.files.get(id);
      if (!f || f.hidden) return error(404, 'notFound', `File not found: ${id}.`, { location: 'fileId', locationType: 'parameter' });
      if (params.get('alt') === 'media') {
        if (!f.bytes) return error(403, 'fileNotDownloadable', 'Only files with binary content can be downloaded. Use Export with Docs Editors files.');
        return { status: 200, bytes: f.bytes };
      }
      return { status: 200, body: project(f, fileFields(params.get('fields'), false)) };
    }
    const clauses = parseQuery(params.get('q') ?? '');
    if (!clauses) return error(400, 'invalid', 'Invalid Value', { location: 'q', locationType: 'parameter' });
    const orderBy = params.get('orderBy');
    if (orderBy !== null && orderBy !== 'modifiedTime desc') return error(400, 'invalid', 'Invalid Value', { location: 'orderBy' });
    const pageSize = Number(params.get('pageSize') ?? 100);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) return error(400, 'invalid', 'Invalid Value', { location: 'pageSize' });
    let from = 0;
    const token = params.get('pageToken');
    if (token !== null) {
      const decoded = /^p(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
      if (!decoded) return error(400, 'invalid', 'Invalid Value', { location: 'pageToken' });
      from = Number(decoded[1]);
    }
    const found = [...this.files.values()].filter((f) => !f.hidden && clauses.every((c) => c(f)));
    if (orderBy) found.sort((a, b) => b.modifiedTime.localeCompare(a.modifiedTime));
    const page = found.slice(from, from + pageSize);
    const fields = fileFields(params.get('fields'), true);
    const next = from + pageSize < found.length ? Buffer.from(`p${from + pageSize}`).toString('base64url') : undefined;
    return { status: 200, body: { ...(next && (!params.get('fields') || /nextPageToken/.test(params.get('fields')!)) ? { nextPageToken: next } : {}), files: page.map((f) => project(f, fields)) } };
  }
}
