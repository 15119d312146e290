// The SOP performance report as a Google Doc through the letters pipeline: the real Drive and Docs
// clients against the fake Google server, the outbox worker drains the entry (copy, one
// batchUpdate, export), and the Doc reads the report's figures, its Tabel 7 rows (the unused rows
// removed) and the Tabel 8 form, signed by the evaluator who asked for it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../functions/src/app.ts';
import { fullInput, stepOf } from '../../functions/src/dev/sample-input.ts';
import { demoEmail } from '../../functions/src/dev/demo.ts';
import { createGoogleDocBackend } from '../../functions/src/documents/google.ts';
import { TEMPLATES, TEMPLATES_DIR } from '../../functions/src/documents/templates.ts';
import { createGmailSender } from '../../functions/src/mail/gmail.ts';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { fakeClients, startFakeGoogle, type FakeGoogle } from '../support/fake-google/index.ts';
import { startStack, type Stack } from '../support/stack.ts';

let s: Stack;
let fake: FakeGoogle;
let now = new Date('2026-11-02T01:00:00Z'); // Monday 2 November 2026, 09.00 WITA
const later = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));
const A = '/v1/agencies/balangan';
const pusling = catalogById('pusling');

beforeAll(async () => {
  fake = await startFakeGoogle();
  // As Drive converts an upload: the text and the tables, so unused Tabel 7 rows can be deleted.
  for (const [id, t] of Object.entries(TEMPLATES)) fake.addDocxTemplate(`tpl-${id}`, await readFile(join(TEMPLATES_DIR, `${id}.docx`)), t.title);
  const clients = fakeClients(fake);
  const documents: AppDeps['documents'] = {
    backendFor: (agency) => createGoogleDocBackend({ drive: clients.drive, docs: clients.docs, templates: agency.google!.templates, folderId: agency.google!.folderId }),
    mailerFor: () => createGmailSender({ gmail: clients.gmail }),
  };
  s = await startStack({ documents, clock: () => now });
}, 120_000);
afterAll(async () => {
  await s?.close();
  await fake?.close();
});

describe('report document', () => {
  it('renders the report as a Doc once per key, with Tabel 7 drafted and Tabel 8 to fill', { timeout: 120_000 }, async () => {
    const kasi = demoEmail('balangan', 'kasi_layanan');
    const kabid = demoEmail('balangan', 'kabid_perpustakaan');
    // Two cases: one keeps step 1's 180 minutes, one takes 240.
    for (const minutes of [120, 240]) {
      const id = (await s.call('POST', `${A}/cases`, { as: kasi, body: { sop: 'pusling', partner: { name: `SDN ${minutes}` } } })).body.state.id;
      later(minutes);
      expect((await s.call('POST', `${A}/cases/${id}/actions`, { as: kasi, body: { type: 'complete', step: 1, ...fullInput(stepOf(pusling, 1)) } })).status).toBe(200);
      later(20);
      expect((await s.call('POST', `${A}/cases/${id}/actions`, { as: kasi, body: { type: 'complete', step: 2, ...fullInput(stepOf(pusling, 2)) } })).status).toBe(200);
    }
    later(60 * 24 * 3);
    const body = { from: '2026-11-01', to: '2026-11-30' };
    const queued = await s.call('POST', `${A}/reports/sop/pusling/document`, { as: kabid, body, idem: 'laporan-nov-2026-1' });
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ status: 'pending', url: null });
    // The same key again answers the same entry; the key with another period is refused.
    expect((await s.call('POST', `${A}/reports/sop/pusling/document`, { as: kabid, body, idem: 'laporan-nov-2026-1' })).body).toMatchObject({ entry: queued.body.entry, replayed: true });
    expect((await s.call('POST', `${A}/reports/sop/pusling/document`, { as: kabid, body: { ...body, to: '2026-11-29' }, idem: 'laporan-nov-2026-1' })).status).toBe(409);
    expect((await s.call('POST', `${A}/reports/sop/pusling/document`, { as: demoEmail('balangan', 'agendaris'), body, idem: 'laporan-nov-2026-2' })).status).toBe(403); // not a supervising role of Pusling

    while ((await s.app.worker!.sweep()).done > 0);
    const done = await s.call('GET', `${A}/reports/documents?entry=${queued.body.entry}`, { as: kabid });
    expect(done.body).toMatchObject({ status: 'ready', url: expect.stringContaining('docs.google.com'), error: null });
    const docs = [...fake.documents.values()].filter((d) => d.appProperties.sopKey === queued.body.entry);
    expect(docs).toHaveLength(1);
    const text = docs[0]!.text;
    expect(text).not.toMatch(/\{\{/);
    expect(text).toContain('TABEL 7');
    expect(text).toContain('Perpustakaan Keliling');
    expect(text).toContain('Kasus dibuka dalam periode: 2');
    // Step 1: one of two within its 180 minutes; step 2: both within 30 minutes.
    expect(text).toContain('1 dari 2 selesai dalam standar');
    expect(text).toContain('2 dari 2 selesai dalam standar');
    expect(text).toContain('Tidak berjalan dengan baik');
    expect(text).toContain('Berjalan dengan baik');
    // Three rows of Tabel 7 (the SOP, steps 1 and 2); the 37 unused rows are gone.
    const tabel7 = text.slice(text.indexOf('TABEL 7'), text.indexOf('TABEL 8'));
    expect(tabel7.match(/^Langkah \d+: /gm)).toHaveLength(2);
    expect(tabel7).toContain('SOP Prosedur Layanan Perpustakaan Keliling (keseluruhan)');
    expect(text).toContain('Mampu mengatasi permasalahan yang berkaitan dengan proses');
    expect(text).toContain('Penilai,');
    // Step 3 (the Kabid's "1 hari") is overdue now in both cases.
    expect(text).toMatch(/PUSLING\/2026\/0001, langkah 3/);
    expect((await s.call('GET', `${A}/reports/documents?entry=laporan-pusling-000000000000000000000000`, { as: kabid })).status).toBe(404);
    expect((await s.call('GET', `${A}/reports/documents?entry=../x`, { as: kabid })).status).toBe(400);
  });
});
