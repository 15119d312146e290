// "Kiriman mitra" through the real functions-framework server on the Firestore emulator: staff list
// submissions by status, newest first, and turn a rejected or held one into a case (corrected
// answers checked again and refused naming the question; a replay answers the first case; a second
// try with another key, a form that answers a case, or an accepted submission is refused with 409).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleAnswers } from '../../functions/src/dev/sample-answers.ts';
import { formById } from '../../functions/src/forms/index.ts';
import type { IncomingResponse } from '../../functions/src/forms/service.ts';
import type { SubmissionListResponse, SubmissionView } from '../../functions/src/contract.ts';
import { snapshotProject } from '../support/snapshot.ts';
import { startStack, type Stack } from '../support/stack.ts';

let s: Stack;
beforeAll(async () => {
  s = await startStack();
});
afterAll(async () => s?.close());

const A = '/v1/agencies/balangan';
const kasi = () => s.who('balangan', 'kasi_layanan');

let seq = 0;
/** A response with a contact of its own, so the burst and repeat checks stay out of the way. */
function response(formId: string, change: Record<string, string[]> = {}): IncomingResponse {
  seq++;
  const a = sampleAnswers(formById(formId)!);
  if (a.email) a.email = [`mitra${seq}@sekolah.example.org`];
  if (a.telepon) a.telepon = [`+62 812 1111 ${String(1000 + seq)}`];
  for (const k of ['lembaga', 'instansi']) if (a[k]) a[k] = [`${a[k]![0]} ${seq}`];
  return { formId, responseId: `resp${randomUUID().replace(/-/g, '')}`, submittedAt: new Date().toISOString(), respondentEmail: null, answers: { ...a, ...change } };
}

async function rejected(agency = 'balangan', formId = 'pusling_permintaan', change: Record<string, string[]> = { email: ['bukan email'] }) {
  const r = await s.app.forms!.receive(agency, response(formId, change));
  expect(r.submission.status, JSON.stringify(r.submission)).toBe('rejected');
  return r.submission;
}

const list = async (query = '') => s.call<SubmissionListResponse>('GET', `${A}/submissions${query}`, { as: kasi() });
const openCase = (id: string, body: unknown = {}, o: { as?: string; idem?: string; agency?: string } = {}) =>
  s.call('POST', `/v1/agencies/${o.agency ?? 'balangan'}/submissions/${id}/case`, { as: o.as ?? kasi(), body, ...(o.idem ? { idem: o.idem } : {}) });

describe('listing', () => {
  it('by status, newest first, limited, with the form, the reasons per question and the answers', async () => {
    const first = await rejected();
    const second = await rejected('balangan', 'pusling_permintaan', { telepon: ['12'], waktu: ['2020-01-01 08:00'] });
    const accepted = await s.app.forms!.receive('balangan', response('pusling_permintaan'));
    expect(accepted.submission.status).toBe('accepted');

    const r = await list('?status=rejected');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.submissions.every((x) => x.status === 'rejected')).toBe(true);
    const ids = r.body.submissions.map((x) => x.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    const v = r.body.submissions.find((x) => x.id === second.id)!;
    expect(v).toMatchObject({ formTitle: 'Permintaan Layanan Perpustakaan Keliling', formMode: 'open', canOpenCase: true, caseId: null, reason: expect.stringMatching(/tidak lengkap atau tidak valid/) });
    expect(v.receivedLocal).toMatch(/^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ \d{4} \d{2}\.\d{2} WITA$/);
    expect(v.problems.map((p) => p.path).sort()).toEqual(['telepon', 'waktu']);
    expect(v.answers.find((a) => a.id === 'telepon')).toMatchObject({ title: 'Nomor telepon/WhatsApp', kind: 'phone', required: true, values: ['12'] });
    // Rejected before its answers were read: the contact is what the partner typed.
    expect(v.contact).toEqual({ name: expect.stringMatching(/^SD Negeri 1 Paringin \d+$/), email: expect.stringMatching(/@sekolah\.example\.org$/), phone: '12' });

    const acc = await list('?status=accepted');
    expect(acc.body.submissions[0]).toMatchObject({ id: accepted.submission.id, status: 'accepted', caseNomor: accepted.submission.caseNomor, canOpenCase: false, reason: null });

    const one = await list('?status=rejected&limit=1');
    expect(one.body).toMatchObject({ limit: 1, more: true });
    expect(one.body.submissions.map((x) => x.id)).toEqual([second.id]);
    const all = await list();
    expect(all.body.limit).toBe(50);
    expect(new Set(all.body.submissions.map((x) => x.status))).toEqual(new Set(['rejected', 'accepted']));
  });

  it('refuses a bad status or limit with 400 naming the parameter, and strangers with 403', async () => {
    for (const q of ['?status=semua', '?limit=0', '?limit=201', '?limit=x', '?lain=1']) {
      const r = await s.call('GET', `${A}/submissions${q}`, { as: kasi() });
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBe('INVALID_INPUT');
    }
    expect((await s.call('GET', `${A}/submissions`, { as: s.who('sukoharjo', 'kasi_layanan') })).body.error.code).toBe('NOT_STAFF');
  });
});

