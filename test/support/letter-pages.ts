// The letters the page check renders: every template as a step of the catalog fills it ("contoh",
// with a lambang daerah), and again with the longest realistic values ("terpanjang": a province's
// long kop, a four-digit number with a long unit, a long Hal, long names of institutions and
// officials, many tembusan, long lists), plus one surat without a lambang ("tanpa-lambang") and a
// schedule of a whole district's libraries, longer than a page ("daftar-panjang"). A training
// programme's documents join them (test/support/programme-letters.ts): the trainer's surat tugas,
// and the invitation and the daftar hadir with 40 participants, with the longest names, and with
// 300 ("daftar-panjang": the growing table over several pages), and the event's report.
import { WIDEST_NOMOR, WIDEST_PLACE_DATE } from '../../functions/src/documents/docx/blocks.ts';
import { encodePng } from '../../functions/src/documents/docx/png.ts';
import { buildFields, buildRows } from '../../functions/src/documents/fields/index.ts';
import { templateById, templateFor, type TemplateSpec } from '../../functions/src/documents/templates.ts';
import type { Fields, LetterContext, RowSets } from '../../functions/src/documents/types.ts';
import { ALL_PRODUCED, context } from './letter-cases.ts';
import { programmeContexts } from './programme-letters.ts';

export type Variant = 'contoh' | 'terpanjang' | 'tanpa-lambang' | 'daftar-panjang';

export interface SampleLetter {
  /** File name stem: `<template id>-<variant>`. */
  name: string;
  spec: TemplateSpec;
  variant: Variant;
  fields: Fields;
  /** The rows of its growing tables (none for most letters). */
  rows: RowSets;
  lambang: Buffer | null;
}

/** A made-up coat of arms (a green and white shield with a gold rim), 240 x 300 px: only its shape matters here. */
export const TEST_LAMBANG = encodePng(240, 300, (x, y) => {
  const half = y < 180 ? 110 : 110 * Math.sqrt(Math.max(0, 1 - ((y - 180) / 118) ** 2));
  const d = Math.abs(x + 0.5 - 120);
  if (d > half || y < 2) return [255, 255, 255, 0];
  if (d > half - 8 || y < 10) return [196, 156, 24, 255];
  const star = Math.abs(x - 120) + Math.abs(y - 70) < 28;
  return star ? [240, 200, 40, 255] : y < 130 ? [22, 110, 62, 255] : [236, 236, 244, 255];
});

const numbered = (items: readonly string[]) => items.map((t, i) => `${i + 1}. ${t}`).join('\n');

const PROVINSI = 'Dinas Perpustakaan dan Kearsipan Daerah Provinsi Kepulauan Bangka Belitung';
const KEPALA = `Kepala ${PROVINSI}`;
const SEKOLAH = 'Sekolah Menengah Kejuruan Negeri 1 Pangkalan Baru Kabupaten Bangka Tengah';
const HARI = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];
const day = (d: number) => `${HARI[(d + 6) % 7]}, ${d} November 2026`;

const BUKU = [
  'Laskar Pelangi', 'Bumi Manusia', 'Negeri 5 Menara', 'Ronggeng Dukuh Paruk', 'Cantik Itu Luka', 'Pulang', 'Ayat-Ayat Cinta',
  'Sang Pemimpi', 'Edensor', 'Maryamah Karpov', 'Perahu Kertas', 'Dilan: Dia adalah Dilanku Tahun 1990', 'Hujan', 'Rindu',
  'Sejarah Bangka Belitung dari Masa ke Masa', 'Ensiklopedia Flora dan Fauna Kepulauan Bangka Belitung', 'Atlas Indonesia dan Dunia',
  'Kamus Besar Bahasa Indonesia Edisi Kelima', 'Cerita Rakyat Nusantara', 'Budi Daya Lada Putih untuk Pemula', 'Si Kancil dan Buaya',
  'Tenggelamnya Kapal Van der Wijck', 'Siti Nurbaya', 'Salah Asuhan', 'Layar Terkembang',
];
const SASARAN = [
  'SD Negeri 1 Pangkalan Baru', 'SD Negeri 4 Koba', 'SMP Negeri 1 Namang', 'SMP Negeri 2 Lubuk Besar', 'MTs Negeri 1 Bangka Tengah',
  'SMA Negeri 1 Simpang Katis', SEKOLAH, 'Perpustakaan Desa Padang Baru',
];

