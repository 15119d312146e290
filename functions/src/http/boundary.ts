// What every request passes before a schema sees it, so nothing malformed reaches hashing,
// validation or Firestore: the body's size, its nesting depth and number of values, well-formed
// Unicode in every string and key (a lone surrogate makes Firestore fail the whole RPC), no
// control characters but tab and line breaks, no key Firestore reserves (__name__) or that
// JavaScript treats specially (__proto__). Text is returned NFC-normalised, so "é" typed two
// ways is one value. Refusals name the field and the limit, in Bahasa Indonesia.
import { DomainFailure, domainError } from '../sop/errors.ts';

/** Documented in the README ("Input limits"); the store checks what it writes against Firestore's own. */
export const LIMITS = {
  /** A request body, as sent (JSON). */
  bodyBytes: 256 * 1024,
  /** Objects and arrays inside one another (a step's `data.x` list is depth 3). */
  depth: 10,
  /** Strings, numbers, booleans, objects and arrays in one body. */
  values: 20_000,
  /** Keys of one object. */
  keys: 500,
  /** A key's length. */
  keyLength: 200,
} as const;

/**
 * Ids in paths and bodies. Agencies and SOPs are named by people (lower case, digits, "-" or
 * "_"); cases have Firestore's generated ids; submissions are a form id and a response id. Anything else cannot exist: 404 for a path, 400 for
 * a body field, before any store call.
 */
export const ID = {
  agency: /^[a-z0-9-]{2,64}$/,
  sop: /^[a-z][a-z0-9_]{0,63}$/,
  case: /^[A-Za-z0-9]{1,64}$/,
  /** A partner form submission: the form's id, "-", Google's response id (URL-safe). */
  submission: /^[a-z][a-z0-9_]{0,63}-[A-Za-z0-9_-]{1,230}$/,
  /** Bimtek programmes (model/programme.ts): programme, participant and mailing ids. */
  programme: /^[a-z][a-z0-9]{1,31}$/,
  participant: /^[a-z0-9]{8,40}$/,
  mailing: /^[a-z0-9]{8,40}$/,
  /** A programme document's outbox entry (programme/documents.ts). */
  document: /^bimtek-(tugas|undangan|hadir|laporan)-[0-9a-f]{24}(-[a-z0-9-]{2,64})?$/,
} as const;

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const RESERVED_KEY = /^__.*__$/;

function refuse(path: string, message: string, code: 'INVALID_INPUT' | 'TOO_LARGE' = 'INVALID_INPUT'): DomainFailure {
  return new DomainFailure(domainError(code, `${path.startsWith('(') ? 'Isi permintaan' : `Isian ${path}`}: ${message}`, [{ path, message }]));
}

function text(s: string, path: string): string {
  if (!s.isWellFormed()) throw refuse(path, 'teks memuat karakter Unicode yang tidak utuh (surrogate tunggal).');
  if (CONTROL.test(s)) throw refuse(path, 'teks memuat karakter kendali yang tidak diizinkan (hanya tab dan baris baru yang boleh).');
  return s.normalize('NFC');
}

/** Paths as the schemas name fields: `partner.name`, `data.x.0`; the root "(body)"/"(query)" drops out. */
function join(path: string, key: string | number): string {
  return path.startsWith('(') ? String(key) : `${path}.${key}`;
}

/**
 * A checked, NFC-normalised copy of `value` (a parsed JSON body or query). Walks with an explicit
 * stack: a body nested ten thousand deep is refused, never recursed into.
 */
export function checkedValue(value: unknown, root = '(body)'): unknown {
  let count = 0;
  const out = { v: undefined as unknown };
  const stack: { value: unknown; path: string; depth: number; put: (v: unknown) => void }[] = [{ value, path: root, depth: 0, put: (v) => (out.v = v) }];
  while (stack.length) {
    const { value: v, path, depth, put } = stack.pop()!;
    if (++count > LIMITS.values) throw refuse('(body)', `berisi lebih dari ${LIMITS.values.toLocaleString('id-ID')} nilai.`, 'TOO_LARGE');
    if (typeof v === 'string') {
      put(text(v, path));
    } else if (v === null || typeof v === 'number' || typeof v === 'boolean') {
      put(v);
    } else if (typeof v === 'object') {
      if (depth >= LIMITS.depth) throw refuse(path, `bersarang lebih dari ${LIMITS.depth} tingkat.`);
      if (Array.isArray(v)) {
        const arr: unknown[] = new Array(v.length);
        put(arr);
        v.forEach((item, i) => stack.push({ value: item, path: join(path, i), depth: depth + 1, put: (x) => (arr[i] = x) }));
      } else {
        const keys = Object.keys(v);
        if (keys.length > LIMITS.keys) throw refuse(path, `memuat lebih dari ${LIMITS.keys} kunci.`, 'TOO_LARGE');
        const obj: Record<string, unknown> = {};
        put(obj);
        for (const rawKey of keys) {
          const key = text(rawKey, join(path, '(kunci)'));
          const at = join(path, key);
          if (key.length === 0 || key.length > LIMITS.keyLength) throw refuse(at, `nama isian harus 1–${LIMITS.keyLength} karakter.`);
          if (RESERVED_KEY.test(key)) throw refuse(at, 'nama isian yang diawali dan diakhiri "__" tidak diizinkan.');
          if (Object.hasOwn(obj, key)) throw refuse(at, 'nama isian ganda (setelah normalisasi Unicode).');
          obj[key] = undefined;
          stack.push({ value: (v as Record<string, unknown>)[rawKey], path: at, depth: depth + 1, put: (x) => (obj[key] = x) });
        }
      }
    } else {
      throw refuse(path, 'nilai tidak dikenal.');
    }
  }
  return out.v;
}

/** The body of a POST: a JSON object within the size limit, checked as above. */
export function checkedBody(raw: Buffer | undefined, parsed: unknown): unknown {
  const size = raw?.length ?? 0;
  if (size > LIMITS.bodyBytes) {
    throw refuse('(body)', `ukuran ${Math.ceil(size / 1024).toLocaleString('id-ID')} KiB melebihi batas ${LIMITS.bodyBytes / 1024} KiB per permintaan.`, 'TOO_LARGE');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Buffer.isBuffer(parsed)) {
    throw refuse('(body)', 'harus berupa objek JSON (Content-Type: application/json).');
  }
  return checkedValue(parsed);
}
