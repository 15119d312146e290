// What the Sheets add-on reads besides tasks: the caller's agencies, and one row per case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.ts';

let s: Stack;
let now = new Date('2026-11-23T01:00:00Z');
beforeAll(async () => {
  s = await startStack({ clock: () => now });
});
afterAll(async () => s?.close());

describe('GET /v1/me', () => {
  it('lists the agencies where the caller is active staff, and nothing for others', async () => {
    const email = 'pustakawan.ganda@example.go.id';
    await s.app.store.putStaff('balangan', { email, name: 'Rina', roles: ['kasi_layanan'] });
    await s.app.store.putStaff('sukoharjo', { email, name: 'Rina', roles: ['petugas_monev'] });
    await s.app.store.putStaff('babel', { email, name: 'Rina', roles: ['front_office'], active: false });
    const r = await s.call('GET', '/v1/me', { as: email });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      email,
      memberships: [
        { agencyId: 'balangan', agencyName: 'Dinas Perpustakaan dan Kearsipan Kabupaten Balangan', roles: ['kasi_layanan'], roleLabels: ['Kasi Layanan, Otomasi dan Kerjasama Perpustakaan'] },
        { agencyId: 'sukoharjo', agencyName: 'Dinas Perpustakaan dan Kearsipan Kabupaten Sukoharjo', roles: ['petugas_monev'], roleLabels: ['Petugas (monev dan pembinaan perpustakaan)'] },
      ],
    });
    expect((await s.call('GET', '/v1/me', { as: 'orang.lain@gmail.com' })).body.memberships).toEqual([]);
    expect((await s.call('GET', '/v1/me', {})).status).toBe(401);
  });
});

describe('GET /v1/agencies/{a}/cases', () => {
  it('gives one readable row per case, newest first, with overdue marked', async () => {
    const kasi = s.who('balangan', 'kasi_layanan');
    const a = await s.call('POST', '/v1/agencies/balangan/cases', { as: kasi, body: { sop: 'pusling', partner: { name: '=HYPERLINK("http://x")' } } });
    now = new Date(now.getTime() + 60_000);
    const b = await s.call('POST', '/v1/agencies/balangan/cases', { as: kasi, body: { sop: 'pusling', partner: { name: 'SDN 2 Paringin' } } });
    now = new Date(now.getTime() + 4 * 3_600_000); // past the 180 minutes of step 1
    const r = await s.call('GET', '/v1/agencies/balangan/cases', { as: s.who('balangan', 'petugas_pusling') });
    expect(r.status).toBe(200);
    const rows = r.body.cases.filter((x: { caseId: string }) => [a.body.state.id, b.body.state.id].includes(x.caseId));
    expect(rows.map((x: { caseId: string }) => x.caseId)).toEqual([b.body.state.id, a.body.state.id]);
    expect(rows[1]).toMatchObject({
      nomor: a.body.state.nomor,
      sop: 'Prosedur Layanan Perpustakaan Keliling',
      mitra: '=HYPERLINK("http://x")', // partner text is data; the sheet writes it RAW
      langkah: expect.stringMatching(/^1\. Melakukan koordinasi/),
      pelaksana: 'Kasi Layanan, Otomasi dan Kerjasama',
      jatuhTempo: 'Senin, 23 November 2026 12.00 WITA',
      // The same instant on the agency's wall clock: the sheet writes it as a date-time value.
      jatuhTempoWaktu: '2026-11-23T12:00',
      status: 'Terlambat',
      dokumen: '',
      tautan: '',
    });
    expect(r.body).toMatchObject({ limit: 100, nextPageToken: null, total: r.body.cases.length });
    // One row alone, as the sheet rewrites it after a step.
    const one = await s.call('GET', `/v1/agencies/balangan/cases/${a.body.state.id}/row`, { as: s.who('balangan', 'petugas_pusling') });
    expect(one.body).toEqual(rows[1]);
    // Another agency's staff sees none of it.
    expect((await s.call('GET', '/v1/agencies/balangan/cases', { as: s.who('sukoharjo', 'kasi_layanan') })).status).toBe(403);
  });
});
