// The Bimtek report sheet the add-on writes (test/support/gas-fakes/): the route's figures as ONE
// RAW values:batchUpdate of two tables (per province and wave with totals; per province), headers
// in Indonesian, figures as numbers, and one column chart over the province table. A second write
// with fewer rows clears what the first left, updates that chart in place (where the user moved
// it) and removes any extra chart; bad ids, API and Sheets failures are reported.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgrammeReport, ProgrammeReportFigures } from '../../functions/src/contract.ts';
import * as server from '../../sheets-addon/src/server/main.ts';
import { A, errorOf, installFakes } from '../support/addon-server.ts';
import type { GasFakes } from '../support/gas-fakes/index.ts';

let fakes: GasFakes;
let uninstall: () => void;

beforeEach(() => {
  ({ fakes, uninstall } = installFakes());
  fakes.documentProperties.data.set('AGENCY_ID', 'balangan');
});
afterEach(() => uninstall());

const SHEET = 'Laporan Bimtek spptikdemo';
const URL = `${A}/programmes/spptikdemo/report`;
const f = (o: Partial<ProgrammeReportFigures>): ProgrammeReportFigures => ({ capacity: 0, registered: 0, waiting: 0, withdrawn: 0, attendedAny: 0, attendance: [0, 0], completed: 0, certificates: 0, delivered: 0, ...o });

function reportOf(withKalsel: boolean): ProgrammeReport {
  const b1 = f({ capacity: 40, registered: 10, attendedAny: 9, attendance: [9, 7], completed: 7, certificates: 6, delivered: 4 });
  const b2 = f({ capacity: 30, registered: 3 });
  const bOut = f({ waiting: 2, withdrawn: 1 });
  const k1 = f({ capacity: 40, registered: 4, attendedAny: 4, attendance: [4, 4], completed: 4, certificates: 4 });
  const babel = { province: 'babel', provinceName: 'Kepulauan Bangka Belitung' };
  const kalsel = { province: 'kalsel', provinceName: 'Kalimantan Selatan' };
  return {
    programme: { id: 'spptikdemo', name: 'Bimtek SPP-TIK (contoh lokal)', year: 2024, owner: withKalsel, sessions: [{ no: 1, title: 'Pengelolaan', jp: 6 }, { no: 2, title: 'TIK', jp: 8 }], completion: { kind: 'jp', minPercent: 80 } },
    rows: [{ ...babel, wave: 1, mode: 'luring', ...b1 }, { ...babel, wave: 2, mode: 'luring', ...b2 }, { ...babel, wave: null, mode: 'luring', ...bOut }, ...(withKalsel ? [{ ...kalsel, wave: 1, mode: 'luring' as const, ...k1 }] : [])],
    waves: [
      { wave: 1, mode: 'luring', ...(withKalsel ? f({ capacity: 80, registered: 14, attendedAny: 13, attendance: [13, 11], completed: 11, certificates: 10, delivered: 4 }) : b1) },
      { wave: 2, mode: 'luring', ...b2 },
      { wave: null, mode: null, ...bOut },
    ],
    provinces: [{ ...babel, ...f({ capacity: 70, registered: 13, waiting: 2, withdrawn: 1, attendedAny: 9, attendance: [9, 7], completed: 7, certificates: 6, delivered: 4 }) }, ...(withKalsel ? [{ ...kalsel, ...k1 }] : [])],
    total: withKalsel ? f({ capacity: 110, registered: 17, waiting: 2, withdrawn: 1, attendedAny: 13, attendance: [13, 11], completed: 11, certificates: 10, delivered: 4 }) : f({ capacity: 70, registered: 13, waiting: 2, withdrawn: 1, attendedAny: 9, attendance: [9, 7], completed: 7, certificates: 6, delivered: 4 }),
    generatedAt: '2024-06-30T00:00:00.000Z',
  };
}