/** The longest realistic value of each placeholder a template may have (others keep the catalog's value). */
function longest(spec: TemplateSpec, typical: Fields): Fields {
  const atasNama = typical['ttd_jabatan']?.startsWith('a.n.') ?? false;
  return {
    ...LONGEST,
    nomor: spec.klasifikasi === '000.5.2' ? WIDEST_NOMOR : WIDEST_NOMOR.replace('000.5.2', spec.klasifikasi),
    tujuan: spec.id === 'surat_pemberitahuan_monev' ? numbered([`Kepala Dinas Pendidikan Kabupaten Bangka Tengah`, `Kepala Kantor Kementerian Agama Kabupaten Bangka Tengah`]) : `Kepala ${SEKOLAH}`,
    ttd_jabatan: atasNama ? `a.n. ${KEPALA}\nKepala Bidang Pengembangan Perpustakaan dan Pembudayaan Kegemaran Membaca,` : `${KEPALA},`,
  };
}

const LONGEST: Fields = {
  kop_pemerintah: 'PEMERINTAH PROVINSI KEPULAUAN BANGKA BELITUNG',
  kop_dinas: 'DINAS PERPUSTAKAAN DAN KEARSIPAN DAERAH',
  kop_alamat: 'Jalan Pulau Bangka, Kompleks Perkantoran dan Pusat Pemerintahan Provinsi Kepulauan Bangka Belitung, Air Itam, Kota Pangkalpinang 33149',
  kop_kontak: 'Telepon (0717) 4262800, Pos-el dispusipda@babelprov.go.id, Laman https://dispusipda.babelprov.go.id',
  tempat_tanggal: WIDEST_PLACE_DATE,
  tanggal: '30 September 2026',
  nama_dinas: PROVINSI,
  hal: 'Pemberitahuan Pelaksanaan Monitoring dan Evaluasi serta Pembinaan Perpustakaan Sekolah dan Perpustakaan Desa Tahun 2026',
  tujuan_alamat: 'Jalan Raya Koba Km. 7, Desa Padang Baru, Kecamatan Pangkalan Baru, Kabupaten Bangka Tengah 33684',
  tembusan: numbered(['Gubernur Kepulauan Bangka Belitung (sebagai laporan)', 'Sekretaris Daerah Provinsi Kepulauan Bangka Belitung', 'Kepala Dinas Pendidikan Provinsi Kepulauan Bangka Belitung', 'Kepala Kantor Wilayah Kementerian Agama Provinsi Kepulauan Bangka Belitung', 'Arsip']),
  dari: 'Kepala Bidang Pengembangan Perpustakaan dan Pembudayaan Kegemaran Membaca',
  lampiran_dari: `Surat ${KEPALA}`,
  ttd_nama: 'Dr. Hj. Nurul Hidayati Rahmawati, S.Sos., M.Si.',
  ttd_nip: 'Pembina Utama Muda (IV/c)\nNIP. 19700512 199803 2 007',
  daftar_petugas: numbered(['Muhammad Rizky Pratama, S.IP.', 'Nor Aida, A.Md.', 'Siti Rahmah, S.IP.', 'Ahmad Fauzan Noor', 'Rina Wulandari, S.Hum.', 'Dedi Kurniawan', 'Fitriani Hasanah, A.Md.Kom.', 'Yusuf Ramadhan']),
  pengguna_layanan: SEKOLAH,
  lokasi_kunjungan: `Halaman ${SEKOLAH}, Jalan Raya Koba Km. 7, Desa Padang Baru`,
  tempat_kunjungan: `Ruang Baca Layanan Referensi ${PROVINSI}`,
  daftar_judul_buku: numbered(BUKU),
  jadwal_rincian: numbered(SASARAN.map((s, i) => `${day(7 + i).replace('November', 'Desember')}, pukul 09.00 WIB: ${s}`)),
  perpustakaan_sasaran: numbered(SASARAN),
  peserta_rapat: numbered(['Kepala Bidang Pengembangan Perpustakaan dan Pembudayaan Kegemaran Membaca', 'Kepala Seksi Layanan, Otomasi dan Kerja Sama', 'Kepala Sub Bagian Umum dan Kepegawaian', 'Pustakawan Ahli Muda', 'Pustakawan Ahli Pertama', 'Pranata Komputer', 'Analis Kerja Sama', 'Bendahara Pengeluaran', 'Pengelola Layanan Perpustakaan Keliling', 'Perwakilan SMK Negeri 1 Pangkalan Baru']),
  judul_terbanyak: numbered(BUKU.slice(0, 10).map((t, i) => `${t} (${40 - i * 3} kali)`)),
  rekap_harian: Array.from({ length: 30 }, (_, i) => `${day(i + 1)}: ${18 + (i % 7)} pengunjung, ${27 + (i % 11)} eksemplar dibaca`).join('\n'),
  surat_dari: SEKOLAH,
  nomor_surat: '421.3/0456/SMKN1-PKB/XI/2026',
  diteruskan_kepada: numbered(['Kepala Seksi Layanan, Otomasi dan Kerja Sama', 'Siti Rahmah, S.IP. (pustakawan pendamping)', 'Rina Wulandari, S.Hum. (pustakawan pendamping)', 'Petugas Front Office']),
  pihak_pertama_lembaga: PROVINSI,
  pihak_pertama_lembaga_kapital: PROVINSI.toLocaleUpperCase('id-ID'),
  pihak_pertama_jabatan: KEPALA,
  pihak_pertama_nama: 'Dr. Hj. Nurul Hidayati Rahmawati, S.Sos., M.Si.',
  pihak_pertama_nip: 'NIP. 19700512 199803 2 007',
  pihak_pertama_alamat: 'Jalan Pulau Bangka, Kompleks Perkantoran dan Pusat Pemerintahan Provinsi Kepulauan Bangka Belitung, Air Itam, Kota Pangkalpinang',
  pihak_kedua_lembaga: SEKOLAH,
  pihak_kedua_lembaga_kapital: SEKOLAH.toLocaleUpperCase('id-ID'),
  pihak_kedua_jabatan: `Kepala ${SEKOLAH}`,
  pihak_kedua_nama: 'Dra. Hj. Nurhayati Kusumawardhani, M.Pd.',
  pihak_kedua_alamat: 'Jalan Raya Koba Km. 7, Desa Padang Baru, Kecamatan Pangkalan Baru, Kabupaten Bangka Tengah',
  nomor_pihak_pertama: WIDEST_NOMOR,
  nomor_pihak_kedua: '421.3/0456/SMKN1-PKB/XII/2026',
  tentang: 'Pengembangan Layanan Perpustakaan Sekolah dan Gerakan Gemar Membaca Masyarakat',
  tentang_kapital: 'PENGEMBANGAN LAYANAN PERPUSTAKAAN SEKOLAH DAN GERAKAN GEMAR MEMBACA MASYARAKAT',
  ruang_lingkup: numbered([
    'penyediaan pojok baca dan koleksi bahan pustaka di lingkungan sekolah;',
    'layanan perpustakaan keliling terjadwal paling sedikit 2 (dua) kali dalam satu bulan;',
    'pembinaan teknis pengelolaan dan otomasi perpustakaan sekolah;',
    'peningkatan kompetensi pengelola perpustakaan sekolah melalui pelatihan dan pendampingan;',
    'penyelenggaraan kegiatan literasi dan lomba gemar membaca bagi peserta didik; dan',
    'pertukaran data dan informasi pelaksanaan kegiatan kerja sama.',
  ]),
};

