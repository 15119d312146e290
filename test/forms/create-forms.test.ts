// `create-forms`: the partner forms made in Google Forms by the production set-up code through the
// real @googleapis/forms client against the fake Forms API: each form created once with the right
// items, published, in the agency's folder; a second run sends no write at all; a changed
// definition (or a form edited by hand) is brought back in line keeping Google's question ids; the
// ids are saved on the agency and the link back from the Google form id; prefilled links work.
import type { forms_v1 } from '@googleapis/forms';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { partnerForms, formById } from '../../functions/src/forms/index.ts';
import { createGoogleForms } from '../../functions/src/forms/google.ts';
import { REFERENCE_HELP } from '../../functions/src/forms/items.ts';
import { prefilledLink } from '../../functions/src/forms/links.ts';
import { createAgencyForms } from '../../functions/src/forms/setup.ts';
import type { Question } from '../../functions/src/forms/schema.ts';
import { entryName, fakeClients, startFakeGoogle, type FakeGoogle } from '../support/fake-google/index.ts';
import { startStack, type Stack } from '../support/stack.ts';

let fake: FakeGoogle;
let s: Stack;
let google: ReturnType<typeof createGoogleForms>;
const run = (agency = 'balangan') => createAgencyForms({ store: s.app.store, google }, agency);
const writes = () => fake.requests.filter((r) => r.method !== 'GET');
const agencyForms = async (agency = 'balangan') => (await s.app.store.agency(agency))!.forms;

beforeAll(async () => {
  fake = await startFakeGoogle();
  s = await startStack();
  const c = fakeClients(fake);
  google = createGoogleForms({ forms: c.forms, drive: c.drive });
});
afterAll(async () => {
  await s?.close();
  await fake?.close();
});
beforeEach(() => {
  fake.requests.length = 0;
});

const questionOf = (g: forms_v1.Schema$Item) => g.questionItem?.question ?? {};

