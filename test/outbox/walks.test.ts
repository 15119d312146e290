// Walking Perjanjian Kerja Sama and Kunjungan resmi through the API produces every letter they
// name, correctly numbered, once each, through both renderers: Google Docs (the real clients
// against the fake Google server) and the local .docx renderer, read back as text.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../functions/src/app.ts';
import { fullInput, reasonFor, stepOf } from '../../functions/src/dev/sample-input.ts';
import { createGoogleDocBackend } from '../../functions/src/documents/google.ts';
import { createLocalDocBackend, shortHash } from '../../functions/src/documents/local.ts';
import { TEMPLATES, TEMPLATES_DIR } from '../../functions/src/documents/templates.ts';
import { createGmailSender } from '../../functions/src/mail/gmail.ts';
import { createLocalMailSender, emlFileName } from '../../functions/src/mail/local.ts';
import { messageIdFor } from '../../functions/src/mail/mime.ts';
import type { OutboxEntry } from '../../functions/src/model/records.ts';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { docxText } from '../support/docx.ts';
import { fakeClients, startFakeGoogle, type FakeGoogle } from '../support/fake-google/index.ts';
import { startStack, type Stack } from '../support/stack.ts';

type Move = number | [number, 'yes' | 'no'];

interface Walk {
  name: string;
  sop: string;
  agency: string;
  route: Move[];
  /** The letters, in order, as `docId` or `docId#revision` for one made again after a "no". */
  letters: string[];
  emailed: string[];
}

const WALKS: Walk[] = [
  { name: 'Kunjungan resmi YES', sop: 'kunjungan', agency: 'babel', route: [1, 2, 3, 4, 5, [6, 'yes'], 7, 8, 9, 10], letters: ['lembar_disposisi', 'surat_jawaban_kunjungan'], emailed: ['surat_jawaban_kunjungan'] },
  { name: 'Kunjungan resmi NO', sop: 'kunjungan', agency: 'babel', route: [1, 2, 3, 4, 5, [6, 'no'], 7], letters: ['lembar_disposisi', 'surat_balasan_pergantian_waktu'], emailed: ['surat_balasan_pergantian_waktu'] },
  {
    name: 'Perjanjian Kerja Sama, reconsidered once',
    sop: 'pks',
    agency: 'balangan',
    route: [1, 2, 3, 4, [5, 'no'], 3, 4, [5, 'yes'], 6, 7, 8, 9, 10, 11, 12],
    letters: [
      'surat_permohonan_kerjasama',
      'notulensi_rapat',
      'surat_permohonan_ijin',
      'notulensi_rapat#2',
      'surat_permohonan_ijin#2',
      'surat_persetujuan',
      'draft_pks',
      'draft_pks_para_pihak',
      'draft_pks_revisi',
      'draft_pks_final',
      'pks_final',
    ],
    emailed: ['surat_permohonan_kerjasama', 'draft_pks_final', 'pks_final'],
  },
];

/** A clock that moves a minute on every reading: steps happen in order, within November. */
function ticking(): () => Date {
  let t = Date.parse('2026-11-23T02:00:00Z');
  return () => new Date((t += 60_000));
}

const PARTNER = { name: 'SMA Negeri 1 Paringin', email: 'tu@sman1paringin.example.sch.id' };

async function walk(s: Stack, w: Walk): Promise<{ caseId: string; entries: OutboxEntry[] }> {
  const def = catalogById(w.sop);
  const base = `/v1/agencies/${w.agency}`;
  const c = await s.call('POST', `${base}/cases`, { as: s.who(w.agency, stepOf(def, def.startStep).actors[0]!), body: { sop: w.sop, partner: PARTNER } });
  expect(c.status).toBe(201);
  for (const m of w.route) {
    const no = typeof m === 'number' ? m : m[0];
    const step = stepOf(def, no);
    const body = typeof m === 'number' ? { type: 'complete', step: no, ...fullInput(step) } : { type: 'decide', step: no, decision: m[1], ...fullInput(step), ...reasonFor(step, m[1]) };
    const r = await s.call('POST', `${base}/cases/${c.body.state.id}/actions`, { as: s.who(w.agency, step.actors[0]!), body });
    expect(r.status, `step ${no}: ${JSON.stringify(r.body)}`).toBe(200);
  }
  const snap = await s.db.collection('agencies').doc(w.agency).collection('outbox').where('caseId', '==', c.body.state.id).get();
  const entries = snap.docs.map((d) => d.data() as OutboxEntry).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return { caseId: c.body.state.id, entries };
}

const label = (e: OutboxEntry) => (e.revision > 1 ? `${e.docId}#${e.revision}` : e.docId);

/** Numbers in the register are unique and consecutive: no gap, no duplicate. */
async function expectGaplessRegister(s: Stack, agency: string, numbers: string[]) {
  const counter = await s.db.collection('agencies').doc(agency).collection('counters').doc('surat-2026').get();
  const serials = numbers.map((n) => Number(n.split('/')[1])).sort((a, b) => a - b);
  expect(new Set(serials).size).toBe(serials.length);
  expect(serials.at(-1)).toBe(Number(counter.get('last')));
  expect(serials).toEqual(Array.from({ length: serials.length }, (_, i) => serials[0]! + i));
}

