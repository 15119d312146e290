// Letters end to end: a transition reserves numbers and writes outbox entries in its transaction;
// the worker renders them through the real Google clients against the fake Google server and
// e-mails the partner, exactly once, whatever fails on the way.
import { PubSub } from '@google-cloud/pubsub';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fullInput, reasonFor, stepOf } from '../../functions/src/dev/sample-input.ts';
import { serveCloudEvent } from '../../functions/src/dev/serve.ts';
import { createGoogleDocBackend } from '../../functions/src/documents/google.ts';
import { TEMPLATES, TEMPLATES_DIR } from '../../functions/src/documents/templates.ts';
import { createGmailSender } from '../../functions/src/mail/gmail.ts';
import { createPubSubNotifier, handleOutboxEvent } from '../../functions/src/outbox/pubsub.ts';
import type { OutboxEntry } from '../../functions/src/model/records.ts';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { fakeClients, startFakeGoogle, type FakeGoogle } from '../support/fake-google/index.ts';
import { startStack, type Stack } from '../support/stack.ts';

let fake: FakeGoogle;
let s: Stack;
let now = new Date('2026-11-23T01:00:00Z'); // Monday 09.00 WIB+1
const later = (ms: number) => {
  now = new Date(now.getTime() + ms);
};

function loadTemplates(f: FakeGoogle) {
  for (const [id, t] of Object.entries(TEMPLATES)) f.addTemplate(`tpl-${id}`, t.placeholders.map((p) => `${p}: {{${p}}}`).join('\n'), t.title);
}

beforeAll(async () => {
  fake = await startFakeGoogle();
  const clients = fakeClients(fake);
  s = await startStack({
    clock: () => now,
    documents: {
      backendFor: (agency) => createGoogleDocBackend({ drive: clients.drive, docs: clients.docs, templates: agency.google!.templates, folderId: agency.google!.folderId, timeoutMs: 500 }),
      mailerFor: () => createGmailSender({ gmail: clients.gmail, timeoutMs: 500 }),
      worker: { baseDelayMs: 1000, maxAttempts: 4, random: () => 1 },
    },
  });
});
afterAll(async () => {
  await s?.close();
  await fake?.close();
});
beforeEach(() => {
  fake.reset();
  loadTemplates(fake);
});

type Move = number | [number, 'yes' | 'no'];

