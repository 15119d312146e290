/// <reference types="google-apps-script" />
// The "Kasus" sheet: one row per case of the agency, however many (the API is read page by page).
// Values go through the Sheets REST API `values:batchUpdate` with valueInputOption RAW, so partner
// text such as "=HYPERLINK(...)", "+62...", "-" or "@x" stays text and is never run as a formula;
// the due time is written as a number (a date-time serial on the agency's wall clock) that the
// column's number format shows as a date, so the sheet sorts and filters by it. A full sync sends
// as few requests as fit Google's advice of about 2 MB per request (10,000 cases: 3, measured in
// test/addon/dashboard-scale.test.ts); after a step only that case's row is written (one request).
// Formatting, the frozen header, the filter and the date format are applied through SpreadsheetApp
// only when missing, so a second identical sync changes nothing but the values it rewrites.
import type { CaseListResponse, CaseRow } from '../../../functions/src/contract.ts';
import type { DashboardSync } from '../contract.ts';
import { agencyPath, apiFailure, callApi, currentAgencyId, missingGrant } from './api.ts';

export const DASHBOARD_SHEET = 'Kasus';
export const HEADER = ['Nomor', 'SOP', 'Mitra', 'Langkah', 'Pelaksana', 'Jatuh tempo', 'Status', 'Dokumen', 'Tautan dokumen'] as const;
export const HEADER_BACKGROUND = '#d9e2f3';
/** Document property: how many case rows the previous sync wrote (to blank the leftovers, and to find a case's row). */
export const ROWS_PROPERTY = 'DASHBOARD_ROWS';
/** The due-time column (1-based) and its number format: a date-time the sheet sorts by, 24-hour clock. */
export const DUE_COLUMN = 6;
export const DUE_FORMAT = 'dd/mm/yyyy hh:mm';
/** Cases asked of the API per page during a full sync (the API's largest page). */
export const SYNC_PAGE = 1000;
/**
 * Bytes of JSON per Sheets request at most: Google advises about 2 MB per request; a little below
 * leaves room for the envelope. A longer sheet takes more requests, never fewer rows.
 */
export const MAX_REQUEST_BYTES = 1_900_000;

const COLS = HEADER.length;
const LAST_COL = String.fromCharCode('A'.charCodeAt(0) + COLS - 1);

export type Cell = string | number;

function a1(sheet: string, fromRow: number, toRow: number): string {
  return `'${sheet.replace(/'/g, "''")}'!A${fromRow}:${LAST_COL}${toRow}`;
}

/**
 * "2026-11-30T11:00" (the agency's wall clock) as a Sheets date-time serial: days since
 * 1899-12-30, the time as the fraction. Sheets shows it in the format of the column whatever the
 * spreadsheet's time zone, since the number carries no zone.
 */
export function sheetSerial(wallClock: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wallClock);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return Math.round((ms / 86_400_000 + 25_569) * 1e6) / 1e6;
}

export function rowValues(c: CaseRow): Cell[] {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const due = typeof c.jatuhTempoWaktu === 'string' ? sheetSerial(c.jatuhTempoWaktu) : null;
  return [text(c.nomor), text(c.sop), text(c.mitra), text(c.langkah), text(c.pelaksana), due ?? '', text(c.status), text(c.dokumen), text(c.tautan)];
}

/** Grows the grid when the rows do not fit (Sheets refuses writes outside the grid); true if it changed anything. */
function ensureGrid(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number): boolean {
  let changed = false;
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) {
    sheet.insertRowsAfter(maxRows, rows - maxRows);
    changed = true;
  }
  const maxCols = sheet.getMaxColumns();
  if (maxCols < COLS) {
    sheet.insertColumnsAfter(maxCols, COLS - maxCols);
    changed = true;
  }
  return changed;
}

export interface ValueRange {
  range: string;
  majorDimension: 'ROWS';
  values: Cell[][];
}

function writeValues(spreadsheetId: string, data: ValueRange[]): void {
  writeSheetValues(spreadsheetId, data, DASHBOARD_SHEET, 'Data kasus aman; coba "Perbarui sheet Kasus" lagi sebentar lagi.');
}

/**
 * One Sheets REST values:batchUpdate, RAW (text stays text, numbers numbers); failures become the
 * add-on's SHEETS_PERMISSION / SHEETS_ERROR / NETWORK naming `sheetName`, with `retryHint` after.
 */
