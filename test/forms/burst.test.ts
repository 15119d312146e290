// 1,000 responses in a burst across the five opening forms of one agency, each notified through
// the Pub/Sub emulator to the intake: every one recorded exactly once, one case each, case numbers
// gapless per SOP, one receipt each. Contacts are all distinct, so the service's burst and repeat
// holds (INTAKE_LIMITS) do not apply.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { submissionId } from '../../functions/src/forms/service.ts';
import { answersOf, startFormsStack, type FormsStack } from '../support/forms-stack.ts';

const TOTAL = 1_000;
const FORMS = ['kunjungan_permohonan', 'pusling_permintaan', 'burt_peminjaman', 'pks_penawaran', 'kitapun_pendaftaran'];
const AGENCY = 'balangan';

let f: FormsStack;
beforeAll(async () => {
  f = await startFormsStack({ agencies: [AGENCY] });
});
afterAll(async () => f?.close());

it('1,000 responses in a burst across 5 forms: each recorded once, case numbers gapless, one receipt each', { timeout: 180_000 }, async () => {
  const started = Date.now();
  const sent = Array.from({ length: TOTAL }, (_, i) => ({ formId: FORMS[i % FORMS.length]!, answers: answersOf(FORMS[i % FORMS.length]!) }));
  const ids = await Promise.all(sent.map((x) => f.submit(AGENCY, x.formId, x.answers)));
  const submitted = Date.now() - started;

  const agency = f.s.db.collection('agencies').doc(AGENCY);
  await expect.poll(async () => (await agency.collection('submissions').count().get()).data().count, { timeout: 150_000, interval: 1_000 }).toBe(TOTAL);
  const recorded = Date.now() - started;

  const subs = (await agency.collection('submissions').get()).docs.map((d) => d.data());
  expect(new Set(subs.map((x) => x.id))).toEqual(new Set(ids.map((id, i) => submissionId(sent[i]!.formId, id))));
  const notAccepted = subs.filter((x) => x.status !== 'accepted');
  expect(notAccepted.map((x) => [x.formId, x.reason])).toEqual([]);

  const cases = (await agency.collection('cases').get()).docs.map((d) => d.data());
  expect(cases).toHaveLength(TOTAL);
  expect(new Set(subs.map((x) => x.caseId)).size).toBe(TOTAL);
  const bySop = new Map<string, number[]>();
  for (const c of cases) bySop.set(c.sopId, [...(bySop.get(c.sopId) ?? []), Number(String(c.nomor).split('/').pop())]);
  expect(bySop.size).toBe(FORMS.length);
  for (const [sop, serials] of bySop) expect(serials.sort((a, b) => a - b), sop).toEqual(Array.from({ length: TOTAL / FORMS.length }, (_, i) => i + 1));

  const receipts = (await agency.collection('outbox').where('kind', '==', 'mail').get()).docs.map((d) => d.data().caseId);
  expect(receipts).toHaveLength(TOTAL);
  expect(new Set(receipts).size).toBe(TOTAL);
  console.log(`burst: ${TOTAL} responses submitted in ${submitted} ms, all recorded after ${recorded} ms; ${f.deliveries} notifications handled`);
});
