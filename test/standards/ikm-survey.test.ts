// The IKM survey as a partner form, end to end on the Firestore emulator, the fake Google Forms
// (its responder page, as a partner's browser uses it) and the intake behind the Pub/Sub emulator:
// a case walked to its last step sends the partner one survey e-mail whose link opens the agency's
// survey form with the case's code filled in; the answer is counted once in the IKM of that SOP
// and period; the same response read again, a second answer for the case and a forged code change
// nothing in the index and are kept as rejected submissions; a cancelled case sends no survey.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { demoEmail } from '../../functions/src/dev/demo.ts';
import { entryName } from '../../functions/src/dev/fake-google/responder.ts';
import { fullInput, stepOf } from '../../functions/src/dev/sample-input.ts';
import { formById } from '../../functions/src/forms/index.ts';
import { toIncoming } from '../../functions/src/forms/intake.ts';
import { submissionId } from '../../functions/src/forms/service.ts';
import type { OutboxEntry, Submission } from '../../functions/src/model/records.ts';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { computeIkm, KUESIONER } from '../../functions/src/standards/ikm.ts';
import { createRefs } from '../../functions/src/forms/refs.ts';
import { startFormsStack, type FormsStack } from '../support/forms-stack.ts';
import { FORMS_SECRET } from '../support/stack.ts';

const AG = 'sukoharjo';
const A = `/v1/agencies/${AG}`;
const SOP = 'pengaduan';
const def = catalogById(SOP);
const PARTNER = 'perpus.sdn3@sekolah.example.org';
let f: FormsStack;

beforeAll(async () => {
  f = await startFormsStack({ agencies: [AG] });
}, 120_000);
afterAll(async () => f?.close());