function casesFor(name: string, setup: () => Promise<{ s: Stack; documentsOf: (e: OutboxEntry) => Promise<string[]>; sentTo: (e: OutboxEntry) => Promise<number>; close(): Promise<void> }>) {
  describe(name, () => {
    let env: Awaited<ReturnType<typeof setup>>;
    beforeAll(async () => {
      env = await setup();
    });
    afterAll(async () => env?.close());

    for (const w of WALKS) {
      it(`${w.name}: every letter once, numbered, e-mailed where the SOP says`, async () => {
        const { s } = env;
        const { caseId, entries } = await walk(s, w);
        expect(entries.map(label)).toEqual(w.letters);
        let rounds = 0;
        while ((await s.app.worker!.sweep()).done > 0 && rounds++ < 5);
        const c = await s.call('GET', `/v1/agencies/${w.agency}/cases/${caseId}`, { as: s.who(w.agency, 'kasi_layanan') });
        for (const e of entries) {
          const texts = await env.documentsOf(e);
          expect(texts, `${label(e)} rendered once`).toHaveLength(1);
          const text = texts[0]!;
          expect(text).not.toMatch(/\{\{|\}\}/);
          if (TEMPLATES[e.templateId]!.numbered) {
            expect(e.context!.nomor).toMatch(w.agency === 'babel' ? /\/DKPUS\/XI\/2026$/ : /\/DISPUSIP\/XI\/2026$/);
            expect(text).toContain(e.context!.nomor!);
          }
          expect(await env.sentTo(e)).toBe(w.emailed.includes(e.docId) ? 1 : 0);
        }
        // Only the newest revision of each document is what the case shows as ready.
        for (const docId of new Set(entries.map((e) => e.docId))) expect(c.body.case.documents[docId].status).toBe('ready');
        // The register holds the letters' numbers; the agency's PKS number, reserved at step 12 with
        // the signing date, is the signed agreement's own number (one number, not two).
        const numbers = entries.filter((e) => e.context!.nomor).map((e) => e.context!.nomor!);
        if (typeof c.body.case.data.nomor_pks_dinas === 'string') expect(numbers).toContain(c.body.case.data.nomor_pks_dinas);
        await expectGaplessRegister(s, w.agency, numbers);
        if (w.sop === 'pks') {
          const final = entries.find((e) => e.docId === 'pks_final')!;
          const text = (await env.documentsOf(final))[0]!;
          const agencyNumber = String(c.body.case.data.nomor_pks_dinas);
          expect(agencyNumber).toMatch(/^[\d.]+\/\d+\/DISPUSIP\/XI\/2026$/);
          expect(text).toContain(agencyNumber);
          expect(text).toContain(String(c.body.case.data.nomor_pks_pihak_lain));
          expect(text).toMatch(/Pada hari ini \S+ tanggal [a-z ]+ bulan \S+ tahun dua ribu dua puluh enam/);
          expect(text).toContain('PIHAK PERTAMA');
          expect(text).toContain('PIHAK KEDUA');
          expect(text.toUpperCase()).toContain(String(c.body.case.data.nama_pihak_lain).toUpperCase());
        }
      });
    }
  });
}

casesFor('Google Docs renderer (real clients, fake Google server)', async () => {
  const fake: FakeGoogle = await startFakeGoogle();
  // The agency's Google Doc templates are the repository's .docx templates, as uploaded.
  for (const [id, t] of Object.entries(TEMPLATES)) fake.addTemplate(`tpl-${id}`, docxText(await readFile(join(TEMPLATES_DIR, `${id}.docx`))), t.title);
  const clients = fakeClients(fake);
  const documents: AppDeps['documents'] = {
    backendFor: (agency) => createGoogleDocBackend({ drive: clients.drive, docs: clients.docs, templates: agency.google!.templates, folderId: agency.google!.folderId }),
    mailerFor: () => createGmailSender({ gmail: clients.gmail }),
  };
  const s = await startStack({ documents, clock: ticking() });
  return {
    s,
    documentsOf: async (e) => [...fake.documents.values()].filter((d) => d.appProperties.sopKey === e.id).map((d) => d.text),
    sentTo: async (e) => fake.sent.filter((m) => m.messageId === messageIdFor(e.id)).length,
    close: async () => {
      await s.close();
      await fake.close();
    },
  };
});

casesFor('local .docx renderer', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'surat-'));
  const documents: AppDeps['documents'] = {
    backendFor: () => createLocalDocBackend({ templatesDir: TEMPLATES_DIR, outDir: join(dir, 'dokumen') }),
    mailerFor: () => createLocalMailSender({ dir: join(dir, 'outbox') }),
  };
  const s = await startStack({ documents, clock: ticking() });
  return {
    s,
    // The local renderer names each file after its title and a hash of the entry's key.
    documentsOf: async (e) => {
      const files = (await readdir(join(dir, 'dokumen'))).filter((f) => f.endsWith(`-${shortHash(e.id)}.docx`));
      return Promise.all(files.map(async (f) => docxText(await readFile(join(dir, 'dokumen', f)))));
    },
    sentTo: async (e) => (await readdir(join(dir, 'outbox')).catch(() => [] as string[])).filter((f) => f === emlFileName(e.id)).length,
    close: async () => {
      await s.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
