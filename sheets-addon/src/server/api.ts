/// <reference types="google-apps-script" />
// The add-on's facade over UrlFetchApp: every call to the `api` function goes through callApi, which
// attaches the caller's Google ID token, maps every failure to an ApiError carried as
// Error(JSON.stringify(apiError)), and resolves the agency this spreadsheet works for.
import type { MembershipsResponse } from '../../../functions/src/contract.ts';
import type { ApiError } from '../contract.ts';

export type HttpMethod = 'GET' | 'POST';

/** Script property holding the base URL of the `api` function, without a trailing slash. */
export const API_URL_PROPERTY = 'API_URL';
/** Document property holding the agency this spreadsheet works for. */
export const AGENCY_PROPERTY = 'AGENCY_ID';

/** The Error every server function throws: its message is the JSON of an ApiError. */
export function apiFailure(error: ApiError): Error {
  return new Error(JSON.stringify(error));
}

/** Reads back an ApiError from an Error thrown by apiFailure (or null for any other error). */
export function apiErrorOf(err: unknown): ApiError | null {
  if (!(err instanceof Error)) return null;
  try {
    const parsed: unknown = JSON.parse(err.message);
    return isApiError(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function isApiError(v: unknown): v is ApiError {
  return typeof v === 'object' && v !== null && typeof (v as ApiError).code === 'string' && typeof (v as ApiError).message === 'string';
}

function apiUrl(): string {
  const raw = (PropertiesService.getScriptProperties().getProperty(API_URL_PROPERTY) ?? '').trim();
  if (!raw) {
    throw apiFailure({
      code: 'CONFIG',
      message:
        'Alamat layanan belum diatur. Admin: buka proyek Apps Script add-on ini, Setelan proyek → Properti skrip, ' +
        'lalu isi API_URL dengan URL fungsi api (misalnya https://asia-southeast2-proyek.cloudfunctions.net/api, tanpa garis miring di akhir).',
    });
  }
  if (!/^https:\/\//i.test(raw)) {
    throw apiFailure({ code: 'CONFIG', message: `Properti skrip API_URL harus diawali https:// (sekarang: "${raw}"). Admin: perbaiki nilainya di Setelan proyek → Properti skrip.` });
  }
  return raw.replace(/\/+$/, '');
}

/**
 * The user's own grant is incomplete (with Google's granular consent a user may untick some of the
 * add-on's permissions): an error saying so, with the link that asks again; null when every
 * permission was granted (then a missing token or a refused write is the deployment's fault).
 */
export function missingGrant(): ApiError | null {
  try {
    const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    if (info.getAuthorizationStatus() !== ScriptApp.AuthorizationStatus.REQUIRED) return null;
    const url = info.getAuthorizationUrl();
    return {
      code: 'AUTH_REQUIRED',
      message:
        'Izin add-on ini belum lengkap: sebagian izin tidak dicentang saat Anda memberi izin. ' +
        `Buka ${url ? `tautan berikut dan centang semua izin yang diminta: ${url}` : 'Ekstensi → Layanan Perpustakaan → Buka panel, lalu centang semua izin yang diminta'}. Setelah itu muat ulang panel ini.`,
    };
  } catch {
    return null;
  }
}

function identityToken(): string {
  let token: string | null = null;
  try {
    token = ScriptApp.getIdentityToken();
  } catch {
    token = null;
  }
  if (!token) {
    const grant = missingGrant();
    if (grant) throw apiFailure(grant);
    throw apiFailure({
      code: 'CONFIG',
      message:
        'Token identitas Google tidak tersedia. Admin: pastikan cakupan "openid" dan "https://www.googleapis.com/auth/userinfo.email" ' +
        'tercantum di oauthScopes pada appsscript.json, lalu minta pengguna membuka add-on dan memberi izin ulang.',
    });
  }
  return token;
}

function networkFailure(detail: string): Error {
  return apiFailure({ code: 'NETWORK', message: `Layanan tidak dapat dihubungi${detail}. Periksa koneksi internet lalu coba lagi; jika berulang, hubungi admin.` });
}

/**
 * Calls the API and returns its JSON, typed by the caller from the API contract. Non-2xx replies
 * throw the API's own error (code, message, path, fields); a reply that is not JSON, or a fetch
 * that fails, throws code NETWORK.
 */
export function callApi<T>(method: HttpMethod, path: string, body?: unknown, idempotencyKey?: string): T {
  const url = apiUrl() + path;
  const headers: Record<string, string> = { Authorization: `Bearer ${identityToken()}` };
  if (method === 'POST' && idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  const params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {
    method: method === 'POST' ? 'post' : 'get',
    contentType: 'application/json',
    headers,
    muteHttpExceptions: true,
  };
  if (body !== undefined) params.payload = JSON.stringify(body);

  let status: number;
  let text: string;
  try {
    const res = UrlFetchApp.fetch(url, params);
    status = res.getResponseCode();
    text = res.getContentText();
  } catch (err) {
    throw networkFailure(` (${err instanceof Error ? err.message : String(err)})`);
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw networkFailure(`: jawaban HTTP ${status} bukan data yang dikenali`);
  }
  if (status >= 200 && status < 300) return json as T;
  const error = (json as { error?: unknown } | null)?.error;
  if (!isApiError(error)) throw networkFailure(`: jawaban HTTP ${status} bukan data yang dikenali`);
  const out: ApiError = { code: error.code, message: error.message };
  if (typeof error.path === 'string') out.path = error.path;
  if (Array.isArray(error.fields)) out.fields = error.fields;
  throw apiFailure(out);
}

/** GET /v1/me: the caller's e-mail and the agencies where they are active staff. */
export function myMemberships(): MembershipsResponse {
  const r = callApi<Partial<MembershipsResponse>>('GET', '/v1/me');
  return { email: String(r.email ?? ''), memberships: Array.isArray(r.memberships) ? r.memberships : [] };
}

/**
 * The agency this spreadsheet works for: the document property when set; otherwise the caller's
 * only membership (stored for next time). Several memberships -> CHOOSE_AGENCY, so the sidebar
 * shows the picker (listMemberships + chooseAgency).
 */
export function currentAgencyId(): string {
  const props = PropertiesService.getDocumentProperties();
  const stored = props.getProperty(AGENCY_PROPERTY);
  if (stored) return stored;
  const { email, memberships } = myMemberships();
  if (memberships.length === 1) {
    const only = memberships[0]!.agencyId;
    props.setProperty(AGENCY_PROPERTY, only);
    return only;
  }
  if (memberships.length === 0) {
    throw apiFailure({
      code: 'NOT_STAFF',
      message: `Akun ${email || 'ini'} belum terdaftar sebagai pegawai aktif di instansi mana pun. Minta admin instansi menambahkan akun Anda ke daftar pegawai.`,
    });
  }
  throw apiFailure({ code: 'CHOOSE_AGENCY', message: 'Akun Anda terdaftar di beberapa instansi. Pilih instansi yang dilayani spreadsheet ini.' });
}

/** Stores the agency for this spreadsheet after checking that the caller is active staff there. */
export function storeAgency(agencyId: string): void {
  const { memberships } = myMemberships();
  if (!memberships.some((m) => m.agencyId === agencyId)) {
    throw apiFailure({
      code: 'NOT_STAFF',
      message: `Anda bukan pegawai aktif instansi "${agencyId}". Pilih salah satu instansi yang tercantum.`,
      path: 'agencyId',
      fields: [{ path: 'agencyId', message: 'Pilih instansi tempat Anda terdaftar.' }],
    });
  }
  PropertiesService.getDocumentProperties().setProperty(AGENCY_PROPERTY, agencyId);
}

/** `/v1/agencies/{agency}` for the current agency, ids URL-encoded. */
export function agencyPath(agencyId: string, ...rest: string[]): string {
  return ['/v1/agencies', agencyId, ...rest].map((s, i) => (i === 0 ? s : encodeURIComponent(s))).join('/');
}
