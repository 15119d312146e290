// Domain errors are data: a stable code the HTTP layer maps to a status, the field it concerns,
// and a message in Bahasa Indonesia that the sidebar shows next to that field.

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'NOT_STAFF'
  | 'WRONG_ROLE'
  | 'NOT_FOUND'
  | 'NOT_CURRENT_STEP'
  | 'MISSING_KELENGKAPAN'
  | 'INVALID_INPUT'
  | 'CASE_CLOSED'
  | 'VERSION_CONFLICT'
  | 'IDEMPOTENCY_KEY_REUSED';

export interface FieldProblem {
  /** Dotted path of the field in the request body, e.g. `data.tanggal_kunjungan`. */
  path: string;
  message: string;
}

export interface DomainError {
  code: ErrorCode;
  message: string;
  /** The first field concerned, when there is one. */
  path?: string;
  /** Every field concerned (MISSING_KELENGKAPAN and INVALID_INPUT list them all at once). */
  fields?: FieldProblem[];
}

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

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };
