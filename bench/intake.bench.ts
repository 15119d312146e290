// `npm run bench` (fourth part): partner form responses through the intake path, on a Firestore
// emulator of its own and the fake Google Forms API (the real @googleapis/forms client):
//   1. throughput: BENCH_INTAKE_N responses submitted at once on the fake, each notifying the intake
//      in-process (as the watch's Pub/Sub message would), every one listed, read and recorded with
//      its case, numbers and receipt; against bare Firestore creates of one document each at the
//      same parallelism, on the same emulator in the same run. Printed as rates and their ratio.
//      Also the same responses handed to FormService.receive directly, to separate the intake's own
//      cost (Forms API, cursor, coalescing) from recording.
//   2. delay: BENCH_INTAKE_DELAY_N responses one after another, from the notification to the case
//      being readable in Firestore, p50 and p95.
// Pub/Sub itself is left out (locally it adds the emulator's push latency, in production minutes
// at worst by Google's own account); what is measured is ours.
process.env.METADATA_SERVER_DETECTION ??= 'none';

import { randomUUID } from 'node:crypto';
import { Firestore } from '@google-cloud/firestore';
import { createApp } from '../functions/src/app.ts';
import { seedDemo } from '../functions/src/dev/demo.ts';
import { startFirestoreEmulator } from '../functions/src/dev/emulators.ts';
import { fakeClients, startFakeGoogle } from '../functions/src/dev/fake-google/index.ts';
import { sampleAnswers } from '../functions/src/dev/sample-answers.ts';
import { createGoogleForms } from '../functions/src/forms/google.ts';
import { formById } from '../functions/src/forms/index.ts';
import { createFormIntake, INTAKE_TIMING } from '../functions/src/forms/intake.ts';
import { submissionId } from '../functions/src/forms/service.ts';
import { createAgencyForms } from '../functions/src/forms/setup.ts';
import { CATALOG } from '../functions/src/sop/catalog/index.ts';
import { createFirestoreStore } from '../functions/src/store/firestore.ts';

const N = Number(process.env.BENCH_INTAKE_N ?? 300);
const DELAY_N = Number(process.env.BENCH_INTAKE_DELAY_N ?? 50);
const AGENCY = 'balangan';
const FORMS = ['pusling_permintaan', 'burt_peminjaman', 'pks_penawaran', 'kitapun_pendaftaran', 'kunjungan_permohonan'];

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * p) - 1)]!;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

let tag = 0;
/** Valid answers from a contact of their own (the burst and repeat holds never apply). */
function answers(formId: string): Record<string, string[]> {
  tag++;
  const a = sampleAnswers(formById(formId)!);
  if (a.email) a.email = [`mitra${tag}@bench.example.org`];
  if (a.telepon) a.telepon = [`+62 813 ${String(10_000_000 + tag)}`];
  for (const k of ['lembaga', 'instansi', 'komunitas', 'perpustakaan']) if (a[k]) a[k] = [`${a[k]![0]} ${tag}`];
  return a;
}

async function main() {
  const emulator = await startFirestoreEmulator();
  const fake = await startFakeGoogle();
  try {
    const db = new Firestore({ projectId: 'bench-intake', host: emulator.host, ssl: false });
    const app = createApp({ store: createFirestoreStore(db), auth: { audience: 'bench', keys: async () => ({}) }, forms: { secret: randomUUID().repeat(2), publicUrl: 'https://api.example.test' } });
    await seedDemo(app.store, CATALOG);
    const clients = fakeClients(fake);
    const google = createGoogleForms({ forms: clients.forms, drive: clients.drive });
    await createAgencyForms({ store: app.store, google }, AGENCY);
    const intake = createFormIntake({ store: app.store, forms: app.forms!, google, topicName: async () => 'projects/bench/topics/sop-forms' });
    await intake.sweep(); // the watches
    const notified = new Map<string, number>();
    const inflight = new Set<Promise<unknown>>();
    fake.forms.setNotifier(async (_topic, attributes) => {
      notified.set(attributes.formId, performance.now());
      const p = new Promise((r) => setImmediate(r)).then(() => intake.handleEvent({ message: { attributes } })).catch((e: unknown) => console.error(e));
      inflight.add(p);
      void p.finally(() => inflight.delete(p));
    });
    const entries = (await app.store.agency(AGENCY))!.forms;
    /** Submits on the fake Forms API, answers by Google question id and choices as their labels, as a respondent would. */
    const submit = (formId: string) => {
      const form = formById(formId)!;
      const byGoogle = Object.fromEntries(
        Object.entries(answers(formId)).map(([q, vs]) => {
          const question = form.questions.find((x) => x.id === q)!;
          return [entries[formId]!.questionIds[q]!, question.kind === 'choice' ? vs.map((v) => question.options!.find((o) => o.value === v)!.label) : vs];
        }),
      );
      return fake.forms.submit(entries[formId]!.googleFormId, byGoogle);
    };
    const count = async () => (await db.collection('agencies').doc(AGENCY).collection('submissions').count().get()).data().count;

    // Warm-up: JIT, the emulator's collections and indexes, the caches.
    await Promise.all(FORMS.map((f) => submit(f)));
    while ((await count()) < FORMS.length) await wait(20);

    // 1. Throughput.
    let t = performance.now();
    await Promise.all(Array.from({ length: N }, (_, i) => submit(FORMS[i % FORMS.length]!)));
    while ((await count()) < N + FORMS.length) await wait(20);
    const intakeMs = performance.now() - t;
    const bare = db.collection('bench_bare');
    t = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: INTAKE_TIMING.concurrency }, async () => {
      while (next < N) await bare.doc(`d${next++}`).create({ at: new Date().toISOString(), n: next });
    }));
    const bareMs = performance.now() - t;
    const intakeRate = N / (intakeMs / 1000);
    const bareRate = N / (bareMs / 1000);
    // The same work without Google Forms and the intake: FormService.receive called directly.
    const direct = Array.from({ length: N }, (_, i) => ({ formId: FORMS[i % FORMS.length]!, responseId: `direct${i}`, submittedAt: new Date().toISOString(), respondentEmail: null, answers: answers(FORMS[i % FORMS.length]!) }));
    t = performance.now();
    next = 0;
    await Promise.all(Array.from({ length: INTAKE_TIMING.concurrency * FORMS.length }, async () => {
      while (next < N) await app.forms!.receive(AGENCY, direct[next++]!);
    }));
    const directRate = N / ((performance.now() - t) / 1000);
    console.log(`intake: ${N} responses (${FORMS.length} forms, one agency) listed, read and recorded with their cases in ${(intakeMs / 1000).toFixed(1)} s: ${intakeRate.toFixed(0)} responses/s`);
    console.log(`bare Firestore create of one document, ${INTAKE_TIMING.concurrency} at a time (the intake's parallelism): ${bareRate.toFixed(0)} documents/s`);
    console.log(`the same responses handed to FormService.receive directly, ${INTAKE_TIMING.concurrency * FORMS.length} at a time: ${directRate.toFixed(0)} responses/s (so the Forms API and the intake cost ${(directRate / intakeRate).toFixed(2)}x on top)`);
    console.log(`ratio: bare creates / intake = ${(bareRate / intakeRate).toFixed(1)}x (a response is the hold checks' reads and one transaction writing counter, case, events, submission and receipt)`);

    // 2. Delay from the notification to the case being visible.
    const delays: number[] = [];
    for (let i = 0; i < DELAY_N; i++) {
      const formId = FORMS[i % FORMS.length]!;
      const responseId = await submit(formId);
      const from = notified.get(entries[formId]!.googleFormId)!;
      for (;;) {
        const s = await app.store.submission(AGENCY, submissionId(formId, responseId));
        if (s?.caseId && (await app.store.readCase(AGENCY, s.caseId))) break;
        await wait(2);
      }
      delays.push(performance.now() - from);
    }
    await Promise.all(inflight);
    console.log(`delay from a response's notification to its case being readable (${DELAY_N} responses one at a time): p50 ${pct(delays, 0.5).toFixed(0)} ms, p95 ${pct(delays, 0.95).toFixed(0)} ms, max ${Math.max(...delays).toFixed(0)} ms`);
    await db.terminate();
  } finally {
    fake.forms.setNotifier(null);
    await fake.close();
    await emulator.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
