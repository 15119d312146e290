// The one Sheets REST call the add-on makes, spreadsheets.values.batchUpdate, answered by
// UrlFetchApp's fake against the fake spreadsheet. RAW only (a JSON number is stored as a number,
// anything else as text); a sheet inserted but not yet flushed is invisible to it, as in
// production. A request over Google's advised size is refused here, so a test catches it.
export const SHEETS_MAX_REQUEST_BYTES = 2 * 1024 * 1024;
import { cellKey, type FakeSheet, type FakeSpreadsheet } from './spreadsheet.ts';
import type { FetchCall, FetchReply } from './url-fetch.ts';

export const SHEETS_VALUES_BATCH_UPDATE = /^https:\/\/sheets\.googleapis\.com\/v4\/spreadsheets\/[^/]+\/values:batchUpdate$/;

function colNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
}

/** `'Kasus'!A1:H3` -> sheet name and bounds (the only A1 form the add-on writes). */
export function parseA1(range: string): { sheet: string; r1: number; c1: number; r2: number; c2: number } {
  const m = /^'((?:[^']|'')+)'!([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) throw new Error(`Unable to parse range: ${range}`);
  return { sheet: m[1]!.replace(/''/g, "'"), c1: colNumber(m[2]!), r1: Number(m[3]), c2: colNumber(m[4]!), r2: Number(m[5]) };
}

/** The whole batch is checked before any cell is written: Sheets applies all of it or none. */
export function sheetsValuesBatchUpdate(call: FetchCall, spreadsheet: FakeSpreadsheet, oauthToken: string): FetchReply {
  const error = (status: number, message: string): FetchReply => ({ status, body: { error: { code: status, message, status: 'INVALID_ARGUMENT' } } });
  const id = decodeURIComponent(/spreadsheets\/([^/]+)\/values/.exec(call.url)![1]!);
  if (call.method !== 'post') return error(404, 'Not found');
  if (call.headers.Authorization !== `Bearer ${oauthToken}`) return { status: 401, body: { error: { code: 401, message: 'Request had invalid authentication credentials.' } } };
  if (id !== spreadsheet.id) return error(404, 'Requested entity was not found.');
  const body = call.json as { valueInputOption?: string; data?: { range: string; majorDimension?: string; values: unknown[][] }[] } | undefined;
  if (!body || !['RAW', 'USER_ENTERED'].includes(body.valueInputOption ?? '')) return error(400, "Invalid valueInputOption: ''");
  if (body.valueInputOption !== 'RAW') return error(400, 'This fake stores RAW values only.');
  if (Buffer.byteLength(call.payload ?? '', 'utf8') > SHEETS_MAX_REQUEST_BYTES) return error(413, 'Request payload size exceeds the limit.');
  const writes: { sheet: FakeSheet; r: number; c: number; v: string | number }[] = [];
  for (const d of body.data ?? []) {
    const a = parseA1(d.range);
    const sheet = spreadsheet.getSheetByName(a.sheet);
    if (!sheet || spreadsheet.pendingSheets.has(sheet)) return error(400, `Unable to parse range: ${d.range}`);
    if (a.r2 > sheet.maxRows || a.c2 > sheet.maxCols) return error(400, `Range (${d.range}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxCols}`);
    if (d.values.length > a.r2 - a.r1 + 1) return error(400, `Requested writing within range [${d.range}], but tried writing to row [${a.r1 + d.values.length - 1}]`);
    d.values.forEach((row, i) => {
      if (row.length > a.c2 - a.c1 + 1) throw new Error(`row wider than ${d.range}`);
      row.forEach((v, j) => writes.push({ sheet, r: a.r1 + i, c: a.c1 + j, v: v === null || v === undefined ? '' : typeof v === 'number' ? v : String(v) }));
    });
  }
  for (const w of writes) w.sheet.cells.set(cellKey(w.r, w.c), w.v);
  return { status: 200, body: { spreadsheetId: id, totalUpdatedCells: writes.length, responses: (body.data ?? []).map((d) => ({ updatedRange: d.range })) } };
}
