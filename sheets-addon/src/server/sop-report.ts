/// <reference types="google-apps-script" />
// The SOP performance report sheet ("Laporan SOP <sop> <from>–<to>"): GET .../reports/sop/{sop}
// written as values through the Sheets REST API in ONE values:batchUpdate (RAW, like the "Kasus"
// sheet: activities and catatan stay text, figures are numbers), laid out by sop-report-table.ts,
// with TWO charts: a column chart of each step's median and 90th percentile against its standard
// (hours), and a combo chart of the trend by month (cases opened and closed as columns, the share
// within standard as a line on its own 0-100 axis). The sheet is the add-on's: a second write clears
// its values and writes them again, and updates the two charts already there (found by their
// titles, keeping where the user moved them) instead of adding more; any other chart is removed.
// Size: an SOP has at most 39 steps (MAX_TABEL7_ROWS) and a report at most 25 months, a few KB.
import type { SopReport } from '../../../functions/src/contract.ts';
import type { SopReportSheet } from '../contract.ts';
import { agencyPath, callApi, currentAgencyId } from './api.ts';
import { HEADER_BACKGROUND, writeSheetValues } from './dashboard.ts';
import { CHART_COLUMNS, sopReportSheetName, sopReportTables, WIDTH, type Cell } from './sop-report-table.ts';

export const STEP_CHART_TITLE = 'Waktu per langkah (jam): median dan P90 terhadap standar';
export const TREND_CHART_TITLE = 'Tren bulanan: kasus dibuka, selesai, dan % dalam standar';
/** The charts sit right of the tables, one above the other. */
export const CHART_COLUMN = WIDTH + 2;
export const TREND_CHART_ROW = 22;

function column(n: number): string {
  let out = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) out = String.fromCharCode(65 + ((x - 1) % 26)) + out;
  return out;
}

function a1(sheet: string, values: Cell[][]): string {
  return `'${sheet.replace(/'/g, "''")}'!A1:${column(values[0]!.length)}${values.length}`;
}

function ensureGrid(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, cols: number): void {
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < cols) sheet.insertColumnsAfter(sheet.getMaxColumns(), cols - sheet.getMaxColumns());
}

type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
interface ChartSpec {
  title: string;
  range: GoogleAppsScript.Spreadsheet.Range;
  row: number;
  shape: (b: Builder) => Builder;
}

/** Each spec's chart: the one with its title updated, else a leftover reused, else a new one; the rest removed. */
function placeCharts(sheet: GoogleAppsScript.Spreadsheet.Sheet, specs: ChartSpec[]): void {
  const titleOf = (c: GoogleAppsScript.Spreadsheet.EmbeddedChart) => String(c.getOptions().get('title') ?? '');
  const pool = sheet.getCharts();
  const chosen = specs.map((s) => {
    const i = pool.findIndex((c) => titleOf(c) === s.title);
    return i < 0 ? null : pool.splice(i, 1)[0]!;
  });
  specs.forEach((s, k) => {
    const existing = chosen[k] ?? pool.shift() ?? null;
    // The first row names the series; the first column holds the categories (steps, months).
    const builder = s.shape((existing ? existing.modify() : sheet.newChart()).clearRanges().addRange(s.range).setNumHeaders(1)).setOption('title', s.title);
    if (existing) sheet.updateChart(builder.build());
    else sheet.insertChart(builder.setPosition(s.row, CHART_COLUMN, 0, 0).build());
  });
  for (const c of pool) sheet.removeChart(c);
}

export function writeSopReport(sopId: string, from: string, to: string): SopReportSheet {
  const report = callApi<SopReport>('GET', `${agencyPath(currentAgencyId(), 'reports', 'sop', sopId)}?from=${from}&to=${to}`);
  const t = sopReportTables(report);
  const name = sopReportSheetName(sopId, from, to);
  const ss = SpreadsheetApp.getActive();
  const found = ss.getSheetByName(name);
  const sheet = found ?? ss.insertSheet(name);

  ensureGrid(sheet, Math.max(t.values.length, TREND_CHART_ROW + 20), CHART_COLUMN + 6);
  if (found) {
    // The previous write's headers were bold where this write may put figures.
    const last = sheet.getLastRow();
    if (last > 0) sheet.getRange(1, 1, last, Math.max(WIDTH, sheet.getLastColumn())).setFontWeight('normal').setBackground(null);
    sheet.clearContents();
  }
  // The REST call below sees only what SpreadsheetApp has committed (a new sheet, a grown grid, the clearing).
  SpreadsheetApp.flush();
  writeSheetValues(ss.getId(), [{ range: a1(name, t.values), majorDimension: 'ROWS', values: t.values }], name, 'Data kasus aman; coba tulis laporan lagi sebentar lagi.');

  for (const r of t.headerRows) sheet.getRange(r + 1, 1, 1, r === 0 ? 2 : WIDTH).setFontWeight('bold');
  for (const r of t.headerRows.slice(1)) sheet.getRange(r + 1, 1, 1, WIDTH).setBackground(HEADER_BACKGROUND);

  placeCharts(sheet, [
    {
      title: STEP_CHART_TITLE,
      range: sheet.getRange(t.steps.header + 1, 1, t.steps.rows + 1, CHART_COLUMNS),
      row: 1,
      shape: (b) => b.asColumnChart().setXAxisTitle('Langkah').setYAxisTitle('Jam') as unknown as Builder,
    },
    {
      title: TREND_CHART_TITLE,
      range: sheet.getRange(t.trend.header + 1, 1, t.trend.rows + 1, CHART_COLUMNS),
      row: TREND_CHART_ROW,
      // Counts as columns on the left axis, the share (0-100) as a line on the right one.
      shape: (b) =>
        b
          .asComboChart()
          .setOption('seriesType', 'bars')
          .setOption('series', { 2: { type: 'line', targetAxisIndex: 1 } })
          .setOption('vAxes', { 0: { title: 'Kasus' }, 1: { title: '% dalam standar', viewWindow: { min: 0, max: 100 } } })
          .setOption('hAxis', { title: 'Bulan' }) as unknown as Builder,
    },
  ]);
  return { sheetName: name, rows: t.rows };
}
