/// <reference types="google-apps-script" />
// The Bimtek report sheet ("Laporan Bimtek <programme>"): GET .../programmes/{p}/report written as
// values through the Sheets REST API (values:batchUpdate, RAW, like the "Kasus" sheet: names stay
// text, figures are numbers), laid out by report-table.ts, with ONE column chart of registered,
// attended, completed and certified participants per province. The sheet is the add-on's: a
// second write clears its values and writes them again, and updates the chart already there
// (keeping where the user moved it) instead of adding another. Size: at most 40 provinces x 20
// waves (programmeSchema) and 50 sessions make well under 1 MB of JSON, so one request always
// fits Google's advice of about 2 MB per request.
import type { ProgrammeReport } from '../../../functions/src/contract.ts';
import type { ProgrammeReportSheet } from '../contract.ts';
import { agencyPath, callApi, currentAgencyId } from './api.ts';
import { HEADER_BACKGROUND, writeSheetValues, type Cell } from './dashboard.ts';
import { PROVINCE_HEADER, reportSheetName, reportTables } from './report-table.ts';

export const CHART_TITLE = 'Peserta per provinsi';

function column(n: number): string {
  let out = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) out = String.fromCharCode(65 + ((x - 1) % 26)) + out;
  return out;
}

function a1(sheet: string, row: number, col: number, values: Cell[][]): string {
  return `'${sheet.replace(/'/g, "''")}'!${column(col)}${row}:${column(col + values[0]!.length - 1)}${row + values.length - 1}`;
}

/** Grows the grid when the tables or the chart's anchor do not fit (Sheets refuses writes outside it); true if it changed anything. */
function ensureGrid(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, cols: number): boolean {
  let changed = false;
  if (sheet.getMaxRows() < rows) {
    sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
    changed = true;
  }
  if (sheet.getMaxColumns() < cols) {
    sheet.insertColumnsAfter(sheet.getMaxColumns(), cols - sheet.getMaxColumns());
    changed = true;
  }
  return changed;
}

/** The one chart of the sheet over `range`: the one there updated (extra ones removed), or a new one. */
function placeChart(sheet: GoogleAppsScript.Spreadsheet.Sheet, range: GoogleAppsScript.Spreadsheet.Range, anchorColumn: number, title: string): void {
  const [existing, ...extra] = sheet.getCharts();
  const builder = (existing ? existing.modify() : sheet.newChart())
    .asColumnChart()
    .setTitle(title)
    .setXAxisTitle('Provinsi')
    .setYAxisTitle('Jumlah peserta')
    .clearRanges()
    .addRange(range)
    // The first row names the series (Terdaftar, Hadir, ...); the first column the provinces.
    .setNumHeaders(1);
  if (existing) {
    sheet.updateChart(builder.build());
  } else {
    sheet.insertChart(builder.setPosition(1, anchorColumn, 0, 0).build());
  }
  for (const c of extra) sheet.removeChart(c);
}

export function writeProgrammeReport(programmeId: string): ProgrammeReportSheet {
  const report = callApi<ProgrammeReport>('GET', agencyPath(currentAgencyId(), 'programmes', programmeId, 'report'));
  const t = reportTables(report);
  const name = reportSheetName(programmeId);
  const ss = SpreadsheetApp.getActive();
  const found = ss.getSheetByName(name);
  const sheet = found ?? ss.insertSheet(name);

  const width = t.detail[0]!.length;
  const chartColumn = t.provincesColumn + PROVINCE_HEADER.length + 1;
  ensureGrid(sheet, Math.max(t.detail.length, t.provinces.length), chartColumn);
  if (found) {
    // The previous write's totals were bold where this write may put provinces.
    const last = sheet.getLastRow();
    if (last > 1) sheet.getRange(2, 1, last - 1, Math.max(width, sheet.getLastColumn())).setFontWeight('normal');
    sheet.clearContents();
  }
  // The REST call below sees only what SpreadsheetApp has committed (a new sheet, a grown grid, the clearing).
  SpreadsheetApp.flush();
  writeSheetValues(
    ss.getId(),
    [
      { range: a1(name, 1, 1, t.detail), majorDimension: 'ROWS', values: t.detail },
      { range: a1(name, 1, t.provincesColumn, t.provinces), majorDimension: 'ROWS', values: t.provinces },
    ],
    name,
    'Data program aman; coba tulis laporan lagi sebentar lagi.',
  );

  for (const [col, cols] of [
    [1, width],
    [t.provincesColumn, PROVINCE_HEADER.length],
  ] as const) {
    sheet.getRange(1, col, 1, cols).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  }
  for (const r of t.totalRows) sheet.getRange(r + 1, 1, 1, width).setFontWeight('bold');
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);

  placeChart(sheet, sheet.getRange(1, t.provincesColumn, t.provinces.length, PROVINCE_HEADER.length), chartColumn, `${CHART_TITLE}: ${report.programme.name}`);
  return { sheetName: name, rows: t.rows };
}
