// The Bimtek report as sheet values, without any Apps Script service, so the add-on's server code
// and the local preview (preview/shim.ts) lay it out the same way. Two tables side by side from
// row 1: the figures per province and wave with the totals per wave and overall below them, and
// the totals per province (the chart's data: one category per province, one series per column).
import type { ProgrammeReport, ProgrammeReportFigures } from '../../../functions/src/contract.ts';

export type Cell = string | number;

/** The sheet of a programme's report (Sheets allows 100 characters; programme ids have at most 32). */
export function reportSheetName(programmeId: string): string {
  return `Laporan Bimtek ${programmeId}`;
}

export const NO_WAVE = 'Tanpa gelombang';
export const PROVINCE_HEADER = ['Provinsi', 'Terdaftar', 'Hadir', 'Lulus', 'Sertifikat terbit'] as const;

export interface ReportTables {
  /** Header, a row per province and wave, a blank row, a row per wave's total, the overall total. */
  detail: Cell[][];
  /** Rows of `detail` (0-based) that are totals. */
  totalRows: number[];
  /** Header and a row per province: the chart's range. */
  provinces: Cell[][];
  /** Column (1-based) where the province table starts: after the detail table and one blank column. */
  provincesColumn: number;
  /** How many rows of `detail` are provinces and waves. */
  rows: number;
}

const MODE: Record<string, string> = { luring: 'Luring', daring: 'Daring' };

function figures(f: ProgrammeReportFigures): number[] {
  return [f.capacity, f.registered, f.waiting, f.withdrawn, f.attendedAny, ...f.attendance, f.completed, f.certificates, f.delivered];
}

export function reportTables(r: ProgrammeReport): ReportTables {
  const header: Cell[] = ['Provinsi', 'Gelombang', 'Moda', 'Kuota', 'Terdaftar', 'Menunggu', 'Mengundurkan diri', 'Hadir ≥ 1 sesi', ...r.programme.sessions.map((s) => `Hadir sesi ${s.no}`), 'Lulus', 'Sertifikat terbit', 'Sertifikat terkirim'];
  const detail: Cell[][] = [header];
  for (const row of r.rows) detail.push([row.provinceName, row.wave ?? NO_WAVE, MODE[row.mode] ?? row.mode, ...figures(row)]);
  const rows = r.rows.length;
  detail.push(header.map(() => ''));
  const totalRows: number[] = [];
  for (const w of r.waves) {
    totalRows.push(detail.length);
    detail.push([w.wave === null ? `Jumlah ${NO_WAVE.toLowerCase()}` : `Jumlah gelombang ${w.wave}`, w.wave ?? NO_WAVE, w.mode ? (MODE[w.mode] ?? w.mode) : '', ...figures(w)]);
  }
  totalRows.push(detail.length);
  detail.push(['Jumlah seluruhnya', '', '', ...figures(r.total)]);
  const provinces: Cell[][] = [[...PROVINCE_HEADER], ...r.provinces.map((p) => [p.provinceName, p.registered, p.attendedAny, p.completed, p.certificates])];
  return { detail, totalRows, provinces, provincesColumn: header.length + 2, rows };
}
