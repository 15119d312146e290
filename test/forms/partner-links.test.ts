// Prefilled form links in partner e-mails and for staff, through the real functions-framework
// server on the Firestore emulator: when a staff step brings a case to a step the partner answers
// through a form, the e-mail of that step's letter carries the link (signed for the case's new
// version, so it moves the case exactly once), or asks for a reply by e-mail while the agency has
// no such form; a step without a letter gets an e-mail with only the link; staff can read the link
// of the current step (GET .../partner-link) or learn why there is none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENCIES } from '../../functions/src/dev/demo.ts';
import { fullInput, stepOf } from '../../functions/src/dev/sample-input.ts';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import type { OutboxEntry } from '../../functions/src/model/records.ts';
import { startStack, type Stack } from '../support/stack.ts';

let s: Stack;
/** Google question ids of the reference question; their decimal value is the prefill `entry.` id. */
const KONFIRMASI_QID = '3f2a9c11';
const BUKU_TAMU_QID = '0a1b';
const fakeForm = (id: string, qid: string) => ({ googleFormId: `g-${id}`, responderUri: `https://docs.google.com/forms/d/e/FAKE-${id}/viewform`, questionIds: { kode_kasus: qid }, version: 1 });

beforeAll(async () => {
  s = await startStack();
  // As `create-forms` would leave them: Balangan and Babel have their answer forms, Sukoharjo none.
  await s.app.store.putAgency('balangan', { ...DEMO_AGENCIES.balangan, forms: { pusling_konfirmasi: fakeForm('pusling_konfirmasi', KONFIRMASI_QID) } });
  await s.app.store.putAgency('babel', { ...DEMO_AGENCIES.babel, forms: { kunjungan_buku_tamu: fakeForm('kunjungan_buku_tamu', BUKU_TAMU_QID) } });
});
afterAll(async () => s?.close());

async function newCase(agency: string, sop: string) {
  const def = catalogById(sop);
  const r = await s.call('POST', `/v1/agencies/${agency}/cases`, { as: s.who(agency, (def.createRoles ?? stepOf(def, def.startStep).actors)[0]!), body: { sop, partner: { name: 'SD Negeri 2 Uji', email: 'tu@sdn2uji.example.org' } } });
  expect(r.status).toBe(201);
  return r.body.state.id as string;
}

/** Takes the steps as the demo staff of each (decisions "yes"); returns the case after the last. */
async function advance(agency: string, sop: string, caseId: string, steps: number[]) {
  let state;
  for (const no of steps) {
    const st = stepOf(catalogById(sop), no);
    const decide = st.kind === 'decision';
    const r = await s.call('POST', `/v1/agencies/${agency}/cases/${caseId}/actions`, { as: s.who(agency, st.actors[0]!), body: { type: decide ? 'decide' : 'complete', step: no, ...(decide ? { decision: 'yes' } : {}), ...fullInput(st) } });
    expect(r.status, `${sop} ${no}: ${JSON.stringify(r.body).slice(0, 300)}`).toBe(200);
    state = r.body.state;
  }
  return state;
}

async function mails(agency: string, caseId: string): Promise<OutboxEntry[]> {
  return (await s.db.collection(`agencies/${agency}/outbox`).where('caseId', '==', caseId).get()).docs.map((d) => d.data() as OutboxEntry);
}

