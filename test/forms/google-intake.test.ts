// Responses from Google Forms to cases: a respondent submits on the fake Forms, the fake publishes
// the watch notification to the Pub/Sub emulator, the push subscription delivers it to the intake
// (functions-framework), which reads the form and records the response through the case service.
// Every opening form's happy path, an answer form through its prefilled link and the respondent's
// page, one case and one receipt however often a response is delivered or found, and malformed or
// unknown notifications acknowledged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PubSub } from '@google-cloud/pubsub';
import { fullInput, stepOf } from '../../functions/src/dev/sample-input.ts';
import { prefilledLink } from '../../functions/src/forms/links.ts';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { entryName } from '../support/fake-google/index.ts';
import { answersOf, startFormsStack, type FormsStack } from '../support/forms-stack.ts';

let f: FormsStack;
beforeAll(async () => {
  f = await startFormsStack();
});
afterAll(async () => f?.close());

const mails = async (agency: string, caseId: string) =>
  (await f.s.db.collection('agencies').doc(agency).collection('outbox').where('caseId', '==', caseId).get()).docs.map((d) => d.data()).filter((e) => e.kind === 'mail');
const casesNamed = async (agency: string, name: string) => (await f.s.db.collection('agencies').doc(agency).collection('cases').where('partner.name', '==', name).get()).docs;
const getCase = async (agency: string, id: string) => (await f.s.call('GET', `/v1/agencies/${agency}/cases/${id}`, { as: f.s.who(agency, 'kasi_layanan') })).body;

async function recordedOf(agency: string, formId: string, responseId: string) {
  await expect.poll(async () => (await f.recorded(agency, formId, responseId))?.status).toBeTruthy();
  return (await f.recorded(agency, formId, responseId))!;
}

describe('a response on Google Forms becomes a case, through the watch notification', () => {
  for (const [formId, agency, atStep] of [
    ['kunjungan_permohonan', 'babel', 2],
    ['pusling_permintaan', 'balangan', 1],
    ['burt_peminjaman', 'balangan', 1],
    ['pks_penawaran', 'sukoharjo', 1],
    ['kitapun_pendaftaran', 'sukoharjo', 1],
  ] as const) {
    it(`${formId}: opens its case at step ${atStep}, with a receipt`, async () => {
      const before = f.deliveries;
      const answers = answersOf(formId);
      const responseId = await f.submit(agency, formId, answers);
      const sub = await recordedOf(agency, formId, responseId);
      expect(sub, JSON.stringify(sub.problems)).toMatchObject({ status: 'accepted', formId, responseId });
      await expect.poll(() => f.deliveries).toBeGreaterThan(before);
      const c = await getCase(agency, sub.caseId!);
      expect(c.case.currentStep).toBe(atStep);
      expect(c.events.every((e: { actor: { via?: string } }) => e.actor.via === 'formulir')).toBe(true);
      // Answers arrive under our question ids; a choice as its option value, not the label shown.
      expect(Object.keys(sub.answers).sort()).toEqual(Object.keys(answers).sort());
      if (formId === 'kitapun_pendaftaran') expect(c.case.data.jenis_perpustakaan).toBe('sekolah');
      expect(await mails(agency, sub.caseId!)).toHaveLength(1);
    });
  }

  it('pusling_konfirmasi: the partner opens the prefilled link, answers on the page, and the case moves from step 6 to 9', async () => {
    const def = catalogById('pusling');
    const created = await f.s.call('POST', '/v1/agencies/balangan/cases', { as: f.s.who('balangan', 'kasi_layanan'), body: { sop: 'pusling', partner: { name: 'SDN 2 Paringin', email: 'sdn2@paringin.example.org' } } });
    const id = created.body.state.id;
    let state = created.body.state;
    for (const move of [1, 2, [3, 'yes'], 4, 5] as const) {
      const no = typeof move === 'number' ? move : move[0];
      const step = stepOf(def, no);
      const body = typeof move === 'number' ? { type: 'complete', step: no, ...fullInput(step) } : { type: 'decide', step: no, decision: move[1], ...fullInput(step) };
      const r = await f.s.call('POST', `/v1/agencies/balangan/cases/${id}/actions`, { as: f.s.who('balangan', step.actors[0]!), body });
      expect(r.status).toBe(200);
      state = r.body.state;
    }
    const agency = (await f.s.app.store.agency('balangan'))!;
    const link = prefilledLink(agency, 'pusling_konfirmasi', f.s.app.forms!.reference('balangan', id, 6, state.version))!;
    const page = await (await fetch(link)).text();
    const ids = agency.forms.pusling_konfirmasi!.questionIds;
    const ref = new URL(link).searchParams.get(entryName(ids.kode_kasus!))!;
    expect(page).toContain(`value="${ref}"`);
    const ahead = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const form = new URLSearchParams({
      [entryName(ids.kode_kasus!)]: ref,
      [entryName(ids.keputusan!)]: 'Ya, sesuai dan kami siap menerima',
      [entryName(ids.waktu!)]: `${ahead}T09:00`, // as a phone's date-time field sends it
      [entryName(ids.lokasi!)]: 'Halaman SDN 2 Paringin',
    });
    const posted = await fetch(link.replace(/viewform.*$/, 'formResponse'), { method: 'POST', body: form });
    expect(await posted.text()).toContain('Jawaban Anda telah direkam');
    await expect.poll(async () => (await getCase('balangan', id)).case.currentStep).toBe(9);
    const events = (await getCase('balangan', id)).events;
    expect(events.at(-1)).toMatchObject({ action: 'decide', step: 6, decision: 'yes', actor: { via: 'formulir' } });
  });
});

