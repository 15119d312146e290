// Partner form responses recorded through the real case service and the Firestore emulator: every
// form's happy path, exactly once under repeated delivery, malformed answers and bad references
// rejected with reasons (no case created or moved), bursts and repeats held, a receipt per
// accepted submission and none for the others.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleAnswers } from '../../functions/src/dev/sample-answers.ts';
import { fullInput, stepOf } from '../../functions/src/dev/sample-input.ts';
import { formById } from '../../functions/src/forms/index.ts';
import type { IncomingResponse } from '../../functions/src/forms/service.ts';
import { createRefs } from '../../functions/src/forms/refs.ts';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { snapshotProject } from '../support/snapshot.ts';
import { FORMS_SECRET, startStack, type Stack } from '../support/stack.ts';

let s: Stack;
beforeAll(async () => {
  s = await startStack();
});
afterAll(async () => s?.close());

const forms = () => s.app.forms!;
const outbox = async (agency: string) => (await s.db.collection('agencies').doc(agency).collection('outbox').where('kind', '==', 'mail').get()).docs.map((d) => d.data());

function response(formId: string, answers: Record<string, string[]>, responseId = `resp${randomUUID().replace(/-/g, '')}`): IncomingResponse {
  return { formId, responseId, submittedAt: new Date().toISOString(), respondentEmail: null, answers };
}

/** Distinct contact per call, so the burst and repeat checks stay out of the way of other tests. */
let seq = 0;
function answersOf(formId: string, extra: Record<string, string[]> = {}): Record<string, string[]> {
  seq++;
  const a = sampleAnswers(formById(formId)!);
  if (a.email) a.email = [`mitra${seq}@sekolah.example.org`];
  if (a.telepon) a.telepon = [`+62 812 0000 ${String(1000 + seq)}`];
  for (const k of ['lembaga', 'instansi', 'komunitas', 'perpustakaan']) if (a[k]) a[k] = [`${a[k]![0]} ${seq}`];
  return { ...a, ...extra };
}

/** Takes a case through `route` as the demo staff of each step (decisions "yes" unless given). */
async function advance(agency: string, sop: string, caseId: string, route: (number | [number, 'yes' | 'no'])[]) {
  const def = catalogById(sop);
  for (const move of route) {
    const no = typeof move === 'number' ? move : move[0];
    const step = stepOf(def, no);
    const body = typeof move === 'number' ? { type: 'complete', step: no, ...fullInput(step) } : { type: 'decide', step: no, decision: move[1], ...fullInput(step) };
    const r = await s.call('POST', `/v1/agencies/${agency}/cases/${caseId}/actions`, { as: s.who(agency, step.actors[0]!), body });
    expect(r.status, `${sop} step ${no}: ${JSON.stringify(r.body).slice(0, 300)}`).toBe(200);
  }
  return (await s.call('GET', `/v1/agencies/${agency}/cases/${caseId}`, { as: s.who(agency, 'kasi_layanan') })).body.case;
}

async function staffCase(agency: string, sop: string) {
  const def = catalogById(sop);
  const r = await s.call('POST', `/v1/agencies/${agency}/cases`, { as: s.who(agency, (def.createRoles ?? stepOf(def, def.startStep).actors)[0]!), body: { sop, partner: { name: 'Mitra Uji', email: 'mitra@uji.example.org' } } });
  expect(r.status).toBe(201);
  return r.body.state;
}

describe('forms that open a case', () => {
  for (const [formId, agency, atStep] of [
    ['kunjungan_permohonan', 'babel', 2],
    ['pusling_permintaan', 'balangan', 1],
    ['burt_peminjaman', 'balangan', 1],
    ['pks_penawaran', 'sukoharjo', 1],
    ['kitapun_pendaftaran', 'sukoharjo', 1],
  ] as const) {
    it(`${formId}: opens a case with the partner's data, recorded as done by the partner, with a receipt`, async () => {
      const before = (await outbox(agency)).length;
      const r = await forms().receive(agency, response(formId, answersOf(formId)));
      expect(r.submission.status, JSON.stringify(r.submission)).toBe('accepted');
      const c = (await s.call('GET', `/v1/agencies/${agency}/cases/${r.submission.caseId}`, { as: s.who(agency, 'kasi_layanan') })).body;
      expect(c.case.currentStep).toBe(atStep);
      expect(c.case.partner.name).toMatch(/ \d+$/);
      expect(c.events[0].actor).toMatchObject({ via: 'formulir', roles: [] });
      for (const e of c.events) expect(e.actor.via).toBe('formulir');
      const mails = await outbox(agency);
      expect(mails.length).toBe(before + 1);
      const mine = mails.find((m) => m.caseId === c.case.id)!;
      expect(mine.email.text).toContain(c.case.nomor);
      expect(mine.email.text).toMatch(/https:\/\/api\.example\.test\/p\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}/);
    });
  }

  it('kunjungan: the request completes step 1 with the letter link; the contact and purpose stay on the case', async () => {
    const r = await forms().receive('babel', response('kunjungan_permohonan', answersOf('kunjungan_permohonan')));
    const c = (await s.call('GET', `/v1/agencies/babel/cases/${r.submission.caseId}`, { as: s.who('babel', 'front_office') })).body;
    expect(c.events.map((e: { action: string }) => e.action)).toEqual(['create', 'complete']);
    expect(c.case.documents.surat_kunjungan).toMatchObject({ status: 'provided', url: expect.stringMatching(/^https:/) });
    expect(c.case.data).toMatchObject({ jumlah_pengunjung: 25, jam_kunjungan: '09:30', tujuan_kunjungan: expect.any(String), nama_kontak: expect.any(String) });
  });
});

