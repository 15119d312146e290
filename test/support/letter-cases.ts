// Letter contexts for a realistic case of Kabupaten Balangan, for every document the catalog
// produces: the field-builder and .docx backend tests fill templates from them.
import { sampleFor } from '../../functions/src/dev/sample-input.ts';
import { templateFor, type TemplateSpec } from '../../functions/src/documents/templates.ts';
import type { LetterContext } from '../../functions/src/documents/types.ts';
import { CATALOG } from '../../functions/src/sop/catalog/index.ts';
import { producedOf, type ProducedDocument, type SopDefinition, type Step } from '../../functions/src/sop/schema.ts';

/** Every document a step produces: on every path and on either exit of a decision. */
function producedDocuments(def: SopDefinition): { docId: string; doc: ProducedDocument; step: Step }[] {
  return def.steps.flatMap((step) => producedOf(step).map((doc) => ({ docId: doc.id, doc, step })));
}

export const ALL_PRODUCED = CATALOG.flatMap((def) => producedDocuments(def).map((p) => ({ def, ...p })));

/** The produced document of a step, by id. */
export function producedDoc(def: SopDefinition, stepNo: number, docId: string): ProducedDocument {
  const step = def.steps.find((s) => s.no === stepNo)!;
  const doc = producedOf(step).find((d) => d.id === docId);
  if (!doc) throw new Error(`${def.id} step ${stepNo} does not produce ${docId}`);
  return doc;
}

/** The template of a produced document (never null for letters). */
export function specOf(doc: ProducedDocument): TemplateSpec {
  return templateFor(doc)!;
}