describe('prefilled links in partner e-mails', () => {
  it('Pusling step 5: the schedule e-mail carries the confirmation form, prefilled with a reference that moves the case once', async () => {
    const caseId = await newCase('balangan', 'pusling');
    const at6 = await advance('balangan', 'pusling', caseId, [1, 2, 3, 4, 5]);
    expect(at6.currentStep).toBe(6);
    const letter = (await mails('balangan', caseId)).find((e) => e.docId === 'jadwal_kunjungan')!;
    expect(letter.email!.to).toEqual(['tu@sdn2uji.example.org']);
    const text = letter.email!.text;
    expect(text).toContain('Langkah berikutnya: Konfirmasikan jadwal kunjungan mobil Perpustakaan Keliling, atau minta jadwal lain.');
    expect(text).toMatch(/Isi formulir "Konfirmasi Jadwal Perpustakaan Keliling" melalui tautan berikut; kode kasus Anda sudah terisi dan tautan berlaku sampai \d{1,2} \w+ \d{4}:/);
    const entry = `entry.${BigInt(`0x${KONFIRMASI_QID}`).toString(10)}`;
    const url = new URL(/https:\/\/docs\.google\.com\/forms\/\S+/.exec(text)![0]);
    expect(url.origin + url.pathname).toBe('https://docs.google.com/forms/d/e/FAKE-pusling_konfirmasi/viewform');
    expect(url.searchParams.get('usp')).toBe('pp_url');
    const ref = url.searchParams.get(entry)!;
    expect(ref).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    // Only one letter e-mail: no extra link-only e-mail when a letter already goes to the partner.
    expect((await mails('balangan', caseId)).filter((e) => e.kind === 'mail')).toEqual([]);

    // The partner answers through it: signed for the version step 5 wrote, so it takes step 6.
    const answers = { kode_kasus: [ref], keputusan: ['yes'], waktu: [`${new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10)} 09:00`], lokasi: ['Halaman SDN 2'] };
    const r = await s.app.forms!.receive('balangan', { formId: 'pusling_konfirmasi', responseId: `resp-link-${caseId}`, submittedAt: new Date().toISOString(), respondentEmail: null, answers });
    expect(r.submission.status, JSON.stringify(r.submission)).toBe('accepted');
    const after = (await s.call('GET', `/v1/agencies/balangan/cases/${caseId}`, { as: s.who('balangan', 'kasi_layanan') })).body;
    expect(after.case.currentStep).toBe(9);
    expect(after.events.at(-1)).toMatchObject({ step: 6, decision: 'yes', actor: { via: 'formulir' } });
  });

  it('an agency without the form: the same e-mail asks for a reply by e-mail instead', async () => {
    const caseId = await newCase('sukoharjo', 'pusling');
    await advance('sukoharjo', 'pusling', caseId, [1, 2, 3, 4, 5]);
    const text = (await mails('sukoharjo', caseId)).find((e) => e.docId === 'jadwal_kunjungan')!.email!.text;
    expect(text).toContain('Langkah berikutnya: Konfirmasikan jadwal kunjungan mobil Perpustakaan Keliling, atau minta jadwal lain. Formulir daring untuk itu belum tersedia; mohon balas e-mail ini dengan menyebut nomor kasus PUSLING/');
    expect(text).not.toMatch(/https?:\/\//);
  });

  it('Kunjungan step 8 has no letter: the visitors get an e-mail with only the guest-book link', async () => {
    const caseId = await newCase('babel', 'kunjungan');
    const before = await advance('babel', 'kunjungan', caseId, [1, 2, 3, 4, 5, 6, 7]);
    expect(before.currentStep).toBe(8);
    expect((await mails('babel', caseId)).filter((e) => e.kind === 'mail')).toEqual([]);
    const at9 = await advance('babel', 'kunjungan', caseId, [8]);
    const [mail, ...more] = (await mails('babel', caseId)).filter((e) => e.kind === 'mail');
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ id: `${caseId}-formulir_kunjungan_buku_tamu-v${at9.version}`, status: 'pending', email: { to: ['tu@sdn2uji.example.org'], subject: expect.stringContaining('Buku Tamu Kunjungan Resmi') } });
    expect(mail!.email!.text).toContain('Isi buku tamu ini setelah kunjungan.');
    expect(mail!.email!.text).toContain(`entry.${BigInt(`0x${BUKU_TAMU_QID}`).toString(10)}=`);
  });
});

describe('the link for staff (GET .../partner-link)', () => {
  it('the current step form, prefilled; or 404 saying why there is none', async () => {
    const caseId = await newCase('balangan', 'pusling');
    const at1 = await s.call('GET', `/v1/agencies/balangan/cases/${caseId}/partner-link`, { as: s.who('balangan', 'kasi_layanan') });
    expect(at1.status).toBe(404);
    expect(at1.body.error.message).toContain('tidak dijawab mitra melalui formulir');
    const detail1 = await s.call('GET', `/v1/agencies/balangan/cases/${caseId}`, { as: s.who('balangan', 'kasi_layanan') });
    expect(detail1.body.partnerForm).toBeNull();

    await advance('balangan', 'pusling', caseId, [1, 2, 3, 4, 5]);
    const detail6 = await s.call('GET', `/v1/agencies/balangan/cases/${caseId}`, { as: s.who('balangan', 'petugas_pusling') });
    expect(detail6.body.partnerForm).toEqual({ formId: 'pusling_konfirmasi', title: 'Konfirmasi Jadwal Perpustakaan Keliling' });
    const r = await s.call('GET', `/v1/agencies/balangan/cases/${caseId}/partner-link`, { as: s.who('balangan', 'kasi_layanan') });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ caseId, step: 6, formId: 'pusling_konfirmasi', instruction: expect.stringContaining('Konfirmasikan jadwal'), expiresLocal: expect.stringMatching(/WITA$/) });
    expect(r.body.url).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/FAKE-pusling_konfirmasi\/viewform\?usp=pp_url&entry\.\d+=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(new Date(r.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    const noForm = await newCase('sukoharjo', 'pusling');
    await advance('sukoharjo', 'pusling', noForm, [1, 2, 3, 4, 5]);
    const missing = await s.call('GET', `/v1/agencies/sukoharjo/cases/${noForm}/partner-link`, { as: s.who('sukoharjo', 'kasi_layanan') });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('Formulir "Konfirmasi Jadwal Perpustakaan Keliling" belum dibuat');

    const cancelled = await s.call('POST', `/v1/agencies/sukoharjo/cases/${noForm}/cancel`, { as: s.who('sukoharjo', 'kabid_perpustakaan'), body: { reason: 'Uji' } });
    expect(cancelled.status).toBe(200);
    const over = await s.call('GET', `/v1/agencies/sukoharjo/cases/${noForm}/partner-link`, { as: s.who('sukoharjo', 'kasi_layanan') });
    expect([over.status, over.body.error.message]).toEqual([404, expect.stringContaining('dibatalkan')]);
    expect((await s.call('GET', `/v1/agencies/balangan/cases/TidakAda1/partner-link`, { as: s.who('balangan', 'kasi_layanan') })).status).toBe(404);
    expect((await s.call('GET', `/v1/agencies/balangan/cases/${caseId}/partner-link`, { as: s.who('sukoharjo', 'kasi_layanan') })).body.error.code).toBe('NOT_STAFF');
  });
});
