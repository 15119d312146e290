// The local .docx backend renders, finds and refills copies of the letter templates idempotently.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentXml, docxText } from '../support/docx.ts';
import { programmeContexts } from '../support/programme-letters.ts';
import { caseData, context } from '../support/letter-cases.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFields, buildRows, droppedRows } from '../../functions/src/documents/fields/index.ts';
import { createLocalDocBackend, DOCX_CONTENT_TYPE } from '../../functions/src/documents/local.ts';
import { TEMPLATES_DIR, templateById } from '../../functions/src/documents/templates.ts';
import { CATALOG } from '../../functions/src/sop/catalog/index.ts';

describe('local .docx backend', () => {
  let dir: string;
  let outDir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'surat-'));
    outDir = join(dir, 'keluar');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const def = (id: string) => CATALOG.find((d) => d.id === id)!;
  const stepOf = (sop: string, no: number) => def(sop).steps.find((s) => s.no === no)!;

  async function render(sop: string, stepNo: number, templateId: string, key: string, data?: Record<string, unknown>) {
    const backend = createLocalDocBackend({ templatesDir: TEMPLATES_DIR, outDir });
    const spec = templateById(templateId)!;
    const fields = buildFields(templateId, context(def(sop), stepOf(sop, stepNo), spec, data ? { data } : {}));
    const doc = await backend.copy({ key, templateId, title: `${spec.title} SMA Negeri 1 Paringin` });
    const result = await backend.fill(doc, fields);
    const bytes = await readFile(doc.documentId);
    return { backend, doc, result, bytes, text: docxText(bytes), fields };
  }

  it('renders the final PKS with both parties, both numbers and the date in words', async () => {
    const { result, text, doc } = await render('pks', 12, 'pks_final', 'case-1/pks_final/1');
    expect(result.missingPlaceholders).toEqual([]);
    expect(doc.documentId).toMatch(/Perjanjian-Kerja-Sama-SMA-Negeri-1-Paringin-[0-9a-f]{12}\.docx$/);
    expect(text).not.toMatch(/\{\{|\}\}/);
    expect(text).toContain('PERJANJIAN KERJA SAMA');
    expect(text).toContain('DINAS PERPUSTAKAAN DAN KEARSIPAN KABUPATEN BALANGAN');
    expect(text).toContain('SMA NEGERI 1 PARINGIN');
    expect(text).toContain('NOMOR: 000.5.2/117/DISPUSIP/XI/2026');
    expect(text).toContain('NOMOR: 421.3/045/SMAN1-PRN/XI/2026');
    expect(text).toContain('Pada hari ini Sabtu tanggal dua puluh satu bulan November tahun dua ribu dua puluh enam, bertempat di Paringin');
    expect(text).toContain('Hj. Rusmilawati, S.Pd., M.Pd.');
    expect(text).toContain('meterai Rp10.000,00 (sepuluh ribu rupiah) sesuai dengan Undang-Undang Nomor 10 Tahun 2020 tentang Bea Meterai');
    expect(text).not.toContain('bermeterai cukup');
    expect(text).toMatch(/Pada hari ini .* tahun dua ribu dua puluh enam/);
    expect(text).toContain('Drs. H. Ahmad Fauzi, M.Si.');
    expect(text).toContain('Kepala SMA Negeri 1 Paringin');
    expect(text).toContain('PIHAK PERTAMA');
    expect(text).toContain('PIHAK KEDUA');
    for (const pasal of ['MAKSUD DAN TUJUAN', 'RUANG LINGKUP', 'HAK DAN KEWAJIBAN', 'JANGKA WAKTU', 'PEMBIAYAAN', 'KEADAAN KAHAR', 'PENYELESAIAN PERSELISIHAN', 'PENUTUP']) {
      expect(text).toContain(pasal);
    }
  });

  it('renders the collective-loan reply with the numbered book titles', async () => {
    const data = { ...caseData(def('burt'), 3), list_judul_buku: ['Laskar Pelangi', 'Bumi Manusia', 'Negeri 5 Menara'] };
    const { result, text } = await render('burt', 3, 'balasan_peminjaman_kolektif', 'case-2/balasan_surat/1', data);
    expect(result.missingPlaceholders).toEqual([]);
    expect(text).toContain('1. Laskar Pelangi\n2. Bumi Manusia\n3. Negeri 5 Menara');
    expect(text).toContain('sebanyak 3 (tiga) judul');
    // "Yth." has a column of its own, the addressee's lines beside it.
    expect(text).toMatch(/Yth\.\s+Kepala Desa Batu Piring/);
  });

  it('renders the visit reply with the visit date in long form', async () => {
    const { result, text } = await render('kunjungan', 7, 'surat_jawaban_kunjungan', 'case-3/surat_jawaban_kunjungan/1');
    expect(result.missingPlaceholders).toEqual([]);
    expect(text).toContain('Kamis, 3 Desember 2026');
    expect(text).toContain('09.00 WITA sampai dengan selesai');
    expect(text).toContain('Paringin, 20 November 2026');
    expect(text).toContain('Jawaban Permohonan Izin Kunjungan');
    expect(text).toContain('a.n. Kepala Dinas Perpustakaan dan Kearsipan Kabupaten Balangan\nKepala Bidang Perpustakaan,');
  });

  it('finds a copy again by its key, and only by its key', async () => {
    const backend = createLocalDocBackend({ templatesDir: TEMPLATES_DIR, outDir });
    const doc = await backend.copy({ key: 'case-4/surat_tugas/1', templateId: 'surat_tugas', title: 'Surat Tugas: Pusling / SMA 1?' });
    expect(doc.documentId).toMatch(/Surat-Tugas-Pusling-SMA-1-[0-9a-f]{12}\.docx$/);
    expect(doc.url).toMatch(/^file:\/\//);
    expect(await backend.findCopy('case-4/surat_tugas/1')).toEqual(doc);
    expect(await backend.findCopy('case-4/surat_tugas/2')).toBeNull();
    expect(await createLocalDocBackend({ templatesDir: TEMPLATES_DIR, outDir: join(dir, 'belum-ada') }).findCopy('x')).toBeNull();
    // The copy is the unfilled template.
    expect(docxText(await readFile(doc.documentId))).toContain('{{petugas_1_nama}}');
  });

  it('renders a surat tugas with one table row per assignee, the unused rows removed', async () => {
    const backend = createLocalDocBackend({ templatesDir: TEMPLATES_DIR, outDir });
    const spec = templateById('surat_tugas')!;
    const fields = buildFields(spec.id, context(def('pusling'), stepOf('pusling', 3), spec));
    const doc = await backend.copy({ key: 'case-6/surat_tugas/1', templateId: spec.id, title: spec.title });
    expect((await backend.fill(doc, fields, { dropRows: droppedRows(spec.id, fields) })).missingPlaceholders).toEqual([]);
    const text = docxText(await readFile(doc.documentId));
    expect(text).toContain('1.\nMuhammad Rizky, S.IP.\n19900115 201503 1 002\nPenata Muda (III/a)\nPustakawan Ahli Pertama');
    expect(text).toContain('2.\nNor Aida, A.Md.\n-\n-\n-');
    expect(text).toContain('Kepada\n:\npegawai yang namanya tercantum di bawah ini:');
    expect(text).not.toMatch(/\n3\.\n/);
    expect(text).not.toContain('{{');
  });

  it('fills idempotently from the template, and reports the fields the template lacks', async () => {
    const backend = createLocalDocBackend({ templatesDir: TEMPLATES_DIR, outDir });
    const spec = templateById('lembar_disposisi')!;
    const fields = buildFields(spec.id, context(def('kunjungan'), stepOf('kunjungan', 6), spec));
    const doc = await backend.copy({ key: 'case-5/lembar_disposisi/1', templateId: spec.id, title: spec.title });
    expect((await backend.fill(doc, fields)).missingPlaceholders).toEqual([]);
    const first = await readFile(doc.documentId);
    const again = await backend.fill(doc, { ...fields, tidak_ada_di_templat: 'x' });
    expect(again.missingPlaceholders).toEqual(['tidak_ada_di_templat']);
    const second = await readFile(doc.documentId);
    expect(second.equals(first)).toBe(true);
    const text = docxText(second);
    expect(text).toContain('Terima kunjungan; siapkan ruang baca dan pustakawan pendamping.');
    expect(text).toContain('045/SM/XI/2026');

    const exported = await backend.export(doc);
    expect(exported.contentType).toBe(DOCX_CONTENT_TYPE);
    expect(exported.url).toBeNull();
    expect(exported.filename).toMatch(/^Lembar-Disposisi-[0-9a-f]{12}\.docx$/);
    expect(exported.content.equals(second)).toBe(true);
  });

  it('names a missing template file', async () => {
    const backend = createLocalDocBackend({ templatesDir: join(dir, 'tanpa-templat'), outDir });
    await expect(backend.copy({ key: 'k', templateId: 'surat_tugas', title: 'x' })).rejects.toThrow(/surat_tugas.*tanpa-templat/);
  });
});

