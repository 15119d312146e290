// Page tokens: where a page of a list ended, handed to the client opaque (base64url JSON) and
// checked whole when it comes back, before anything reaches Firestore. A token names the list and
// the query it belongs to (a short hash of both), so it cannot continue another list or another
// search; its document id must be an id that can exist, its key printable text of bounded
// length. Anything else, forged, cut or tampered, is a 400 naming `pageToken`, never a 500.
// Tokens are not secret: one only says where to resume reading what the caller may read anyway.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Cursor } from '../model/store.ts';
import { DomainFailure, domainError } from '../sop/errors.ts';

/** Longer than any token this API writes. */
export const PAGE_TOKEN_MAX = 600;

const tokenSchema = z.strictObject({
  v: z.literal(1),
  s: z.string().regex(/^[0-9a-f]{16}$/),
  k: z.string().min(1).max(300).regex(/^[^\u0000-\u001f\u007f]+$/u),
  i: z.string().min(1).max(300),
});

/** The list and query a token belongs to, as a short hash (`parts` as JSON). */
export function tokenScope(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

export function encodePageToken(scope: string, cursor: Cursor | null): string | null {
  return cursor ? Buffer.from(JSON.stringify({ v: 1, s: scope, k: cursor.key, i: cursor.id }), 'utf8').toString('base64url') : null;
}

function refuse(message: string): DomainFailure {
  return new DomainFailure(domainError('INVALID_INPUT', `Parameter pageToken tidak valid: ${message}`, [{ path: 'pageToken', message }]));
}

/**
 * The cursor of a token from the previous page of this very list and query; `id` is the pattern
 * the list's document ids follow.
 */
export function decodePageToken(token: string | undefined, scope: string, id: RegExp): Cursor | undefined {
  if (token === undefined) return undefined;
  if (token.length === 0 || token.length > PAGE_TOKEN_MAX || !/^[A-Za-z0-9_-]+$/.test(token)) throw refuse('bukan token halaman dari daftar ini.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw refuse('bukan token halaman dari daftar ini.');
  }
  const r = tokenSchema.safeParse(parsed);
  if (!r.success || !id.test(r.data.i) || !r.data.k.isWellFormed()) throw refuse('bukan token halaman dari daftar ini.');
  if (r.data.s !== scope) throw refuse('token ini milik pencarian, urutan atau daftar lain; mulai lagi dari halaman pertama.');
  return { key: r.data.k, id: r.data.i };
}