/** Realistic values for the data field ids the catalog collects (others fall back to a sample of their type). */
const REALISTIC: Record<string, unknown> = {
  // pusling
  pengguna_layanan: 'SMA Negeri 1 Paringin',
  lokasi_kunjungan: 'Halaman SMA Negeri 1 Paringin, Jalan Jenderal Ahmad Yani, Paringin',
  waktu_kunjungan: '2026-12-03T09:00:00+08:00',
  email_pengguna_layanan: 'sman1paringin@example.sch.id',
  nama_petugas: ['Muhammad Rizky', 'Nor Aida, A.Md.'],
  catatan_kabid: 'Setuju. Sebarluaskan jadwal kepada pengguna layanan dan laksanakan sesuai rencana.',
  catatan_kabid_perubahan: 'Setuju dengan perubahan lokasi ke aula sekolah karena halaman tergenang.',
  disposisi_harap: ['proses', 'laksanakan'],
  disposisi_harap_perubahan: ['laksanakan'],
  sifat_disposisi: 'Segera',
  sifat_pemberitahuan: 'Biasa',
  jabatan_penerima: 'Kepala SMA Negeri 1 Paringin',
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
  nomor_pks_dinas: '000.5.2/117/DISPUSIP/XI/2026', // reserved by the system at step 12 (assign: surat)
  nomor_surat_penawaran: '421.3/040/SMAN1-PRN/XI/2026',
  tanggal_surat_penawaran: '2026-11-05',
  jabatan_pimpinan_pihak_lain: 'Kepala SMA Negeri 1 Paringin',
  alamat_pihak_lain: 'Jalan Jenderal Ahmad Yani, Paringin',
  sifat_surat_permohonan: 'Penting',
  tempat_rapat: 'Ruang Rapat Bidang Perpustakaan',
  pimpinan_rapat: 'Hj. Dewi Lestari, S.Sos.',
  peserta_rapat: ['Nur Aini, S.IP.', 'Muhammad Rizky'],
  sifat_nota_permohonan: 'Segera',
  sifat_nota_persetujuan: 'Segera',
  tentang_kerja_sama: 'Pengembangan Layanan Perpustakaan Sekolah',
  ruang_lingkup: 'Pojok baca di sekolah dan kunjungan perpustakaan keliling terjadwal.',
  jangka_waktu_kerja_sama: '2 (dua) tahun',
  nama_penandatangan_pihak_lain: 'Hj. Rusmilawati, S.Pd., M.Pd.',
  jabatan_penandatangan_pihak_lain: 'Kepala SMA Negeri 1 Paringin',
  waktu_penandatanganan: '2026-11-21T10:00:00+08:00',
  tempat_penandatanganan: 'Paringin',
  // kunjungan
  nama_instansi: 'SMA Negeri 1 Paringin',
  tanggal_kunjungan: '2026-12-01',
  jumlah_pengunjung: 35,
  email_kontak: 'sman1paringin@example.sch.id',
  nomor_surat_kunjungan: '421.3/045/SMAN1-PRN/XI/2026',
  tanggal_surat_kunjungan: '2026-11-02',
  nomor_agenda: '045/SM/XI/2026',
  jadwal_tersedia: true,
  jadwal_alternatif: 'Kamis, 10 Desember 2026 pukul 09.00 WITA',
  kecocokan_jadwal: true,
  saran_pertimbangan: 'Jadwal tanggal tersebut masih kosong; usul diterima.',
  isi_disposisi: 'Terima kunjungan; siapkan ruang baca dan pustakawan pendamping.',
  alasan_tidak_diterima: 'Ruang baca dipakai untuk penilaian lomba perpustakaan sekolah pada tanggal tersebut.',
  sifat_surat_kunjungan: 'Biasa',
  sifat_surat_balasan: 'Segera',
  nama_pendamping: ['Siti Rahmah, S.IP.'],
  tempat_kunjungan: 'Ruang Baca Dinas Perpustakaan dan Kearsipan Kabupaten Balangan',
  jumlah_pengunjung_hadir: 33,
  // burt
  sasaran_sosialisasi: 'Warga RT 03 Desa Batu Piring',
  metode_sosialisasi: ['Tatap Muka', 'Sosial Media'],
  tautan_sosial_media: 'https://instagram.com/p/burt-balangan',
  pihak_terkait: 'Pemerintah Desa Batu Piring',
  alamat_pihak_terkait: 'Desa Batu Piring, Kecamatan Paringin Selatan',
  nomor_mou_pihak_lain: '140/07/DS-BP/2026',
  nomor_mou_dinas: '000.5.2/118/DISPUSIP/XI/2026',
  tanggal_penandatanganan: '2026-11-20',
  nomor_surat_permintaan: '140/09/DS-BP/XI/2026',
  tanggal_surat_permintaan: '2026-11-10',
  eksemplar_per_judul: 5,
  tanggal_pengembalian: '2027-02-26',
  sifat_balasan: 'Biasa',
  list_judul_buku: ['Laskar Pelangi', 'Bumi Manusia', 'Negeri 5 Menara'],
  jadwal_pembinaan: '2026-12-05T09:00:00+08:00',
  kegiatan_pendampingan: 'Gerakan membaca bersama di Desa Batu Piring',
  // kitapun
  perpustakaan_sasaran: ['SD Negeri 1 Paringin', 'SMP Negeri 1 Paringin', 'MTs Negeri 1 Balangan'],
  rincian_jadwal_monev: ['2026-12-07 SD Negeri 1 Paringin', '2026-12-08T09:00:00+08:00 SMP Negeri 1 Paringin', 'MTs Negeri 1 Balangan (menyusul)'],
  penerima_pemberitahuan: ['Dinas Pendidikan dan Kebudayaan Kabupaten Balangan', 'Kantor Kementerian Agama Kabupaten Balangan'],
  sifat_pemberitahuan_monev: 'Penting',
  sifat_pemberitahuan_pembinaan: 'Biasa',
  nama_petugas_pembinaan: ['Muhammad Rizky'],
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
    kota: 'Paringin',
  },
};