describe('exactly once', () => {
  it('a response delivered 3 times, and found by another instance and by the sweep too: 1 case, 1 receipt', async () => {
    const answers = answersOf('pusling_permintaan');
    const before = f.deliveries;
    const responseId = await f.submit('balangan', 'pusling_permintaan', answers);
    const entry = (await f.s.app.store.agency('balangan'))!.forms.pusling_permintaan!;
    // Pub/Sub delivers at least once: the same notification twice more.
    const pubsub = new PubSub({ projectId: f.s.projectId, apiEndpoint: process.env.PUBSUB_EMULATOR_HOST! });
    const topic = pubsub.topic(f.topicName.split('/').pop()!);
    const watchId = [...f.fake.forms.all.get(entry.googleFormId)!.watches.keys()][0]!;
    await Promise.all([1, 2].map(() => topic.publishMessage({ attributes: { formId: entry.googleFormId, watchId, eventType: 'RESPONSES' } })));
    // Another instance (nothing in memory) reads the form at the same time, then the sweep.
    const link = (await f.s.app.store.formLink(entry.googleFormId))!;
    const [read] = await Promise.all([f.other.read(link), recordedOf('balangan', 'pusling_permintaan', responseId)]);
    expect(read.listed).toBeGreaterThan(0);
    await f.other.sweep();
    await expect.poll(() => f.deliveries - before).toBeGreaterThanOrEqual(3);
    await pubsub.close();
    const cases = await casesNamed('balangan', answers.lembaga![0]!);
    expect(cases).toHaveLength(1);
    expect(await mails('balangan', cases[0]!.id)).toHaveLength(1);
    expect((await f.recorded('balangan', 'pusling_permintaan', responseId))!.caseId).toBe(cases[0]!.id);
  });

  it('a malformed or unknown notification is acknowledged without effect, never retried', async () => {
    expect(await f.intake.handleEvent({ message: { data: 'bm90IGpzb24=' } })).toBeNull();
    expect(await f.intake.handleEvent('garbage')).toBeNull();
    expect(await f.intake.handleEvent({ message: { attributes: { formId: '../../etc', eventType: 'RESPONSES' } } })).toBeNull();
    expect(await f.intake.handleEvent({ message: { attributes: { formId: 'formTidakDikenal123', eventType: 'RESPONSES' } } })).toBeNull();
    expect(await f.intake.handleEvent({ message: { attributes: { formId: 'formTidakDikenal123', eventType: 'SCHEMA' } } })).toBeNull();
    // Through Pub/Sub: two bad messages, then a good response; three deliveries, no redelivery.
    const pubsub = new PubSub({ projectId: f.s.projectId, apiEndpoint: process.env.PUBSUB_EMULATOR_HOST! });
    const topic = pubsub.topic(f.topicName.split('/').pop()!);
    const before = f.deliveries;
    await topic.publishMessage({ data: Buffer.from('{"bukan":"notifikasi"}') });
    await topic.publishMessage({ attributes: { formId: 'formTidakDikenal123', eventType: 'RESPONSES', watchId: 'w' } });
    const responseId = await f.submit('sukoharjo', 'pks_penawaran', answersOf('pks_penawaran'));
    await recordedOf('sukoharjo', 'pks_penawaran', responseId);
    await expect.poll(() => f.deliveries - before).toBe(3);
    await pubsub.close();
  });
});