const HEADER = ['Provinsi', 'Gelombang', 'Moda', 'Kuota', 'Terdaftar', 'Menunggu', 'Mengundurkan diri', 'Hadir ≥ 1 sesi', 'Hadir sesi 1', 'Hadir sesi 2', 'Lulus', 'Sertifikat terbit', 'Sertifikat terkirim'];
const BLANK = HEADER.map(() => '');
const DETAIL = [
  HEADER,
  ['Kepulauan Bangka Belitung', 1, 'Luring', 40, 10, 0, 0, 9, 9, 7, 7, 6, 4],
  ['Kepulauan Bangka Belitung', 2, 'Luring', 30, 3, 0, 0, 0, 0, 0, 0, 0, 0],
  ['Kepulauan Bangka Belitung', 'Tanpa gelombang', 'Luring', 0, 0, 2, 1, 0, 0, 0, 0, 0, 0],
  ['Kalimantan Selatan', 1, 'Luring', 40, 4, 0, 0, 4, 4, 4, 4, 4, 0],
  BLANK,
  ['Jumlah gelombang 1', 1, 'Luring', 80, 14, 0, 0, 13, 13, 11, 11, 10, 4],
  ['Jumlah gelombang 2', 2, 'Luring', 30, 3, 0, 0, 0, 0, 0, 0, 0, 0],
  ['Jumlah tanpa gelombang', 'Tanpa gelombang', '', 0, 0, 2, 1, 0, 0, 0, 0, 0, 0],
  ['Jumlah seluruhnya', '', '', 110, 17, 2, 1, 13, 13, 11, 11, 10, 4],
];
const PROVINCES = [
  ['Provinsi', 'Terdaftar', 'Hadir', 'Lulus', 'Sertifikat terbit'],
  ['Kepulauan Bangka Belitung', 13, 9, 7, 6],
  ['Kalimantan Selatan', 4, 4, 4, 4],
];