/** Values that differ between SOPs for the same field id. */
const BY_SOP: Record<string, Record<string, unknown>> = {
  burt: {
    jabatan_penerima: 'Kepala Desa Batu Piring',
    nama_penandatangan_pihak_lain: 'H. Rusdiansyah',
    jabatan_penandatangan_pihak_lain: 'Kepala Desa Batu Piring',
    tentang_kerja_sama: 'Gerakan Gemar Membaca melalui Program Buku Rumah Tangga (Bu RT)',
    ruang_lingkup: ['peminjaman kolektif buku bacaan bagi masyarakat', 'penyaluran buku kepada rumah tangga', 'pembinaan perpustakaan desa'],
    jangka_waktu_kerja_sama: '2 (dua) tahun',
  },
  kitapun: { nama_petugas: ['Muhammad Rizky', 'Nor Aida, A.Md.'] },
};

const PARTNER = { name: 'SMA Negeri 1 Paringin', email: 'sman1paringin@example.sch.id', address: 'Jalan Jenderal Ahmad Yani, Paringin' };

const SIGNERS: Record<string, NonNullable<LetterContext['signer']>> = {
  kepala_dinas: { name: 'Drs. H. Ahmad Fauzi, M.Si.', jabatan: 'Kepala Dinas Perpustakaan dan Kearsipan Kabupaten Balangan', nip: '19700512 199803 1 007', relation: 'head' },
  kabid_perpustakaan: { name: 'Hj. Dewi Lestari, S.Sos.', jabatan: 'Kepala Bidang Perpustakaan', nip: '19780321 200212 2 004', relation: 'direct' },
};

/** The staff directory the people slots are looked up in. */
const DIRECTORY: Record<string, { name: string; nip: string; pangkat: string; jabatan: string }> = {
  'Muhammad Rizky': { name: 'Muhammad Rizky, S.IP.', nip: '199001152015031002', pangkat: 'Penata Muda (III/a)', jabatan: 'Pustakawan Ahli Pertama' },
  'Hj. Dewi Lestari, S.Sos.': { name: 'Hj. Dewi Lestari, S.Sos.', nip: '197803212002122004', pangkat: 'Pembina (IV/a)', jabatan: 'Kepala Bidang Perpustakaan' },
  'Nur Aini, S.IP.': { name: 'Nur Aini, S.IP.', nip: '198501012010012003', pangkat: 'Penata Tk. I (III/d)', jabatan: 'Kepala Seksi Layanan, Otomasi dan Kerja Sama' },
};

/** Data entered up to and including the producing step (all: every data field of the SOP). */
export function caseData(def: SopDefinition, upTo: number | 'all'): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const s of def.steps) {
    if (upTo !== 'all' && s.no > upTo) continue;
    for (const k of s.kelengkapan) if (k.type === 'data') data[k.id] = BY_SOP[def.id]?.[k.id] ?? REALISTIC[k.id] ?? sampleFor(k);
  }
  if (def.id === 'referensi' && upTo === 'all') data.rekap = REALISTIC.rekap;
  return data;
}

/** The produced document as the plan hands it to the builders: jabatan of its addressees, options of its fields. */
function docOf(def: SopDefinition, doc: ProducedDocument, minimal: boolean): LetterContext['doc'] {
  const jabatan = (id: string) => {
    const r = def.roles.find((x) => x.id === id);
    return r?.relation === 'head' ? `Kepala ${AGENCY.name}` : (r?.jabatan ?? r?.label ?? id);
  };
  const options: Record<string, { value: string; label: string }[]> = {};
  for (const [slot, field] of Object.entries(doc.fields ?? {})) {
    for (const st of def.steps) for (const k of st.kelengkapan) if (k.type === 'data' && k.id === field && k.options) options[slot] = k.options;
  }
  return {
    id: doc.id,
    ...(doc.variant ? { variant: doc.variant } : {}),
    revision: 1,
    fields: { ...(doc.fields ?? {}) },
    kepada: (doc.kepada ?? []).map(jabatan),
    lampiran: minimal ? 0 : (doc.lampiran ?? []).length,
    dasar: [...(doc.dasar ?? [])],
    options,
  };
}

