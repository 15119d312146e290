// The SOP import routes: preview and publish, each body checked at the boundary; only the agency's
// SOP administrators; a published table becomes the SOP's next version, a running case stays on its
// version and a new case runs on the imported one to its end.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { loadDefinition, type SopDefinition } from '../../functions/src/sop/schema.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { walkYes } from '../support/import-walk.ts';
import { docxOf, blocksOfTabText } from '../support/seed-docx.ts';

const SEED_002 = readFileSync(new URL('../../../shared/seeds/002_13bacb4177748aad.txt', import.meta.url), 'utf8');
/** The Kunjungan resmi table of seed 002 as a librarian copies it: from its title to its end. */
const KUNJUNGAN = SEED_002.slice(SEED_002.indexOf('PROSEDUR LAYANAN KUNJUNGAN RESMI'));
const A = '/v1/agencies/balangan';

let s: Stack;
beforeAll(async () => {
  s = await startStack();
});
afterAll(async () => s?.close());

describe('SOP import API', () => {
  it('previews a pasted table as a draft of the SOP it is a new version of, with its review list and changes', async () => {
    const r = await s.call('POST', `${A}/sop-imports/preview`, { as: s.who('balangan', 'kabid_perpustakaan'), body: { text: KUNJUNGAN } });
    expect(r.status, JSON.stringify(r.body).slice(0, 400)).toBe(200);
    const [d] = r.body.drafts;
    expect(d.current).toEqual({ id: 'kunjungan', version: 1, title: catalogById('kunjungan').title });
    expect(d.definition).toMatchObject({ id: 'kunjungan', version: 2, code: 'KUNJUNGAN' });
    expect(d.review.filter((x: { field: string }) => x.field === 'actors')).toHaveLength(10);
    expect(d.diff.length).toBeGreaterThan(0);
    expect(d.templates.map((t: { id: string }) => t.id)).toContain('surat_dinas');
  });

  it('previews a .docx and a Sheets range too', async () => {
    const docx = await docxOf(blocksOfTabText(KUNJUNGAN));
    const r = await s.call('POST', `${A}/sop-imports/preview`, { as: s.who('balangan', 'kabid_perpustakaan'), body: { docxBase64: Buffer.from(docx).toString('base64') } });
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    expect(r.body.drafts[0]).toMatchObject({ inputKind: 'docx', definition: { id: 'kunjungan' } });
    const rows = KUNJUNGAN.split('\n').map((l) => l.split('\t'));
    const g = await s.call('POST', `${A}/sop-imports/preview`, { as: s.who('balangan', 'kabid_perpustakaan'), body: { rows } });
    expect(g.status).toBe(200);
    expect(g.body.drafts[0].definition.steps).toHaveLength(10);
  });

  it('refuses at the boundary, naming the field, and refuses staff who do not administer SOPs', async () => {
    const kabid = s.who('balangan', 'kabid_perpustakaan');
    const cases: [unknown, number, string, RegExp][] = [
      [{ text: 'x', rows: [['a']] }, 400, 'INVALID_INPUT', /tepat satu sumber/],
      [{ text: KUNJUNGAN, extra: 1 }, 400, 'INVALID_INPUT', /extra/],
      [{ text: '   ' }, 400, 'INVALID_INPUT', /kosong/],
      [{ text: 'NO\tKEGIATAN\tPELAKSANA\tOutput\n\t\tPetugas\t\n1\tMenyusun\t\tRencana' }, 400, 'INVALID_INPUT', /kolom Waktu/],
      [{ docxBase64: 'bukan base64!' }, 400, 'INVALID_INPUT', /base64/],
      [{ docxBase64: Buffer.from('bukan docx sama sekali').toString('base64') }, 400, 'INVALID_INPUT', /bukan teks dan bukan \.docx|Tabel SOP tidak ditemukan/],
      [{ title: 'a\nb', text: KUNJUNGAN }, 400, 'INVALID_INPUT', /satu baris/],
    ];
    for (const [body, status, code, msg] of cases) {
      const r = await s.call('POST', `${A}/sop-imports/preview`, { as: kabid, body });
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(r.body.error.code).toBe(code);
      expect(r.body.error.message).toMatch(msg);
    }
    const fo = await s.call('POST', `${A}/sop-imports/preview`, { as: s.who('balangan', 'front_office'), body: { text: KUNJUNGAN } });
    expect(fo.status).toBe(403);
    expect(fo.body.error.code).toBe('WRONG_ROLE');
  });

  it('publishes the reviewed draft as version 2; a running case stays on version 1 and a new case runs on version 2 to its end', async () => {
    const kabid = s.who('balangan', 'kabid_perpustakaan');
    const running = await s.call('POST', `${A}/cases`, { as: s.who('balangan', 'front_office'), body: { sop: 'kunjungan', partner: { name: 'SMA Lama' } } });
    expect(running.body.state.sopVersion).toBe(1);
    const pre = await s.call('POST', `${A}/sop-imports/preview`, { as: kabid, body: { text: KUNJUNGAN } });
    const draft = pre.body.drafts[0].definition as SopDefinition;

    // A definition that breaks the schema is refused, naming where.
    const broken = { ...draft, steps: draft.steps.map((st) => (st.no === 4 ? { ...st, actors: ['tidak_ada'] } : st)) };
    const bad = await s.call('POST', `${A}/sop-imports/publish`, { as: kabid, body: { definition: broken } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.some((f: { path: string }) => f.path === 'definition.steps.3.actors')).toBe(true);
    // A step removed in review while a decision still points at it: the step and branch are named
    // as the reviewer numbers them (step 7 is the 6th of the list once 8 is gone), and nothing is stored.
    const removed = { ...draft, steps: draft.steps.filter((st) => st.no !== 8) };
    const dangling = await s.call('POST', `${A}/sop-imports/publish`, { as: kabid, body: { definition: removed } });
    expect(dangling.status).toBe(400);
    expect(dangling.body.error).toMatchObject({ code: 'INVALID_INPUT', fields: expect.arrayContaining([{ path: 'definition.steps.6.ifYes', message: 'Langkah 7, cabang YA: langkah tujuan 8 tidak ada' }]) });
    expect(dangling.body.error.message).toContain('Langkah 7, cabang YA: langkah tujuan 8 tidak ada');
    expect((await s.call('GET', `${A}/sops/kunjungan`, { as: kabid })).body).toMatchObject({ version: 1 });
    const noKey = await s.call('POST', `${A}/sop-imports/publish`, { as: kabid, body: { definition: draft }, idem: null });
    expect(noKey.status).toBe(400);

    const dry = await s.call('POST', `${A}/sop-imports/publish`, { as: kabid, body: { definition: draft, dryRun: true } });
    expect(dry.body).toMatchObject({ published: false, version: 2 });
    // The Kunjungan partner forms still fit the imported table (its guest-book step is the visitor's);
    // made a staff step, the guest-book form would not: said, not blocking.
    expect(dry.body.formProblems).toEqual([]);
    const staffGuestBook = { ...draft, steps: draft.steps.map((st) => (st.no === 9 ? { ...st, performer: 'staff' } : st)) };
    const misfit = await s.call('POST', `${A}/sop-imports/publish`, { as: kabid, body: { definition: staffGuestBook, dryRun: true } });
    expect(misfit.status).toBe(200);
    expect(misfit.body.formProblems).toEqual([expect.stringMatching(/^Formulir mitra ".*" tidak lagi cocok: kunjungan_buku_tamu: langkah 9 dikerjakan pegawai/)]);
    expect((await s.call('GET', `${A}/sops/kunjungan`, { as: kabid })).body.version).toBe(1);

    const key = `publish-${Date.now()}`;
    const pub = await s.call('POST', `${A}/sop-imports/publish`, { as: kabid, body: { definition: draft }, idem: key });
    expect(pub.status, JSON.stringify(pub.body)).toBe(201);
    expect(pub.body).toMatchObject({ id: 'kunjungan', version: 2, published: true, newRoles: [] });
    const again = await s.call('POST', `${A}/sop-imports/publish`, { as: kabid, body: { definition: draft }, idem: key });
    expect(again.body.version).toBe(2);
    const active = await s.call('GET', `${A}/sops/kunjungan`, { as: kabid });
    expect(active.body).toMatchObject({ version: 2, source: 'impor: teks tempel, tabel 1' });

    const def = loadDefinition(active.body);
    const fresh = await walkYes(s, 'balangan', def);
    expect(fresh.sopVersion).toBe(2);
    expect(fresh.steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const old = await walkYes(s, 'balangan', catalogById('kunjungan'), running.body.state.id);
    expect(old.sopVersion).toBe(1);
  }, 120_000);
});