describe('forms that answer a case', () => {
  it('pusling: the partner confirms the schedule (step 6 "yes") through the prefilled link; the case moves to step 9', async () => {
    const c = await staffCase('balangan', 'pusling');
    const at6 = await advance('balangan', 'pusling', c.id, [1, 2, [3, 'yes'], 4, 5]);
    expect(at6.currentStep).toBe(6);
    const ref = forms().reference('balangan', c.id, 6, at6.version);
    const r = await forms().receive('balangan', response('pusling_konfirmasi', answersOf('pusling_konfirmasi', { kode_kasus: [ref], keputusan: ['yes'] })));
    expect(r.submission.status, JSON.stringify(r.submission)).toBe('accepted');
    const after = (await s.call('GET', `/v1/agencies/balangan/cases/${c.id}`, { as: s.who('balangan', 'kasi_layanan') })).body;
    expect(after.case.currentStep).toBe(9);
    expect(after.events.at(-1)).toMatchObject({ action: 'decide', decision: 'yes', step: 6, actor: { via: 'formulir' } });
    // The same link again: used.
    const again = await forms().receive('balangan', response('pusling_konfirmasi', answersOf('pusling_konfirmasi', { kode_kasus: [ref], keputusan: ['no'] })));
    expect(again.submission).toMatchObject({ status: 'rejected', caseId: null });
    expect(again.submission.reason).toMatch(/sudah berubah|versi/);
  });

  it('kunjungan: the visitors sign the guest book at step 9', async () => {
    const c = await staffCase('babel', 'kunjungan');
    const at9 = await advance('babel', 'kunjungan', c.id, [1, 2, 3, 4, 5, [6, 'yes'], 7, 8]);
    const ref = forms().reference('babel', c.id, 9, at9.version);
    const r = await forms().receive('babel', response('kunjungan_buku_tamu', { kode_kasus: [ref], hadir: ['31'], kesan: ['Terima kasih, sangat bermanfaat.'] }));
    expect(r.submission.status, JSON.stringify(r.submission)).toBe('accepted');
    const after = (await s.call('GET', `/v1/agencies/babel/cases/${c.id}`, { as: s.who('babel', 'front_office') })).body;
    expect(after.case).toMatchObject({ currentStep: 10, data: { jumlah_pengunjung_hadir: 31 } });
  });

  it('pks: the partner answers the draft; the reply is on the case, which stays at its step', async () => {
    const c = await staffCase('sukoharjo', 'pks');
    const at7 = await advance('sukoharjo', 'pks', c.id, [1, 2, 3, 4, [5, 'yes'], 6]);
    const ref = forms().reference('sukoharjo', c.id, 7, at7.version);
    const r = await forms().receive('sukoharjo', response('pks_tanggapan', { kode_kasus: [ref], setuju: ['perubahan'], usulan: ['Pasal 3 mohon diubah.'] }));
    expect(r.submission.status, JSON.stringify(r.submission)).toBe('accepted');
    const after = (await s.call('GET', `/v1/agencies/sukoharjo/cases/${c.id}`, { as: s.who('sukoharjo', 'kasi_layanan') })).body;
    expect(after.case).toMatchObject({ currentStep: 7, data: { tanggapan_draft_mitra: 'perubahan' } });
    expect(after.events.at(-1)).toMatchObject({ action: 'respond', step: 7, toStep: 7, note: 'Pasal 3 mohon diubah.', actor: { via: 'formulir' } });
  });
});

