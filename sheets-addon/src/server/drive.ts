/// <reference types="google-apps-script" />
// Impor SOP from Drive: the user's .docx files listed (Drive REST v3 files.list, searched by name,
// a page at a time) and the chosen one read (files.get alt=media) into the same preview as an
// upload from the device. Through UrlFetchApp with the user's OAuth token, so the user sees exactly
// the files Drive lets them read (scope drive.readonly: see the README, "Sheets add-on").
import type { DriveDocxPage } from '../contract.ts';
import { DOCX_MIME, MAX_DOCX_BYTES } from '../limits.ts';
import { apiFailure, missingGrant } from './api.ts';

export const DRIVE_FILES = 'https://www.googleapis.com/drive/v3/files';
/** One page of the picker: enough to scroll, small enough for a quick answer. */
export const DRIVE_PAGE_SIZE = 50;

function invalid(path: string, message: string): Error {
  return apiFailure({ code: 'INVALID_INPUT', message, path, fields: [{ path, message }] });
}

/** Drive's query language quotes strings with ' and escapes ' and \ with a backslash. */
function quoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function query(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

interface DriveReply {
  status: number;
  res: GoogleAppsScript.URL_Fetch.HTTPResponse;
}

function driveGet(url: string, what: string): DriveReply {
  try {
    const res = UrlFetchApp.fetch(url, { method: 'get', headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` }, muteHttpExceptions: true });
    return { status: res.getResponseCode(), res };
  } catch (err) {
    throw apiFailure({ code: 'NETWORK', message: `Google Drive tidak dapat dihubungi saat ${what} (${err instanceof Error ? err.message : String(err)}). Coba lagi sebentar lagi.` });
  }
}

/** Drive's refusal as the add-on's error: the user's missing grant, a file not found, or Drive's own message. */
function driveFailure(status: number, res: GoogleAppsScript.URL_Fetch.HTTPResponse, what: string): Error {
  let detail = '';
  let reason = '';
  try {
    const e = (JSON.parse(res.getContentText()) as { error?: { message?: unknown; errors?: { reason?: unknown }[] } }).error;
    detail = String(e?.message ?? '');
    reason = String(e?.errors?.[0]?.reason ?? '');
  } catch {
    detail = '';
  }
  if (status === 401 || (status === 403 && /insufficient|scope/i.test(`${reason} ${detail}`))) {
    const grant = missingGrant();
    if (grant) return apiFailure(grant);
    return apiFailure({
      code: 'DRIVE_PERMISSION',
      message: `Google Drive menolak ${what} (HTTP ${status}${detail ? `: ${detail}` : ''}). Admin: pastikan Google Drive API aktif di proyek Google Cloud add-on dan cakupan drive.readonly tercantum di appsscript.json; pengguna mungkin perlu memberi izin ulang.`,
    });
  }
  if (status === 404) return apiFailure({ code: 'NOT_FOUND', message: 'Berkas tidak ditemukan di Drive, atau Anda tidak punya akses untuk membukanya. Muat ulang daftar berkas lalu pilih lagi.', path: 'fileId' });
  return apiFailure({ code: 'DRIVE_ERROR', message: `Google Drive gagal saat ${what} (HTTP ${status}${detail ? `: ${detail}` : ''}). Coba lagi sebentar lagi.` });
}

function json<T>(r: DriveReply, what: string): T {
  if (r.status < 200 || r.status >= 300) throw driveFailure(r.status, r.res, what);
  try {
    return JSON.parse(r.res.getContentText()) as T;
  } catch {
    throw apiFailure({ code: 'DRIVE_ERROR', message: `Jawaban Google Drive saat ${what} tidak dapat dibaca. Coba lagi.` });
  }
}

/** A page of the user's .docx files (not in the trash), newest first; `search` narrows by name. */
export function listDriveDocx(search: string | null, pageToken: string | null): DriveDocxPage {
  if (search !== null && search !== undefined && (typeof search !== 'string' || search.length > 100 || /[\r\n]/.test(search))) throw invalid('search', 'Pencarian nama berkas satu baris, paling banyak 100 karakter.');
  if (pageToken !== null && pageToken !== undefined && (typeof pageToken !== 'string' || !/^[\w.~-]{1,1000}$/.test(pageToken))) throw invalid('pageToken', 'Halaman daftar berkas tidak valid: muat ulang daftarnya.');
  const name = (search ?? '').trim();
  const q = [`mimeType=${quoted(DOCX_MIME)}`, 'trashed=false', ...(name ? [`name contains ${quoted(name)}`] : [])].join(' and ');
  const params: Record<string, string> = {
    q,
    pageSize: String(DRIVE_PAGE_SIZE),
    orderBy: 'modifiedTime desc',
    fields: 'nextPageToken,files(id,name,modifiedTime,size)',
    // Agencies keep their SOPs in shared drives as often as in My Drive.
    corpora: 'allDrives',
    includeItemsFromAllDrives: 'true',
    supportsAllDrives: 'true',
    ...(pageToken ? { pageToken } : {}),
  };
  const r = json<{ files?: { id: string; name: string; modifiedTime?: string; size?: string }[]; nextPageToken?: string }>(driveGet(`${DRIVE_FILES}?${query(params)}`, 'membaca daftar berkas'), 'membaca daftar berkas');
  return {
    files: (r.files ?? []).map((f) => ({ id: f.id, name: f.name, modifiedTime: f.modifiedTime ?? null, sizeBytes: f.size === undefined ? null : Number(f.size) })),
    nextPageToken: r.nextPageToken ?? null,
  };
}

export function requireFileId(value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{10,200}$/.test(value)) throw invalid('fileId', 'Berkas Drive tidak valid: pilih berkas dari daftar.');
  return value;
}

const tooLarge = (name: string, bytes: number) =>
  invalid('fileId', `Berkas ${name} terlalu besar untuk panel (${Math.ceil(bytes / 1024)} KB; paling besar ${MAX_DOCX_BYTES / 1024} KB). Tempel tabelnya, atau impor dengan perintah admin import-sop.`);

/**
 * The chosen .docx as base64, checked against the panel's limit before it is downloaded (its size
 * in Drive) and after (the bytes received), and its name for the messages.
 */
export function readDriveDocx(fileId: string): { name: string; base64: string } {
  const id = requireFileId(fileId);
  const meta = json<{ id: string; name: string; mimeType: string; size?: string }>(
    driveGet(`${DRIVE_FILES}/${encodeURIComponent(id)}?${query({ fields: 'id,name,mimeType,size', supportsAllDrives: 'true' })}`, 'membaca keterangan berkas'),
    'membaca keterangan berkas',
  );
  if (meta.mimeType !== DOCX_MIME) throw invalid('fileId', `Berkas ${meta.name} bukan dokumen Word (.docx). Dokumen Google: buka, lalu File → Download → Microsoft Word, atau tempel tabelnya.`);
  if (meta.size !== undefined && Number(meta.size) > MAX_DOCX_BYTES) throw tooLarge(meta.name, Number(meta.size));
  const r = driveGet(`${DRIVE_FILES}/${encodeURIComponent(id)}?${query({ alt: 'media', supportsAllDrives: 'true' })}`, 'mengunduh berkas');
  if (r.status < 200 || r.status >= 300) throw driveFailure(r.status, r.res, 'mengunduh berkas');
  const bytes = r.res.getContent();
  if (bytes.length > MAX_DOCX_BYTES) throw tooLarge(meta.name, bytes.length);
  if (!bytes.length) throw invalid('fileId', `Berkas ${meta.name} kosong.`);
  return { name: meta.name, base64: Utilities.base64Encode(bytes) };
}
