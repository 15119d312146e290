// A programme's documents through the letters pipeline, end to end: the API records each request
// once with its outbox entries (numbers from the issuing agency's register), the worker renders
// them through the real Drive and Docs clients against the fake Google server (the real templates,
// tables and all, as Drive converts the .docx), and the tests read the Docs' text and the requests
// the fake received. The invitation's list of 300 participants is a growing table: two reads and
// two writes for the whole list, whatever its length, and exactly once when a write fails or its
// reply is lost. The daftar hadir's check-in codes work at /h/<programme>/<code>.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoEmail } from '../../functions/src/dev/demo.ts';
import { createGoogleDocBackend } from '../../functions/src/documents/google.ts';
import { TEMPLATES, TEMPLATES_DIR } from '../../functions/src/documents/templates.ts';
import { createGmailSender } from '../../functions/src/mail/gmail.ts';
import type { Programme } from '../../functions/src/model/programme.ts';
import type { OutboxEntry } from '../../functions/src/model/records.ts';
import { OWNER_AGENCY, seedProgramme, smallProgramme } from '../../functions/src/programme/demo.ts';
import { registrationFormId } from '../../functions/src/programme/registration.ts';
import { fakeClients, startFakeGoogle, type FakeGoogle, type FakeRequest } from '../support/fake-google/index.ts';
import { startStack, type Stack } from '../support/stack.ts';

let fake: FakeGoogle;
let s: Stack;
let p: Programme;
let now = new Date('2024-05-06T02:00:00Z'); // Monday 6 May 2024, 09.00 WIB: two weeks before wave 1
const owner = `panitia@${OWNER_AGENCY}.demo.perpustakaan.id`;
const babel = 'panitia@babel.demo.perpustakaan.id';
const kalsel = 'panitia@dispusip-kalsel.demo.perpustakaan.id';
const P = '/v1/agencies';
const docsOf = (as: string) => `${P}/${as.split('@')[1]!.split('.')[0]}/programmes/spptikdemo/documents`;
const ask = (as: string, body: unknown, idem?: string) => s.call('POST', docsOf(as), { as, body, ...(idem ? { idem } : {}) });

const BATCH = /^\/v1\/documents\/[^/:]+:batchUpdate$/;
const GET_DOC = /^\/v1\/documents\/[^/:]+$/;
type Req = Record<string, any>;
const requestsOf = (r: FakeRequest) => (r.body as { requests: Req[] }).requests;
/** The fake's requests that made and filled an entry's Doc: its copy (tagged with the entry), then those naming the Doc, as "METHOD kind". */
const callsFor = (entry: string, docId: string) =>
  fake.requests
    .filter((r) => r.path.includes(docId) || (r.path.endsWith('/copy') && (r.body as { appProperties?: { sopKey?: string } }).appProperties?.sopKey === entry))
    .map((r) => `${r.method} ${r.path.endsWith(':batchUpdate') ? 'batchUpdate' : r.path.endsWith('/copy') ? 'copy' : r.path.endsWith('/export') ? 'export' : 'get'}`);

