// The SOP performance report sheet the add-on writes (test/support/gas-fakes/): the route's figures
// as ONE RAW values:batchUpdate of one block (heading, cases, steps, trend by month, Tabel 7),
// times in hours and figures as numbers, and two charts: a column chart of the steps' median and
// P90 against the standard, a combo chart of the trend with the share on its own axis. A second
// write with fewer steps and months clears what the first left, updates both charts in place
// (where the user moved them) and removes any extra chart; bad input is refused before anything is
// called; the other report calls send the right requests.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SopReport, StepFigures } from '../../functions/src/contract.ts';
import * as server from '../../sheets-addon/src/server/main.ts';
import { STEP_CHART_TITLE, TREND_CHART_TITLE } from '../../sheets-addon/src/server/sop-report.ts';
import { A, errorOf, installFakes } from '../support/addon-server.ts';
import type { GasFakes } from '../support/gas-fakes/index.ts';

let fakes: GasFakes;
let uninstall: () => void;

beforeEach(() => {
  ({ fakes, uninstall } = installFakes());
  fakes.documentProperties.data.set('AGENCY_ID', 'balangan');
});
afterEach(() => uninstall());

const FROM = '2026-01-01';
const TO = '2026-06-30';
const SHEET = `Laporan SOP kunjungan_resmi ${FROM}–${TO}`;
const URL = `${A}/reports/sop/kunjungan_resmi?from=${FROM}&to=${TO}`;

const step = (o: Partial<StepFigures> & Pick<StepFigures, 'step' | 'activity' | 'standard'>): StepFigures => ({ count: 0, measured: 0, within: 0, shareWithin: null, medianMinutes: null, p90Minutes: null, maxMinutes: null, lateMinutes: 0, worst: [], ...o });

function reportOf(full: boolean): SopReport {
  const steps = [
    step({ step: 1, activity: 'Menerima surat permohonan', standard: '30 menit', count: 4, measured: 4, within: 3, shareWithin: 0.75, medianMinutes: 25, p90Minutes: 45, maxMinutes: 45, lateMinutes: 15 }),
    step({ step: 2, activity: 'Mendisposisikan surat', standard: '1 hari kerja', count: 4, measured: 4, within: 4, shareWithin: 1, medianMinutes: 600, p90Minutes: 1290, maxMinutes: 1290 }),
    ...(full ? [step({ step: 3, activity: 'Menjawab "=SUM(A1)" +62', standard: '120–180 menit', count: 0 })] : []),
  ];
  return {
    agencyId: 'balangan',
    sopId: 'kunjungan_resmi',
    sopTitle: 'Kunjungan Resmi',
    period: { from: FROM, to: TO, label: '1 Januari 2026 s.d. 30 Juni 2026' },
    timeZone: 'Asia/Makassar',
    generatedAt: '2026-07-01T01:00:00.000Z',
    generatedLocal: 'Rabu, 1 Juli 2026 09.00 WITA',
    cases: { opened: 5, closed: 4, cancelled: 1, openAtEnd: 0, openNow: 2, overdueNow: 1 },
    steps,
    bottlenecks: [{ step: 1, activity: 'Menerima surat permohonan', lateMinutes: 15, shareWithin: 0.75 }],
    decisions: [],
    overdueNow: [],
    trend: [
      { month: '2026-01', opened: 3, closed: 2, completions: 6, measured: 6, within: 5, shareWithin: 5 / 6 },
      ...(full ? [{ month: '2026-02', opened: 2, closed: 2, completions: 2, measured: 0, within: 0, shareWithin: null }] : []),
    ],
    tabel7: {
      threshold: 0.8,
      rows: [
        { no: 1, prosedur: 'SOP Kunjungan Resmi', penilaian: 'Berjalan dengan baik', catatan: '7 dari 8 dalam standar.', tindakan: '', paraf: '' },
        { no: 2, prosedur: 'Menerima surat permohonan', penilaian: 'Tidak berjalan dengan baik', catatan: '3 dari 4 dalam standar.', tindakan: '', paraf: '' },
      ],
    },
    tabel8: { rows: [] },
  };
}

