// `npm run bench` (second part): Google API calls per generated letter, counted by the fake Google
// server while Perjanjian Kerja Sama, Kunjungan resmi and Perpustakaan Keliling are walked through
// the API (target: 3 per letter, copy + one batchUpdate + export, plus 1 documents.get for a surat
// tugas whose table of 10 assignee rows is filled in part, plus 1 send per e-mailed letter), and
// local .docx rendering time per letter against a bare in-memory docxtemplater fill of the same template.
process.env.METADATA_SERVER_DETECTION ??= 'none';

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Firestore } from '@google-cloud/firestore';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { createApp } from '../functions/src/app.ts';
import { createFirestoreStore } from '../functions/src/store/firestore.ts';
import { demoEmail, seedDemo } from '../functions/src/dev/demo.ts';
import { startFirestoreEmulator } from '../functions/src/dev/emulators.ts';
import { fullInput, reasonFor, stepOf } from '../functions/src/dev/sample-input.ts';
import { buildFields } from '../functions/src/documents/fields/index.ts';
import { createGoogleDocBackend } from '../functions/src/documents/google.ts';
import { createLocalDocBackend } from '../functions/src/documents/local.ts';
import { PROGRAMME_TEMPLATES, TEMPLATES, TEMPLATES_DIR } from '../functions/src/documents/templates.ts';
import { createGmailSender } from '../functions/src/mail/gmail.ts';
import type { OutboxEntry } from '../functions/src/model/records.ts';
import { CATALOG, catalogById } from '../functions/src/sop/catalog/index.ts';
import { fakeClients, startFakeGoogle } from '../test/support/fake-google/index.ts';

