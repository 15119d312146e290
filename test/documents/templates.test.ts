// Letter templates: every produced document of the catalog maps to a template (or an explicit null),
// the committed .docx files carry exactly the placeholders of their specs (each in one text run) and
// are up to date with the layouts, the field builders fill every placeholder for a realistic case of
// Kabupaten Balangan, and the local .docx backend renders, finds and refills copies idempotently.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { decode, docxText, documentXml } from '../support/docx.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sample } from '../../functions/src/dev/sample-input.ts';
import { buildTemplateDocx } from '../../functions/src/documents/docx/build.ts';
import { buildFields, pimpinanOf } from '../../functions/src/documents/fields/index.ts';
import { createLocalDocBackend, DOCX_CONTENT_TYPE } from '../../functions/src/documents/local.ts';
import { DOCUMENT_TEMPLATES, TEMPLATES, TEMPLATES_DIR, templateById, templateFor, type TemplateSpec } from '../../functions/src/documents/templates.ts';
import type { LetterContext } from '../../functions/src/documents/types.ts';
import { CATALOG } from '../../functions/src/sop/catalog/index.ts';
import type { SopDefinition, Step } from '../../functions/src/sop/schema.ts';

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

/** Every document a step produces: on every path and on either exit of a decision. */
function producedDocuments(def: SopDefinition): { docId: string; step: Step }[] {
  return def.steps.flatMap((step) => [
    ...step.produces.map((d) => ({ docId: d.id, step })),
    ...(step.kind === 'decision' ? [...step.ifYes.produces, ...step.ifNo.produces].map((d) => ({ docId: d.id, step })) : []),
  ]);
}

const ALL_PRODUCED = CATALOG.flatMap((def) => producedDocuments(def).map((p) => ({ def, ...p })));

