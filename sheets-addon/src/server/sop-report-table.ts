// The SOP performance report (GET .../reports/sop/{sop}) as sheet values, without any Apps Script
// service, so the add-on's server code and the local preview (preview/shim.ts) lay it out alike.
// One rectangular block from A1, tables stacked with a blank row between them: the heading, the
// case counts, the steps, the trend by month and the Tabel 7 draft. The columns each chart reads
// come first in their table (a text category, then numbers), so a chart's range is one rectangle.
// Times are in HOURS (wall-clock, as the audit trail measures them): minutes would make numbers in
// the thousands for "1 hari" steps. A standard in working days has no fixed length in hours (it
// depends on weekends and holidays), so its "Standar (jam)" cell stays empty; the "Dalam standar"
// columns measure every step against its real due time.
import type { SopReport } from '../../../functions/src/contract.ts';
import { maxMinutes, parseWaktu } from '../../../functions/src/sop/waktu.ts';

export type Cell = string | number;

/** "Laporan SOP kunjungan_resmi 2026-01-01–2026-06-30": at most 12 + 64 + 1 + 21 = 98 characters (Sheets allows 100). */
export function sopReportSheetName(sopId: string, from: string, to: string): string {
  return `Laporan SOP ${sopId} ${from}–${to}`;
}

export const STEP_HEADER = ['Langkah', 'Median (jam)', 'P90 (jam)', 'Standar (jam)', 'Kegiatan', 'Mutu baku', 'Selesai', 'Diukur', 'Dalam standar', 'Dalam standar (%)', 'Terlama (jam)', 'Lewat tenggat (jam)'] as const;
export const TREND_HEADER = ['Bulan', 'Dibuka', 'Selesai', 'Dalam standar (%)', 'Langkah selesai', 'Diukur', 'Dalam standar'] as const;
export const TABEL7_HEADER = ['No', 'Prosedur', 'Penilaian', 'Catatan hasil penilaian', 'Tindakan yang harus diambil', 'Paraf penilai'] as const;
export const WIDTH = STEP_HEADER.length;
/** How many columns each chart reads from the left of its table (category + series). */
export const CHART_COLUMNS = 4;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

export interface SopReportTables {
  /** Every row padded to WIDTH, written as one range from A1. */
  values: Cell[][];
  /** Rows (0-based) in bold: the title and each table's header. */
  headerRows: number[];
  /** The steps table: header row (0-based) and its step rows. */
  steps: { header: number; rows: number };
  trend: { header: number; rows: number };
  /** How many step rows (the add-on's answer). */
  rows: number;
}

const hours = (minutes: number | null): Cell => (minutes === null ? '' : Math.round((minutes / 60) * 100) / 100);
const percent = (share: number | null): Cell => (share === null ? '' : Math.round(share * 1000) / 10);

/** The standard in hours when it is a fixed length per case (minutes or hours); '' otherwise. */
export function standardHours(standard: string): Cell {
  const w = parseWaktu(standard);
  if (w.basis !== 'case') return '';
  const m = maxMinutes(w);
  return m === undefined ? '' : hours(m);
}

/** "2026-03" -> "Mar 2026" (text, so Sheets keeps it a category and never reads it as a date). */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : month;
}

export function sopReportTables(r: SopReport): SopReportTables {
  const rows: Cell[][] = [];
  const headerRows: number[] = [];
  const push = (...cells: Cell[]) => rows.push(cells);
  const header = (cells: readonly Cell[]) => {
    headerRows.push(rows.length);
    rows.push([...cells]);
  };
  header(['Laporan kinerja SOP', r.sopTitle]);
  push('Periode', r.period.label);
  push('Dihitung', r.generatedLocal);
  push();
  header(['Kasus', 'Jumlah']);
  push('Dibuka dalam periode', r.cases.opened);
  push('Selesai dalam periode', r.cases.closed);
  push('Dibatalkan dalam periode', r.cases.cancelled);
  push('Masih berjalan di akhir periode', r.cases.openAtEnd);
  push('Berjalan sekarang', r.cases.openNow);
  push('Terlambat sekarang', r.cases.overdueNow);
  push();
  const stepsHeader = rows.length;
  header(STEP_HEADER);
  for (const s of r.steps) {
    push(`Langkah ${s.step}`, hours(s.medianMinutes), hours(s.p90Minutes), standardHours(s.standard), s.activity, s.standard, s.count, s.measured, s.within, percent(s.shareWithin), hours(s.maxMinutes), hours(s.lateMinutes));
  }
  push();
  const trendHeader = rows.length;
  header(TREND_HEADER);
  for (const t of r.trend) push(monthLabel(t.month), t.opened, t.closed, percent(t.shareWithin), t.completions, t.measured, t.within);
  push();
  header(TABEL7_HEADER);
  for (const t of r.tabel7.rows) push(t.no, t.prosedur, t.penilaian, t.catatan, t.tindakan, t.paraf);
  return {
    values: rows.map((row) => [...row, ...Array.from({ length: WIDTH - row.length }, () => '')]),
    headerRows,
    steps: { header: stepsHeader, rows: r.steps.length },
    trend: { header: trendHeader, rows: r.trend.length },
    rows: r.steps.length,
  };
}