beforeAll(async () => {
  fake = await startFakeGoogle();
  const clients = fakeClients(fake);
  const templates = Object.fromEntries(Object.keys(TEMPLATES).map((t) => [t, `tpl-${t}`]));
  s = await startStack({
    clock: () => now,
    documents: {
      backendFor: (agency) => createGoogleDocBackend({ drive: clients.drive, docs: clients.docs, templates, folderId: `folder-${agency.id}`, timeoutMs: 2_000 }),
      mailerFor: () => createGmailSender({ gmail: clients.gmail }),
      worker: { baseDelayMs: 1000, maxAttempts: 4, random: () => 1 },
    },
  });
  const input = smallProgramme();
  // Bangka Belitung's first wave takes 300: the invitation's list spans pages.
  await seedProgramme(s.app.store, s.app.programme!.programmes, { ...input, quotas: { ...input.quotas, babel: { '1': 300, '2': 30 } } }, { trainers: 6 });
  p = (await s.app.programme!.programmes.programme('spptikdemo'))!;
  const reg = s.app.programme!.registration;
  for (let i = 0; i < 300; i++) {
    const r = await reg.receive(OWNER_AGENCY, {
      formId: registrationFormId(p.id),
      responseId: `resp-${i}`,
      submittedAt: now.toISOString(),
      respondentEmail: null,
      answers: { nama: [`Peserta ${String(i + 1).padStart(3, '0')} Babel`], lembaga: [`TBM Cahaya ${i + 1}`], desa: [`Desa ${i % 17}`], kecamatan: ['Bukit Intan'], kabupaten: [i % 2 ? 'Kabupaten Bangka Tengah' : 'Kota Pangkalpinang'], provinsi: ['babel'], telepon: [`0813${String(40_000_000 + i)}`], email: [`peserta${i}@desa.example.id`] },
    });
    expect(r.outcome).toBe('registered');
  }
  const assigned = await s.call('POST', `${P}/${OWNER_AGENCY}/programmes/spptikdemo/trainers`, { as: owner, body: { event: 'babel-1', trainers: ['pelatih-001', 'pelatih-002'] } });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
}, 240_000);
afterAll(async () => {
  await s?.close();
  await fake?.close();
});
beforeEach(() => {
  fake.reset();
  for (const [id, t] of Object.entries(TEMPLATES)) fake.addDocxTemplate(`tpl-${id}`, templateBytes.get(id)!, t.title);
});
const templateBytes = new Map<string, Buffer>();
beforeAll(async () => {
  for (const id of Object.keys(TEMPLATES)) templateBytes.set(id, await readFile(join(TEMPLATES_DIR, `${id}.docx`)));
});

/** Drains every due entry; the Doc of each entry, by entry id. */
async function render(): Promise<void> {
  while ((await s.app.worker!.sweep()).done > 0);
}
function docOf(entry: string) {
  const found = [...fake.documents.entries()].filter(([, d]) => d.appProperties.sopKey === entry);
  expect(found, entry).toHaveLength(1);
  return { id: found[0]![0], text: found[0]![1].text };
}
const outbox = async (agency: string, id: string) => (await s.db.collection('agencies').doc(agency).collection('outbox').doc(id).get()).data() as OutboxEntry;

describe('surat tugas pelatih: one per trainer, from the owner', () => {
  it('makes one letter per assigned trainer, numbered from the owner register, once per key', { timeout: 60_000 }, async () => {
    const r = await ask(owner, { kind: 'surat_tugas_pelatih', event: 'babel-1' }, 'tugas-babel-1');
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    expect(r.body).toMatchObject({ kind: 'surat_tugas_pelatih', event: 'babel-1', replayed: false });
    expect(r.body.documents.map((d: { entry: string }) => d.entry.replace(/-[0-9a-f]{24}-/, '-'))).toEqual(['bimtek-tugas-pelatih-001', 'bimtek-tugas-pelatih-002']);
    // The same request again: the same documents; the key with another body: refused.
    const again = await ask(owner, { kind: 'surat_tugas_pelatih', event: 'babel-1' }, 'tugas-babel-1');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ request: r.body.request, replayed: true, documents: r.body.documents });
    expect((await ask(owner, { kind: 'surat_tugas_pelatih', event: 'babel-1', trainer: 'pelatih-001' }, 'tugas-babel-1')).status).toBe(409);

    await render();
    const entries = r.body.documents.map((d: { entry: string }) => d.entry) as string[];
    const nomor = await Promise.all(entries.map(async (e) => (await outbox(OWNER_AGENCY, e)).context!.nomor));
    expect(nomor).toEqual(['800.1.11.1/1/PERPUSNAS/V/2024', '800.1.11.1/2/PERPUSNAS/V/2024']);
    const first = docOf(entries[0]!);
    // Copy, the read that finds the assignee rows the letter leaves empty, one write, the PDF.
    expect(callsFor(entries[0]!, first.id)).toEqual(['POST copy', 'GET get', 'POST batchUpdate', 'GET export']);
    const trainer = (await s.app.programme!.programmes.trainers(p.id)).find((t) => t.id === 'pelatih-001')!;
    for (const needle of [
      'PERPUSTAKAAN NASIONAL REPUBLIK INDONESIA',
      'SURAT TUGAS',
      `NOMOR ${nomor[0]}`,
      'Kepada\n:\npelatih yang namanya tercantum di bawah ini:',
      `1.\n${trainer.name}\n-\n-\nPelatih Ahli`,
      'bertugas sebagai pelatih pada Bimtek SPP-TIK (contoh lokal), Gelombang 1, Kepulauan Bangka Belitung (luring), yang diselenggarakan oleh Dinas Kearsipan dan Perpustakaan Provinsi Kepulauan Bangka Belitung pada 19–22 Mei 2024 bertempat di Swiss-Belhotel Pangkalpinang;',
      'mengampu seluruh materi: sesi 1 Pengelolaan perpustakaan desa/kelurahan dan TBM (6 JP); sesi 2',
      'seluruhnya 30 JP;',
      'Jakarta, 6 Mei 2024',
      'Deputi Bidang Pengembangan Sumber Daya Perpustakaan,',
      'Dr. Adin Bondar, S.Sos., M.Si.',
      'NIP. 19700101 199003 1 001',
    ]) expect(first.text).toContain(needle);
    expect(first.text).not.toContain('{{');
    expect((await s.call('GET', `${docsOf(owner)}/${entries[0]}`, { as: owner })).body).toMatchObject({ status: 'ready', url: expect.stringContaining('docs.google.com'), error: null });

    // One trainer, the sessions they teach: the next number.
    const one = await ask(owner, { kind: 'surat_tugas_pelatih', event: 'babel-1', trainer: 'pelatih-002', sessions: [3, 2] });
    expect(one.status).toBe(202);
    await render();
    const e = one.body.documents[0].entry as string;
    expect((await outbox(OWNER_AGENCY, e)).context!.nomor).toBe('800.1.11.1/3/PERPUSNAS/V/2024');
    const text = docOf(e).text;
    expect(text).toContain('mengampu materi: sesi 2 Pemanfaatan teknologi informasi dan komunikasi (SPP-TIK) (8 JP); sesi 3 Pelibatan masyarakat (6 JP), seluruhnya 14 JP;');
    expect(text).not.toContain('sesi 1 ');
  });
});