/** Every template once as the catalog fills it, once with the longest values, and one surat without a lambang. */
export function sampleLetters(): SampleLetter[] {
  const out: SampleLetter[] = [];
  const seen = new Set<string>();
  for (const { def, doc, step } of ALL_PRODUCED) {
    const spec = templateFor(doc);
    if (!spec || seen.has(spec.id)) continue;
    seen.add(spec.id);
    const typical = buildFields(spec.id, context(def, step, spec, { doc, nomor: spec.numbered ? `${spec.klasifikasi}/13/DISPUSIP/XI/2026` : null }));
    const long = longest(spec, typical);
    const stretched = Object.fromEntries(Object.entries(typical).map(([k, v]) => [k, long[k] ?? v]));
    out.push({ name: `${spec.id}-contoh`, spec, variant: 'contoh', fields: typical, rows: {}, lambang: TEST_LAMBANG });
    out.push({ name: `${spec.id}-terpanjang`, spec, variant: 'terpanjang', fields: stretched, rows: {}, lambang: TEST_LAMBANG });
    if (spec.id === 'surat_dinas') out.push({ name: `${spec.id}-tanpa-lambang`, spec, variant: 'tanpa-lambang', fields: typical, rows: {}, lambang: null });
    if (spec.id === 'jadwal_kegiatan') {
      const jadwal = numbered(Array.from({ length: 70 }, (_, i) => `${day(1 + (i % 28)).replace('November', 'Desember')}, pukul 09.00 WIB: ${SASARAN[i % SASARAN.length]}`));
      out.push({ name: `${spec.id}-daftar-panjang`, spec, variant: 'daftar-panjang', fields: { ...stretched, jadwal_rincian: jadwal }, rows: {}, lambang: TEST_LAMBANG });
    }
  }
  return [...out, ...programmeLetters()];
}