describe('local .docx backend: a growing table', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'tabel-'));
  });
  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('writes the repeated row once per participant, keeps only the last with the signature, and fills again to the same bytes', async () => {
    const ctx = programmeContexts.undangan(300);
    const fields = buildFields('undangan_bimtek', ctx);
    const rows = buildRows('undangan_bimtek', ctx);
    expect(rows.peserta).toHaveLength(300);
    const backend = createLocalDocBackend({ templatesDir: TEMPLATES_DIR, outDir });
    const doc = await backend.copy({ key: 'undangan-300', templateId: 'undangan_bimtek', title: 'Undangan' });
    expect(await backend.fill(doc, fields, { rows })).toEqual({ missingPlaceholders: [] });
    const bytes = await readFile(doc.documentId);
    const text = docxText(bytes);
    expect(text).not.toMatch(/\{\{|\}\}/);
    const numbers = [...text.matchAll(/^(\d+)\.\n(\S.*)\nTBM Cahaya /gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    // The header row repeats on every page; each participant's row stays whole; only the last keeps with what follows.
    const xml = documentXml(bytes);
    const rowsXml = xml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g)!.filter((r) => r.includes('TBM Cahaya'));
    expect(rowsXml).toHaveLength(300);
    expect(rowsXml.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
    expect(rowsXml.map((r) => r.includes('<w:keepNext/>'))).toEqual([...Array(299).fill(false), true]);
    expect(xml.match(/<w:tblHeader\/>/g)!.length).toBeGreaterThanOrEqual(1);
    await backend.fill(doc, fields, { rows });
    expect(await readFile(doc.documentId)).toEqual(bytes);
  });

  it('removes the row for an empty list, and names the columns of a list the template lacks', async () => {
    const backend = createLocalDocBackend({ templatesDir: TEMPLATES_DIR, outDir });
    const ctx = programmeContexts.undangan(3);
    const fields = buildFields('undangan_bimtek', ctx);
    const doc = await backend.copy({ key: 'undangan-kosong', templateId: 'undangan_bimtek', title: 'Undangan' });
    expect(await backend.fill(doc, fields, { rows: { peserta: [] } })).toEqual({ missingPlaceholders: [] });
    const text = docxText(await readFile(doc.documentId));
    expect(text).toContain('Kabupaten/Kota');
    expect(text).not.toContain('TBM Cahaya');
    expect(text).not.toMatch(/\{\{/);
    const other = await backend.copy({ key: 'surat-dinas-daftar', templateId: 'surat_dinas', title: 'Surat' });
    const r = await backend.fill(other, {}, { rows: { peserta: [{ peserta_no: '1.', peserta_nama: 'Siti' }] } });
    expect(r.missingPlaceholders).toEqual(['peserta_no', 'peserta_nama']);
  });
});