async function open(agency: string, sop: string, partner = { name: 'SMA Negeri 1 Pangkalpinang', email: 'tu@sman1pkp.example.org' }): Promise<string> {
  const def = catalogById(sop);
  const r = await s.call('POST', `/v1/agencies/${agency}/cases`, { as: s.who(agency, stepOf(def, def.startStep).actors[0]!), body: { sop, partner } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.state.id;
}

async function take(agency: string, sop: string, caseId: string, moves: Move[]) {
  const def = catalogById(sop);
  let last: any;
  for (const m of moves) {
    const no = typeof m === 'number' ? m : m[0];
    const step = stepOf(def, no);
    const body = typeof m === 'number' ? { type: 'complete', step: no, ...fullInput(step) } : { type: 'decide', step: no, decision: m[1], ...fullInput(step), ...reasonFor(step, m[1]) };
    last = await s.call('POST', `/v1/agencies/${agency}/cases/${caseId}/actions`, { as: s.who(agency, step.actors[0]!), body });
    expect(last.status, `step ${no}: ${JSON.stringify(last.body)}`).toBe(200);
  }
  return last.body;
}

async function entries(agency: string, caseId: string): Promise<OutboxEntry[]> {
  const snap = await s.db.collection('agencies').doc(agency).collection('outbox').where('caseId', '==', caseId).get();
  return snap.docs.map((d) => d.data() as OutboxEntry).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

const calls = (re: RegExp, method?: string) => fake.requests.filter((r) => re.test(r.path) && (!method || r.method === method)).length;
const COPY = /\/copy$/;
const FILL = /:batchUpdate$/;
const EXPORT = /\/export$/;
const SEND = /\/messages\/send$/;
const LIST_FILES = /^\/drive\/v3\/files$/;

describe('letters of Kunjungan resmi', () => {
  it('YES: the disposition and the reply letter are numbered, rendered once each, and the reply is e-mailed', async () => {
    const id = await open('babel', 'kunjungan');
    await take('babel', 'kunjungan', id, [1, 2, 3, 4, 5, [6, 'yes'], 7]);
    const es = await entries('babel', id);
    expect(es.map((e) => [e.docId, e.templateId, e.status])).toEqual([
      ['lembar_disposisi', 'lembar_disposisi', 'pending'],
      ['surat_jawaban_kunjungan', 'surat_jawaban_kunjungan', 'pending'],
    ]);
    // The agenda number was assigned at step 3; letter numbers follow the agency's format.
    const c0 = await s.call('GET', `/v1/agencies/babel/cases/${id}`, { as: s.who('babel', 'kasi_layanan') });
    expect(c0.body.case.data.nomor_agenda).toMatch(/^\d+$/);
    const numbers = es.map((e) => e.context!.nomor);
    for (const n of numbers.filter(Boolean)) expect(n).toMatch(/^[\d.]+\/\d+\/DKPUS\/XI\/2026$/);
    expect(es[1]!.email).toMatchObject({ to: ['tu@sman1pkp.example.org'] });

    const r = await s.app.worker!.sweep();
    expect(r).toMatchObject({ done: 2, retry: 0, dead: 0 });
    // Google calls per letter: copy + one batchUpdate + export; plus one send for the e-mailed one.
    expect([calls(COPY), calls(FILL), calls(EXPORT), calls(SEND)]).toEqual([2, 2, 2, 1]);
    const copy = fake.requests.find((q) => COPY.test(q.path))!;
    expect(copy.body).toMatchObject({ parents: ['folder-babel'], appProperties: { sopKey: es[0]!.id } });

    const docs = [...fake.documents.values()].filter((d) => d.appProperties.sopKey);
    expect(docs).toHaveLength(2);
    for (const d of docs) expect(d.text).not.toContain('{{');
    const reply = docs.find((d) => d.appProperties.sopKey === es[1]!.id)!;
    // Addressed to the jabatan entered at step 7 for the institution of the request, numbered and dated in WIB.
    expect(reply.text).toContain(`tujuan: ${String(es[1]!.context!.case.data.jabatan_penerima)}`);
    expect(reply.text).toContain(`nomor: ${es[1]!.context!.nomor}`);
    expect(reply.text).toContain('tempat_tanggal: Pangkalpinang, 23 November 2026');

    expect(fake.sent).toHaveLength(1);
    const mime = fake.sent[0]!.raw;
    expect(mime).toMatch(/^To: tu@sman1pkp\.example\.org/m);
    expect(mime).toMatch(/Content-Type: application\/pdf/);

    const c = await s.call('GET', `/v1/agencies/babel/cases/${id}`, { as: s.who('babel', 'kasi_layanan') });
    expect(c.body.case.documents.surat_jawaban_kunjungan).toMatchObject({ status: 'ready', emailedTo: ['tu@sman1pkp.example.org'], url: expect.stringContaining('http'), pdfUrl: expect.stringContaining('export') });
    expect(c.body.case.documents.lembar_disposisi).toMatchObject({ status: 'ready' });

    // Draining again (a duplicate notification) changes nothing.
    expect(await s.app.worker!.sweep()).toMatchObject({ done: 0 });
    for (const e of es) expect(await s.app.worker!.drain('babel', e.id)).toBe('skipped');
    expect([calls(COPY), calls(SEND)]).toEqual([2, 1]);
  });

  it('NO: the reply proposing another time is the letter that goes out', async () => {
    const id = await open('babel', 'kunjungan');
    await take('babel', 'kunjungan', id, [1, 2, 3, 4, 5, [6, 'no'], 7]);
    const es = await entries('babel', id);
    expect(es.map((e) => e.docId)).toEqual(['lembar_disposisi', 'surat_balasan_pergantian_waktu']);
    await s.app.worker!.sweep();
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]!.raw).toContain('tu@sman1pkp.example.org');
  });
});

describe('the surat tugas in Google Docs: a table of assignees of variable length', () => {
  it('reads the copy once and deletes the unused rows in the same batchUpdate: 4 calls for that letter, 3 for the others', async () => {
    // The real template, tables and all, as Drive converts the uploaded .docx.
    fake.addDocxTemplate('tpl-surat_tugas', await readFile(join(TEMPLATES_DIR, 'surat_tugas.docx')), 'Surat Tugas');
    const id = await open('balangan', 'pusling', { name: 'SD Negeri 1 Paringin', email: 'sdn1@example.org' });
    const crew = { nama_petugas: [s.who('balangan', 'petugas_pusling'), 'Sri Wahyuni'], jumlah_pemustaka: 80 };
    await take('balangan', 'pusling', id, [1]);
    const step2 = await s.call('POST', `/v1/agencies/balangan/cases/${id}/actions`, { as: s.who('balangan', 'kasi_layanan'), body: { type: 'complete', step: 2, data: crew } });
    expect(step2.status, JSON.stringify(step2.body)).toBe(200);
    await take('balangan', 'pusling', id, [[3, 'yes']]);
    const es = await entries('balangan', id);
    expect(es.map((e) => e.docId).sort()).toEqual(['lembar_disposisi', 'rencana_kunjungan', 'surat_tugas']);
    expect(await s.app.worker!.sweep()).toMatchObject({ done: 3, dead: 0 });
    const GET_DOC = /^\/v1\/documents\/[^/:]+$/;
    expect([calls(COPY), calls(GET_DOC, 'GET'), calls(FILL), calls(EXPORT)]).toEqual([3, 1, 3, 3]);
    const [tugasId, tugas] = [...fake.documents.entries()].find(([, d]) => d.appProperties.sopKey === es.find((e) => e.docId === 'surat_tugas')!.id)!;
    expect(fake.requests.find((r) => GET_DOC.test(r.path))!.path).toBe(`/v1/documents/${tugasId}`);
    const fill = fake.requests.find((r) => r.path === `/v1/documents/${tugasId}:batchUpdate`)!;
    const requests = (fill.body as { requests: Record<string, unknown>[] }).requests;
    // Rows 3 to 10 of the table (header is row 0) go, bottom up, before any text is replaced.
    const deletes = requests.filter((r) => r.deleteTableRow).map((r) => (r.deleteTableRow as { tableCellLocation: { rowIndex: number } }).tableCellLocation.rowIndex);
    expect(deletes).toEqual([10, 9, 8, 7, 6, 5, 4, 3]);
    expect(requests.findIndex((r) => r.replaceAllText)).toBe(deletes.length);
    const staff = (await s.app.store.staff('balangan', s.who('balangan', 'petugas_pusling')))!;
    expect(tugas.text).toContain(`1.\n${staff.name}\n`);
    expect(tugas.text).toContain('2.\nSri Wahyuni\n-\n-\n-');
    expect(tugas.text).not.toContain('{{');
  });
});

describe('exactly once under failure', () => {
  async function oneLetter(): Promise<OutboxEntry> {
    const id = await open('babel', 'kunjungan');
    await take('babel', 'kunjungan', id, [1, 2, 3, 4, 5, [6, 'yes']]);
    const es = await entries('babel', id);
    expect(es).toHaveLength(1);
    return es[0]!;
  }
  const entry = async (e: OutboxEntry) => (await s.db.collection('agencies').doc('babel').collection('outbox').doc(e.id).get()).data() as OutboxEntry;

  it('429 with Retry-After: waits at least that long, then renders one document', async () => {
    const e = await oneLetter();
    fake.fail({ match: (q) => COPY.test(q.path), status: 429, headers: { 'Retry-After': '7' }, times: 1 });
    expect(await s.app.worker!.drain('babel', e.id)).toBe('retry');
    const after = await entry(e);
    expect(after).toMatchObject({ status: 'pending', attempts: 1 });
    expect(new Date(after.nextAttemptAt).getTime() - now.getTime()).toBe(7000);
    expect(await s.app.worker!.drain('babel', e.id)).toBe('skipped'); // not due yet
    later(7000);
    expect(await s.app.worker!.drain('babel', e.id)).toBe('done');
    expect([...fake.documents.values()].filter((d) => d.appProperties.sopKey === e.id)).toHaveLength(1);
  });

  it('a crash between files.copy and recording it: the copy is found again, not made twice', async () => {
    const e = await oneLetter();
    fake.fail({ match: (q) => COPY.test(q.path), status: 500, afterHandling: true, times: 1 });
    expect(await s.app.worker!.drain('babel', e.id)).toBe('retry');
    expect((await entry(e)).progress).toMatchObject({ copyIntent: true });
    later(60_000);
    expect(await s.app.worker!.drain('babel', e.id)).toBe('done');
    expect(calls(COPY)).toBe(1);
    expect(calls(LIST_FILES, 'GET')).toBe(1);
    expect([...fake.documents.values()].filter((d) => d.appProperties.sopKey === e.id)).toHaveLength(1);
  });

  it('a lost reply to batchUpdate: the fill is not mistaken for a broken template', async () => {
    const e = await oneLetter();
    fake.fail({ match: (q) => FILL.test(q.path), status: 500, afterHandling: true, times: 1 });
    expect(await s.app.worker!.drain('babel', e.id)).toBe('retry');
    later(60_000);
    expect(await s.app.worker!.drain('babel', e.id)).toBe('done');
    expect(calls(COPY)).toBe(1);
  });

  it('a lost reply to messages.send: the message is found by its Message-ID, not sent twice', async () => {
    const id = await open('babel', 'kunjungan');
    await take('babel', 'kunjungan', id, [1, 2, 3, 4, 5, [6, 'yes']]);
    await s.app.worker!.sweep();
    fake.reset();
    loadTemplates(fake);
    await take('babel', 'kunjungan', id, [7]);
    const reply = (await entries('babel', id)).find((x) => x.docId === 'surat_jawaban_kunjungan')!;
    fake.fail({ match: (q) => SEND.test(q.path), status: 500, afterHandling: true, times: 1 });
    expect(await s.app.worker!.drain('babel', reply.id)).toBe('retry');
    expect((await entry(reply)).progress).toMatchObject({ sendIntent: true, filled: true });
    later(60_000);
    expect(await s.app.worker!.drain('babel', reply.id)).toBe('done');
    expect(fake.sent).toHaveLength(1);
    expect(calls(SEND)).toBe(1);
  });

  it('a timeout on export is retried', async () => {
    const e = await oneLetter();
    fake.fail({ match: (q) => EXPORT.test(q.path), hang: true, times: 1 });
    expect(await s.app.worker!.drain('babel', e.id)).toBe('retry');
    expect((await entry(e)).lastError).toMatch(/batas waktu|timeout/i);
    later(60_000);
    expect(await s.app.worker!.drain('babel', e.id)).toBe('done');
    expect(calls(COPY)).toBe(1);
  });

  it('a missing template is dead-lettered at once and shown on the case', async () => {
    const e = await oneLetter();
    fake.fail({ match: (q) => COPY.test(q.path), status: 404, message: 'File not found' });
    expect(await s.app.worker!.drain('babel', e.id)).toBe('dead');
    const c = await s.call('GET', `/v1/agencies/babel/cases/${e.caseId}`, { as: s.who('babel', 'kasi_layanan') });
    expect(c.body.case.documents[e.docId]).toMatchObject({ status: 'failed', error: expect.stringContaining('404') });

    // Once the template is back, staff requeue the letter and it is made, once.
    fake.reset();
    loadTemplates(fake);
    await s.app.worker!.requeue('babel', e.id);
    expect(await s.app.worker!.drain('babel', e.id)).toBe('done');
    const after = await s.call('GET', `/v1/agencies/babel/cases/${e.caseId}`, { as: s.who('babel', 'kasi_layanan') });
    expect(after.body.case.documents[e.docId]).toMatchObject({ status: 'ready' });
    expect(calls(COPY)).toBe(1);
    await expect(s.app.worker!.requeue('babel', e.id)).rejects.toThrow(/not dead-lettered/);
  });

  it('a template lacking a placeholder is reported on the case, not left blank', async () => {
    const e = await oneLetter();
    const t = TEMPLATES[e.templateId]!;
    const dropped = t.placeholders.find((p) => p === 'nomor') ?? t.placeholders[0]!;
    fake.addTemplate(`tpl-${e.templateId}`, t.placeholders.filter((p) => p !== dropped).map((p) => `${p}: {{${p}}}`).join('\n'), t.title);
    expect(await s.app.worker!.drain('babel', e.id)).toBe('dead');
    const c = await s.call('GET', `/v1/agencies/babel/cases/${e.caseId}`, { as: s.who('babel', 'kasi_layanan') });
    expect(c.body.case.documents[e.docId]).toMatchObject({ status: 'failed', error: expect.stringContaining(`{{${dropped}}}`) });
    expect(calls(EXPORT)).toBe(0);
  });

  it('a persistent 500 is dead-lettered after the last attempt', async () => {
    const e = await oneLetter();
    fake.fail({ match: (q) => FILL.test(q.path), status: 500 });
    const results: string[] = [];
    for (let i = 0; i < 4; i++) {
      results.push(await s.app.worker!.drain('babel', e.id));
      later(3_600_000);
    }
    expect(results).toEqual(['retry', 'retry', 'retry', 'dead']);
    expect(await entry(e)).toMatchObject({ status: 'dead', attempts: 4 });
    expect(calls(COPY)).toBe(1);
  });

  it('duplicate Pub/Sub delivery through the emulator renders and sends once', async () => {
    const pubsub = new PubSub({ projectId: s.projectId, apiEndpoint: process.env.PUBSUB_EMULATOR_HOST! });
    // What each delivery the worker handled came to, in the order they finished.
    const delivered: Awaited<ReturnType<typeof handleOutboxEvent>>[] = [];
    const worker = await serveCloudEvent(async (ce) => {
      delivered.push(await handleOutboxEvent(s.app.worker!, ce.data));
    });
    try {
      const topicName = `outbox-${randomUUID().slice(0, 8)}`;
      const [topic] = await pubsub.createTopic(topicName);
      await topic.createSubscription(`${topicName}-push`, { pushConfig: { pushEndpoint: worker.url } });
      const notify = createPubSubNotifier(pubsub, topicName);

      const id = await open('babel', 'kunjungan');
      await take('babel', 'kunjungan', id, [1, 2, 3, 4, 5, [6, 'yes']]);
      await s.app.worker!.sweep(); // the disposition letter
      fake.reset();
      loadTemplates(fake);
      await take('babel', 'kunjungan', id, [7]);
      const reply = (await entries('babel', id)).find((x) => x.docId === 'surat_jawaban_kunjungan')!;
      await notify('babel', [reply.id]);
      await notify('babel', [reply.id]);
      // Both deliveries handled, the second one too: one drained the entry, the other found it done.
      await expect.poll(() => delivered.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
      expect(delivered.flat().filter((r) => r === 'done')).toHaveLength(1);
      expect((await entry(reply)).status).toBe('done');
      expect(calls(COPY)).toBe(1);
      expect(fake.sent).toHaveLength(1);
    } finally {
      await worker.close();
      await pubsub.close();
    }
  });
});

describe('letter numbers', () => {
  it('concurrent approvals get unique, gapless numbers from one per-year counter', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = await open('sukoharjo', 'pusling', { name: `SD Negeri ${i + 1} Sukoharjo`, email: `sd${i}@example.org` });
      await take('sukoharjo', 'pusling', id, [1, 2]);
      ids.push(id);
    }
    const def = catalogById('pusling');
    const before = await s.db.collection('agencies').doc('sukoharjo').collection('counters').doc('surat-2026').get();
    const start = before.exists ? Number(before.get('last')) : 0;
    const rs = await Promise.all(
      ids.map((id) => s.call('POST', `/v1/agencies/sukoharjo/cases/${id}/actions`, { as: s.who('sukoharjo', 'kabid_perpustakaan'), body: { type: 'decide', step: 3, decision: 'yes', ...fullInput(stepOf(def, 3)) } })),
    );
    expect(rs.map((r) => r.status)).toEqual(ids.map(() => 200));
    const all = (await Promise.all(ids.map((id) => entries('sukoharjo', id)))).flat();
    const serials = all.filter((e) => e.context!.nomor).map((e) => Number(e.context!.nomor!.split('/')[1]));
    expect(serials.length).toBeGreaterThan(0);
    expect([...serials].sort((a, b) => a - b)).toEqual(Array.from({ length: serials.length }, (_, i) => start + i + 1));
  });
});
