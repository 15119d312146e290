// Every SOP walked end to end through the API the way a clerk fills the sidebar (realistic data,
// the recipient's jabatan taken from the step's suggestion), every letter rendered by the local
// .docx renderer and read back as text: numbers agree with the dates printed on the same letter,
// replies cite the letter they answer, drafts carry DRAF and no number, the surat tugas lists
// NIP, pangkat and jabatan per assignee, agreements name both signatories and numbers, no "-"
// stands where the letter needs a value, and the e-mails are subjected and addressed properly.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../functions/src/app.ts';
import { sampleFor, stepOf } from '../../functions/src/dev/sample-input.ts';
import { buildFields } from '../../functions/src/documents/fields/index.ts';
import { BULAN, formatNip, terbilang } from '../../functions/src/documents/format.ts';
import { createLocalDocBackend, shortHash } from '../../functions/src/documents/local.ts';
import { TEMPLATES, TEMPLATES_DIR } from '../../functions/src/documents/templates.ts';
import { createLocalMailSender, emlFileName } from '../../functions/src/mail/local.ts';
import type { OutboxEntry, Staff } from '../../functions/src/model/records.ts';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { docxText } from '../support/docx.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { WALKS, type Walk } from './letter-walks.ts';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const UNIT = /\/(DISPUSIP|DKPUS)\/([IVX]+)\/(\d{4})$/;

/** A clock that moves a minute on every reading, from Monday 23 November 2026. */
function ticking(): () => Date {
  let t = Date.parse('2026-11-23T02:00:00Z');
  return () => new Date((t += 60_000));
}