export function writeSheetValues(spreadsheetId: string, data: ValueRange[], sheetName: string, retryHint: string): void {
  const url = `https://sheets.googleapis.com/v4/spreadsheets/${encodeURIComponent(spreadsheetId)}/values:batchUpdate`;
  let status: number;
  let text: string;
  try {
    const res = UrlFetchApp.fetch(url, {
      method: 'post',
      contentType: 'application/json',
      headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` },
      payload: JSON.stringify({ valueInputOption: 'RAW', data }),
      muteHttpExceptions: true,
    });
    status = res.getResponseCode();
    text = res.getContentText();
  } catch (err) {
    throw apiFailure({ code: 'NETWORK', message: `Google Sheets tidak dapat dihubungi (${err instanceof Error ? err.message : String(err)}). ${retryHint}` });
  }
  if (status >= 200 && status < 300) return;
  let detail = '';
  try {
    detail = String((JSON.parse(text) as { error?: { message?: unknown } }).error?.message ?? '');
  } catch {
    detail = '';
  }
  if (status === 401 || status === 403) {
    const grant = missingGrant();
    if (grant) throw apiFailure(grant);
    throw apiFailure({
      code: 'SHEETS_PERMISSION',
      message:
        `Google Sheets menolak penulisan lembar "${sheetName}" (HTTP ${status}${detail ? `: ${detail}` : ''}). ` +
        'Admin: pastikan Google Sheets API aktif di proyek Google Cloud add-on dan cakupan drive.file tercantum di appsscript.json; pengguna mungkin perlu memberi izin ulang.',
    });
  }
  throw apiFailure({ code: 'SHEETS_ERROR', message: `Penulisan lembar "${sheetName}" gagal (HTTP ${status}${detail ? `: ${detail}` : ''}). ${retryHint}` });
}

/**
 * The rows from `firstRow` on, cut into requests of at most MAX_REQUEST_BYTES of JSON each (a
 * request holds one range of consecutive rows, or several when blanks follow).
 */
export function requestsFor(firstRow: number, rows: Cell[][], blanksTo: number): ValueRange[][] {
  const requests: ValueRange[][] = [];
  const envelope = 200;
  let current: ValueRange[] = [];
  let size = envelope;
  let start = firstRow;
  let chunk: Cell[][] = [];
  const close = () => {
    if (chunk.length) current.push({ range: a1(DASHBOARD_SHEET, start, start + chunk.length - 1), majorDimension: 'ROWS', values: chunk });
    start += chunk.length;
    chunk = [];
  };
  const add = (row: Cell[]) => {
    const bytes = utf8Length(JSON.stringify(row)) + 1;
    if (size + bytes > MAX_REQUEST_BYTES && (chunk.length || current.length)) {
      close();
      requests.push(current);
      current = [];
      size = envelope;
    }
    chunk.push(row);
    size += bytes;
  };
  for (const r of rows) add(r);
  close();
  // Rows the previous sync wrote beyond the list are blanked (in the last request, as a range of their own).
  const blank = () => Array.from({ length: COLS }, () => '') as Cell[];
  for (let r = start; r <= blanksTo; r++) add(blank());
  close();
  if (current.length) requests.push(current);
  return requests;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

/** Header style, frozen row, filter and the due column's date format: each applied only when it is not already there. */
function format(sheet: GoogleAppsScript.Spreadsheet.Sheet, lastRow: number): void {
  const header = sheet.getRange(1, 1, 1, COLS);
  if (header.getFontWeight() !== 'bold') header.setFontWeight('bold');
  if ((header.getBackground() ?? '').toLowerCase() !== HEADER_BACKGROUND) header.setBackground(HEADER_BACKGROUND);
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  if (lastRow >= 2 && (sheet.getRange(2, DUE_COLUMN).getNumberFormat() !== DUE_FORMAT || sheet.getRange(lastRow, DUE_COLUMN).getNumberFormat() !== DUE_FORMAT)) {
    sheet.getRange(2, DUE_COLUMN, lastRow - 1, 1).setNumberFormat(DUE_FORMAT);
  }

  const filter = sheet.getFilter();
  if (!filter) {
    sheet.getRange(1, 1, lastRow, COLS).createFilter();
    return;
  }
  const r = filter.getRange();
  if (r.getRow() === 1 && r.getColumn() === 1 && r.getNumColumns() >= COLS && r.getLastRow() >= lastRow) return;
  // The list grew past the filter's range: recreate it over every row, keeping what users filtered on.
  const criteria: [number, GoogleAppsScript.Spreadsheet.FilterCriteria][] = [];
  for (let col = 1; col <= COLS; col++) {
    const c = filter.getColumnFilterCriteria(col);
    if (c) criteria.push([col, c]);
  }
  filter.remove();
  const fresh = sheet.getRange(1, 1, lastRow, COLS).createFilter();
  for (const [col, c] of criteria) fresh.setColumnFilterCriteria(col, c);
}

/** Every case of the agency, newest first, read page by page (no case is left out). */
function allCases(agency: string): { cases: CaseRow[]; pages: number } {
  const cases: CaseRow[] = [];
  let token: string | null = null;
  let pages = 0;
  do {
    const query: string = `?limit=${SYNC_PAGE}${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`;
    const reply: Partial<CaseListResponse> = callApi<Partial<CaseListResponse>>('GET', agencyPath(agency, 'cases') + query);
    if (Array.isArray(reply.cases)) cases.push(...reply.cases);
    token = typeof reply.nextPageToken === 'string' && reply.nextPageToken ? reply.nextPageToken : null;
    pages++;
  } while (token);
  return { cases, pages };
}

function dashboardSheet(): { ss: GoogleAppsScript.Spreadsheet.Spreadsheet; sheet: GoogleAppsScript.Spreadsheet.Sheet; created: boolean } {
  const ss = SpreadsheetApp.getActive();
  const sheet = ss.getSheetByName(DASHBOARD_SHEET);
  if (sheet) return { ss, sheet, created: false };
  return { ss, sheet: ss.insertSheet(DASHBOARD_SHEET), created: true };
}

/** GET every case of the agency and write them all to the "Kasus" sheet. */
export function syncDashboard(): DashboardSync {
  const agency = currentAgencyId();
  const { cases } = allCases(agency);
  const rows = cases.map(rowValues);

  const { ss, sheet, created } = dashboardSheet();
  const props = PropertiesService.getDocumentProperties();
  const previous = Math.max(0, Number.parseInt(props.getProperty(ROWS_PROPERTY) ?? '0', 10) || 0);
  const lastRow = 1 + Math.max(rows.length, previous);
  const structural = ensureGrid(sheet, lastRow) || created;
  // The REST calls below see only what SpreadsheetApp has committed.
  if (structural) SpreadsheetApp.flush();

  const requests = requestsFor(1, [[...HEADER], ...rows], 1 + previous);
  for (const data of requests) writeValues(ss.getId(), data);
  if (previous !== rows.length) props.setProperty(ROWS_PROPERTY, String(rows.length));

  format(sheet, Math.max(2, 1 + rows.length));
  return { rows: rows.length, mode: 'full', sheetsRequests: requests.length };
}

/**
 * After a step: only that case's row (GET .../cases/{id}/row), found by its number in column A
 * (users may have sorted the sheet), or added below the last row when the case is new. A sheet
 * never synced in full is synced in full instead.
 */
export function syncDashboardRow(caseId: string): DashboardSync {
  const agency = currentAgencyId();
  const ss = SpreadsheetApp.getActive();
  const sheet = ss.getSheetByName(DASHBOARD_SHEET);
  const props = PropertiesService.getDocumentProperties();
  const stored = props.getProperty(ROWS_PROPERTY);
  if (!sheet || stored === null) return syncDashboard();
  const count = Math.max(0, Number.parseInt(stored, 10) || 0);

  const row = callApi<CaseRow>('GET', agencyPath(agency, 'cases', caseId, 'row'));
  const numbers = count > 0 ? sheet.getRange(2, 1, count, 1).getValues() : [];
  const at = numbers.findIndex((r) => String(r[0]) === row.nomor);
  const target = at >= 0 ? 2 + at : 2 + count;
  if (at < 0 && ensureGrid(sheet, target)) SpreadsheetApp.flush();
  writeValues(ss.getId(), [{ range: a1(DASHBOARD_SHEET, target, target), majorDimension: 'ROWS', values: [rowValues(row)] }]);
  if (at < 0) {
    props.setProperty(ROWS_PROPERTY, String(count + 1));
    format(sheet, target);
  }
  return { rows: at < 0 ? count + 1 : count, mode: 'row', sheetsRequests: 1 };
}