describe('undangan: the participants as a growing table', () => {
  it('lists all 300 participants in the lampiran with two reads and two writes, signed by the head of the host agency', { timeout: 60_000 }, async () => {
    const r = await ask(babel, { kind: 'undangan', event: 'babel-1', pukul: '08.30' });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    await render();
    const entry = r.body.documents[0].entry as string;
    const e = await outbox('babel', entry);
    expect(e.context!.nomor).toMatch(/^000\.5\.2\/\d+\/DKPUS\/V\/2024$/);
    const doc = docOf(entry);
    expect(callsFor(entry, doc.id)).toEqual(['POST copy', 'GET get', 'POST batchUpdate', 'GET get', 'POST batchUpdate', 'GET export']);
    const [rowsBatch, fillBatch] = fake.requests.filter((x) => x.path === `/v1/documents/${doc.id}:batchUpdate`).map(requestsOf);
    // 299 rows inserted under the repeated row; then every new cell written (5 per row) and the placeholders replaced.
    expect(rowsBatch!.length).toBe(299);
    expect(rowsBatch!.every((q) => q.insertTableRow?.insertBelow === true)).toBe(true);
    const inserts = fillBatch!.filter((q) => q.insertText);
    expect(inserts).toHaveLength(299 * 5);
    // From the bottom of the document up, so no index moves under a later request.
    expect(inserts.map((q) => q.insertText.location.index)).toEqual([...inserts.map((q) => q.insertText.location.index)].sort((a, b) => b - a));
    expect(fillBatch!.findIndex((q) => q.replaceAllText)).toBe(inserts.length);
    // The reads name the fields they need.
    for (const g of fake.requests.filter((x) => GET_DOC.test(x.path))) expect(g.query.fields).toContain('tableCells(content(startIndex,paragraph');

    const text = doc.text;
    expect(text).not.toContain('{{');
    const head = (await s.app.store.staff('babel', demoEmail('babel', 'kepala_dinas')))!;
    for (const needle of [
      'PEMERINTAH PROVINSI KEPULAUAN BANGKA BELITUNG',
      `${e.context!.nomor}`,
      'Undangan Bimtek SPP-TIK (contoh lokal)',
      'Para Peserta Bimtek SPP-TIK (contoh lokal)\n(nama-nama terlampir)\ndi Tempat',
      'Minggu s.d. Rabu, 19–22 Mei 2024',
      '08.30 WIB sampai dengan selesai',
      'Swiss-Belhotel Pangkalpinang',
      '1. Laptop atau telepon pintar dengan pengisi daya',
      'DAFTAR PESERTA',
      `Surat Kepala Dinas Kearsipan dan Perpustakaan Provinsi Kepulauan Bangka Belitung`,
      'Kepala Dinas Kearsipan dan Perpustakaan Provinsi Kepulauan Bangka Belitung,',
      'No.\nNama\nPerpustakaan/TBM\nDesa/Kelurahan\nKabupaten/Kota\n1.\nPeserta 001 Babel\nTBM Cahaya 1\nDesa 0\nKota Pangkalpinang\n2.\nPeserta 002 Babel\nTBM Cahaya 2\nDesa 1\nKabupaten Bangka Tengah',
      '300.\nPeserta 300 Babel\nTBM Cahaya 300\nDesa 10\nKabupaten Bangka Tengah',
    ]) expect(text).toContain(needle);
    // Signed twice (the letter, and its lampiran) by the head, in the signature's own rows.
    const signature = ['Kepala Dinas Kearsipan dan Perpustakaan Provinsi Kepulauan Bangka Belitung,', head.name, head.pangkat!].map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\n+');
    expect(text.match(new RegExp(`${signature}\\nNIP\\. \\d{8} \\d{6} \\d \\d{3}`, 'g'))).toHaveLength(2);
    // Every participant exactly once, in order.
    const names = [...text.matchAll(/^Peserta (\d{3}) Babel$/gm)].map((m) => Number(m[1]));
    expect(names).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  });
});