/** Realistic values for the data field ids the catalog collects (others fall back to a sample of their type). */
const REALISTIC: Record<string, unknown> = {
  // pusling
  pengguna_layanan: 'SMA Negeri 1 Paringin',
  lokasi_kunjungan: 'Halaman SMA Negeri 1 Paringin, Jalan Jenderal Ahmad Yani, Paringin',
  waktu_kunjungan: '2026-12-03T09:00:00+08:00',
  email_pengguna_layanan: 'sman1paringin@example.sch.id',
  nama_petugas: ['Muhammad Rizky', 'Nor Aida, A.Md.'],
  catatan_kabid: 'Setuju. Sebarluaskan jadwal kepada pengguna layanan dan laksanakan sesuai rencana.',
  jumlah_pemustaka: 120,
  jumlah_pemustaka_dilayani: 96,
  // referensi
  periode: '2026-11',
  nama_pengunjung: 'Rina Wulandari',
  asal_instansi: 'SMP Negeri 2 Paringin',
  jumlah_subjek: 2,
  jumlah_buku: 4,
  judul_buku: ['Sejarah Banjar', 'Ensiklopedia Kalimantan Selatan'],
  rekap: {
    month: '2026-11',
    visits: 412,
    booksRead: 655,
    byDay: { '2026-11-02': { visits: 21, books: 35 }, '2026-11-03': { visits: 18, books: 27 } },
    byCategory: { pelajar: 260, mahasiswa: 41, umum: 96, instansi: 15 },
    byClassification: { '000': 12, '200': 88, '300': 140, '800': 301, '900': 70, 'tanpa klasifikasi': 44 },
    titles: [
      { title: 'Ensiklopedia Kalimantan Selatan', count: 31 },
      { title: 'Sejarah Banjar', count: 24 },
    ],
  },
  // pks
  nama_pihak_lain: 'SMA Negeri 1 Paringin',
  ide_gagasan_peluang: 'Pembentukan pojok baca dan layanan perpustakaan keliling terjadwal di SMA Negeri 1 Paringin.',
  surat_penawaran_pihak_lain: 'https://drive.google.com/file/d/penawaran-sman1',
  waktu_rapat_internal: '2026-11-16T09:00:00+08:00',
  manfaat_dan_resiko: 'Manfaat: minat baca siswa meningkat. Risiko: koleksi rusak atau hilang; diatasi dengan berita acara peminjaman.',
  catatan_kepala_dinas: 'Pastikan jadwal layanan tidak mengganggu jadwal pusling desa.',
  catatan_perintah: 'Susun draf bersama sekolah paling lambat minggu depan.',
  nomor_pks_pihak_lain: '421.3/045/SMAN1-PRN/XI/2026',
  nomor_pks_dinas: '000.5.2/117/DISPUSIP/XI/2026', // reserved by the system at step 11 (assign: surat)
  tentang_kerja_sama: 'Pengembangan Layanan Perpustakaan Sekolah',
  ruang_lingkup: 'Pojok baca di sekolah dan kunjungan perpustakaan keliling terjadwal.',
  jangka_waktu_kerja_sama: '2 (dua) tahun',
  nama_penandatangan_pihak_lain: 'Hj. Rusmilawati, S.Pd., M.Pd.',
  jabatan_penandatangan_pihak_lain: 'Kepala SMA Negeri 1 Paringin',
  waktu_penandatanganan: '2026-11-21T10:00:00+08:00',
  tempat_penandatanganan: 'Aula Dinas Perpustakaan dan Kearsipan Kabupaten Balangan',
  // kunjungan
  nama_instansi: 'SMA Negeri 1 Paringin',
  tanggal_kunjungan: '2026-12-01',
  jumlah_pengunjung: 35,
  email_kontak: 'sman1paringin@example.sch.id',
  nomor_agenda: '045/SM/XI/2026',
  jadwal_tersedia: true,
  jadwal_alternatif: 'Kamis, 10 Desember 2026 pukul 09.00 WITA',
  kecocokan_jadwal: true,
  saran_pertimbangan: 'Jadwal tanggal tersebut masih kosong; usul diterima.',
  isi_disposisi: 'Terima kunjungan; siapkan ruang baca dan pustakawan pendamping.',
  nama_pendamping: ['Siti Rahmah, S.IP.'],
  tempat_kunjungan: 'Ruang Baca Dinas Perpustakaan dan Kearsipan Kabupaten Balangan',
  jumlah_pengunjung_hadir: 33,
  // burt
  sasaran_sosialisasi: 'Warga RT 03 Desa Batu Piring',
  metode_sosialisasi: ['Tatap Muka', 'Sosial Media'],
  tautan_sosial_media: 'https://instagram.com/p/burt-balangan',
  pihak_terkait: 'RT 03 Desa Batu Piring',
  list_judul_buku: ['Laskar Pelangi', 'Bumi Manusia', 'Negeri 5 Menara'],
  jadwal_pembinaan: '2026-12-05T09:00:00+08:00',
  kegiatan_pendampingan: 'Gerakan membaca bersama di Desa Batu Piring',
  // kitapun
  perpustakaan_sasaran: ['SD Negeri 1 Paringin', 'SMP Negeri 1 Paringin', 'MTs Negeri 1 Balangan'],
  rincian_jadwal_monev: ['2026-12-07 SD Negeri 1 Paringin', '2026-12-08T09:00:00+08:00 SMP Negeri 1 Paringin', 'MTs Negeri 1 Balangan (menyusul)'],
  bukti_penyebarluasan: 'https://drive.google.com/file/d/edaran-disdik',
  hasil_monev: 'SD Negeri 1 Paringin memenuhi 6 dari 8 standar; SMP Negeri 1 Paringin memenuhi 7 dari 8 standar.',
  perpustakaan_dibina: ['SD Negeri 1 Paringin'],
  rincian_jadwal_pembinaan: ['2026-12-14 SD Negeri 1 Paringin'],
  catatan_pembinaan: 'Administrasi inventaris perlu dilengkapi.',
  nilai_akreditasi: 'B (baik), skor 82',
};

