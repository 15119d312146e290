// The "Kasus" sheet at a real agency's size: 10,000 cases, their rows as long as the catalog's
// steps make them (the verbatim activity text, role labels, document lines, a Docs link), read
// from the API in pages of 1,000 and written through the Apps Script fakes. Asserted: every case
// on the sheet, at most 3 Sheets API requests for the full sync, none over Google's advised 2 MB
// (the fake refuses larger ones), one request for a step's row. Printed: requests, bytes per
// request and the time the add-on's own code took (no timed assertion; the fakes answer at once).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseRow } from '../../functions/src/contract.ts';
import { CATALOG } from '../../functions/src/sop/catalog/index.ts';
import * as server from '../../sheets-addon/src/server/main.ts';
import { A, installFakes } from '../support/addon-server.ts';
import type { GasFakes } from '../support/gas-fakes/index.ts';

const N = 10_000;
let fakes: GasFakes;
let uninstall: () => void;

beforeEach(() => {
  ({ fakes, uninstall } = installFakes());
  fakes.documentProperties.data.set('AGENCY_ID', 'balangan');
});
afterEach(() => uninstall());

/**
 * Row i as the API would send it: an SOP and a step of the catalog in turn (cases spread evenly
 * over the steps), the step's verbatim activity, its role labels, a line for every document the
 * steps before it produced (with its letter number) and the link of the latest.
 */
function realisticRow(i: number): CaseRow {
  const def = CATALOG[i % CATALOG.length]!;
  const step = def.steps[i % def.steps.length]!;
  const labels = step.actors.map((id) => def.roles.find((r) => r.id === id)?.label ?? id).join(', ');
  const docs = def.steps.filter((s) => s.no < step.no).flatMap((s) => [...s.produces, ...(s.kind === 'decision' ? s.ifYes.produces : [])]);
  const serial = String(Math.floor(i / CATALOG.length) + 1).padStart(4, '0');
  const day = 1 + (i % 28);
  return {
    caseId: `case${String(i).padStart(6, '0')}abcdef`,
    nomor: `${def.id.toUpperCase()}/2026/${serial}`,
    sop: def.title,
    mitra: `${['SD Negeri', 'TBM', 'Perpustakaan Desa', 'Kafé Baca'][i % 4]} ${i % 97} Paringin Selatan`,
    langkah: `${step.no}. ${step.activity}`,
    pelaksana: labels,
    jatuhTempo: `Senin, ${day} Desember 2026 11.00 WITA`,
    jatuhTempoWaktu: i % 7 === 0 ? null : `2026-12-${String(day).padStart(2, '0')}T11:00`,
    status: i % 5 === 0 ? 'Terlambat' : 'Berjalan',
    dokumen: docs.map((d, k) => `${d.label} · siap · 000.5.2/${100 + k}/DISPUSIP/XII/2026`).join('\n'),
    tautan: docs.length ? `https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz${String(i).padStart(6, '0')}/edit` : '',
    updatedAt: '2026-11-23T01:00:00.000Z',
  };
}

describe(`the dashboard with ${N} cases`, () => {
  it('a full sync writes every case in at most 3 Sheets requests of at most 2 MB; a step then writes one row', () => {
    const rows = Array.from({ length: N }, (_, i) => realisticRow(i));
    for (let p = 0; p < N / 1000; p++) {
      const url = `${A}/cases?limit=1000${p ? `&pageToken=page${p}` : ''}`;
      fakes.on({ method: 'get', url }, { status: 200, body: { cases: rows.slice(p * 1000, (p + 1) * 1000), nextPageToken: p + 1 < N / 1000 ? `page${p + 1}` : null, limit: 1000, total: null } });
    }
    const t0 = performance.now();
    const r = server.syncDashboard();
    const ms = performance.now() - t0;
    const writes = fakes.sheetsWrites();
    const bytes = writes.map((w) => Buffer.byteLength(w.payload ?? '', 'utf8'));
    const rowBytes = (Buffer.byteLength(JSON.stringify(rows.map((x) => [x.nomor, x.sop, x.mitra, x.langkah, x.pelaksana, 46000.5, x.status, x.dokumen, x.tautan]))) / N).toFixed(0);
    console.log(
      `dashboard-scale: ${N} cases (${rowBytes} bytes of JSON a row on average), ${fakes.fetches.length - writes.length} API pages, ${writes.length} Sheets requests of ` +
        `${bytes.map((b) => `${(b / 1e6).toFixed(2)} MB`).join(', ')}, ${fakes.mutations.length} SpreadsheetApp changes, add-on code ${(ms / 1000).toFixed(2)} s`,
    );
    expect(r).toEqual({ rows: N, mode: 'full', sheetsRequests: writes.length });
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.length).toBeLessThanOrEqual(3);
    for (const b of bytes) expect(b).toBeLessThanOrEqual(2 * 1024 * 1024);

    const sheet = fakes.sheet('Kasus');
    const values = sheet.values();
    expect(values).toHaveLength(N + 1);
    expect(values.slice(1).map((v) => v[0])).toEqual(rows.map((x) => x.nomor));
    // Due times are numbers (sortable), empty where a step has none.
    expect(typeof values[2]![5]).toBe('number');
    expect(values[1]![5]).toBe('');
    expect(sheet.getRange(N + 1, 6).getNumberFormat()).toBe('dd/mm/yyyy hh:mm');

    // A step on the oldest case: one API read, one Sheets request of one row.
    const before = fakes.sheetsWrites().length;
    const last = rows[N - 1]!;
    fakes.on({ method: 'get', url: `${A}/cases/${last.caseId}/row` }, { status: 200, body: { ...last, status: 'Selesai', langkah: 'Selesai' } });
    const t1 = performance.now();
    expect(server.syncDashboardRow(last.caseId)).toEqual({ rows: N, mode: 'row', sheetsRequests: 1 });
    console.log(`dashboard-scale: one row after a step in ${(performance.now() - t1).toFixed(0)} ms`);
    const one = fakes.sheetsWrites().slice(before);
    expect(one).toHaveLength(1);
    expect((one[0]!.json as { data: { range: string }[] }).data.map((d) => d.range)).toEqual([`'Kasus'!A${N + 1}:I${N + 1}`]);
    expect(sheet.values()[N]![6]).toBe('Selesai');
  });
});