describe('writeProgrammeReport', () => {
  it('writes both tables with ONE RAW request, figures as numbers, and one column chart over the province table', () => {
    fakes.on({ method: 'get', url: URL }, { status: 200, body: reportOf(true) });
    expect(server.writeProgrammeReport('spptikdemo')).toEqual({ sheetName: SHEET, rows: 4 });

    const writes = fakes.sheetsWrites();
    expect(writes).toHaveLength(1);
    expect(writes[0]!.json).toEqual({
      valueInputOption: 'RAW',
      data: [
        { range: `'${SHEET}'!A1:M10`, majorDimension: 'ROWS', values: DETAIL },
        { range: `'${SHEET}'!O1:S3`, majorDimension: 'ROWS', values: PROVINCES },
      ],
    });
    // The new sheet was flushed before the REST call could see it.
    expect(fakes.flushes).toEqual([1]);
    const sheet = fakes.sheet(SHEET);
    expect(sheet.getRange(1, 1, 10, 13).getValues()).toEqual(DETAIL);
    expect(sheet.getRange(1, 15, 3, 5).getValues()).toEqual(PROVINCES);
    expect(typeof sheet.getRange(2, 5).getValues()[0]![0]).toBe('number');
    expect(sheet.getRange(1, 1, 1, 13).getFontWeight()).toBe('bold');
    expect(sheet.getRange(1, 15).getBackground()).toBe('#d9e2f3');
    expect(sheet.getRange(10, 4).getFontWeight()).toBe('bold');
    expect(sheet.getRange(5, 4).getFontWeight()).toBe('normal');
    expect(sheet.getFrozenRows()).toBe(1);

    expect(sheet.getCharts()).toHaveLength(1);
    expect(sheet.getCharts()[0]!.describe()).toEqual({
      type: 'COLUMN',
      ranges: [`${SHEET}!O1:S3`],
      numHeaders: 1,
      options: { title: 'Peserta per provinsi: Bimtek SPP-TIK (contoh lokal)', 'hAxis.title': 'Provinsi', 'vAxis.title': 'Jumlah peserta' },
      position: { row: 1, col: 21, offsetX: 0, offsetY: 0 },
    });
  });

  it('a second write replaces the values and keeps ONE chart, where the user moved it', () => {
    fakes.on({ method: 'get', url: URL }, { status: 200, body: reportOf(true) });
    server.writeProgrammeReport('spptikdemo');
    const sheet = fakes.sheet(SHEET);
    // The user drags the chart elsewhere, and copies it (a second chart on the sheet).
    const [chart] = sheet.getCharts();
    sheet.updateChart(chart!.modify().setPosition(12, 2, 5, 5).build());
    sheet.insertChart(chart!.modify().build());
    expect(sheet.getCharts()).toHaveLength(2);

    // Now the API answers with one province fewer (fewer rows than before).
    fakes.on({ method: 'get', url: URL }, { status: 200, body: reportOf(false) });
    const flushesBefore = fakes.flushes.length;
    expect(server.writeProgrammeReport('spptikdemo')).toEqual({ sheetName: SHEET, rows: 3 });
    // The clearing was flushed after the third fetch (the API) and before the fourth (the values).
    expect(fakes.flushes.slice(flushesBefore)).toEqual([3]);
    expect(fakes.sheetsWrites()).toHaveLength(2);
    expect(sheet.values()).toEqual([
      [...HEADER, '', 'Provinsi', 'Terdaftar', 'Hadir', 'Lulus', 'Sertifikat terbit'],
      ['Kepulauan Bangka Belitung', 1, 'Luring', 40, 10, 0, 0, 9, 9, 7, 7, 6, 4, '', 'Kepulauan Bangka Belitung', 13, 9, 7, 6],
      ['Kepulauan Bangka Belitung', 2, 'Luring', 30, 3, 0, 0, 0, 0, 0, 0, 0, 0, '', '', '', '', '', ''],
      ['Kepulauan Bangka Belitung', 'Tanpa gelombang', 'Luring', 0, 0, 2, 1, 0, 0, 0, 0, 0, 0, '', '', '', '', '', ''],
      [...BLANK, '', '', '', '', '', ''],
      ['Jumlah gelombang 1', 1, 'Luring', 40, 10, 0, 0, 9, 9, 7, 7, 6, 4, '', '', '', '', '', ''],
      ['Jumlah gelombang 2', 2, 'Luring', 30, 3, 0, 0, 0, 0, 0, 0, 0, 0, '', '', '', '', '', ''],
      ['Jumlah tanpa gelombang', 'Tanpa gelombang', '', 0, 0, 2, 1, 0, 0, 0, 0, 0, 0, '', '', '', '', '', ''],
      ['Jumlah seluruhnya', '', '', 70, 13, 2, 1, 9, 9, 7, 7, 6, 4, '', '', '', '', '', ''],
    ]);
    // Row 10 held the old grand total in bold; it is empty and plain now, the new total bold.
    expect(sheet.getRange(10, 1).getFontWeight()).toBe('normal');
    expect(sheet.getRange(9, 1).getFontWeight()).toBe('bold');
    expect(sheet.getRange(2, 1).getFontWeight()).toBe('normal');

    const charts = sheet.getCharts();
    expect(charts).toHaveLength(1);
    expect(charts[0]!.getChartId()).toBe(chart!.getChartId());
    expect(charts[0]!.describe()).toMatchObject({ type: 'COLUMN', ranges: [`${SHEET}!O1:S2`], numHeaders: 1, position: { row: 12, col: 2, offsetX: 5, offsetY: 5 } });
    expect(fakes.mutations.filter((m) => m.includes('Chart'))).toEqual([
      `Sheet(${SHEET}).insertChart(COLUMN)`,
      `Sheet(${SHEET}).updateChart(${chart!.getChartId()})`,
      `Sheet(${SHEET}).insertChart(COLUMN)`,
      `Sheet(${SHEET}).updateChart(${chart!.getChartId()})`,
      expect.stringMatching(new RegExp(`^Sheet\\(${SHEET}\\)\\.removeChart\\(\\d+\\)$`)),
    ]);
  });

  it('refuses a malformed programme id before calling anything', () => {
    const e = errorOf(() => server.writeProgrammeReport('../cases'));
    expect(e).toMatchObject({ code: 'INVALID_INPUT', path: 'programmeId' });
    expect(fakes.fetches).toHaveLength(0);
    expect(fakes.spreadsheet.getSheetByName(SHEET)).toBeNull();
  });

  it("passes the API's error on and writes nothing", () => {
    fakes.on({ method: 'get', url: URL }, { status: 404, body: { error: { code: 'NOT_FOUND', message: 'Program spptikdemo tidak ditemukan.' } } });
    expect(errorOf(() => server.writeProgrammeReport('spptikdemo'))).toEqual({ code: 'NOT_FOUND', message: 'Program spptikdemo tidak ditemukan.' });
    expect(fakes.sheetsWrites()).toHaveLength(0);
    expect(fakes.spreadsheet.getSheetByName(SHEET)).toBeNull();
  });

  it('names the report sheet when Sheets refuses the write', () => {
    fakes.on({ method: 'get', url: URL }, { status: 200, body: reportOf(true) });
    fakes.on({ url: /sheets\.googleapis\.com/ }, { status: 503, body: { error: { code: 503, message: 'The service is currently unavailable.' } } });
    const e = errorOf(() => server.writeProgrammeReport('spptikdemo'));
    expect(e.code).toBe('SHEETS_ERROR');
    expect(e.message).toContain(`"${SHEET}"`);
    expect(e.message).toContain('coba tulis laporan lagi');
    expect(fakes.sheet(SHEET).getCharts()).toHaveLength(0);
  });
});