const pad = (row: (string | number)[]) => [...row, ...Array.from({ length: 12 - row.length }, () => '')];
const STEP_HEADER = ['Langkah', 'Median (jam)', 'P90 (jam)', 'Standar (jam)', 'Kegiatan', 'Mutu baku', 'Selesai', 'Diukur', 'Dalam standar', 'Dalam standar (%)', 'Terlama (jam)', 'Lewat tenggat (jam)'];
const TREND_HEADER = ['Bulan', 'Dibuka', 'Selesai', 'Dalam standar (%)', 'Langkah selesai', 'Diukur', 'Dalam standar'];
function expectedValues(full: boolean) {
  return [
    ['Laporan kinerja SOP', 'Kunjungan Resmi'],
    ['Periode', '1 Januari 2026 s.d. 30 Juni 2026'],
    ['Dihitung', 'Rabu, 1 Juli 2026 09.00 WITA'],
    [],
    ['Kasus', 'Jumlah'],
    ['Dibuka dalam periode', 5],
    ['Selesai dalam periode', 4],
    ['Dibatalkan dalam periode', 1],
    ['Masih berjalan di akhir periode', 0],
    ['Berjalan sekarang', 2],
    ['Terlambat sekarang', 1],
    [],
    STEP_HEADER,
    // 25 and 45 minutes, 15 late; the "1 hari kerja" standard has no length in hours.
    ['Langkah 1', 0.42, 0.75, 0.5, 'Menerima surat permohonan', '30 menit', 4, 4, 3, 75, 0.75, 0.25],
    ['Langkah 2', 10, 21.5, '', 'Mendisposisikan surat', '1 hari kerja', 4, 4, 4, 100, 21.5, 0],
    ...(full ? [['Langkah 3', '', '', 3, 'Menjawab "=SUM(A1)" +62', '120–180 menit', 0, 0, 0, '', '', 0]] : []),
    [],
    TREND_HEADER,
    ['Jan 2026', 3, 2, 83.3, 6, 6, 5],
    ...(full ? [['Feb 2026', 2, 2, '', 2, 0, 0]] : []),
    [],
    ['No', 'Prosedur', 'Penilaian', 'Catatan hasil penilaian', 'Tindakan yang harus diambil', 'Paraf penilai'],
    [1, 'SOP Kunjungan Resmi', 'Berjalan dengan baik', '7 dari 8 dalam standar.', '', ''],
    [2, 'Menerima surat permohonan', 'Tidak berjalan dengan baik', '3 dari 4 dalam standar.', '', ''],
  ].map(pad);
}

