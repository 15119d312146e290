// Firestore's own size accounting (cloud.google.com/firestore/docs/storage-size), so a write is
// refused here with a clear 413 before Firestore would refuse it mid-commit: a document is at most
// 1 MiB, and a commit must stay under what the RPC carries.
import { FieldValue } from '@google-cloud/firestore';
import { DomainFailure, domainError } from '../sop/errors.ts';

/** Firestore's maximum document size, name and fields included. */
export const MAX_DOCUMENT_BYTES = 1_048_576;
/** What one transaction may write in all; the gRPC message that carries it is refused past 4 MiB. */
export const MAX_COMMIT_BYTES = 3.5 * 1_048_576;

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** The size Firestore counts for a value. */
export function valueSize(v: unknown): number {
  if (v === null || v === undefined || typeof v === 'boolean') return 1;
  if (typeof v === 'number' || v instanceof Date || v instanceof FieldValue) return 8;
  if (typeof v === 'string') return utf8(v) + 1;
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + valueSize(x), 0);
  let n = 0;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (x !== undefined) n += utf8(k) + 1 + valueSize(x);
  return n;
}

/** A document's size: its name (path segments), 32 bytes, and its fields. */
export function documentSize(path: string, data: Record<string, unknown>): number {
  return path.split('/').reduce((n, seg) => n + utf8(seg) + 1, 16) + 32 + valueSize(data);
}

const KIB = (n: number) => `${Math.ceil(n / 1024).toLocaleString('id-ID')} KiB`;

/** Tracks what a transaction writes; refuses a document or a commit Firestore could not take. */
export function createWriteBudget() {
  let total = 0;
  return {
    add(path: string, data: Record<string, unknown>, what: string): void {
      const size = documentSize(path, data);
      if (size > MAX_DOCUMENT_BYTES) {
        throw new DomainFailure(
          domainError('TOO_LARGE', `${what} akan berukuran ${KIB(size)}, melebihi batas Firestore ${KIB(MAX_DOCUMENT_BYTES)} per dokumen; tidak ada yang disimpan. Kurangi isian (misalnya daftar yang sangat panjang) lalu kirim lagi.`, [
            { path: 'data', message: `Melebihi ${KIB(MAX_DOCUMENT_BYTES)} per dokumen.` },
          ]),
        );
      }
      total += size;
      if (total > MAX_COMMIT_BYTES) {
        throw new DomainFailure(
          domainError('TOO_LARGE', `Perubahan ini akan menyimpan ${KIB(total)} sekaligus, melebihi batas ${KIB(MAX_COMMIT_BYTES)} per langkah; tidak ada yang disimpan. Kurangi isian lalu kirim lagi.`, [
            { path: 'data', message: `Melebihi ${KIB(MAX_COMMIT_BYTES)} per langkah.` },
          ]),
        );
      }
    },
  };
}