const ROUNDS = Number(process.env.BENCH_LETTER_ROUNDS ?? 30);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main() {
  const emulator = await startFirestoreEmulator();
  const fake = await startFakeGoogle();
  const dir = await mkdtemp(join(tmpdir(), 'bench-surat-'));
  try {
    for (const [id, t] of Object.entries(TEMPLATES)) fake.addDocxTemplate(`tpl-${id}`, await readFile(join(TEMPLATES_DIR, `${id}.docx`)), t.title);
    const clients = fakeClients(fake);
    const db = new Firestore({ projectId: 'bench-letters', host: emulator.host, ssl: false });
    const app = createApp({
      store: createFirestoreStore(db),
      auth: { audience: 'bench', keys: async () => ({}) },
      documents: {
        backendFor: (agency) => createGoogleDocBackend({ drive: clients.drive, docs: clients.docs, templates: agency.google!.templates, folderId: agency.google!.folderId }),
        mailerFor: () => createGmailSender({ gmail: clients.gmail }),
      },
    });
    await seedDemo(app.store, CATALOG);

    // Walk the two SOPs in-process (the HTTP layer adds no Google calls) and drain the outbox.
    const walks: [string, string, (number | [number, 'yes' | 'no'])[]][] = [
      ['kunjungan', 'babel', [1, 2, 3, 4, 5, [6, 'yes'], 7, 8, 9, 10]],
      ['kunjungan', 'babel', [1, 2, 3, 4, 5, [6, 'no'], 7]],
      ['pks', 'balangan', [1, 2, 3, 4, [5, 'no'], 3, 4, [5, 'yes'], 6, 7, 8, 9, 10, 11, 12]],
      ['pusling', 'balangan', [1, 2, [3, 'yes'], 4, 5, [6, 'yes'], 9, 10, 11, 12, 13, 14]],
    ];
    for (const [sop, agencyId, route] of walks) {
      const def = catalogById(sop);
      const agency = (await app.store.agency(agencyId))!;
      const caller = await app.cases.caller(agency, demoEmail(agencyId, stepOf(def, 1).actors[0]!));
      const c = await app.cases.create(caller, { sop, partner: { name: 'SMA Negeri 1', email: 'tu@sman1.example.org' } }, { key: crypto.randomUUID(), requestHash: 'b' });
      for (const m of route) {
        const no = typeof m === 'number' ? m : m[0];
        const step = stepOf(def, no);
        const input = fullInput(step);
        const action = typeof m === 'number' ? { type: 'complete' as const, step: no, input } : { type: 'decide' as const, step: no, decision: m[1], input: { ...input, ...reasonFor(step, m[1]) } };
        await app.cases.act(agency, demoEmail(agencyId, step.actors[0]!), c.value.state.id, action, { key: crypto.randomUUID(), requestHash: 'b' });
      }
    }
    while ((await app.worker!.sweep()).done > 0);
    const entries = (await db.collectionGroup('outbox').get()).docs.map((d) => d.data() as OutboxEntry);
    const done = entries.filter((e) => e.status === 'done');
    const emailed = done.filter((e) => e.email).length;
    const count = (re: RegExp) => fake.requests.filter((r) => re.test(r.path)).length;
    const copies = count(/\/copy$/);
    const fills = count(/:batchUpdate$/);
    const exports = count(/\/export$/);
    const sends = count(/\/messages\/send$/);
    const gets = fake.requests.filter((r) => r.method === 'GET' && /^\/v1\/documents\/[^/:]+$/.test(r.path)).length;
    const others = fake.requests.length - copies - fills - exports - sends - gets;
    const partial = done.filter((e) => e.templateId === 'surat_tugas').length;
    console.log(`letters generated: ${done.length} of ${entries.length} (${emailed} e-mailed to partners, ${partial} surat tugas)`);
    console.log(`Google API calls: ${copies} files.copy, ${gets} documents.get, ${fills} documents.batchUpdate, ${exports} files.export, ${sends} messages.send, ${others} other`);
    console.log(
      `Google API calls per letter: ${((copies + fills + exports + gets + others) / done.length).toFixed(2)} (target ${((3 * done.length + partial) / done.length).toFixed(2)}: 3, and 4 for each of the ${partial} surat tugas with unused assignee rows) + ${(sends / Math.max(1, emailed)).toFixed(2)} send per e-mailed letter (target 1)`,
    );
    await db.terminate();

    // Local .docx rendering time per letter, every template, against unzip + zip of the template alone.
    const local = createLocalDocBackend({ templatesDir: TEMPLATES_DIR, outDir: join(dir, 'out') });
    const sample = done.find((e) => e.templateId === 'pks_final') ?? done[0]!;
    const renders: number[] = [];
    const bare: number[] = [];
    // A case letter's context fills the case templates; a training programme's own documents read a programme's facts instead.
    const caseTemplates = Object.keys(TEMPLATES).filter((id) => !PROGRAMME_TEMPLATES.some((p) => p.template === id && p.variant === undefined));
    for (let r = 0; r < ROUNDS; r++) {
      for (const id of caseTemplates) {
        const bytes = await readFile(join(TEMPLATES_DIR, `${id}.docx`));
        const fields = buildFields(id, { ...sample.context! });
        let t = performance.now();
        // Baseline: docxtemplater filling the same template in memory, no files, no bookkeeping.
        new Docxtemplater(new PizZip(bytes), { delimiters: { start: '{{', end: '}}' }, linebreaks: true, paragraphLoop: true }).render(fields).toBuffer();
        bare.push(performance.now() - t);
        t = performance.now();
        const doc = await local.copy({ key: `bench-${r}-${id}`, templateId: id, title: `bench ${id}` });
        await local.fill(doc, fields);
        renders.push(performance.now() - t);
      }
    }
    const mr = median(renders);
    const mb = median(bare);
    console.log(`local .docx render per letter (copy + fill, ${renders.length} renders of ${Object.keys(TEMPLATES).length} templates): median ${mr.toFixed(2)} ms`);
    console.log(`bare in-memory docxtemplater fill of the same templates: median ${mb.toFixed(2)} ms; ratio ${(mr / mb).toFixed(2)}x (the rest is file I/O and the copy step)`);
  } finally {
    await fake.close();
    await emulator.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
