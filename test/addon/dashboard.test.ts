// The "Kasus" dashboard the add-on writes (test/support/gas-fakes/ for the fakes): header and rows
// with ONE RAW values:batchUpdate, due times as date-time numbers with a number format, one link
// per cell, a second sync of the same data changing nothing, a shrinking list blanking its
// leftover rows, a short sheet grown first, one row rewritten after a step, and failures reported.
// The 10,000-case sync is measured in dashboard-scale.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as server from '../../sheets-addon/src/server/main.ts';
import { A, errorOf, installFakes } from '../support/addon-server.ts';
import type { GasFakes } from '../support/gas-fakes/index.ts';

let fakes: GasFakes;
let uninstall: () => void;

beforeEach(() => {
  ({ fakes, uninstall } = installFakes());
});
afterEach(() => uninstall());

describe('dashboard sync', () => {
  const row = (n: number, extra: Partial<Record<string, string | null>> = {}) => ({
    caseId: `C${n}`,
    nomor: `PUSLING/2026/000${n}`,
    sop: 'Prosedur Layanan Perpustakaan Keliling',
    mitra: `SDN ${n} Paringin`,
    langkah: '1. Melakukan koordinasi',
    pelaksana: 'Kasi Layanan, Otomasi dan Kerjasama',
    jatuhTempo: 'Senin, 23 November 2026 12.00 WITA',
    jatuhTempoWaktu: '2026-11-23T12:00' as string | null,
    status: 'Berjalan',
    dokumen: '',
    tautan: '',
    updatedAt: '2026-11-23T01:00:00.000Z',
    ...extra,
  });
  const tricky = [
    row(1, { mitra: '=HYPERLINK("http://x")' }),
    row(2, { mitra: '+62 812 3456 7890', status: 'Terlambat' }),
    row(3, { mitra: '-', langkah: '', jatuhTempo: '', jatuhTempoWaktu: null }),
    row(4, { mitra: '@x', dokumen: 'Surat tugas · siap · 800/1/DISPUSIP/XI/2026\nNota dinas · menunggu dibuat', tautan: 'https://docs.google.com/document/d/abc' }),
  ];
  const HEADER = ['Nomor', 'SOP', 'Mitra', 'Langkah', 'Pelaksana', 'Jatuh tempo', 'Status', 'Dokumen', 'Tautan dokumen'];
  // 23 November 2026 12.00 on the agency's clock as a Sheets serial (days since 1899-12-30).
  const DUE = 46349.5;
  const asRow = (r: ReturnType<typeof row>) => [r.nomor, r.sop, r.mitra, r.langkah, r.pelaksana, r.jatuhTempoWaktu ? DUE : '', r.status, r.dokumen, r.tautan];
  let cases = tricky;

  beforeEach(() => {
    fakes.documentProperties.data.set('AGENCY_ID', 'balangan');
    cases = tricky;
    fakes.on({ method: 'get', url: `${A}/cases?limit=1000` }, () => ({ status: 200, body: { cases, nextPageToken: null } }));
  });

  it('writes header and rows with ONE values:batchUpdate, RAW, so partner text stays text', () => {
    expect(server.syncDashboard()).toEqual({ rows: 4, mode: 'full', sheetsRequests: 1 });
    const writes = fakes.sheetsWrites();
    expect(writes).toHaveLength(1);
    const w = writes[0]!;
    expect(w.url).toBe('https://sheets.googleapis.com/v4/spreadsheets/ss-test-1/values:batchUpdate');
    expect(w.method).toBe('post');
    expect(w.headers.Authorization).toBe('Bearer oauth-token-of-rina');
    expect(w.json).toEqual({ valueInputOption: 'RAW', data: [{ range: "'Kasus'!A1:I5", majorDimension: 'ROWS', values: [HEADER, ...tricky.map(asRow)] }] });
    const payload = w.json as { data: { values: string[][] }[] };
    expect(payload.data[0]!.values.map((r) => r[2])).toEqual(['Mitra', '=HYPERLINK("http://x")', '+62 812 3456 7890', '-', '@x']);

    const sheet = fakes.sheet('Kasus');
    expect(sheet.values()).toEqual([HEADER, ...tricky.map(asRow)]);
    // The new sheet was flushed before the REST call could see it.
    expect(fakes.flushes).toEqual([1]);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getRange(1, 1, 1, 9).getFontWeight()).toBe('bold');
    expect(sheet.getRange(1, 9).getBackground()).toBe('#d9e2f3');
    expect(sheet.getFilter()?.bounds).toEqual({ row: 1, col: 1, rows: 5, cols: 9 });
    // The due time is a number the column shows as a 24-hour date-time, so the sheet sorts by it.
    expect(sheet.getRange(2, 6).getValues()[0]![0]).toBe(DUE);
    expect(sheet.getRange(2, 6).getNumberFormat()).toBe('dd/mm/yyyy hh:mm');
    expect(sheet.getRange(5, 6).getNumberFormat()).toBe('dd/mm/yyyy hh:mm');
    // One link per cell: the document lines carry none, the last column holds exactly one URL.
    expect(sheet.values()[4]![7]).not.toMatch(/https?:/);
    expect(sheet.values()[4]![8]).toBe('https://docs.google.com/document/d/abc');
    // One call to the API, one to Sheets: nothing else went over the network.
    expect(fakes.fetches.map((f) => f.url)).toEqual([`${A}/cases?limit=1000`, w.url]);
  });

  it('a second identical sync sends the identical single request and changes nothing else', () => {
    server.syncDashboard();
    const first = fakes.sheetsWrites()[0]!;
    fakes.mutations.length = 0;
    fakes.flushes.length = 0;

    expect(server.syncDashboard()).toMatchObject({ rows: 4 });
    const writes = fakes.sheetsWrites();
    expect(writes).toHaveLength(2);
    expect(writes[1]!.payload).toBe(first.payload);
    expect(fakes.mutations).toEqual([]);
    expect(fakes.flushes).toEqual([]);
  });

  it('a shrinking list blanks the leftover rows in the same request', () => {
    server.syncDashboard();
    cases = [tricky[1]!];
    expect(server.syncDashboard()).toMatchObject({ rows: 1 });
    const writes = fakes.sheetsWrites();
    expect(writes).toHaveLength(2);
    expect(writes[1]!.json).toEqual({
      valueInputOption: 'RAW',
      data: [
        { range: "'Kasus'!A1:I2", majorDimension: 'ROWS', values: [HEADER, asRow(tricky[1]!)] },
        { range: "'Kasus'!A3:I5", majorDimension: 'ROWS', values: Array.from({ length: 3 }, () => Array(9).fill('')) },
      ],
    });
    expect(fakes.sheet('Kasus').values()).toEqual([HEADER, asRow(tricky[1]!)]);
    expect(fakes.documentProperties.getProperty('DASHBOARD_ROWS')).toBe('1');

    // Growing back needs no blanks; the filter grows with the list and keeps what users filtered on.
    const sheet = fakes.sheet('Kasus');
    sheet.getFilter()!.criteria.set(7, { hidden: ['Selesai'] });
    cases = [...tricky, row(5), row(6)];
    server.syncDashboard();
    const last = fakes.sheetsWrites().at(-1)!.json as { data: { range: string }[] };
    expect(last.data.map((d) => d.range)).toEqual(["'Kasus'!A1:I7"]);
    expect(sheet.getFilter()?.bounds).toEqual({ row: 1, col: 1, rows: 7, cols: 9 });
    expect(sheet.getFilter()?.criteria.get(7)).toEqual({ hidden: ['Selesai'] });
  });

  it('grows a short existing sheet before writing (Sheets refuses writes outside the grid)', () => {
    const existing = fakes.spreadsheet.insertSheet('Kasus');
    fakes.spreadsheet.pendingSheets.clear();
    existing.maxRows = 3;
    existing.maxCols = 5;
    fakes.mutations.length = 0;
    server.syncDashboard();
    expect(fakes.mutations.slice(0, 2)).toEqual(['Sheet(Kasus).insertRowsAfter(3, 2)', 'Sheet(Kasus).insertColumnsAfter(5, 4)']);
    expect(fakes.flushes).toEqual([1]);
    expect(existing.values()).toHaveLength(5);
  });

  it('from the menu: a toast with the count, or the error message in Indonesian', () => {
    server.syncDashboardFromMenu();
    expect(fakes.spreadsheet.toasts).toEqual([{ message: '4 kasus disinkronkan ke lembar "Kasus".', title: 'Layanan Perpustakaan', timeoutSeconds: 5 }]);

    fakes.on({ method: 'get', url: `${A}/cases?limit=1000` }, { status: 403, body: { error: { code: 'NOT_STAFF', message: 'Anda bukan pegawai aktif instansi ini.' } } });
    server.syncDashboardFromMenu();
    expect(fakes.spreadsheet.toasts[1]).toMatchObject({ message: 'Anda bukan pegawai aktif instansi ini.', title: 'Sinkronisasi gagal' });
  });

  it('a refusal from Sheets (scope, API not enabled) is reported, not swallowed', () => {
    fakes.on({ url: /sheets\.googleapis\.com/ }, { status: 403, body: { error: { code: 403, message: 'Request had insufficient authentication scopes.' } } });
    const e = errorOf(() => server.syncDashboard());
    expect(e.code).toBe('SHEETS_PERMISSION');
    expect(e.message).toMatch(/drive\.file/);
  });

  it('pages through every case of the agency (no cap), in one Sheets request', () => {
    const all = Array.from({ length: 2500 }, (_, i) => row(i + 1, { nomor: `PUSLING/2026/${String(i + 1).padStart(4, '0')}` }));
    fakes.on({ method: 'get', url: `${A}/cases?limit=1000` }, { status: 200, body: { cases: all.slice(0, 1000), nextPageToken: 'p2' } });
    fakes.on({ method: 'get', url: `${A}/cases?limit=1000&pageToken=p2` }, { status: 200, body: { cases: all.slice(1000, 2000), nextPageToken: 'p3' } });
    fakes.on({ method: 'get', url: `${A}/cases?limit=1000&pageToken=p3` }, { status: 200, body: { cases: all.slice(2000), nextPageToken: null } });
    expect(server.syncDashboard()).toEqual({ rows: 2500, mode: 'full', sheetsRequests: 1 });
    const values = fakes.sheet('Kasus').values();
    expect(values).toHaveLength(2501);
    expect(values.at(-1)![0]).toBe('PUSLING/2026/2500');
  });

  it('after a step only that case\'s row is written, found by its number even after users sorted the sheet', () => {
    server.syncDashboard();
    const sheet = fakes.sheet('Kasus');
    // A user sorted the sheet: the rows moved.
    const [h, ...body] = sheet.values();
    body.reverse().forEach((r, i) => r.forEach((v, j) => sheet.cells.set(`${i + 2},${j + 1}`, v)));
    void h;
    const before = fakes.sheetsWrites().length;
    fakes.on({ method: 'get', url: `${A}/cases/C2/row` }, { status: 200, body: row(2, { mitra: '+62 812 3456 7890', langkah: '2. Menyetujui rencana', status: 'Berjalan', jatuhTempoWaktu: '2026-11-24T08:00' }) });
    expect(server.syncDashboardRow('C2')).toEqual({ rows: 4, mode: 'row', sheetsRequests: 1 });
    const writes = fakes.sheetsWrites().slice(before);
    expect(writes).toHaveLength(1);
    // Row 4 after the reversal holds PUSLING/2026/0002.
    expect((writes[0]!.json as { data: { range: string }[] }).data.map((d) => d.range)).toEqual(["'Kasus'!A4:I4"]);
    expect(sheet.values()[3]).toEqual(['PUSLING/2026/0002', expect.any(String), '+62 812 3456 7890', '2. Menyetujui rencana', expect.any(String), expect.closeTo(46350 + 8 / 24, 5), 'Berjalan', '', '']);

    // A case the sheet does not hold yet goes below the last row, and the filter grows with it.
    fakes.on({ method: 'get', url: `${A}/cases/C9/row` }, { status: 200, body: row(9) });
    expect(server.syncDashboardRow('C9')).toEqual({ rows: 5, mode: 'row', sheetsRequests: 1 });
    expect(sheet.values()[5]![0]).toBe('PUSLING/2026/0009');
    expect(sheet.getFilter()?.bounds).toEqual({ row: 1, col: 1, rows: 6, cols: 9 });
    expect(fakes.documentProperties.getProperty('DASHBOARD_ROWS')).toBe('5');
  });

  it('a sheet never synced gets a full sync instead of one row', () => {
    expect(server.syncDashboardRow('C2')).toEqual({ rows: 4, mode: 'full', sheetsRequests: 1 });
  });
});