describe('a growing table exactly once when Docs fails', () => {
  it('a lost reply to the rows write, then a failed fill: the rows are inserted once, the cells written once', { timeout: 60_000 }, async () => {
    const r = await ask(babel, { kind: 'daftar_hadir', event: 'babel-1', session: 2, tanggal: '2024-05-20' });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    const entry = r.body.documents[0].entry as string;
    const rowsWrite = (q: FakeRequest) => BATCH.test(q.path) && requestsOf(q)[0]?.insertTableRow !== undefined;
    const fillWrite = (q: FakeRequest) => BATCH.test(q.path) && requestsOf(q).some((x: Req) => x.replaceAllText);
    fake.fail({ match: rowsWrite, status: 500, afterHandling: true, times: 1 });
    expect(await s.app.worker!.drain('babel', entry)).toBe('retry');
    fake.fail({ match: fillWrite, status: 503, times: 1 });
    now = new Date(now.getTime() + 5_000);
    expect(await s.app.worker!.drain('babel', entry)).toBe('retry');
    now = new Date(now.getTime() + 5_000);
    expect(await s.app.worker!.drain('babel', entry)).toBe('done');
    expect(fake.requests.filter(rowsWrite)).toHaveLength(1);
    const doc = docOf(entry);
    const rows = [...doc.text.matchAll(/^(\d+)\.\nPeserta \d{3} Babel$/gm)].map((m) => Number(m[1]));
    expect(rows).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(doc.text).not.toContain('{{');
    expect(doc.text).toContain('Sesi 2: Pemanfaatan teknologi informasi dan komunikasi (SPP-TIK) (8 JP)');
    expect(doc.text).toContain('Senin, 20 Mei 2024');
    expect(doc.text).toContain('Presensi mandiri: buka https://api.example.test/h/spptikdemo/<kode presensi>');
    // Sorted by name: the first row is Peserta 001, with their code for session 2.
    const first = (await s.app.programme!.programmes.participants(p.id, { eventId: 'babel-1' })).find((x) => x.name === 'Peserta 001 Babel')!;
    const code = s.app.programme!.tokens.checkInCode(p.id, first.id, 2);
    expect(code).toMatch(/^[0-9A-F]{6}-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(doc.text).toContain(`1.\nPeserta 001 Babel\nTBM Cahaya 1\n${code}\n`);
  });
});

describe('check-in with the code printed on the daftar hadir', () => {
  it('checks the participant in for that session only; a code altered, for another session or malformed is refused', async () => {
    const pt = (await s.app.programme!.programmes.participants(p.id, { eventId: 'babel-1' })).find((x) => x.name === 'Peserta 007 Babel')!;
    const tokens = s.app.programme!.tokens;
    const code = tokens.checkInCode(p.id, pt.id, 3);
    const at = (c: string, method = 'GET') => fetch(`${s.url}/h/${p.id}/${encodeURIComponent(c)}`, { method });
    const page = await at(code);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Presensi sesi 3');
    expect(html).toContain('Peserta 007 Babel');
    expect(html).toContain('Saya hadir');
    expect((await s.app.programme!.programmes.participant(p.id, pt.id))!.attendance['3']).toBeUndefined(); // a GET marks nothing
    // Typed in lower case, without dashes, O for 0: the same code.
    const typed = code.replace(/-/g, '').toLowerCase().replace(/0/g, 'o');
    const marked = await at(typed, 'POST');
    expect(marked.status).toBe(200);
    expect(await marked.text()).toContain('Kehadiran Anda tercatat');
    expect((await s.app.programme!.programmes.participant(p.id, pt.id))!.attendance['3']).toMatchObject({ via: 'tautan', by: pt.id });
    expect(await (await at(code, 'POST')).text()).toContain('sudah tercatat');
    // The same participant's code for session 2 is another code; altering one character breaks it.
    const last = code.at(-1) === 'Z' ? 'Y' : 'Z';
    expect((await at(`${code.slice(0, -1)}${last}`)).status).toBe(404);
    expect((await at(`FFFFFF-${code.slice(-6)}`)).status).toBe(404);
    expect((await at('not-a-code')).status).toBe(400);
    expect((await fetch(`${s.url}/h/tidakada/${code}`)).status).toBe(404);
    // Sixty days after the event the code no longer works.
    const saved = now;
    now = new Date('2024-07-23T00:00:00Z');
    expect((await at(tokens.checkInCode(p.id, pt.id, 4))).status).toBe(404);
    now = saved;
  });
});

describe('laporan pelaksanaan: the event in figures, with the organiser notes', () => {
  it('states the trainers, each session with its JP and attendance, completion and certificates, kendala and rekomendasi', { timeout: 60_000 }, async () => {
    const ids = (await s.app.programme!.programmes.participants(p.id, { eventId: 'babel-1', status: 'registered' })).sort((a, b) => a.name.localeCompare(b.name)).map((x) => x.id);
    const mark = (session: number, who: string[]) => s.call('POST', `${P}/babel/programmes/${p.id}/attendance`, { as: babel, body: { event: 'babel-1', session, participants: who } });
    // 250 attend all five sessions, 30 only the first two, 20 none.
    for (const session of [1, 2]) expect((await mark(session, ids.slice(0, 280))).status).toBe(200);
    for (const session of [3, 4, 5]) expect((await mark(session, ids.slice(0, 250))).status).toBe(200);
    expect((await s.call('POST', `${P}/babel/programmes/${p.id}/certificates`, { as: babel, body: { event: 'babel-1' } })).body.issued).toBe(250);
    const r = await ask(babel, { kind: 'laporan_pelaksanaan', event: 'babel-1', kendala: 'Jaringan internet hotel terputus pada sesi 2 selama 40 menit.', rekomendasi: 'Sediakan modem cadangan.\nTambah satu pelatih untuk praktik SPP-TIK.' });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    await render();
    const text = docOf(r.body.documents[0].entry).text;
    const trainers = (await s.app.programme!.programmes.trainers(p.id)).filter((t) => ['pelatih-001', 'pelatih-002'].includes(t.id)).map((t) => t.name).sort((a, b) => a.localeCompare(b, 'id'));
    for (const needle of [
      'LAPORAN PELAKSANAAN',
      'GELOMBANG 1, KEPULAUAN BANGKA BELITUNG (LURING)',
      'Dinas Kearsipan dan Perpustakaan Provinsi Kepulauan Bangka Belitung bersama Perpustakaan Nasional Republik Indonesia',
      'Minggu s.d. Rabu, 19–22 Mei 2024',
      `1. ${trainers[0]}\n2. ${trainers[1]}`,
      '1.\nPengelolaan perpustakaan desa/kelurahan dan TBM\n6\n280 orang\n93%',
      '5.\nPraktik dan rencana tindak lanjut\n6\n250 orang\n83%',
      '300 (tiga ratus) orang',
      '280 (dua ratus delapan puluh) orang (93%)',
      '250 (dua ratus lima puluh) orang (83%), dengan ketentuan hadir paling sedikit 80% dari 30 JP',
      '250 (dua ratus lima puluh) sertifikat',
      'Jaringan internet hotel terputus pada sesi 2 selama 40 menit.',
      'Sediakan modem cadangan.\nTambah satu pelatih untuk praktik SPP-TIK.',
      'Pangkalpinang, 6 Mei 2024',
      'Panitia Bimtek Provinsi,',
    ]) expect(text).toContain(needle);
    expect(text).not.toContain('{{');
  });
});

describe('refusals', () => {
  const bad: [string, string, unknown, number, string?][] = [
    ['another province (host of Kalimantan Selatan asks for babel-1)', kalsel, { kind: 'undangan', event: 'babel-1' }, 400, 'event'],
    ['the owner asks for a host document', owner, { kind: 'undangan', event: 'babel-1' }, 403, 'kind'],
    ['a host asks for the trainers surat tugas', babel, { kind: 'surat_tugas_pelatih', event: 'babel-1' }, 403, 'kind'],
    ['an unknown event', babel, { kind: 'undangan', event: 'babel-9' }, 400, 'event'],
    ['a malformed event', babel, { kind: 'undangan', event: 'Babel 1' }, 400, 'event'],
    ['an unknown kind', babel, { kind: 'sertifikat', event: 'babel-1' }, 400],
    ['an unknown field', babel, { kind: 'undangan', event: 'babel-1', peserta: [] }, 400],
    ['a daftar hadir without its session', babel, { kind: 'daftar_hadir', event: 'babel-1' }, 400, 'session'],
    ['a session the programme lacks', babel, { kind: 'daftar_hadir', event: 'babel-1', session: 9 }, 400, 'session'],
    ['a date outside the event', babel, { kind: 'daftar_hadir', event: 'babel-1', session: 1, tanggal: '2024-06-01' }, 400, 'tanggal'],
    ['sessions without a trainer', owner, { kind: 'surat_tugas_pelatih', event: 'babel-1', sessions: [1] }, 400, 'sessions'],
    ['a trainer not on the event', owner, { kind: 'surat_tugas_pelatih', event: 'babel-1', trainer: 'pelatih-005' }, 400, 'trainer'],
    ['an event without trainers', owner, { kind: 'surat_tugas_pelatih', event: 'babel-2' }, 400, 'event'],
    ['an event without participants', babel, { kind: 'undangan', event: 'babel-2' }, 400, 'event'],
    ['a signer who is not staff', babel, { kind: 'undangan', event: 'babel-1', penandatangan: 'orang@luar.example.org' }, 400, 'penandatangan'],
    ['a time that is no time', babel, { kind: 'undangan', event: 'babel-1', pukul: '25.00' }, 400, 'pukul'],
  ];
  it.each(bad)('%s', async (_name, as, body, status, path) => {
    const r = await ask(as, body);
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    if (path) expect(r.body.error.fields?.[0]?.path ?? r.body.error.path).toBe(path);
  });

  it('needs an Idempotency-Key, and answers an entry only to the agency that issued it', async () => {
    expect((await s.call('POST', docsOf(babel), { as: babel, body: { kind: 'undangan', event: 'babel-1' }, idem: null })).status).toBe(400);
    const r = await ask(babel, { kind: 'daftar_hadir', event: 'babel-1', session: 1 });
    expect(r.status).toBe(202);
    const entry = r.body.documents[0].entry as string;
    expect((await s.call('GET', `${docsOf(babel)}/${entry}`, { as: babel })).body).toMatchObject({ entry, status: 'pending' });
    expect((await s.call('GET', `${docsOf(owner)}/${entry}`, { as: owner })).status).toBe(404);
    expect((await s.call('GET', `${docsOf(babel)}/../x`, { as: babel })).status).toBe(404);
    const list = await s.call('GET', `${docsOf(babel)}?event=babel-1`, { as: babel });
    expect(list.status).toBe(200);
    expect(list.body.requests).toContainEqual(expect.objectContaining({ request: r.body.request, kind: 'daftar_hadir', event: 'babel-1', session: 1, requestedBy: babel, documents: [expect.objectContaining({ entry, status: 'pending' })] }));
    expect(list.body.requests.every((x: { event: string }) => x.event === 'babel-1')).toBe(true);
    expect((await s.call('GET', `${docsOf(kalsel)}?event=babel-1`, { as: kalsel })).status).toBe(400);
  });
});