/** The people of the template's people slots, looked up in the fixture directory. */
function peopleOf(spec: TemplateSpec, doc: ProducedDocument | undefined, data: Record<string, unknown>): LetterContext['people'] {
  const out: NonNullable<LetterContext['people']> = {};
  for (const slot of spec.people ?? []) {
    const v = data[doc?.fields?.[slot] ?? slot];
    const refs = Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : [];
    out[slot] = refs.map((r) => DIRECTORY[r] ?? { name: r });
  }
  return out;
}

export function context(
  def: SopDefinition,
  step: Step,
  spec: TemplateSpec,
  opts: { data?: Record<string, unknown>; minimal?: boolean; nomor?: string | null; doc?: ProducedDocument } = {},
): LetterContext {
  const minimal = opts.minimal ?? false;
  const data = opts.data ?? caseData(def, minimal ? step.no : 'all');
  const doc = opts.doc ?? producedOf(step).find((d) => d.template === spec.id);
  const signerRole = doc?.signer ?? spec.signerRole;
  return {
    agency: minimal ? { ...AGENCY, letterhead: { pemerintah: AGENCY.letterhead.pemerintah, dinas: AGENCY.letterhead.dinas, alamat: AGENCY.letterhead.alamat, kota: 'Paringin' } } : AGENCY,
    case: {
      id: 'case-1',
      nomor: `${def.code}/2026/0007`,
      sopId: def.id,
      sopTitle: def.title,
      title: `${def.title}: SMA Negeri 1 Paringin`,
      partner: minimal ? null : PARTNER,
      data,
      documents: minimal
        ? {}
        : {
            buku_rekapitulasi: { label: 'Buku rekapitulasi', url: 'https://drive.google.com/file/d/rekap-2026-11' },
            notulensi_rapat: { label: 'Notulensi', at: '2026-11-16T06:00:00Z' },
            rencana_kunjungan: { label: 'Rencana kunjungan Mobil Perpustakaan Keliling', at: '2026-11-18T02:00:00Z' },
            surat_pemberitahuan_monev: { label: 'Surat pemberitahuan monev', nomor: '000.5.2/101/DISPUSIP/XI/2026', at: '2026-11-09T02:00:00Z' },
            surat_pemberitahuan_pembinaan: { label: 'Surat pemberitahuan pembinaan dan pendampingan akreditasi', nomor: '000.5.2/109/DISPUSIP/XI/2026', at: '2026-11-16T02:00:00Z' },
          },
      decisions: {},
    },
    ...(doc ? { doc: docOf(def, doc, minimal) } : {}),
    step: { no: step.no, activity: step.activity, note: minimal ? null : 'Dikerjakan sesuai SOP.' },
    actor: minimal
      ? { email: 'kasi@balangan.go.id', name: 'Nur Aini' }
      : { email: 'kasi@balangan.go.id', name: 'Nur Aini, S.IP.', jabatan: 'Kepala Seksi Layanan, Otomasi dan Kerja Sama', nip: '19850101 201001 2 003' },
    signer: !minimal && signerRole ? (SIGNERS[signerRole] ?? null) : null,
    people: minimal ? {} : peopleOf(spec, doc, data),
    nomor: opts.nomor !== undefined ? opts.nomor : spec.numbered ? '000.5.2/117/DISPUSIP/XI/2026' : null,
    at: '2026-11-20T02:30:00Z',
    // As planned: the date the SOP names for the document (a meeting's, a signing's), else the step's.
    ...(doc?.fields?.tanggal && typeof data[doc.fields.tanggal] === 'string' ? { date: data[doc.fields.tanggal] as string } : {}),
  };
}
