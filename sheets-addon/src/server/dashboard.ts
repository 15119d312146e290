/// <reference types="google-apps-script" />
// The "Kasus" sheet: one row per case, written with ONE Sheets values:batchUpdate per sync
// (valueInputOption RAW, so partner text such as "=HYPERLINK(...)", "+62...", "-" or "@x" stays
// text and is never run as a formula). Formatting, the frozen header and the filter are applied
// through SpreadsheetApp only when missing, so a second identical sync changes nothing.
import type { CaseListResponse, CaseRow } from '../../../functions/src/contract.ts';
import { agencyPath, apiFailure, callApi, currentAgencyId } from './api.ts';

export const DASHBOARD_SHEET = 'Kasus';
export const HEADER = ['Nomor', 'SOP', 'Mitra', 'Langkah', 'Pelaksana', 'Jatuh tempo', 'Status', 'Tautan dokumen'] as const;
/** API row fields, in column order. */
const FIELDS = ['nomor', 'sop', 'mitra', 'langkah', 'pelaksana', 'jatuhTempo', 'status', 'dokumen'] as const satisfies readonly (keyof CaseRow)[];
export const HEADER_BACKGROUND = '#d9e2f3';
/** Document property: how many case rows the previous sync wrote (to blank the leftovers). */
export const ROWS_PROPERTY = 'DASHBOARD_ROWS';

const COLS = HEADER.length;
const LAST_COL = String.fromCharCode('A'.charCodeAt(0) + COLS - 1);

function cell(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

function a1(sheet: string, fromRow: number, toRow: number): string {
  return `'${sheet.replace(/'/g, "''")}'!A${fromRow}:${LAST_COL}${toRow}`;
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

function writeValues(spreadsheetId: string, data: { range: string; majorDimension: 'ROWS'; values: string[][] }[]): void {
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
    throw apiFailure({ code: 'NETWORK', message: `Google Sheets tidak dapat dihubungi (${err instanceof Error ? err.message : String(err)}). Coba lagi sebentar lagi.` });
  }
  if (status >= 200 && status < 300) return;
  let detail = '';
  try {
    detail = String((JSON.parse(text) as { error?: { message?: unknown } }).error?.message ?? '');
  } catch {
    detail = '';
  }
  if (status === 401 || status === 403) {
    throw apiFailure({
      code: 'SHEETS_PERMISSION',
      message:
        `Google Sheets menolak penulisan lembar "${DASHBOARD_SHEET}" (HTTP ${status}${detail ? `: ${detail}` : ''}). ` +
        'Admin: pastikan Google Sheets API aktif di proyek Google Cloud add-on dan cakupan drive.file tercantum di appsscript.json; pengguna mungkin perlu memberi izin ulang.',
    });
  }
  throw apiFailure({ code: 'SHEETS_ERROR', message: `Penulisan lembar "${DASHBOARD_SHEET}" gagal (HTTP ${status}${detail ? `: ${detail}` : ''}). Coba lagi sebentar lagi.` });
}

/** Header style, frozen row and filter: each applied only when it is not already there. */
function format(sheet: GoogleAppsScript.Spreadsheet.Sheet, lastRow: number): void {
  const header = sheet.getRange(1, 1, 1, COLS);
  if (header.getFontWeight() !== 'bold') header.setFontWeight('bold');
  if ((header.getBackground() ?? '').toLowerCase() !== HEADER_BACKGROUND) header.setBackground(HEADER_BACKGROUND);
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);

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

/** GET the agency's cases and write them to the "Kasus" sheet; returns how many cases it holds. */
export function syncDashboard(): { rows: number } {
  const agency = currentAgencyId();
  const reply = callApi<Partial<CaseListResponse>>('GET', agencyPath(agency, 'cases'));
  const cases: CaseRow[] = Array.isArray(reply.cases) ? reply.cases : [];
  const rows = cases.map((c) => FIELDS.map((f) => cell(c[f])));

  const ss = SpreadsheetApp.getActive();
  let sheet = ss.getSheetByName(DASHBOARD_SHEET);
  let structural = false;
  if (!sheet) {
    sheet = ss.insertSheet(DASHBOARD_SHEET);
    structural = true;
  }
  const props = PropertiesService.getDocumentProperties();
  const previous = Math.max(0, Number.parseInt(props.getProperty(ROWS_PROPERTY) ?? '0', 10) || 0);
  const lastRow = 1 + Math.max(rows.length, previous);
  structural = ensureGrid(sheet, lastRow) || structural;
  // The REST call below sees only what SpreadsheetApp has committed.
  if (structural) SpreadsheetApp.flush();

  const data = [{ range: a1(DASHBOARD_SHEET, 1, 1 + rows.length), majorDimension: 'ROWS' as const, values: [[...HEADER], ...rows] }];
  if (previous > rows.length) {
    const blanks = Array.from({ length: previous - rows.length }, () => Array.from({ length: COLS }, () => ''));
    data.push({ range: a1(DASHBOARD_SHEET, 2 + rows.length, 1 + previous), majorDimension: 'ROWS', values: blanks });
  }
  writeValues(ss.getId(), data);
  if (previous !== rows.length) props.setProperty(ROWS_PROPERTY, String(rows.length));

  format(sheet, Math.max(2, 1 + rows.length));
  return { rows: rows.length };
}
