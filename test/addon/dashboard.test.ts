// The "Kasus" dashboard the add-on writes (test/support/gas-fakes/ for the fakes): header and rows
// with ONE RAW values:batchUpdate, a second sync of the same data changing nothing, a shrinking list
// blanking its leftover rows, a short sheet grown first, and failures reported.
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
  const row = (n: number, extra: Partial<Record<string, string>> = {}) => ({
    caseId: `C${n}`,
    nomor: `PUSLING/2026/000${n}`,
    sop: 'Prosedur Layanan Perpustakaan Keliling',
    mitra: `SDN ${n} Paringin`,
    langkah: '1. Melakukan koordinasi',
    pelaksana: 'Kasi Layanan, Otomasi dan Kerjasama',
    jatuhTempo: 'Senin, 23 November 2026 12.00 WITA',
    status: 'Berjalan',
    dokumen: '',
    updatedAt: '2026-11-23T01:00:00.000Z',
    ...extra,
  });
  const tricky = [
    row(1, { mitra: '=HYPERLINK("http://x")' }),
    row(2, { mitra: '+62 812 3456 7890', status: 'Terlambat' }),
    row(3, { mitra: '-', langkah: '' }),
    row(4, { mitra: '@x', dokumen: 'Surat tugas: https://docs.google.com/document/d/abc\nNota dinas: https://docs.google.com/document/d/def' }),
  ];
  const HEADER = ['Nomor', 'SOP', 'Mitra', 'Langkah', 'Pelaksana', 'Jatuh tempo', 'Status', 'Tautan dokumen'];
  const asRow = (r: ReturnType<typeof row>) => [r.nomor, r.sop, r.mitra, r.langkah, r.pelaksana, r.jatuhTempo, r.status, r.dokumen];
  let cases = tricky;

  beforeEach(() => {
    fakes.documentProperties.data.set('AGENCY_ID', 'balangan');
    cases = tricky;
    fakes.on({ method: 'get', url: `${A}/cases` }, () => ({ status: 200, body: { cases } }));
  });

  it('writes header and rows with ONE values:batchUpdate, RAW, so partner text stays text', () => {
    expect(server.syncDashboard()).toEqual({ rows: 4 });
    const writes = fakes.sheetsWrites();
    expect(writes).toHaveLength(1);
    const w = writes[0]!;
    expect(w.url).toBe('https://sheets.googleapis.com/v4/spreadsheets/ss-test-1/values:batchUpdate');
    expect(w.method).toBe('post');
    expect(w.headers.Authorization).toBe('Bearer oauth-token-of-rina');
    expect(w.json).toEqual({ valueInputOption: 'RAW', data: [{ range: "'Kasus'!A1:H5", majorDimension: 'ROWS', values: [HEADER, ...tricky.map(asRow)] }] });
    const payload = w.json as { data: { values: string[][] }[] };
    expect(payload.data[0]!.values.map((r) => r[2])).toEqual(['Mitra', '=HYPERLINK("http://x")', '+62 812 3456 7890', '-', '@x']);

    const sheet = fakes.sheet('Kasus');
    expect(sheet.values()).toEqual([HEADER, ...tricky.map(asRow)]);
    // The new sheet was flushed before the REST call could see it.
    expect(fakes.flushes).toEqual([1]);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getRange(1, 1, 1, 8).getFontWeight()).toBe('bold');
    expect(sheet.getRange(1, 8).getBackground()).toBe('#d9e2f3');
    expect(sheet.getFilter()?.bounds).toEqual({ row: 1, col: 1, rows: 5, cols: 8 });
    // One call to the API, one to Sheets: nothing else went over the network.
    expect(fakes.fetches.map((f) => f.url)).toEqual([`${A}/cases`, w.url]);
  });

  it('a second identical sync sends the identical single request and changes nothing else', () => {
    server.syncDashboard();
    const first = fakes.sheetsWrites()[0]!;
    fakes.mutations.length = 0;
    fakes.flushes.length = 0;

    expect(server.syncDashboard()).toEqual({ rows: 4 });
    const writes = fakes.sheetsWrites();
    expect(writes).toHaveLength(2);
    expect(writes[1]!.payload).toBe(first.payload);
    expect(fakes.mutations).toEqual([]);
    expect(fakes.flushes).toEqual([]);
  });

  it('a shrinking list blanks the leftover rows in the same request', () => {
    server.syncDashboard();
    cases = [tricky[1]!];
    expect(server.syncDashboard()).toEqual({ rows: 1 });
    const writes = fakes.sheetsWrites();
    expect(writes).toHaveLength(2);
    expect(writes[1]!.json).toEqual({
      valueInputOption: 'RAW',
      data: [
        { range: "'Kasus'!A1:H2", majorDimension: 'ROWS', values: [HEADER, asRow(tricky[1]!)] },
        { range: "'Kasus'!A3:H5", majorDimension: 'ROWS', values: Array.from({ length: 3 }, () => Array(8).fill('')) },
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
    expect(last.data.map((d) => d.range)).toEqual(["'Kasus'!A1:H7"]);
    expect(sheet.getFilter()?.bounds).toEqual({ row: 1, col: 1, rows: 7, cols: 8 });
    expect(sheet.getFilter()?.criteria.get(7)).toEqual({ hidden: ['Selesai'] });
  });

  it('grows a short existing sheet before writing (Sheets refuses writes outside the grid)', () => {
    const existing = fakes.spreadsheet.insertSheet('Kasus');
    fakes.spreadsheet.pendingSheets.clear();
    existing.maxRows = 3;
    existing.maxCols = 5;
    fakes.mutations.length = 0;
    server.syncDashboard();
    expect(fakes.mutations.slice(0, 2)).toEqual(['Sheet(Kasus).insertRowsAfter(3, 2)', 'Sheet(Kasus).insertColumnsAfter(5, 3)']);
    expect(fakes.flushes).toEqual([1]);
    expect(existing.values()).toHaveLength(5);
  });

  it('from the menu: a toast with the count, or the error message in Indonesian', () => {
    server.syncDashboardFromMenu();
    expect(fakes.spreadsheet.toasts).toEqual([{ message: '4 kasus disinkronkan ke lembar "Kasus".', title: 'Layanan Perpustakaan', timeoutSeconds: 5 }]);

    fakes.on({ method: 'get', url: `${A}/cases` }, { status: 403, body: { error: { code: 'NOT_STAFF', message: 'Anda bukan pegawai aktif instansi ini.' } } });
    server.syncDashboardFromMenu();
    expect(fakes.spreadsheet.toasts[1]).toMatchObject({ message: 'Anda bukan pegawai aktif instansi ini.', title: 'Sinkronisasi gagal' });
  });

  it('a refusal from Sheets (scope, API not enabled) is reported, not swallowed', () => {
    fakes.on({ url: /sheets\.googleapis\.com/ }, { status: 403, body: { error: { code: 403, message: 'Request had insufficient authentication scopes.' } } });
    const e = errorOf(() => server.syncDashboard());
    expect(e.code).toBe('SHEETS_PERMISSION');
    expect(e.message).toMatch(/drive\.file/);
  });
});