describe('writeSopReport', () => {
  it('writes the report with ONE RAW request, hours and counts as numbers, and two charts over the steps and the trend', () => {
    fakes.on({ method: 'get', url: URL }, { status: 200, body: reportOf(true) });
    expect(server.writeSopReport('kunjungan_resmi', FROM, TO)).toEqual({ sheetName: SHEET, rows: 3 });

    const writes = fakes.sheetsWrites();
    expect(writes).toHaveLength(1);
    const values = expectedValues(true);
    expect(writes[0]!.json).toEqual({ valueInputOption: 'RAW', data: [{ range: `'${SHEET}'!A1:L${values.length}`, majorDimension: 'ROWS', values }] });
    expect(fakes.flushes).toEqual([1]);
    const sheet = fakes.sheet(SHEET);
    expect(sheet.getRange(1, 1, values.length, 12).getValues()).toEqual(values);
    // A partner's text stays text (RAW): never a formula.
    expect(sheet.getRange(16, 5).getValues()[0]![0]).toBe('Menjawab "=SUM(A1)" +62');
    expect(sheet.getRange(13, 1, 1, 12).getFontWeight()).toBe('bold');
    expect(sheet.getRange(13, 12).getBackground()).toBe('#d9e2f3');
    expect(sheet.getRange(14, 1).getFontWeight()).toBe('normal');

    const charts = sheet.getCharts().map((c) => c.describe());
    expect(charts).toEqual([
      { type: 'COLUMN', ranges: [`${SHEET}!A13:D16`], numHeaders: 1, options: { title: STEP_CHART_TITLE, 'hAxis.title': 'Langkah', 'vAxis.title': 'Jam' }, position: { row: 1, col: 14, offsetX: 0, offsetY: 0 } },
      {
        type: 'COMBO',
        ranges: [`${SHEET}!A18:D20`],
        numHeaders: 1,
        options: {
          title: TREND_CHART_TITLE,
          seriesType: 'bars',
          series: { 2: { type: 'line', targetAxisIndex: 1 } },
          vAxes: { 0: { title: 'Kasus' }, 1: { title: '% dalam standar', viewWindow: { min: 0, max: 100 } } },
          hAxis: { title: 'Bulan' },
        },
        position: { row: 22, col: 14, offsetX: 0, offsetY: 0 },
      },
    ]);
  });

  it('a second write replaces the values and keeps the TWO charts, where the user moved them', () => {
    fakes.on({ method: 'get', url: URL }, { status: 200, body: reportOf(true) });
    server.writeSopReport('kunjungan_resmi', FROM, TO);
    const sheet = fakes.sheet(SHEET);
    const [steps, trend] = sheet.getCharts();
    sheet.updateChart(trend!.modify().setPosition(40, 2, 5, 5).build());
    sheet.insertChart(steps!.modify().build()); // a copy the user made
    expect(sheet.getCharts()).toHaveLength(3);

    fakes.on({ method: 'get', url: URL }, { status: 200, body: reportOf(false) });
    expect(server.writeSopReport('kunjungan_resmi', FROM, TO)).toEqual({ sheetName: SHEET, rows: 2 });
    expect(fakes.sheetsWrites()).toHaveLength(2);
    const values = expectedValues(false);
    expect(fakes.sheetsWrites()[1]!.json).toEqual({ valueInputOption: 'RAW', data: [{ range: `'${SHEET}'!A1:L${values.length}`, majorDimension: 'ROWS', values }] });
    // Nothing of the longer first write is left below, and its old header rows are plain again.
    expect(sheet.values().slice(0, values.length).map((r) => r.slice(0, 12))).toEqual(values);
    expect(sheet.values().slice(values.length).flat().every((v) => v === '')).toBe(true);
    expect(sheet.getRange(17, 1).getFontWeight()).toBe('bold'); // the trend's header moved up to row 17
    expect(sheet.getRange(18, 1).getFontWeight()).toBe('normal'); // where it was
    expect(sheet.getRange(18, 1).getBackground()).toBe('#ffffff');

    const charts = sheet.getCharts();
    expect(charts.map((c) => c.getChartId())).toEqual([steps!.getChartId(), trend!.getChartId()]);
    expect(charts[0]!.describe()).toMatchObject({ type: 'COLUMN', ranges: [`${SHEET}!A13:D15`], options: { title: STEP_CHART_TITLE }, position: { row: 1, col: 14 } });
    expect(charts[1]!.describe()).toMatchObject({ type: 'COMBO', ranges: [`${SHEET}!A17:D18`], options: { title: TREND_CHART_TITLE }, position: { row: 40, col: 2, offsetX: 5, offsetY: 5 } });
  });

  it('refuses a bad SOP or period before calling anything, naming the field', () => {
    const cases: [() => unknown, string][] = [
      [() => server.writeSopReport('../cases', FROM, TO), 'sopId'],
      [() => server.writeSopReport('kunjungan_resmi', '2026-02-30', TO), 'from'],
      [() => server.writeSopReport('kunjungan_resmi', FROM, '30/06/2026'), 'to'],
      [() => server.writeSopReport('kunjungan_resmi', TO, FROM), 'to'],
      [() => server.sopReport('kunjungan_resmi', FROM, ''), 'to'],
      [() => server.requestReportDocument('kunjungan_resmi', FROM, TO, ''), 'Idempotency-Key'],
      [() => server.ikmReport(FROM, TO, 'Bad SOP'), 'sop'],
      [() => server.setDigest('off' as unknown as boolean, 'key-123456'), 'on'],
      [() => server.reportDocumentStatus('../x'), 'entry'],
    ];
    for (const [fn, path] of cases) {
      const e = errorOf(fn);
      expect(e, path).toMatchObject({ code: 'INVALID_INPUT', path });
      expect(e.message).toMatch(/[a-z]/);
    }
    expect(errorOf(() => server.writeSopReport('kunjungan_resmi', '2026-02-30', TO)).message).toBe('Tanggal awal periode tidak ada di kalender: 2026-02-30.');
    expect(fakes.fetches).toHaveLength(0);
    expect(fakes.spreadsheet.getSheetByName(SHEET)).toBeNull();
  });

  it("passes the API's error on and writes nothing", () => {
    fakes.on({ method: 'get', url: URL }, { status: 403, body: { error: { code: 'WRONG_ROLE', message: 'Laporan kinerja SOP Kunjungan Resmi hanya dapat dibuka oleh Kepala Bidang.' } } });
    expect(errorOf(() => server.writeSopReport('kunjungan_resmi', FROM, TO))).toMatchObject({ code: 'WRONG_ROLE' });
    expect(fakes.sheetsWrites()).toHaveLength(0);
    expect(fakes.spreadsheet.getSheetByName(SHEET)).toBeNull();
  });

  it('the report, document, IKM, summary and digest calls send the requests the API takes', () => {
    fakes.on({ url: /./ }, { status: 200, body: { ok: true } });
    server.sopReport('pengaduan', FROM, TO);
    server.requestReportDocument('pengaduan', FROM, TO, 'key-report-1');
    server.reportDocumentStatus('laporan-pengaduan-0123456789abcdef01234567');
    server.ikmReport(FROM, TO, 'pengaduan');
    server.ikmReport(FROM, TO, null);
    server.taskSummary();
    server.digestSetting();
    server.setDigest(false, 'key-digest-1');
    expect(fakes.fetches.map((f) => [f.method, f.url.slice(A.length), f.json ?? null, f.headers['Idempotency-Key'] ?? null])).toEqual([
      ['get', `/reports/sop/pengaduan?from=${FROM}&to=${TO}`, null, null],
      ['post', '/reports/sop/pengaduan/document', { from: FROM, to: TO }, 'key-report-1'],
      ['get', '/reports/documents?entry=laporan-pengaduan-0123456789abcdef01234567', null, null],
      ['get', `/reports/ikm?from=${FROM}&to=${TO}&sop=pengaduan`, null, null],
      ['get', `/reports/ikm?from=${FROM}&to=${TO}`, null, null],
      ['get', '/tasks/summary', null, null],
      ['get', '/me/digest', null, null],
      ['post', '/me/digest', { on: false }, 'key-digest-1'],
    ]);
  });
});