const AGENCY: LetterContext['agency'] = {
  id: 'balangan',
  name: 'Dinas Perpustakaan dan Kearsipan Kabupaten Balangan',
  shortName: 'DISPUSIP Balangan',
  timeZone: 'Asia/Makassar',
  letterhead: {
    pemerintah: 'PEMERINTAH KABUPATEN BALANGAN',
    dinas: 'DINAS PERPUSTAKAAN DAN KEARSIPAN',
    alamat: 'Jalan Jenderal Ahmad Yani Km. 4,5, Paringin Selatan, Kabupaten Balangan, Kalimantan Selatan 71618',
    telepon: '(0526) 2028060',
    email: 'dispusip@balangankab.go.id',
    laman: 'https://dispusip.balangankab.go.id',
    kota: 'Balangan',
  },
};

const PARTNER = { name: 'SMA Negeri 1 Paringin', email: 'sman1paringin@example.sch.id', address: 'Jalan Jenderal Ahmad Yani, Paringin' };

const SIGNERS: Record<string, { name: string; jabatan: string; nip: string }> = {
  kepala_dinas: { name: 'Drs. H. Ahmad Fauzi, M.Si.', jabatan: 'Kepala Dinas Perpustakaan dan Kearsipan Kabupaten Balangan', nip: '19700512 199803 1 007' },
  kabid_perpustakaan: { name: 'Hj. Dewi Lestari, S.Sos.', jabatan: 'Kepala Bidang Perpustakaan', nip: '19780321 200212 2 004' },
};

/** Data entered up to and including the producing step (all: every data field of the SOP). */
function caseData(def: SopDefinition, upTo: number | 'all'): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const s of def.steps) {
    if (upTo !== 'all' && s.no > upTo) continue;
    for (const k of s.kelengkapan) if (k.type === 'data') data[k.id] = REALISTIC[k.id] ?? sample(k.dataType);
  }
  if (def.id === 'referensi' && upTo === 'all') data.rekap = REALISTIC.rekap;
  return data;
}

function context(
  def: SopDefinition,
  step: Step,
  spec: TemplateSpec,
  opts: { data?: Record<string, unknown>; minimal?: boolean; nomor?: string | null } = {},
): LetterContext {
  const minimal = opts.minimal ?? false;
  return {
    agency: minimal ? { ...AGENCY, letterhead: { pemerintah: AGENCY.letterhead.pemerintah, dinas: AGENCY.letterhead.dinas, alamat: AGENCY.letterhead.alamat, kota: 'Balangan' } } : AGENCY,
    case: {
      id: 'case-1',
      nomor: `${def.code}/2026/0007`,
      sopId: def.id,
      sopTitle: def.title,
      title: `${def.title}: SMA Negeri 1 Paringin`,
      partner: minimal ? null : PARTNER,
      data: opts.data ?? caseData(def, minimal ? step.no : 'all'),
      documents: minimal ? {} : { buku_rekapitulasi: { label: 'Buku rekapitulasi', url: 'https://drive.google.com/file/d/rekap-2026-11' }, notulensi_rapat: { label: 'Notulensi' } },
      decisions: {},
    },
    step: { no: step.no, activity: step.activity, note: minimal ? null : 'Dikerjakan sesuai SOP.' },
    actor: minimal
      ? { email: 'kasi@balangan.go.id', name: 'Nur Aini' }
      : { email: 'kasi@balangan.go.id', name: 'Nur Aini, S.IP.', jabatan: 'Kepala Seksi Layanan, Otomasi dan Kerja Sama', nip: '19850101 201001 2 003' },
    signer: !minimal && spec.signerRole ? (SIGNERS[spec.signerRole] ?? null) : null,
    nomor: opts.nomor !== undefined ? opts.nomor : spec.numbered ? '000.5.2/117/DISPUSIP/XI/2026' : null,
    at: '2026-11-20T02:30:00Z',
  };
}

