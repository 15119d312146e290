// Failures in the shape Google APIs answer them, so the clients' own error handling is exercised.
import type { Answer } from './types.ts';

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};
const REASONS: Record<number, string> = {
  400: 'badRequest',
  401: 'authError',
  403: 'forbidden',
  404: 'notFound',
  429: 'rateLimitExceeded',
  500: 'backendError',
  503: 'backendError',
};

export class HttpFailure extends Error {
  readonly status: number;
  readonly reason: string | undefined;
  constructor(status: number, message: string, reason?: string) {
    super(message);
    this.status = status;
    this.reason = reason;
  }
}

function googleError(status: number, message: string, reason?: string): { error: unknown } {
  return {
    error: {
      code: status,
      message,
      errors: [{ message, domain: 'global', reason: reason ?? REASONS[status] ?? 'error' }],
      status: STATUS_NAMES[status] ?? 'UNKNOWN',
    },
  };
}


export function failure(e: HttpFailure): Answer {
  return { status: e.status, json: googleError(e.status, e.message, e.reason) };
}