describe('exactly once, never dropped', () => {
  it('the same response delivered 3 times (at once and again): 1 case, 1 receipt', async () => {
    const resp = response('pusling_permintaan', answersOf('pusling_permintaan'));
    const before = (await outbox('balangan')).length;
    const rs = await Promise.all([forms().receive('balangan', resp), forms().receive('balangan', resp)]);
    const third = await forms().receive('balangan', resp);
    const ids = new Set([...rs, third].map((r) => r.submission.caseId));
    expect(ids.size).toBe(1);
    expect([...rs, third].filter((r) => !r.replayed)).toHaveLength(1);
    expect((await outbox('balangan')).length).toBe(before + 1);
  });

  const malformed: [string, Record<string, string[]>, RegExp][] = [
    ['a missing answer', { lembaga: [] }, /wajib diisi/],
    ['1 MB of text', { catatan: ['x'.repeat(1_000_000)] }, /5\.000 karakter/],
    ['HTML and script', { lembaga: ['<script>alert(1)</script>'] }, /HTML/],
    ['a formula', { lembaga: ['=IMPORTXML("http://x")'] }, /diawali =/],
    ['an invalid e-mail', { email: ['bukan email'] }, /e-mail/],
    ['an invalid phone', { telepon: ['12'] }, /telepon/],
    ['a date in the past', { waktu: ['2020-01-01 08:00'] }, /sudah lewat/],
    ['a wrong-typed number', { jumlah: ['banyak'] }, /bilangan bulat/],
  ];
  for (const [name, change, reason] of malformed) {
    it(`${name}: kept as rejected with the reason, no case created, no e-mail`, async () => {
      const before = await snapshotProject(s.db);
      const r = await forms().receive('balangan', response('pusling_permintaan', answersOf('pusling_permintaan', change)));
      expect(r.submission).toMatchObject({ status: 'rejected', caseId: null });
      expect(r.submission.problems.map((p) => p.message).join(' ')).toMatch(reason);
      const after = await snapshotProject(s.db);
      const added = Object.keys(after).filter((k) => !(k in before));
      expect(added).toEqual([`agencies/balangan/submissions/${r.submission.id}`]);
      expect(JSON.stringify(after[added[0]!]).length).toBeLessThan(100_000);
    });
  }

  it('bursts from one contact and the same request twice within a day are held, without a case or an e-mail', async () => {
    const phone = '+62 811 9999 0001';
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await forms().receive('balangan', response('pusling_permintaan', { ...answersOf('pusling_permintaan'), telepon: [phone] })));
    expect(results.map((r) => r.submission.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'held']);
    const same = answersOf('pusling_permintaan');
    const a = await forms().receive('balangan', response('pusling_permintaan', same));
    const b = await forms().receive('balangan', response('pusling_permintaan', same));
    expect([a.submission.status, b.submission.status]).toEqual(['accepted', 'held']);
    expect(b.submission).toMatchObject({ caseId: null });
    expect(b.submission.reason).toContain(a.submission.caseNomor!);
  });
});

describe('signed references', () => {
  it('forged, tampered, expired, for another agency, case or step, or not a reference: refused, nothing moves', async () => {
    const c = await staffCase('balangan', 'pusling');
    const at6 = await advance('balangan', 'pusling', c.id, [1, 2, [3, 'yes'], 4, 5]);
    const good = forms().reference('balangan', c.id, 6, at6.version);
    const [payload, sig] = good.split('.') as [string, string];
    const forged = createRefs('rahasia-lain-yang-cukup-panjang-0123456789').sign({ k: 'form', a: 'balangan', c: c.id, s: 6, v: at6.version, e: 4_102_444_800 });
    const refs = createRefs(FORMS_SECRET);
    const cases: [string, string, RegExp][] = [
      ['forged', forged, /tidak sah/],
      ['tampered', `${Buffer.from(Buffer.from(payload, 'base64url').toString().replace(`"s":6`, `"s":7`)).toString('base64url')}.${sig}`, /tidak sah/],
      ['expired', refs.sign({ k: 'form', a: 'balangan', c: c.id, s: 6, v: at6.version, e: 1_000 }), /kedaluwarsa/],
      ['another agency', refs.sign({ k: 'form', a: 'sukoharjo', c: c.id, s: 6, v: at6.version, e: 4_102_444_800 }), /instansi ini/],
      ['another case', refs.sign({ k: 'form', a: 'balangan', c: 'TidakAda123', s: 6, v: at6.version, e: 4_102_444_800 }), /tidak ditemukan/],
      ['another step', refs.sign({ k: 'form', a: 'balangan', c: c.id, s: 5, v: at6.version, e: 4_102_444_800 }), /langkah 5/],
      ['a status link', refs.sign({ k: 'status', a: 'balangan', c: c.id, e: 4_102_444_800 }), /bukan untuk formulir/],
      ['garbage', 'abc', /tidak dikenali/],
    ];
    for (const [name, ref, reason] of cases) {
      const r = await forms().receive('balangan', response('pusling_konfirmasi', answersOf('pusling_konfirmasi', { kode_kasus: [ref] })));
      expect(r.submission.status, name).toBe('rejected');
      expect(r.submission.reason, name).toMatch(reason);
    }
    const still = (await s.call('GET', `/v1/agencies/balangan/cases/${c.id}`, { as: s.who('balangan', 'kasi_layanan') })).body.case;
    expect(still).toMatchObject({ currentStep: 6, version: at6.version });
  });
});