/** A training programme's documents: as typically made, with the longest values, and (the lists) with 300 participants. */
function programmeLetters(): SampleLetter[] {
  const letter = (name: string, templateId: string, variant: Variant, ctx: LetterContext): SampleLetter => {
    const spec = templateById(templateId)!;
    const typical = buildFields(templateId, ctx);
    const long = variant === 'terpanjang' ? longest(spec, typical) : {};
    const fields = Object.fromEntries(Object.entries(typical).map(([k, v]) => [k, long[k] ?? v]));
    return { name, spec, variant, fields, rows: buildRows(templateId, ctx), lambang: TEST_LAMBANG };
  };
  const c = programmeContexts;
  return [
    letter('surat_tugas-bimtek', 'surat_tugas', 'contoh', c.suratTugas()),
    letter('undangan_bimtek-contoh', 'undangan_bimtek', 'contoh', c.undangan(40)),
    letter('undangan_bimtek-terpanjang', 'undangan_bimtek', 'terpanjang', c.undangan(40, true)),
    letter('undangan_bimtek-daftar-panjang', 'undangan_bimtek', 'daftar-panjang', c.undangan(300)),
    letter('daftar_hadir_bimtek-contoh', 'daftar_hadir_bimtek', 'contoh', c.daftarHadir(40)),
    letter('daftar_hadir_bimtek-terpanjang', 'daftar_hadir_bimtek', 'terpanjang', c.daftarHadir(40, true)),
    letter('daftar_hadir_bimtek-daftar-panjang', 'daftar_hadir_bimtek', 'daftar-panjang', c.daftarHadir(300)),
    letter('laporan_pelaksanaan_bimtek-contoh', 'laporan_pelaksanaan_bimtek', 'contoh', c.laporan()),
    letter('laporan_pelaksanaan_bimtek-terpanjang', 'laporan_pelaksanaan_bimtek', 'terpanjang', c.laporan(true)),
  ];
}