let s: Stack;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'surat-isi-'));
  const documents: AppDeps['documents'] = {
    backendFor: () => createLocalDocBackend({ templatesDir: TEMPLATES_DIR, outDir: join(dir, 'dokumen') }),
    mailerFor: () => createLocalMailSender({ dir: join(dir, 'outbox') }),
  };
  s = await startStack({ documents, clock: ticking() });
});
afterAll(async () => {
  await s?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The step's input as the sidebar sends it: the walk's data, the suggestions the form prefills, a sample of the type for the rest. */
async function inputFor(w: Walk, caseId: string, no: number): Promise<Record<string, unknown>> {
  const step = stepOf(catalogById(w.sop), no);
  const detail = await s.call('GET', `/v1/agencies/${w.agency}/cases/${caseId}`, { as: s.who(w.agency, step.actors[0]!) });
  const suggested: Record<string, string> = detail.body.currentStep?.suggested ?? {};
  const data: Record<string, unknown> = {};
  const checklist: Record<string, boolean> = {};
  const documents: Record<string, { url: string }> = {};
  const given = { ...w.data(s), ...(w.atStep?.(s)[no] ?? {}) };
  for (const k of step.kelengkapan) {
    if (k.type === 'data' && !k.assign) {
      const v = given[k.id] ?? suggested[k.id] ?? (k.optional ? undefined : sampleFor(k));
      if (v !== undefined) data[k.id] = v;
    }
    if (k.type === 'checklist') checklist[k.id] = true;
    if (k.type === 'document' && k.source === 'input') documents[k.id] = { url: `https://drive.google.com/file/d/${k.id}` };
  }
  return { data, checklist, documents };
}

async function walk(w: Walk): Promise<{ caseId: string; entries: OutboxEntry[]; data: Record<string, unknown> }> {
  const def = catalogById(w.sop);
  const base = `/v1/agencies/${w.agency}`;
  const c = await s.call('POST', `${base}/cases`, { as: s.who(w.agency, (def.createRoles ?? stepOf(def, def.startStep).actors)[0]!), body: { sop: w.sop, partner: w.partner } });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  const id = c.body.state.id as string;
  for (const m of w.route) {
    const no = typeof m === 'number' ? m : m[0];
    const step = stepOf(def, no);
    const input = await inputFor(w, id, no);
    const body = typeof m === 'number' ? { type: 'complete', step: no, ...input } : { type: 'decide', step: no, decision: m[1], ...input };
    const r = await s.call('POST', `${base}/cases/${id}/actions`, { as: s.who(w.agency, step.actors[0]!), body });
    expect(r.status, `${w.sop} step ${no}: ${JSON.stringify(r.body)}`).toBe(200);
  }
  let rounds = 0;
  while ((await s.app.worker!.sweep()).done > 0 && rounds++ < 5);
  const snap = await s.db.collection('agencies').doc(w.agency).collection('outbox').where('caseId', '==', id).get();
  const entries = snap.docs.map((d) => d.data() as OutboxEntry).filter((e) => e.kind === 'letter').sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const end = await s.call('GET', `${base}/cases/${id}`, { as: s.who(w.agency, stepOf(def, def.startStep).actors[0]!) });
  return { caseId: id, entries, data: end.body.case.data };
}

async function textOf(e: OutboxEntry): Promise<string> {
  const files = (await readdir(join(dir, 'dokumen'))).filter((f) => f.endsWith(`-${shortHash(e.id)}.docx`));
  expect(files, `${e.docId} rendered once`).toHaveLength(1);
  // "Yth." sits in a column of its own beside the addressee (the layout aligns the lines under it):
  // read it as the line it is on the page.
  return docxText(await readFile(join(dir, 'dokumen', files[0]!))).replace(/^Yth\.\n/gm, 'Yth. ');
}

/** The month (1..12) and year of the date printed on a letter: an agreement's opening, else its place-and-date or nota dinas date. */
function printedDate(text: string, kota: string): { month: number; year: number } {
  const opening = /Pada hari ini \S+ tanggal [a-z ]+ bulan (\S+) tahun ([a-z ]+?),/.exec(text);
  if (opening) {
    const year = [2026, 2027].find((y) => terbilang(y) === opening[2]!.trim());
    return { month: BULAN.indexOf(opening[1]!) + 1, year: year ?? NaN };
  }
  const dated = new RegExp(`${kota}, \\d{1,2} (\\S+) (\\d{4})`).exec(text) ?? /Tanggal\s*\n?:?\s*\n?\t?\d{1,2} (\S+) (\d{4})/.exec(text);
  if (!dated) throw new Error(`no printed date in:\n${text.slice(0, 600)}`);
  return { month: BULAN.indexOf(dated[1]!) + 1, year: Number(dated[2]) };
}

/** Fields a letter may leave as "-" because it has nothing to say there. */
function mayBeDash(e: OutboxEntry, field: string): boolean {
  if (field === 'tembusan' || field === 'lampiran') return (e.context!.doc?.lampiran ?? 0) === 0 || field === 'tembusan';
  if (e.templateId === 'lembar_disposisi' && field === 'nomor_agenda') return e.context!.doc?.variant !== 'permohonan_kunjungan';
  // An assignee typed by name, not found in the directory: only the name is known.
  if (/^petugas_\d+_(nip|pangkat|jabatan)$/.test(field)) return true;
  return false;
}

describe('every letter of every SOP, read back from the local .docx renderer', () => {
  const directory = async (agency: string, role: string): Promise<Staff> => (await s.app.store.staff(agency, s.who(agency, role)))!;

  for (const w of WALKS) {
    it(w.name, async () => {
      const { entries, data } = await walk(w);
      expect(entries.map((e) => (e.revision > 1 ? `${e.docId}#${e.revision}` : e.docId))).toEqual(w.letters);
      const kota = (await s.app.store.agency(w.agency))!.letterhead!.kota;
      for (const e of entries) {
        const text = await textOf(e);
        const what = `${w.sop}/${e.docId}#${e.revision}`;
        expect(text, what).not.toMatch(/\{\{|\}\}/);
        const spec = TEMPLATES[e.templateId]!;
        const fields = buildFields(e.templateId, e.context!);
        for (const [f, v] of Object.entries(fields)) if (v === '-') expect(mayBeDash(e, f), `${what}: {{${f}}} is "-"`).toBe(true);
        // The number's Roman month and year are the printed date's.
        if (spec.numbered) {
          const m = UNIT.exec(e.context!.nomor!);
          expect(m, `${what}: ${e.context!.nomor}`).not.toBeNull();
          const printed = printedDate(text, kota);
          expect([m![2], Number(m![3])], `${what}: ${e.context!.nomor} against its date`).toEqual([ROMAN[printed.month - 1], printed.year]);
          expect(text).toContain(e.context!.nomor!);
        }
        if (spec.draft) {
          expect(text, what).toMatch(/^DRAF$/m);
          expect(text).toContain('NOMOR: ..............................');
          expect(text).toContain('Pada hari ini .......... tanggal .......... bulan .......... tahun ..........');
          expect(text).not.toMatch(/NOMOR: \d/);
        }
        if (e.email) {
          const shortName = (await s.app.store.agency(w.agency))!.shortName;
          expect(e.email.subject, what).toMatch(new RegExp(` — ${shortName}$`));
          if (spec.numbered) expect(e.email.subject, what).toContain(`Nomor ${e.context!.nomor}`);
          expect(e.email.text.split('\n')[0], what).toMatch(/^Yth\. (Kepala|Ketua|Direktur|Rektor|Lurah|Camat|Pengelola|Pimpinan) .+,$/);
          expect((await readdir(join(dir, 'outbox'))).filter((f) => f === emlFileName(e.id))).toHaveLength(1);
        }
      }
      await w.check({ entries, data, text: textOf, directory, s });
    }, 60_000);
  }

  it('refuses the minutes of a meeting that has not taken place, and the monthly report of a month not over', async () => {
    const pks = catalogById('pks');
    const base = '/v1/agencies/balangan';
    const kasi = s.who('balangan', 'kasi_layanan');
    const c = await s.call('POST', `${base}/cases`, { as: kasi, body: { sop: 'pks', partner: { name: 'SMA Negeri 2 Paringin' } } });
    const id = c.body.state.id;
    for (const no of [1, 2]) {
      const step = stepOf(pks, no);
      const data = Object.fromEntries(step.kelengkapan.flatMap((k) => (k.type === 'data' && !k.assign ? [[k.id, k.id === 'waktu_rapat_internal' ? '2026-12-10T09:00:00+08:00' : sampleFor(k)]] : [])));
      const r = await s.call('POST', `${base}/cases/${id}/actions`, { as: s.who('balangan', step.actors[0]!), body: { type: 'complete', step: no, data } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const step3 = stepOf(pks, 3);
    const data3 = Object.fromEntries(step3.kelengkapan.flatMap((k) => (k.type === 'data' && !k.assign && !k.optional ? [[k.id, sampleFor(k)]] : [])));
    const early = await s.call('POST', `${base}/cases/${id}/actions`, { as: kasi, body: { type: 'complete', step: 3, data: data3 } });
    expect(early.status).toBe(400);
    expect(early.body.error).toMatchObject({ code: 'INVALID_INPUT', path: 'data.waktu_rapat_internal' });
    expect(early.body.error.message).toMatch(/Kamis, 10 Desember 2026 09\.00 WITA; notula dibuat setelah rapat dilaksanakan/);

    const ref = await s.call('POST', `${base}/cases`, { as: s.who('balangan', 'petugas_sirkulasi'), body: { sop: 'referensi' } });
    const step8 = stepOf(catalogById('referensi'), 8);
    const running = await s.call('POST', `${base}/cases/${ref.body.state.id}/actions`, {
      as: s.who('balangan', 'petugas_sirkulasi'),
      body: { type: 'complete', step: 8, data: { periode: '2026-11' }, documents: { buku_rekapitulasi: { url: 'https://drive.google.com/file/d/rekap' } } },
    });
    expect(step8.no).toBe(8);
    expect(running.status).toBe(400);
    expect(running.body.error).toMatchObject({ code: 'INVALID_INPUT', path: 'data.periode' });
    expect(running.body.error.message).toBe('Laporan bulan November 2026 baru dapat dibuat setelah bulan itu berakhir.');
  });

  it('prints NIPs grouped as civil-service numbers', () => {
    expect(formatNip('197005121998031007')).toBe('19700512 199803 1 007');
    expect(formatNip('19700512 199803 1 007')).toBe('19700512 199803 1 007');
    expect(formatNip('-')).toBe('-');
  });
});
