// Domain errors are data: a stable code the HTTP layer maps to a status, the field it concerns,
// and a message in Bahasa Indonesia that the sidebar shows next to that field. The shapes are the
// API contract's.
import type { ApiError, ErrorCode, FieldProblem } from '../contract.ts';

export type { ErrorCode, FieldProblem };
export type DomainError = ApiError;

export function domainError(code: ErrorCode, message: string, fields?: FieldProblem[]): DomainError {
  const e: DomainError = { code, message };
  if (fields && fields.length > 0) {
    e.fields = fields;
    e.path = fields[0]!.path;
  }
  return e;
}

/** Thrown across layers (transactions, HTTP) to carry a DomainError unchanged. */
export class DomainFailure extends Error {
  readonly error: DomainError;
  constructor(error: DomainError) {
    super(`${error.code}: ${error.message}`);
    this.name = 'DomainFailure';
    this.error = error;
  }
}

/** A stored document that fails its schema: our fault, reported with where it is, never answered from. */
export function corruptDocument(path: string, detail: string): DomainFailure {
  return new DomainFailure(
    domainError('INTERNAL', `Data tersimpan rusak di ${path}; permintaan tidak dapat dijawab. Hubungi admin. (${detail})`, [{ path, message: 'Dokumen tersimpan tidak sesuai skema.' }]),
  );
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };
