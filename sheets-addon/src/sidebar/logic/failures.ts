// Failures as google.script.run reports them, and which of them name fields of a form or make the
// case on screen stale.
import type { ApiError } from '../../contract.ts';

const NETWORK_MESSAGE = 'Tidak dapat menghubungi server. Periksa koneksi internet, lalu kirim lagi.';

/** One field a form must fix first, named by its path as the API names it. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** The ApiError in a parsed value (possibly wrapped in {error: ...}), keeping only well-formed fields. */
function asError(v: unknown): ApiError | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (o.error && typeof o.error === 'object') return asError(o.error);
  if (typeof o.code !== 'string' || typeof o.message !== 'string') return null;
  const out: ApiError = { code: o.code, message: o.message };
  if (typeof o.path === 'string') out.path = o.path;
  if (Array.isArray(o.fields)) {
    const fields = o.fields.filter((f): f is FieldProblem => !!f && typeof f === 'object' && typeof f.path === 'string' && typeof f.message === 'string');
    if (fields.length) out.fields = fields.map((f) => ({ path: f.path, message: f.message }));
  }
  return out;
}

/**
 * google.script.run failures carry `error.message` = JSON of ApiError (sometimes wrapped in
 * {error: ...}). Anything else is a transport failure: the request may or may not have arrived.
 */
export function parseFailure(e: unknown): ApiError {
  const raw = e instanceof Error ? e.message : typeof e === 'string' ? e : e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e);
  // Apps Script may prefix the thrown message ("Error: {...}"): take the JSON object inside.
  for (const candidate of [raw, raw.slice(Math.max(0, raw.indexOf('{')))]) {
    try {
      const parsed = asError(JSON.parse(candidate));
      if (parsed) return parsed;
    } catch {
      // not JSON
    }
  }
  if (e && typeof e === 'object' && !(e instanceof Error)) {
    const direct = asError(e);
    if (direct) return direct;
  }
  return { code: 'NETWORK', message: raw && !/^\s*$/.test(raw) ? `${NETWORK_MESSAGE} (${raw.slice(0, 200)})` : NETWORK_MESSAGE };
}

/** Errors after which what is on screen (a case, a submission) is stale: show the message, then load it again. */
export const RELOAD_CODES = new Set(['WRONG_ROLE', 'NOT_CURRENT_STEP', 'VERSION_CONFLICT', 'CASE_CLOSED', 'SUBMISSION_HANDLED']);
/** Errors that name fields of the form. */
export const FIELD_CODES = new Set(['MISSING_KELENGKAPAN', 'INVALID_INPUT']);

/** The form field an error path concerns: `documents.x.url` -> `documents.x`, `data.x` stays. */
export function fieldKey(path: string): string {
  const parts = path.split('.');
  if ((parts[0] === 'data' || parts[0] === 'checklist' || parts[0] === 'documents' || parts[0] === 'partner') && parts.length > 2) return parts.slice(0, 2).join('.');
  return path;
}