async function until<T>(what: string, get: () => Promise<T | null | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function newCase(email: string | null): Promise<{ id: string; nomor: string }> {
  const r = await f.s.call('POST', `${A}/cases`, { as: demoEmail(AG, def.createRoles![0]!), body: { sop: SOP, partner: { name: 'Perpustakaan SD Negeri 3 Bendosari', ...(email ? { email } : {}) } } });
  expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(201);
  return { id: r.body.state.id, nomor: r.body.state.nomor };
}

/** Every step as the demo staff holding it, decisions "yes": the case closes at its terminator. */
async function walk(caseId: string) {
  let state: any;
  let no: number | null = def.startStep;
  while (no !== null) {
    const st = stepOf(def, no);
    const decide = st.kind === 'decision';
    const r = await f.s.call('POST', `${A}/cases/${caseId}/actions`, { as: demoEmail(AG, st.actors[0]!), body: { type: decide ? 'decide' : 'complete', step: no, ...(decide ? { decision: 'yes' } : {}), ...fullInput(st) } });
    expect(r.status, `${no}: ${JSON.stringify(r.body).slice(0, 300)}`).toBe(200);
    state = r.body.state;
    no = state.currentStep;
  }
  return state;
}

async function outbox(caseId: string): Promise<OutboxEntry[]> {
  return (await f.s.db.collection(`agencies/${AG}/outbox`).where('caseId', '==', caseId).get()).docs.map((d) => d.data() as OutboxEntry);
}

async function submissions(): Promise<Submission[]> {
  return (await f.s.db.collection(`agencies/${AG}/submissions`).where('formId', '==', 'survei_ikm').get()).docs.map((d) => d.data() as Submission);
}

async function ikm() {
  const today = DateTime.now().setZone('Asia/Jakarta');
  const r = await f.s.call('GET', `${A}/reports/ikm?from=${today.minus({ days: 1 }).toISODate()}&to=${today.plus({ days: 1 }).toISODate()}&sop=${SOP}`, { as: demoEmail(AG, 'kabid_perpustakaan') });
  expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
  return r.body;
}

/** The partner's browser: opens the link (the code filled in), picks an answer per element by its label, sends the page. */
async function answerThroughPage(link: string, scores: number[], saran: string, code?: string): Promise<void> {
  const page = await (await fetch(link)).text();
  const form = formById('survei_ikm')!;
  const qids = (await f.s.app.store.agency(AG))!.forms['survei_ikm']!.questionIds;
  const prefilled = new URL(link).searchParams.get(entryName(qids['kode_kasus']!))!;
  expect(page).toContain(`name="${entryName(qids['kode_kasus']!)}"`);
  expect(page).toContain(`value="${prefilled}"`);
  const body = new URLSearchParams();
  body.set(entryName(qids['kode_kasus']!), code ?? prefilled);
  form.questions.filter((q) => q.kind === 'choice').forEach((q, i) => body.set(entryName(qids[q.id]!), KUESIONER[i]!.skala[scores[i]! - 1]!));
  if (saran) body.set(entryName(qids['saran']!), saran);
  const action = link.split('?')[0]!.replace(/viewform$/, 'formResponse');
  const res = await fetch(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(await res.text()).toContain('Jawaban Anda telah direkam.');
}

/** A case of its own walked to its end, and the link of its survey e-mail. */
async function closedWithLink(): Promise<{ closed: { id: string; nomor: string }; link: string }> {
  const closed = await newCase(PARTNER);
  expect((await walk(closed.id)).status).toBe('closed');
  const mail = (await outbox(closed.id)).find((e) => e.docId === 'survei_ikm')!;
  return { closed, link: mail.email!.text.split('\n').find((l) => l.startsWith('http'))! };
}

/** The index of these element sums over n responses, as Permenpan-RB 14/2017 computes it. */
const indexOf = (sums: number[], n: number) => Math.round((sums.reduce((a, b) => a + b, 0) / (n * 9)) * 25 * 100) / 100;

describe('the IKM survey sent when a case closes', () => {
  const SCORES = [4, 3, 3, 4, 3, 4, 4, 2, 3]; // 30 / 9 = 3.3333 -> 83.33, B

  it('a case walked to its last step sends the partner exactly one survey e-mail, naming the service and the case, with the prefilled link', { timeout: 90_000 }, async () => {
    const closed = await newCase(PARTNER);
    const last = await walk(closed.id);
    expect(last.status).toBe('closed');
    const surveys = (await outbox(closed.id)).filter((e) => e.docId === 'survei_ikm');
    expect(surveys).toHaveLength(1);
    const mail = surveys[0]!;
    expect(mail).toMatchObject({ kind: 'mail', id: `${closed.id}-survei_ikm`, status: 'pending' });
    expect(mail.email!.to).toEqual([PARTNER]);
    expect(mail.email!.subject).toBe(`Survei kepuasan layanan ${def.title} (${closed.nomor}) — DISPUSIP Sukoharjo`);
    expect(mail.email!.text).toContain(`Layanan ${def.title} untuk Anda (kasus ${closed.nomor}) telah selesai.`);
    expect(mail.email!.text).toMatch(/survei dapat diisi satu kali dan tautan berlaku sampai \d{1,2} \w+ \d{4}:/);
    // The link is the agency's survey form on the (fake) Google Forms, the case's code prefilled.
    const form = (await f.s.app.store.agency(AG))!.forms['survei_ikm']!;
    const link = /https?:\/\/\S+/.exec(mail.email!.text.split('\n').find((l) => l.startsWith('http'))!)![0];
    expect(link.split('?')[0]).toBe(form.responderUri);
    expect(new URL(link).searchParams.get(entryName(form.questionIds['kode_kasus']!))).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
  });

  it('answering it through the page counts once in the IKM of that SOP and period, with the right index and the suggestion', { timeout: 90_000 }, async () => {
    const { closed, link } = await closedWithLink();
    const before = await ikm();
    const mailsBefore = (await outbox(closed.id)).map((e) => e.id).sort();
    await answerThroughPage(link, SCORES, 'Jawaban pengaduan sudah cepat; mohon kabari lewat WhatsApp juga.');
    const sub = await until('the survey submission', async () => (await submissions()).find((s) => s.caseId === closed.id));
    expect(sub, JSON.stringify(sub)).toMatchObject({ status: 'accepted', sopId: SOP, caseNomor: closed.nomor, reason: null });
    const record = (await f.s.db.doc(`agencies/${AG}/surveys/kasus-${closed.id}`).get()).data()!;
    expect(record).toMatchObject({ sopId: SOP, caseId: closed.id, caseNomor: closed.nomor, answers: SCORES, recordedBy: 'formulir-mitra' });
    const after = await ikm();
    expect(after.responses).toBe(before.responses + 1);
    // Its nine answers added to the element sums, the index recomputed over one more response.
    const sums = before.elements.map((e: { sum: number }, i: number) => e.sum + SCORES[i]!);
    expect(after.elements.map((e: { sum: number }) => e.sum)).toEqual(sums);
    expect(after.index).toBe(indexOf(sums, after.responses));
    // Alone it is 30 / 9 x 25 = 83.33, band B.
    if (before.responses === 0) expect(after).toMatchObject({ sopId: SOP, index: 83.33, mutu: 'B', kinerja: 'Baik' });
    expect(computeIkm([{ answers: SCORES }])).toMatchObject({ index: 83.33, mutu: 'B' });
    expect(after.saran).toContainEqual(expect.objectContaining({ caseNomor: closed.nomor, text: 'Jawaban pengaduan sudah cepat; mohon kabari lewat WhatsApp juga.' }));
    // No e-mail answers a survey (the form thanks the partner), and the case is not touched.
    expect((await outbox(closed.id)).map((e) => e.id).sort()).toEqual(mailsBefore);
    const c = (await f.s.call('GET', `${A}/cases/${closed.id}`, { as: demoEmail(AG, 'front_office') })).body;
    expect(c.case).toMatchObject({ status: 'closed', version: expect.any(Number) });
    expect(c.events.at(-1).step).toBe(5);
  });

  it('the same response read again, and a second answer for the same case, change nothing; the second is kept as rejected with the reason', { timeout: 90_000 }, async () => {
    const { closed, link } = await closedWithLink();
    await answerThroughPage(link, SCORES, '');
    const first = await until('the first survey', async () => (await submissions()).find((s) => s.caseId === closed.id && s.status === 'accepted'));
    const before = await ikm();
    // Another intake instance reads the form again (its cursor overlaps the response): nothing new.
    const googleFormId = (await f.s.app.store.agency(AG))!.forms['survei_ikm']!.googleFormId;
    const reread = await f.other.read({ agencyId: AG, formId: 'survei_ikm', googleFormId });
    expect(reread.listed).toBeGreaterThanOrEqual(1);
    expect(reread.recorded).toBe(0);
    // And the form service given the same response once more (a second Pub/Sub delivery).
    const again = await f.s.app.forms!.receive(AG, { formId: 'survei_ikm', responseId: first.responseId, submittedAt: first.submittedAt, respondentEmail: null, answers: first.answers });
    expect(again).toMatchObject({ replayed: true, submission: { id: first.id, status: 'accepted' } });

    // The partner opens the same link and answers again, all 1s: refused politely, the first answer stays.
    await answerThroughPage(link, Array(9).fill(1), 'Jawaban kedua.');
    const second = await until('the second survey submission', async () => (await submissions()).find((s) => s.caseId === closed.id && s.id !== first.id));
    expect(second).toMatchObject({ status: 'rejected', sopId: SOP, caseNomor: closed.nomor });
    expect(second.reason).toMatch(new RegExp(`Survei kepuasan untuk kasus ${closed.nomor.replaceAll('/', '\\/')} sudah diisi pada .*jawaban pertama yang dihitung`));
    expect(second.problems).toEqual([{ path: 'kode_kasus', message: second.reason }]);
    const after = await ikm();
    expect(after.responses).toBe(before.responses);
    expect(after.index).toBe(before.index);
    expect((await f.s.db.doc(`agencies/${AG}/surveys/kasus-${closed.id}`).get()).data()!.answers).toEqual(SCORES);
  });

  it('a forged or tampered code is kept as rejected and counts nowhere', { timeout: 90_000 }, async () => {
    const { closed, link } = await closedWithLink();
    const before = await ikm();
    const code = new URL(link).searchParams.get(entryName((await f.s.app.store.agency(AG))!.forms['survei_ikm']!.questionIds['kode_kasus']!))!;
    const [payload, sig] = code.split('.');
    // Another case id in the claims under the old signature.
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    const tampered = `${Buffer.from(JSON.stringify({ ...claims, c: 'kasuslain123' })).toString('base64url')}.${sig}`;
    await answerThroughPage(link, Array(9).fill(4), '', tampered);
    const kept = await until('the forged submission', async () => (await submissions()).find((s) => s.answers['kode_kasus']?.[0] === tampered));
    expect(kept).toMatchObject({ status: 'rejected', caseId: null, sopId: null, reason: 'Kode kasus tidak sah (tanda tangan tidak cocok).' });
    expect(kept.problems).toEqual([{ path: 'kode_kasus', message: 'Kode kasus tidak sah (tanda tangan tidak cocok).' }]);
    // A status-page token of the same case (genuine, another kind) is no survey code either.
    const statusToken = createRefs(FORMS_SECRET).sign({ k: 'status', a: AG, c: closed.id, e: Math.floor(Date.now() / 1000) + 3600 });
    const r = await f.s.app.forms!.receive(AG, { formId: 'survei_ikm', responseId: 'survei-status-token', submittedAt: new Date().toISOString(), respondentEmail: null, answers: { kode_kasus: [statusToken], ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`u${i + 1}`, ['4']])) } });
    expect(r.submission).toMatchObject({ status: 'rejected', reason: 'Kode ini bukan kode survei kepuasan instansi ini.' });
    // An answer missing an element is rejected naming it.
    const partial = await f.s.app.forms!.receive(AG, { formId: 'survei_ikm', responseId: 'survei-kurang', submittedAt: new Date().toISOString(), respondentEmail: null, answers: { kode_kasus: [code], u1: ['4'] } });
    expect(partial.submission.status).toBe('rejected');
    expect(partial.submission.problems.map((p) => p.path)).toEqual(['u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9']);
    const after = await ikm();
    expect(after.responses).toBe(before.responses);
  });

  it('a cancelled case, and a closed case without a partner e-mail, send no survey', { timeout: 90_000 }, async () => {
    const cancelled = await newCase(PARTNER);
    const st = stepOf(def, def.startStep);
    expect((await f.s.call('POST', `${A}/cases/${cancelled.id}/actions`, { as: demoEmail(AG, st.actors[0]!), body: { type: 'complete', step: def.startStep, ...fullInput(st) } })).status).toBe(200);
    const c = await f.s.call('POST', `${A}/cases/${cancelled.id}/cancel`, { as: demoEmail(AG, def.cancelRoles[0]!), body: { reason: 'Pengadu menarik pengaduannya.' } });
    expect(c.status, JSON.stringify(c.body).slice(0, 300)).toBe(200);
    expect(c.body.state.status).toBe('cancelled');
    expect((await outbox(cancelled.id)).filter((e) => e.docId === 'survei_ikm')).toEqual([]);

    const silent = await newCase(null);
    expect((await walk(silent.id)).status).toBe('closed');
    expect((await outbox(silent.id)).filter((e) => e.docId === 'survei_ikm')).toEqual([]);
  });
});

// Keeps the import of the intake's mapping honest: a survey response from Google maps choices to 1-4.
describe('a survey response as Google delivers it', () => {
  it('choices arrive as their labels and are read as the scale values', () => {
    const form = formById('survei_ikm')!;
    const qids = Object.fromEntries(form.questions.map((q, i) => [q.id, (0x100 + i).toString(16)]));
    const answers = Object.fromEntries(form.questions.filter((q) => q.kind === 'choice').map((q, i) => [qids[q.id]!, { questionId: qids[q.id]!, textAnswers: { answers: [{ value: KUESIONER[i]!.skala[2] }] } }]));
    const r = toIncoming('survei_ikm', qids, { responseId: 'r1', createTime: new Date().toISOString(), answers } as never);
    expect(Object.values(r.answers).flat()).toEqual(Array(9).fill('3'));
    expect(submissionId('survei_ikm', 'r1')).toBe('survei_ikm-r1');
  });
});