describe('create-forms', () => {
  it('creates every partner form of the agency once, with its items, published, in the agency folder', async () => {
    const results = await run();
    expect(results.map((r) => r.outcome)).toEqual(partnerForms().map(() => 'created'));
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/forms')).toHaveLength(partnerForms().length);
    // forms.create carries the title only; the items and the description follow in one batchUpdate.
    for (const r of fake.requests.filter((x) => x.path === '/v1/forms')) expect(Object.keys((r.body as { info: object }).info).sort()).toEqual(['documentTitle', 'title']);
    expect(fake.requests.filter((r) => r.path.endsWith(':batchUpdate'))).toHaveLength(partnerForms().length);

    const saved = await agencyForms();
    for (const form of partnerForms()) {
      const entry = saved[form.id]!;
      const g = fake.forms.all.get(entry.googleFormId)!;
      expect(g.info.title).toBe(form.title);
      expect(g.info.description).toContain('Kabupaten Balangan');
      expect(g.publishState).toEqual({ isPublished: true, isAcceptingResponses: true });
      expect(fake.documents.get(entry.googleFormId)!.parents).toEqual(['folder-balangan']);
      expect(entry).toMatchObject({ version: form.version, responderUri: `${fake.url}/forms/d/${entry.googleFormId}/viewform` });
      // Our question ids -> Google's, in order, one item per question.
      expect(g.items.map((i) => i.questionItem?.question?.questionId)).toEqual(form.questions.map((q) => entry.questionIds[q.id]));
      expect(g.items.map((i) => i.title)).toEqual(form.questions.map((q) => q.title));
      expect(await s.app.store.formLink(entry.googleFormId)).toEqual({ googleFormId: entry.googleFormId, agencyId: 'balangan', formId: form.id });
    }
  });

  it('maps each kind of question to its Forms item', async () => {
    const saved = await agencyForms();
    const item = (formId: string, qid: string) => {
      const g = fake.forms.all.get(saved[formId]!.googleFormId)!;
      return g.items[formById(formId)!.questions.findIndex((q: Question) => q.id === qid)]!;
    };
    // Google leaves false and empty values out; so does the fake.
    expect(questionOf(item('kunjungan_permohonan', 'instansi'))).toEqual({ questionId: expect.any(String), required: true, textQuestion: {} });
    expect(questionOf(item('kunjungan_permohonan', 'jam'))).toMatchObject({ textQuestion: {} });
    expect(questionOf(item('kunjungan_permohonan', 'jumlah'))).toMatchObject({ textQuestion: {} });
    expect(questionOf(item('kunjungan_permohonan', 'surat'))).toMatchObject({ textQuestion: {} });
    expect(questionOf(item('kunjungan_permohonan', 'tujuan'))).toMatchObject({ textQuestion: { paragraph: true } });
    expect(questionOf(item('burt_peminjaman', 'judul'))).toMatchObject({ textQuestion: { paragraph: true } });
    expect(questionOf(item('kunjungan_permohonan', 'tanggal'))).toMatchObject({ dateQuestion: { includeYear: true } });
    expect(questionOf(item('kunjungan_permohonan', 'tanggal')).dateQuestion).not.toHaveProperty('includeTime');
    expect(questionOf(item('pusling_permintaan', 'waktu'))).toMatchObject({ dateQuestion: { includeYear: true, includeTime: true } });
    expect(questionOf(item('pusling_permintaan', 'catatan'))).not.toHaveProperty('required');
    expect(questionOf(item('kitapun_pendaftaran', 'jenis'))).toMatchObject({
      required: true,
      choiceQuestion: { type: 'RADIO', options: formById('kitapun_pendaftaran')!.questions.find((q) => q.id === 'jenis')!.options!.map((o) => ({ value: o.label })) },
    });
    expect(item('kunjungan_permohonan', 'telepon').description).toContain('0812');
    expect(item('pusling_konfirmasi', 'kode_kasus').description).toBe(REFERENCE_HELP);
  });

  it('a second run with nothing changed sends no write', async () => {
    const results = await run();
    expect(results.map((r) => r.outcome)).toEqual(partnerForms().map(() => 'unchanged'));
    expect(writes()).toEqual([]);
  });

  it('a changed definition updates the form in place: kept questions keep their Google ids', async () => {
    const form = partnerForms().find((f) => f.id === 'kitapun_pendaftaran')!;
    const original = structuredClone(form.questions);
    const before = { ...(await agencyForms())[form.id]!.questionIds };
    const googleId = (await agencyForms())[form.id]!.googleFormId;
    try {
      // Reword one question and an option, drop the NPP question, move the address last, add one.
      form.questions = original
        .filter((q) => q.id !== 'npp' && q.id !== 'alamat')
        .map((q) => (q.id === 'perpustakaan' ? { ...q, title: 'Nama lengkap perpustakaan' } : q.id === 'jenis' ? { ...q, options: q.options!.map((o) => (o.value === 'desa' ? { ...o, label: 'Perpustakaan desa' } : o)) } : q));
      form.questions.push(original.find((q) => q.id === 'alamat')!, { id: 'koleksi', title: 'Jumlah koleksi buku', kind: 'integer', required: false, to: ['data.jumlah_koleksi'] });
      const [r] = (await run()).filter((x) => x.formId === form.id);
      expect(r).toMatchObject({ outcome: 'updated', googleFormId: googleId });
      const batches = fake.requests.filter((x) => x.path === `/v1/forms/${googleId}:batchUpdate`);
      expect(batches).toHaveLength(1);
      const kinds = (batches[0]!.body as { requests: object[] }).requests.map((x) => Object.keys(x)[0]);
      expect(kinds.sort()).toEqual(['createItem', 'deleteItem', 'moveItem', 'updateItem', 'updateItem'].sort());
      const after = (await agencyForms())[form.id]!.questionIds;
      for (const q of ['perpustakaan', 'jenis', 'alamat', 'nama_kontak', 'email', 'telepon']) expect(after[q], q).toBe(before[q]);
      expect(after).not.toHaveProperty('npp');
      expect(after.koleksi).toMatch(/^[0-9a-f]+$/);
      const g = fake.forms.all.get(googleId)!;
      expect(g.items.map((i) => i.title)).toEqual(form.questions.map((q) => q.title));
      expect(g.items[1]!.questionItem!.question!.choiceQuestion!.options!.map((o) => o.value)).toContain('Perpustakaan desa');
      expect(writes().every((w) => w.path.startsWith(`/v1/forms/${googleId}`))).toBe(true);
    } finally {
      form.questions = original;
    }
    const [back] = (await run()).filter((x) => x.formId === form.id);
    expect(back!.outcome).toBe('updated');
    expect(fake.forms.all.get(googleId)!.items.map((i) => i.title)).toEqual(original.map((q) => q.title));
  });

  it('a form edited by hand in Google Forms is put back; a deleted one is made again', async () => {
    const saved = await agencyForms();
    const g = fake.forms.all.get(saved.burt_peminjaman!.googleFormId)!;
    g.items.reverse();
    g.items[0]!.title = 'Diubah tangan';
    g.publishState = { isPublished: false, isAcceptingResponses: false };
    fake.forms.all.delete(saved.pks_penawaran!.googleFormId);
    const results = Object.fromEntries((await run()).map((r) => [r.formId, r]));
    expect(results.burt_peminjaman).toMatchObject({ outcome: 'updated', googleFormId: g.formId });
    expect(g.items.map((i) => i.title)).toEqual(formById('burt_peminjaman')!.questions.map((q) => q.title));
    expect(g.publishState.isAcceptingResponses).toBe(true);
    expect(results.pks_penawaran!.outcome).toBe('created');
    expect(results.pks_penawaran!.googleFormId).not.toBe(saved.pks_penawaran!.googleFormId);
    expect(await s.app.store.formLink(saved.pks_penawaran!.googleFormId)).toBeNull();
    fake.requests.length = 0;
    await run();
    expect(writes()).toEqual([]);
  });

  it('prefilled links name the reference question as entry.<its id in decimal>, and the responder page takes them', async () => {
    const agency = (await s.app.store.agency('balangan'))!;
    const link = prefilledLink(agency, 'pusling_konfirmasi', 'REF.abc')!;
    const qid = agency.forms.pusling_konfirmasi!.questionIds.kode_kasus!;
    expect(new URL(link).searchParams.get(entryName(qid))).toBe('REF.abc');
    expect(entryName(qid)).toBe(`entry.${parseInt(qid, 16)}`);
    const page = await (await fetch(link)).text();
    expect(page).toContain(`name="${entryName(qid)}" value="REF.abc"`);
  });
});