// ---------------------------------------------------------------------------------------------
// Reading .docx files
// ---------------------------------------------------------------------------------------------

const TAG_RE = /\{\{([a-z][a-z0-9_]*)\}\}/g;

function placeholdersIn(text: string): Set<string> {
  return new Set([...text.matchAll(TAG_RE)].map((m) => m[1]!));
}

/** Texts of the single runs (w:t elements). */
function runTexts(bytes: Buffer): string[] {
  return [...documentXml(bytes).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!));
}

const templateFile = (id: string) => readFile(join(TEMPLATES_DIR, `${id}.docx`));

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe('mapping of produced documents to templates', () => {
  it('maps every document the catalog produces to a template or an explicit null', () => {
    expect(ALL_PRODUCED.length).toBeGreaterThan(20);
    for (const { def, docId } of ALL_PRODUCED) {
      const key = `${def.id}.${docId}`;
      expect(Object.hasOwn(DOCUMENT_TEMPLATES, key), `${key} tidak dipetakan`).toBe(true);
      const t = templateFor(def.id, docId);
      if (DOCUMENT_TEMPLATES[key] === null) expect(t).toBeNull();
      else expect(t?.id).toBe(DOCUMENT_TEMPLATES[key]);
    }
  });

  it('has no stale entries and uses every template', () => {
    const produced = new Set(ALL_PRODUCED.map(({ def, docId }) => `${def.id}.${docId}`));
    expect(Object.keys(DOCUMENT_TEMPLATES).filter((k) => !produced.has(k))).toEqual([]);
    const used = new Set(Object.values(DOCUMENT_TEMPLATES).filter((v): v is string => v !== null));
    expect(Object.keys(TEMPLATES).filter((id) => !used.has(id))).toEqual([]);
  });

  it('keeps null only for documents that are not letters', () => {
    expect(Object.entries(DOCUMENT_TEMPLATES).filter(([, v]) => v === null).map(([k]) => k)).toEqual(['kunjungan.agenda_surat_masuk']);
  });

  it('throws for a document the mapping does not know', () => {
    expect(() => templateFor('pusling', 'surat_baru')).toThrow(/belum dipetakan/);
    expect(() => templateFor('tidak_ada', 'surat_tugas')).toThrow(/belum dipetakan/);
  });

  it('names signer roles that the catalog defines', () => {
    const roles = new Set(CATALOG.flatMap((d) => d.roles.map((r) => r.id)));
    for (const [id, t] of Object.entries(TEMPLATES)) {
      expect(t.id).toBe(id);
      if (t.signerRole) expect(roles.has(t.signerRole), `${t.id}: ${t.signerRole}`).toBe(true);
    }
  });
});

describe.each(Object.values(TEMPLATES).map((t) => [t.id, t] as const))('template %s', (id, spec) => {
  it('has every placeholder of its spec in the generated .docx, each in one text run, and no other', async () => {
    const bytes = await templateFile(id);
    const text = docxText(bytes);
    const found = placeholdersIn(text);
    expect([...found].sort()).toEqual([...spec.placeholders].sort());
    // One run per placeholder: no run holds a partial "{{" or "}}".
    for (const run of runTexts(bytes)) {
      const rest = run.replace(TAG_RE, '');
      expect(rest, `run "${run}"`).not.toMatch(/\{\{|\}\}/);
    }
    const inRuns = new Set(runTexts(bytes).flatMap((r) => [...r.matchAll(TAG_RE)].map((m) => m[1]!)));
    expect([...inRuns].sort()).toEqual([...spec.placeholders].sort());
  });

  it('is up to date with its layout (npm run build:templates)', async () => {
    expect(documentXml(await templateFile(id))).toBe(documentXml(await buildTemplateDocx(spec)));
  });

  it('records its template id in the .docx', async () => {
    expect(new PizZip(await templateFile(id)).file('docProps/custom.xml')?.asText()).toContain(`<vt:lpwstr>${id}</vt:lpwstr>`);
  });
});