describe('a case from a rejected or held submission', () => {
  it('opens a case of the form SOP with the corrected answers, recorded as done by the staff member, and marks the submission handled', async () => {
    const sub = await rejected();
    const r = await openCase(sub.id, { answers: { email: ['sekolah.benar@example.org'] } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.replayed).toBe(false);
    const c = (await s.call('GET', `${A}/cases/${r.body.state.id}`, { as: kasi() })).body;
    expect(c.case).toMatchObject({ sopId: 'pusling', currentStep: 1, partner: { name: expect.stringMatching(/^SD Negeri 1 Paringin \d+$/), email: 'sekolah.benar@example.org' } });
    expect(c.case.data).toMatchObject({ lokasi_kunjungan: 'Jl. Jend. A. Yani No. 5', email_pengguna_layanan: 'sekolah.benar@example.org' });
    expect(c.events).toHaveLength(1);
    expect(c.events[0].actor).toEqual({ email: kasi(), name: expect.any(String), roles: expect.arrayContaining(['kasi_layanan']) });

    const after = (await list('?status=rejected')).body.submissions.find((x) => x.id === sub.id)!;
    expect(after).toMatchObject({ status: 'rejected', handledBy: kasi(), caseId: c.case.id, caseNomor: c.case.nomor, canOpenCase: false });
    expect(after.handledLocal).toMatch(/WITA$/);
    // What the partner sent stays as sent; the corrected value is on the case and its event.
    expect(after.answers.find((a) => a.id === 'email')!.values).toEqual(['bukan email']);
  });

  it('a form that completes the start step: the case moves past it, the step recorded as the staff member', async () => {
    const sub = await rejected('babel', 'kunjungan_permohonan', { jumlah: ['banyak'] });
    const r = await openCase(sub.id, { answers: { jumlah: ['30'] } }, { agency: 'babel', as: s.who('babel', 'front_office') });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.state).toMatchObject({ currentStep: 2, data: { jumlah_pengunjung: 30 } });
    expect(r.body.state.documents.surat_kunjungan).toMatchObject({ status: 'provided', url: 'https://drive.example.org/surat-permohonan.pdf' });
    expect(r.body.event).toMatchObject({ action: 'complete', step: 1, actor: { email: s.who('babel', 'front_office') } });
    expect(r.body.event.actor.via).toBeUndefined();
  });

  it('corrected answers that are still invalid: 400 naming the question, nothing written', async () => {
    const sub = await rejected();
    const before = await snapshotProject(s.db);
    const r = await openCase(sub.id, { answers: { email: ['masih salah'], jumlah: ['banyak'] } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('INVALID_INPUT');
    expect(r.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['answers.email', 'answers.jumlah']);
    expect(r.body.error.message).toContain('Alamat e-mail (tanda terima dikirim ke sini): bukan alamat e-mail yang valid.');
    const unknown = await openCase(sub.id, { answers: { tidak_ada: ['x'] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ path: 'answers.tidak_ada', message: expect.stringContaining('tidak ada pada formulir') }]);
    const asSent = await openCase(sub.id);
    expect(asSent.status).toBe(400);
    expect(asSent.body.error.path).toBe('answers.email');
    expect(await snapshotProject(s.db)).toEqual(before);
  });

  it('the same key again replays the first case; another key on the handled submission is 409 SUBMISSION_HANDLED', async () => {
    const sub = await rejected();
    const body = { answers: { email: ['replay@example.org'] } };
    const idem = `kiriman-${randomUUID()}`;
    const first = await openCase(sub.id, body, { idem });
    expect(first.status).toBe(201);
    const again = await openCase(sub.id, body, { idem });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ replayed: true, state: { id: first.body.state.id, nomor: first.body.state.nomor } });
    const other = await openCase(sub.id, body);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('SUBMISSION_HANDLED');
    expect(other.body.error.message).toContain(`sudah dijadikan kasus ${first.body.state.nomor}`);
    const reused = await openCase(sub.id, { answers: { email: ['lain@example.org'] } }, { idem });
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('two sidebars at once, each with its own key: exactly one case', async () => {
    const sub = await rejected();
    const body = { answers: { email: ['bersamaan@example.org'] } };
    const rs = await Promise.all([openCase(sub.id, body), openCase(sub.id, body), openCase(sub.id, body)]);
    expect(rs.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(rs.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(['SUBMISSION_HANDLED', 'SUBMISSION_HANDLED']);
    const cases = await s.db.collection('agencies/balangan/cases').where('data.email_pengguna_layanan', '==', 'bersamaan@example.org').get();
    expect(cases.size).toBe(1);
  });

  it('a held submission opens as it is', async () => {
    const resp = response('pusling_permintaan');
    const a = await s.app.forms!.receive('balangan', resp);
    const b = await s.app.forms!.receive('balangan', { ...resp, responseId: `resp${randomUUID().replace(/-/g, '')}` });
    expect([a.submission.status, b.submission.status]).toEqual(['accepted', 'held']);
    const held = (await list('?status=held')).body.submissions.find((x) => x.id === b.submission.id)!;
    expect(held).toMatchObject({ canOpenCase: true, reason: expect.stringContaining(a.submission.caseNomor!) });
    const r = await openCase(b.submission.id);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.state.nomor).not.toBe(a.submission.caseNomor);
  });

  it('refused: an accepted submission, one that answers a case, an unknown one, a wrong role, no key', async () => {
    const accepted = (await s.app.forms!.receive('balangan', response('pusling_permintaan'))).submission;
    const acc = await openCase(accepted.id);
    expect([acc.status, acc.body.error.code]).toEqual([409, 'SUBMISSION_HANDLED']);
    expect(acc.body.error.message).toContain(accepted.caseNomor!);

    const answer = await rejected('balangan', 'pusling_konfirmasi', { kode_kasus: ['palsu'] });
    const view = (await list('?status=rejected')).body.submissions.find((x: SubmissionView) => x.id === answer.id)!;
    expect(view).toMatchObject({ formMode: 'answer', canOpenCase: false });
    const ans = await openCase(answer.id);
    expect([ans.status, ans.body.error.code]).toEqual([409, 'SUBMISSION_NOT_OPENABLE']);
    expect(ans.body.error.message).toContain('langkah 6');

    expect((await openCase('pusling_permintaan-TidakAda')).status).toBe(404);
    expect((await openCase('../../cases')).status).toBe(404);
    const sub = await rejected();
    const wrong = await openCase(sub.id, { answers: { email: ['x@example.org'] } }, { as: s.who('balangan', 'petugas_sirkulasi') });
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'WRONG_ROLE']);
    const noKey = await s.call('POST', `${A}/submissions/${sub.id}/case`, { as: kasi(), body: {}, idem: null });
    expect([noKey.status, noKey.body.error.path]).toEqual([400, 'Idempotency-Key']);
    expect((await list('?status=rejected')).body.submissions.find((x) => x.id === sub.id)).toMatchObject({ handledBy: null, canOpenCase: true });
  });
});