describe('buildFields', () => {
  const cases = ALL_PRODUCED.filter(({ def, docId }) => DOCUMENT_TEMPLATES[`${def.id}.${docId}`] !== null);

  it.each(cases.map((c) => [`${c.def.id}.${c.docId}`, c] as const))('fills every placeholder of %s with non-empty text', (_key, { def, docId, step }) => {
    const spec = templateFor(def.id, docId)!;
    for (const minimal of [false, true]) {
      const fields = buildFields(spec.id, context(def, step, spec, { minimal }));
      expect(Object.keys(fields).sort()).toEqual([...spec.placeholders].sort());
      for (const p of spec.placeholders) {
        expect(typeof fields[p], p).toBe('string');
        expect(fields[p]!.trim(), `${spec.id}: {{${p}}} (${minimal ? 'minimal' : 'lengkap'})`).not.toBe('');
        expect(fields[p], p).not.toMatch(/undefined|null|NaN|\[object/);
      }
    }
  });

  it('throws for an unknown template', () => {
    const def = CATALOG[0]!;
    expect(() => buildFields('tidak_ada', context(def, def.steps[0]!, TEMPLATES.surat_tugas!))).toThrow(/tidak dikenal/);
  });

  const def = (id: string) => CATALOG.find((d) => d.id === id)!;
  const stepOf = (sop: string, no: number) => def(sop).steps.find((s) => s.no === no)!;

  it('writes the letterhead, the number, dates in the agency zone and the signer', () => {
    const spec = templateById('surat_jawaban_kunjungan')!;
    const f = buildFields(spec.id, context(def('kunjungan'), stepOf('kunjungan', 7), spec));
    expect(f.kop_pemerintah).toBe('PEMERINTAH KABUPATEN BALANGAN');
    expect(f.kop_kontak).toBe('Telepon (0526) 2028060, Pos-el dispusip@balangankab.go.id, Laman https://dispusip.balangankab.go.id');
    expect(f.nomor).toBe('000.5.2/117/DISPUSIP/XI/2026');
    // 2026-11-20T02:30Z is 10.30 WITA on 20 November.
    expect(f.tempat_tanggal).toBe('Balangan, 20 November 2026');
    expect(f.tujuan).toBe('Kepala SMA Negeri 1 Paringin');
    expect(f.hari_tanggal_kunjungan).toBe('Kamis, 3 Desember 2026');
    expect(f.jam_kunjungan).toBe('09.00 WITA sampai dengan selesai');
    expect(f.jumlah_pengunjung).toBe('35 (tiga puluh lima) orang');
    expect(f.ttd_jabatan).toBe('a.n. Kepala Dinas Perpustakaan dan Kearsipan Kabupaten Balangan\nKepala Bidang Perpustakaan,');
    expect(f.ttd_nama).toBe('Hj. Dewi Lestari, S.Sos.');
    expect(f.ttd_nip).toBe('NIP. 19780321 200212 2 004');
    // With pangkat/golongan recorded, it stands under the name, above the NIP.
    const ctx = context(def('kunjungan'), stepOf('kunjungan', 7), spec);
    const withPangkat = buildFields(spec.id, { ...ctx, signer: { ...ctx.signer!, pangkat: 'Pembina (IV/a)' } });
    expect(withPangkat.ttd_nip).toBe('Pembina (IV/a)\nNIP. 19780321 200212 2 004');
  });

  it('signs as the actor when no signer is active, and prints "-" for a missing number', () => {
    const spec = templateById('surat_tugas')!;
    const ctx = { ...context(def('pusling'), stepOf('pusling', 3), spec, { nomor: null }), signer: null };
    const f = buildFields(spec.id, ctx);
    expect(f.nomor).toBe('-');
    expect(f.ttd_nama).toBe('Nur Aini, S.IP.');
    expect(f.ttd_jabatan).toBe('Kepala Seksi Layanan, Otomasi dan Kerja Sama,');
    expect(f.daftar_petugas).toBe('1. Muhammad Rizky\n2. Nor Aida, A.Md.');
    expect(f.untuk).toContain('pada Kamis, 3 Desember 2026 pukul 09.00 WITA sampai dengan selesai;');
  });

  it('spells out the schedule and the monthly figures', () => {
    const monev = templateById('surat_pemberitahuan_monev')!;
    const f = buildFields(monev.id, context(def('kitapun'), stepOf('kitapun', 2), monev));
    expect(f.jadwal_rincian).toBe('1. Senin, 7 Desember 2026: SD Negeri 1 Paringin\n2. Selasa, 8 Desember 2026, pukul 09.00 WITA: SMP Negeri 1 Paringin\n3. MTs Negeri 1 Balangan (menyusul)');
    expect(f.hal).toBe('Pemberitahuan Monitoring dan Evaluasi Penyelenggaraan Perpustakaan');
    expect(f.tembusan).toBe('Bupati Balangan (sebagai laporan)');
    const coaching = buildFields(monev.id, context(def('kitapun'), stepOf('kitapun', 7), monev));
    expect(coaching.hal).toBe('Pemberitahuan Pembinaan dan Pendampingan Akreditasi Perpustakaan');
    expect(coaching.jadwal_rincian).toBe('1. Senin, 14 Desember 2026: SD Negeri 1 Paringin');

    const laporan = templateById('laporan_bulanan_referensi')!;
    const r = buildFields(laporan.id, context(def('referensi'), stepOf('referensi', 8), laporan));
    expect(r.periode).toBe('November 2026');
    expect(r.jumlah_pengunjung).toBe('412');
    expect(r.pengunjung_pelajar).toBe('260');
    expect(r.buku_800).toBe('301');
    expect(r.buku_100).toBe('0');
    expect(r.buku_lain).toBe('44');
    expect(r.rekap_harian).toBe('Senin, 2 November 2026: 21 pengunjung, 35 eksemplar dibaca\nSelasa, 3 November 2026: 18 pengunjung, 27 eksemplar dibaca');
  });

  it('addresses the head of the partner organisation', () => {
    expect(pimpinanOf('SMA Negeri 1 Paringin')).toBe('Kepala SMA Negeri 1 Paringin');
    expect(pimpinanOf('Desa Batu Piring')).toBe('Kepala Desa Batu Piring');
    expect(pimpinanOf('Kecamatan Paringin')).toBe('Camat Paringin');
    expect(pimpinanOf('TBM Cahaya Ilmu')).toBe('Pengelola TBM Cahaya Ilmu');
    expect(pimpinanOf('RT 03 Desa Batu Piring')).toBe('Ketua RT 03 Desa Batu Piring');
    expect(pimpinanOf('Kepala Dinas Pendidikan')).toBe('Kepala Dinas Pendidikan');
  });
});

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
    expect(text).toContain('Pada hari ini Sabtu tanggal dua puluh satu bulan November tahun dua ribu dua puluh enam, bertempat di Aula Dinas Perpustakaan dan Kearsipan Kabupaten Balangan');
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
    expect(text).toContain('Yth. Ketua RT 03 Desa Batu Piring');
  });

  it('renders the visit reply with the visit date in long form', async () => {
    const { result, text } = await render('kunjungan', 7, 'surat_jawaban_kunjungan', 'case-3/surat_jawaban_kunjungan/1');
    expect(result.missingPlaceholders).toEqual([]);
    expect(text).toContain('Kamis, 3 Desember 2026');
    expect(text).toContain('09.00 WITA sampai dengan selesai');
    expect(text).toContain('Balangan, 20 November 2026');
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
    expect(docxText(await readFile(doc.documentId))).toContain('{{daftar_petugas}}');
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
