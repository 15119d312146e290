// The catalog against the seed documents. The SEED tables below are transcribed independently from
// the seed texts (seeds/001 OCR-corrected, 002, 004): every seed step must be present with its
// activity, kelengkapan, standard time and output. Then the flow itself: reachability, both exits of
// every decision, documents present before a step needs them on every path.
import { describe, expect, it } from 'vitest';
import { CATALOG, catalogById } from '../../functions/src/sop/catalog/index.ts';
import { burt } from '../../functions/src/sop/catalog/burt.ts';
import { kitapun } from '../../functions/src/sop/catalog/kitapun.ts';
import { kunjungan } from '../../functions/src/sop/catalog/kunjungan.ts';
import { pks } from '../../functions/src/sop/catalog/pks.ts';
import { pusling } from '../../functions/src/sop/catalog/pusling.ts';
import { referensi } from '../../functions/src/sop/catalog/referensi.ts';
import { loadDefinition, type SopDefinition, type Step, type Target } from '../../functions/src/sop/schema.ts';
import { parseWaktu } from '../../functions/src/sop/waktu.ts';
import { createCalendar } from '../../functions/src/sop/calendar.ts';
import { createCase, transition, type CaseState } from '../../functions/src/sop/engine.ts';
import { fullInput, reasonFor } from '../../functions/src/dev/sample-input.ts';

interface SeedRow {
  no: number;
  activity: string;
  /** Kelengkapan items as written in the seed, one string per item. */
  kelengkapan: string[];
  waktu: string | null;
  output: string | null;
  keterangan?: string;
}

const SEED: Record<string, SeedRow[]> = {
  // seeds/002: PROSEDUR LAYANAN PERPUSTAKAAN KELILING
  pusling: [
    { no: 1, activity: 'Melakukan koordinasi dengan pengguna layanan perpustakaan keliling tentang kesiapan dan kecocokan waktu antara petugas dan pengguna layanan perpustakaan keliling', kelengkapan: ['ATK', 'Smartphone'], waktu: '180 Menit', output: 'Rencana kunjungan Mobil Perpustakaan Keliling' },
    { no: 2, activity: 'Menyusun konsep rencana kegiatan perpustakaan keliling', kelengkapan: ['ATK'], waktu: '30 Menit', output: 'Rencana kunjungan Mobil Perpustakaan Keliling' },
    { no: 3, activity: 'Menerima konsep rencana kegiatan pelaksanaan layanan pusling, jika sesuai, memerintahkan kasi layanan, otomasi dan kerjasama untuk menyebarluaskan jadwal kunjungan pusling dan melaksanakan kegiatan pusling, jika tidak, dikembalikan untuk diperbaiki', kelengkapan: ['Lembar Disposisi', 'Surat Tugas'], waktu: '1 hari', output: 'Rencana Kegiatan, disposisi dan surat tugas' },
    { no: 4, activity: 'Menerima rencana kegiatan yang telah disetujui oleh Kepala Bidang Perpustakaan untuk dilaksanakan sesuai rencana dan memerintahkan petugas perpustakaan keliling untuk menindaklanjuti', kelengkapan: ['Konsep', 'lembar disposisi'], waktu: '30 Menit', output: 'rencana kegiatan, disposisi dan surat tugas' },
    { no: 5, activity: 'Menyebarkan jadwal kunjungan mobil Pusling kepada pengguna layanan melalui surat maupun sosial media', kelengkapan: ['ATK', 'Photocopy', 'Komputer', 'Smartphone'], waktu: '60 Menit', output: 'waktu dan tempat pelaksanaan layanan perpustakaan keliling' },
    { no: 6, activity: 'Menerima rencana kegiatan yang telah disebar, melakukan pengecekan waktu kegiatan dan kesiapan penerimaan, jika ya, maka kegiatan akan dilaksanakan sesuai jadwal, jika tidak, maka akan dilakukan perubahan jadwal', kelengkapan: ['waktu', 'tempat', 'pemustaka'], waktu: '120 menit', output: 'kesiapan waktu dan tempat pelaksanaan layanan perpustakaan keliling', keterangan: 'Perubahan jadwal dapat terjadi misal dengan kondisi iklim, dll' },
    { no: 7, activity: 'Melakukan perbaikan rencana kegiatan/ pengalihan lokasi sesuai kesepakatan dengan pengguna layanan perpustakaan keliling dan memberikan informasi serta meminta petunjuk Kepala Bidang Perpustakaan', kelengkapan: ['ATK', 'Photocopy', 'Komputer', 'Smartphone'], waktu: '30 menit', output: 'Rencana Kegiatan, disposisi dan surat tugas' },
    { no: 8, activity: 'Menerima konsep perubahan rencana kegiatan pelaksanaan layanan pusling, jika sesuai, memerintahkan kasi layanan, otomasi dan kerjasama untuk menyebarluaskan jadwal kunjungan pusling dan melaksanakan kegiatan pusling, jika tidak, dikembalikan untuk diperbaiki', kelengkapan: ['Lembar Disposisi', 'Surat Tugas'], waktu: '30 menit', output: 'rencana kegiatan, disposisi dan surat tugas' },
    { no: 9, activity: 'Melakukan pengecekan dan persiapan sarana dan prasarana mobil Pusling', kelengkapan: ['BBM', 'Kondisi Mobil', 'Koleksi Buku', 'ketersediaan karpet'], waktu: '10 menit', output: 'Sarana dan prasarana mobil pusling memadai' },
    { no: 10, activity: 'Mobil Perpustakaan keliling menuju lokasi pengguna layanan perpustakaan keliling', kelengkapan: ['Buku Besar', 'Surat Tugas'], waktu: 'sesuai jarak tempuh', output: null },
    { no: 11, activity: 'Petugas melapor kepada pengguna layanan perpustakaan keliling, mengisi buku tamu, meminta cap dan tandatangan pihak pengguna layanan perpustakaan keliling sebagai laporan', kelengkapan: ['Buku Besar', 'Surat Tugas'], waktu: '5 menit', output: 'Kesiapan pelaksanaan kegiatan layanan perpustakaan keliling' },
    { no: 12, activity: 'Petugas menyiapkan buku, menggelar karpet dan memberikan informasi yang dibutuhkan pemustaka', kelengkapan: ['Buku Bacaan', 'Karpet', 'Informasi Pustakawan'], waktu: '10 menit', output: 'Ketersediaan buku bacaan, karpet tempat baca dan informasi' },
    { no: 13, activity: 'Melakukan Shelving, merapikan karpet dan melakukan pemberitahuan kepada pengguna layanan perpustakaan keliling bahwa waktu layanan perpustakaan keliling telah selesai', kelengkapan: ['Masker', 'sarung tangan', 'buku besar'], waktu: '30 menit', output: 'Tertata rapi di rak' },
    { no: 14, activity: 'Mobil Perpustakaan keliling kembali ke Dinas Perpustakaan dan Kearsipan', kelengkapan: ['Tempat Parkir'], waktu: 'sesuai jarak tempuh', output: 'Mobil Pusling siap digunakan kembali' },
  ],
  // seeds/002: PROSEDUR PEMINJAMAN KOLEKSI REFERENSI UNTUK DIBACA DI TEMPAT
  referensi: [
    { no: 1, activity: 'Mempersiapkan server dan komputer inislite', kelengkapan: ['listrik', 'ups', 'server', 'komputer', 'jaringan internet'], waktu: '5 menit', output: 'aplikasi inislite siap digunakan' },
    { no: 2, activity: 'Petugas menyambut dan menanyakan keperluan pengunjung dengan motto 3S yaitu salam, senyum, sapa', kelengkapan: ['kerapian pakaian', 'etika'], waktu: '1 - 3 menit', output: 'Mengarahkan pengunjung sesuai keperluan' },
    { no: 3, activity: 'Pengunjung mengisi buku tamu elektronik serta melakukan penelusuran kataloq/ pencarian buku yang tersedia di komputer inislite untuk kemudian melakukan penelusuran kataloq/ pencarian buku di rak', kelengkapan: ['komputer', 'aplikasi OPAC', 'jaringan internet'], waktu: '1 - 5 menit', output: 'Inventarisir data dan jumlah pengunjung serta ketersediaan buku' },
    { no: 4, activity: 'Pemustaka menanyakan informasi koleksi buku yang dicari jika mengalami kesulitan kepada petugas', kelengkapan: ['komputer', 'aplikasi inislite', 'jaringan internet'], waktu: '1-2 menit per subjek', output: 'terpenuhinya informasi yang dibutuhkan' },
    { no: 5, activity: 'Menerima informasi, mengambil buku di rak dan membaca dimeja baca', kelengkapan: ['Rak Buku', 'Buku', 'Meja baca', 'Karpet'], waktu: 'Sesuai Kebutuhan pemustaka', output: 'Pemustaka membaca diruang baca' },
    { no: 6, activity: 'Meninggalkan buku diruang baca dan meninggalkan tandon', kelengkapan: ['Buku yang telah dibaca'], waktu: '2 menit', output: 'Buku yang telah dibaca di meja baca' },
    { no: 7, activity: 'Merekap buku yang telah dibaca dan menata di rak sesuai dengan klarifikasi', kelengkapan: ['Buku', 'meja baca', 'papan label koleksi', 'rak buku'], waktu: '3 menit perbuku', output: 'Terekapnya buku yang telah dibaca di buku rekapitulasi dan tertata rapi di rak' },
    { no: 8, activity: 'Membuat laporan dan melaporkan kepada Kasi Layanan, Otomasi dan Kerjasama Perpustakaan', kelengkapan: ['Buku rekapitulasi', 'komputer', 'printer', 'aplikasi inislite', 'ATK', 'Listrik'], waktu: 'per bulan', output: 'Laporan sesuai dengan rekapitulasi harian' },
    { no: 9, activity: 'Menerima Laporan', kelengkapan: ['Laporan bulanan dalam bentuk hardcopy maupun softcopy'], waktu: '30 menit', output: 'tersampainya laporan kepada Kasi layanan, otomasi dan kerjasama' },
  ],
  // seeds/002: PROSEDUR PEMBUATAN SURAT PERJANJIAN KERJASAMA PERPUSTAKAAN
  pks: [
    { no: 1, activity: 'Melakukan inisiatif untuk melakukan kerjasama dengan pihak lain atau menerima surat penawaran kerjasama dari pihak lain', kelengkapan: ['Ide', 'Gagasan', 'Peluang', 'Surat permohonan'], waktu: '60 menit', output: 'surat permohonan kerjasama' },
    { no: 2, activity: 'Menyampaikan usulan pengajuan kerjasama kepada kepala bidang sebagai bahan masukan dan pertimbangan kepada pimpinan', kelengkapan: ['Ide', 'Gagasan', 'Peluang', 'Surat permohonan'], waktu: '30 menit', output: 'Waktu pelaksanaan rapat internal' },
    { no: 3, activity: 'Melakukan koordinasi melalui penyelenggaraan rapat internal pembahasan peluang kerjasama beserta manfaat dan resiko', kelengkapan: ['Ide', 'Gagasan', 'Peluang', 'Surat permohonan', 'ATK', 'Komputer', 'jaringan Internet', 'printer'], waktu: '120 - 180 menit', output: 'Manfaat dan Resiko pelaksanaan kerjasama' },
    { no: 4, activity: 'Menyampaikan surat permohonan ijin persetujuan kerjasama bidang perpustakaan kepada Kepala Dinas', kelengkapan: ['Hasil Notulensi', 'ATK', 'Komputer', 'Printer'], waktu: '30 menit', output: 'Surat permohonan ijin' },
    { no: 5, activity: 'Jika ya, maka surat ijin persetujuan diberikan untuk melaksanakan kegiatan kerjasama bidang perpustakaan, jika tidak, perlu dipertimbangkan kembali dan diperbaiki', kelengkapan: ['Hasil Notulensi', 'informasi Kepala Bidang Perpustakaan'], waktu: '60 - 120 Menit', output: 'Surat persetujuan' },
    { no: 6, activity: 'Memerintahkan Kasi Layanan, Otomasi dan Kerjasama Perpustakaan untuk membuat draft perjanjian kerjasama', kelengkapan: ['ATK', 'surat permohonan', 'hasil notulensi', 'komputer', 'printer'], waktu: '60-120 menit', output: 'draft PKS' },
    { no: 7, activity: 'Membuat draft Perjanjian kerjasama bersama Pihak lain', kelengkapan: ['ATK', 'surat permohonan', 'hasil notulensi', 'komputer', 'printer'], waktu: '120 - 180 menit', output: 'draf PKS PARA PIHAK' },
    { no: 8, activity: 'Meminta bantuan hukum untuk memberikan opini hukum terhadap draft perjanjian kerjasama yang telah disusun kedua belah pihak', kelengkapan: ['Draft PKS', 'surat permohonan', 'hasil notulensi', 'surat ijin pimpinan'], waktu: '30 menit', output: 'draf PKS PARA PIHAK' },
    { no: 9, activity: 'Memberikan opini hukum terhadap draft surat perjanjian kerjasama dan saran perbaikan pada diktum ketentuan pasal dan ayat yang tercantum dalam draft surat perjanjian kerjasama', kelengkapan: ['Draft PKS', 'surat permohonan', 'hasil notulensi', 'surat ijin pimpinan'], waktu: '1 hari', output: 'Draft PKS PARA PIHAK dengan opini hukum' },
    { no: 10, activity: 'Melakukan revisi Draft Surat Perjanjian Kerjasama', kelengkapan: ['Draft PKS PARA PIHAK dengan opini hukum'], waktu: '15- 30 menit', output: 'Draft PKS PARA PIHAK perbaikan pertimbangan bagian hukum' },
    { no: 11, activity: 'Melakukan koordinasi dan pembahasan dengan pihak lain untuk membuat surat perjanjian kerjasama bersifat final dan melaksanakan kegiatan kerjasama beserta penomoran PKS Kedua belah pihak', kelengkapan: ['Draft PKS PARA PIHAK perbaikan pertimbangan bagian hukum'], waktu: '60 - 120 menit', output: 'Draft PKS Final' },
    { no: 12, activity: 'Menentukan waktu dan tempat pelaksanaan penandatanganan surat perjanjian kerjasama dengan pihak lain', kelengkapan: ['Draft PKS Final', 'time schedule kegiatan pimpinan kedua belah pihak'], waktu: '60 - 120 menit', output: 'Surat Perjanjian Kerjasama' },
  ],
  // seeds/002: PROSEDUR LAYANAN KUNJUNGAN RESMI PERPUSTAKAAN
  kunjungan: [
    { no: 1, activity: 'Mengajukan surat/email ijin kunjungan', kelengkapan: ['Surat Kunjungan'], waktu: '1 Minggu', output: 'Surat kunjungan resmi' },
    { no: 2, activity: 'Menerima surat/ email ijin kunjungan', kelengkapan: ['Surat Kunjungan', 'komputer', 'jaringan internet'], waktu: '3 menit', output: 'Surat kunjungan resmi' },
    { no: 3, activity: 'Mengagendakan surat ijin kunjungan dalam buku agenda', kelengkapan: ['Surat kunjungan', 'komputer', 'ATK'], waktu: '1 - 2 menit', output: 'Agenda surat masuk' },
    { no: 4, activity: 'Memeriksa jadwal yang tersedia apakah sesuai dengan jadwal yang tercantum pada surat ijin kunjungan, memberikan laporan kepada kasi layanan, otomasi dan kerjasama perihal ijin kunjungan', kelengkapan: ['Jadwal Kegiatan', 'Jadwal kunjungan', 'Komputer', 'surat kunjungan', 'Komputer'], waktu: '15-20 menit', output: 'jadwal yang tersedia' },
    { no: 5, activity: 'Menerima laporan beserta surat ijin kunjungan untuk meminta saran, pertimbangan, keputusan dan disposisi Kepala Bidang Perpustakaan', kelengkapan: ['Jadwal kunjungan', 'jadwal yang tersedia', 'Komputer'], waktu: '15 menit', output: 'Kecocokan jadwal kunjungan dan jadwal yang tersedia' },
    { no: 6, activity: 'Menerima surat ijin kunjungan dan memberikan keputusan dan disposisi', kelengkapan: ['Kecocokan jadwal kunjungan dan jadwal yang tersedia'], waktu: '15 - 20 menit', output: 'keputusan dan lembar disposisi' },
    { no: 7, activity: 'Mengambil surat ijin kunjungan yang telah didisposisi untuk dibuat surat jawaban jika YA, maka ditindaklanjuti dengan penyiapan waktu dan tempat dan pembuatan surat jawaban serta mendistribusikan kepada pustakawan pendamping dan petugas front office sesuai disposisi, jika TIDAK, maka akan dibuatkan surat balasan permintaan pergantian waktu kunjungan', kelengkapan: ['ATK', 'Lembar disposisi', 'komputer', 'printer', 'jaringan internet'], waktu: '15-20 menit', output: 'surat jawaban sesuai keputusan dan disposisi kepala bidang perpustakaan' },
    { no: 8, activity: 'Menerima disposisi untuk menjadi petugas pendamping', kelengkapan: ['disposisi', 'surat ijin kunjungan'], waktu: '1-5 menit', output: 'Kesiapan pustakawan dan petugas pendamping' },
    { no: 9, activity: 'Mengisi buku tamu kunjungan (elektronik)', kelengkapan: ['Surat jawaban', 'Komputer', 'jaringan internet'], waktu: '5 menit', output: 'data dan jumlah pengunjung' },
    { no: 10, activity: 'Memberikan informasi yang dibutuhkan oleh pengunjung dan mengarahkan pengunjung ke ruang baca', kelengkapan: ['Komputer', 'infocus', 'jaringan internet', 'sound system'], waktu: 'Sesuai kebutuhan', output: 'Informasi dan layanan prima' },
  ],
  // seeds/001 (CamScanner OCR, obvious OCR garbage corrected): SOP Bu RT (Buku Rumah Tangga)
  burt: [
    { no: 1, activity: 'Sosialisasi dengan pihak terkait.', kelengkapan: ['Tatap Muka', 'Sosial Media'], waktu: '30 Menit', output: 'Adanya ketertarikan masyarakat untuk ikut serta dalam kegiatan.' },
    { no: 2, activity: 'Kerjasama dengan pihak terkait ataupun dengan stakeholder lainnya.', kelengkapan: ['Kelengkapan surat', 'MoU'], waktu: '15 menit', output: 'Terlaksananya kerjasama dengan pihak terkait.' },
    { no: 3, activity: 'Peminjaman kolektif buku.', kelengkapan: ['Surat permintaan peminjaman', 'Balasan surat terkait'], waktu: '15 menit', output: 'Terlaksananya peminjaman kolektif dengan pihak terkait.' },
    { no: 4, activity: 'Penyaluran/distribusi buku dengan pihak terkait ataupun dengan stakeholder lainnya.', kelengkapan: ['Buku yang diperlukan', 'List judul buku'], waktu: '30 menit', output: 'Terlaksananya penyaluran buku dengan pihak terkait' },
    { no: 5, activity: 'Melaksanakan kegiatan pembinaan perpustakaan.', kelengkapan: ['Surat permintaan pembinaan perpustakaan', 'Jadwal kegiatan pembinaan perpustakaan'], waktu: 'ljam', output: 'Terlaksananya kegiatan pembinaan perpustakaan.' },
    { no: 6, activity: 'Turut serta dalam kegiatan pendampingan masyarakat.', kelengkapan: ['Surat koordinasi dengan pihak terkait', 'Terjun langsung ke lapangan'], waktu: '30 menit', output: 'Terlaksananya kegiatan pendampingan masyarakat. Seperti ikut serta dalam kegiatan di desa terkait.' },
  ],
  // seeds/004: KITAPUN SENAPAS (no per-step kelengkapan, time or output in the seed)
  kitapun: [
    { no: 1, activity: 'Kepala bidang perpustakaan, sub koordinator serta petugas melakukan koordinasi terkait pelaksanaan monitoring dan evaluasi (monev) penyelenggaraan perpustakaan di wilayah Kabupaten Sukoharjo.', kelengkapan: [], waktu: null, output: null },
    { no: 2, activity: 'Petugas membuat surat pemberitahuan dilampiri dengan jadwal monev untuk dikirimkan ke Dinas Pendidikan dan Kebudayaan serta Kantor Kementerian Agama Kabupaten Sukoharjo atau institusi lain penyelenggara perpustakaan.', kelengkapan: [], waktu: null, output: null },
    { no: 3, activity: 'Dinas Pendidikan dan Kebudayaan serta Kantor Kementerian Agama Kabupaten Sukoharjo atau institusi lain penyelenggara perpustakaan menyebarluaskan surat dan jadwal monev perpustakaan.', kelengkapan: [], waktu: null, output: null },
    { no: 4, activity: 'Petugas datang ke perpustakaan untuk melakukan monev dengan membawa surat tugas sesuai jadwal yang telah diinformasikan.', kelengkapan: [], waktu: null, output: null },
    { no: 5, activity: 'Petugas melakukan monev dan melaporkan hasil monev.', kelengkapan: [], waktu: null, output: null },
    { no: 6, activity: 'Kepala bidang perpustakaan, sub koordinator serta petugas berkoordinasi terkait perpustakaan yang akan dibina untuk pengajuan akreditasi berdasarkan laporan monev.', kelengkapan: [], waktu: null, output: null },
    { no: 7, activity: 'Petugas menyusun surat pemberitahuan serta jadwal pembinaan dan pendampingan perpustakaan yang akan dibina dalam rangka pengajuan akreditasi.', kelengkapan: [], waktu: null, output: null },
    { no: 8, activity: 'Petugas datang untuk melakukan pembinaan dan pendampingan untuk akreditasi dengan membawa surat tugas.', kelengkapan: [], waktu: null, output: null },
    { no: 9, activity: 'Pendampingan saat proses akreditasi oleh perwakilan dari Dinas Perpustakaan dan Kearsipan Kabupaten Sukoharjo.', kelengkapan: [], waktu: null, output: null },
  ],
};

const RAW = { pusling, referensi, pks, kunjungan, burt, kitapun };
const CODES: Record<string, string> = { pusling: 'PUSLING', referensi: 'REFERENSI', pks: 'PKS', kunjungan: 'KUNJUNGAN', burt: 'BURT', kitapun: 'KITAPUN' };

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

function exitsOf(step: Step): { to: Target; produces: { id: string }[] }[] {
  if (step.kind === 'process') return [{ to: step.next, produces: [] }];
  if (step.kind === 'decision') return [step.ifYes, step.ifNo];
  return [{ to: 'END', produces: [] }];
}

function caseSteps(def: SopDefinition): Step[] {
  return def.steps.filter((s) => !s.desk);
}

/** Steps reachable from the start step over case transitions. */
function reachable(def: SopDefinition): Set<number> {
  const seen = new Set<number>();
  const queue = [def.startStep];
  while (queue.length) {
    const no = queue.shift()!;
    if (seen.has(no)) continue;
    seen.add(no);
    const step = def.steps.find((s) => s.no === no)!;
    for (const e of exitsOf(step)) if (e.to !== 'END') queue.push(e.to);
  }
  return seen;
}

/**
 * Forward "must" analysis: for each reachable step, the facts (document ids on the case, decisions
 * taken) that hold on EVERY path from the start to it. A document reaches the case when a step
 * produces it (step or exit `produces`) or when a user attaches it ('input' kelengkapan).
 */
function mustHold(def: SopDefinition, gen: (step: Step, exit: { produces: { id: string }[] }) => string[]): Map<number, Set<string>> {
  const reach = reachable(def);
  const universe = new Set<string>();
  for (const s of def.steps) for (const e of exitsOf(s)) for (const x of gen(s, e)) universe.add(x);
  const inSets = new Map<number, Set<string>>();
  for (const no of reach) inSets.set(no, no === def.startStep ? new Set() : new Set(universe));
  let changed = true;
  while (changed) {
    changed = false;
    for (const no of reach) {
      if (no === def.startStep) continue;
      let acc = null as Set<string> | null;
      for (const p of def.steps.filter((s) => reach.has(s.no))) {
        for (const e of exitsOf(p)) {
          if (e.to !== no) continue;
          const out = new Set([...inSets.get(p.no)!, ...gen(p, e)]);
          acc = acc === null ? out : new Set([...acc].filter((x) => out.has(x)));
        }
      }
      const next: Set<string> = acc ?? new Set<string>();
      const cur = inSets.get(no)!;
      if (next.size !== cur.size || [...next].some((x) => !cur.has(x))) {
        inSets.set(no, next);
        changed = true;
      }
    }
  }
  return inSets;
}

const docsBroughtIn = (s: Step, e: { produces: { id: string }[] }) => [
  ...s.produces.map((d) => d.id),
  ...e.produces.map((d) => d.id),
  ...s.kelengkapan.filter((k) => k.type === 'document' && k.source === 'input').map((k) => k.id),
];

describe('SOP catalog', () => {
  it('loads every definition, once each, with its code', () => {
    for (const raw of Object.values(RAW)) expect(() => loadDefinition(raw)).not.toThrow();
    expect(CATALOG.map((d) => d.id).sort()).toEqual(Object.keys(SEED).sort());
    for (const def of CATALOG) {
      expect(def.code).toBe(CODES[def.id]);
      expect(def.version).toBe(1);
      expect(def.source).toMatch(/seeds\/00\d_/);
      expect(catalogById(def.id)).toBe(def);
    }
    expect(() => catalogById('tidak_ada')).toThrow();
  });

  for (const [id, rows] of Object.entries(SEED)) {
    describe(id, () => {
      const def = catalogById(id);

      it('has exactly the seed steps, in order', () => {
        expect(def.steps.map((s) => s.no)).toEqual(rows.map((r) => r.no));
      });

      for (const row of rows) {
        it(`step ${row.no}: activity, kelengkapan, waktu and output as in the seed`, () => {
          const step = def.steps.find((s) => s.no === row.no)!;
          expect(step.activity).toBe(row.activity);
          expect(step.waktu).toBe(row.waktu);
          expect(step.output).toBe(row.output);
          const labels = step.kelengkapan.map((k) => norm(k.label));
          for (const item of row.kelengkapan) {
            expect(labels.some((l) => l.includes(norm(item))), `"${item}" has no kelengkapan in ${id} step ${row.no}: ${labels.join(' | ')}`).toBe(true);
          }
          if (row.keterangan !== undefined) expect(step.keterangan?.startsWith(row.keterangan)).toBe(true);
          if (step.waktu !== null) expect(parseWaktu(step.waktu).recognized, `waktu "${step.waktu}"`).toBe(true);
        });
      }

      it('reaches every case step from the start step; only desk steps lie outside', () => {
        const reach = reachable(def);
        for (const s of def.steps) expect(reach.has(s.no) || s.desk === true, `${id} step ${s.no} unreachable`).toBe(true);
        expect(def.steps.find((s) => s.no === def.startStep)!.desk).not.toBe(true);
      });

      it('can finish from every reachable step', () => {
        const reach = reachable(def);
        const canEnd = new Set<number>();
        let grew = true;
        while (grew) {
          grew = false;
          for (const s of def.steps) {
            if (canEnd.has(s.no)) continue;
            if (exitsOf(s).some((e) => e.to === 'END' || canEnd.has(e.to))) {
              canEnd.add(s.no);
              grew = true;
            }
          }
        }
        for (const no of reach) expect(canEnd.has(no), `${id} step ${no} cannot reach an end`).toBe(true);
      });

      it('gives every decision two labelled exits, and carried decisions are always taken first', () => {
        const decided = mustHold(def, (s) => (s.kind === 'decision' ? [String(s.no)] : []));
        for (const s of caseSteps(def)) {
          if (s.kind !== 'decision') continue;
          expect(s.question.length).toBeGreaterThan(0);
          expect(s.ifYes.label).not.toBe(s.ifNo.label);
          if (s.branchFrom !== undefined) {
            expect(decided.get(s.no)!.has(String(s.branchFrom)), `${id} step ${s.no} carries step ${s.branchFrom}`).toBe(true);
          }
        }
      });

      it("has every 'case' document on the case before the step, on every path", () => {
        const have = mustHold(def, docsBroughtIn);
        for (const s of caseSteps(def)) {
          for (const k of s.kelengkapan) {
            if (k.type !== 'document' || k.source !== 'case') continue;
            expect(have.get(s.no)?.has(k.id), `${id} step ${s.no} needs "${k.id}" which is not on the case on every path`).toBe(true);
          }
        }
      });

      it("lists 'produced' documents among what the step produces, and never both attaches and produces one", () => {
        for (const s of def.steps) {
          const produced = new Set([...s.produces, ...exitsOf(s).flatMap((e) => e.produces)].map((d) => d.id));
          for (const k of s.kelengkapan) {
            if (k.type !== 'document') continue;
            if (k.source === 'produced') expect(produced.has(k.id), `${id} step ${s.no}: ${k.id}`).toBe(true);
            // The engine stores an attached document and then would replace it with a pending render.
            else expect(produced.has(k.id), `${id} step ${s.no}: ${k.id} is ${k.source} and produced`).toBe(false);
          }
        }
      });

      it('keeps one data type per case data field, and item counts in integer fields', () => {
        const types = new Map<string, string>();
        for (const s of def.steps) {
          for (const k of s.kelengkapan) {
            if (k.type !== 'data') continue;
            const seen = types.get(k.id);
            if (seen) expect(k.dataType, `${id} data ${k.id}`).toBe(seen);
            types.set(k.id, k.dataType);
          }
          if (s.itemCountField) {
            const f = s.kelengkapan.find((k) => k.id === s.itemCountField);
            expect(f?.type === 'data' && f.dataType === 'integer').toBe(true);
          }
        }
      });

      it('names the partner or institution of every step they perform, recorded by staff roles', () => {
        for (const s of def.steps) {
          if (s.performer !== 'staff') expect(s.performerLabel, `${id} step ${s.no}`).toMatch(/\S/);
          expect(s.actorNote, `${id} step ${s.no} explains its actors`).toMatch(/\S/);
        }
      });
    });
  }

  it('transcribes the decisions the seeds describe', () => {
    const d = (id: string, no: number) => {
      const s = catalogById(id).steps.find((x) => x.no === no)!;
      if (s.kind !== 'decision') throw new Error(`${id} step ${no} is not a decision`);
      return { yes: s.ifYes.to, no: s.ifNo.to, by: s.actors, performer: s.performer, branchFrom: s.branchFrom, yesDocs: s.ifYes.produces.map((p) => p.id), noDocs: s.ifNo.produces.map((p) => p.id) };
    };
    expect(d('pusling', 3)).toMatchObject({ yes: 4, no: 2, by: ['kabid_perpustakaan'] });
    expect(d('pusling', 6)).toMatchObject({ yes: 9, no: 7, performer: 'partner' });
    expect(d('pusling', 8)).toMatchObject({ yes: 5, no: 7, by: ['kabid_perpustakaan'] });
    expect(d('pks', 5)).toMatchObject({ yes: 6, no: 3, by: ['kepala_dinas'] });
    expect(d('kunjungan', 6)).toMatchObject({ yes: 7, no: 7, by: ['kabid_perpustakaan'] });
    expect(d('kunjungan', 7)).toMatchObject({ yes: 8, no: 'END', branchFrom: 6, yesDocs: ['surat_jawaban_kunjungan'], noDocs: ['surat_balasan_pergantian_waktu'] });
    const k7 = catalogById('kunjungan').steps.find((s) => s.no === 7)!;
    expect(k7.kind === 'decision' && k7.ifNo.outcome).toMatch(/\S/);

    const decisions = (id: string) => catalogById(id).steps.filter((s) => s.kind === 'decision').map((s) => s.no);
    expect(decisions('pusling')).toEqual([3, 6, 8]);
    expect(decisions('pks')).toEqual([5]);
    expect(decisions('kunjungan')).toEqual([6, 7]);
    for (const id of ['referensi', 'burt', 'kitapun']) expect(decisions(id)).toEqual([]);
  });

  it('runs BU RT and KITAPUN strictly in order and ends each SOP at its last step', () => {
    for (const id of ['burt', 'kitapun']) {
      const def = catalogById(id);
      for (const s of def.steps.slice(0, -1)) expect(s.kind === 'process' && s.next).toBe(s.no + 1);
    }
    const last = { pusling: 14, referensi: 9, pks: 12, kunjungan: 10, burt: 6, kitapun: 9 };
    for (const [id, no] of Object.entries(last)) {
      const terminators = catalogById(id).steps.filter((s) => s.kind === 'terminator').map((s) => s.no);
      expect(terminators).toEqual([no]);
    }
  });

  it('carries the seeds’ service standards, legal basis and warnings', () => {
    const k = catalogById('kitapun');
    expect(k.serviceStandard).toMatchObject({ waktu: '7 Jam', biaya: 'Tidak dipungut biaya' });
    expect(k.serviceStandard!.produk).toHaveLength(4);
    expect(k.serviceStandard!.pengaduan.join(' ')).toMatch(/perpussukoharjo@gmail\.com/);
    expect(k.serviceStandard!.pengaduan.join(' ')).toMatch(/LAPOR!/);
    const b = catalogById('burt');
    expect(b.legalBasis.join(' ')).toMatch(/Nomor 43 Tahun 2007/);
    expect(b.legalBasis.join(' ')).toMatch(/RPJM Visi Misi Bupati Balangan Tahun 2021 - 2026/);
    expect(b.warnings.join(' ')).toMatch(/harus dilakukan secara berurutan/);
    const r = catalogById('referensi');
    expect(r.startStep).toBe(8);
    expect(r.steps.filter((s) => s.desk).map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(r.steps.find((s) => s.no === 7)!.itemCountField).toBe('jumlah_buku');
    const p9 = catalogById('pusling').steps.find((s) => s.no === 9)!;
    expect(p9.kelengkapan.every((k) => k.type === 'checklist')).toBe(true);
    const legal = catalogById('pks').steps.find((s) => s.no === 9)!;
    expect(legal).toMatchObject({ performer: 'institution', performerLabel: 'Bagian Hukum Sekretariat Daerah', actors: ['kasi_layanan'] });
    expect(catalogById('kitapun').steps.find((s) => s.no === 3)!.performer).toBe('institution');
  });

  // Walk each SOP through the real engine the way a user would: fill every data field and checklist,
  // attach only the documents the actor really has ('input'); documents from earlier steps must already
  // be on the case. Decisions follow a script per decision step (default: yes).
  const cal = createCalendar({ timeZone: 'Asia/Makassar', holidays: [] });
  const walks: { id: string; name: string; decisions: Record<number, ('yes' | 'no')[]>; path: number[]; outcome: RegExp; docs: string[] }[] = [
    { id: 'pusling', name: 'approved and confirmed at once', decisions: {}, path: [1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14], outcome: /siap digunakan kembali/, docs: ['rencana_kunjungan', 'lembar_disposisi', 'surat_tugas', 'jadwal_kunjungan', 'buku_besar_bercap'] },
    { id: 'pusling', name: 'returned, rescheduled, changed plan returned then approved', decisions: { 3: ['no', 'yes'], 6: ['no', 'yes'], 8: ['no', 'yes'] }, path: [1, 2, 3, 2, 3, 4, 5, 6, 7, 8, 7, 8, 5, 6, 9, 10, 11, 12, 13, 14], outcome: /siap digunakan kembali/, docs: ['surat_tugas'] },
    { id: 'referensi', name: 'monthly report', decisions: {}, path: [8, 9], outcome: /Laporan bulanan diterima/, docs: ['buku_rekapitulasi', 'laporan_bulanan'] },
    { id: 'pks', name: 'reconsidered once, then agreed', decisions: { 5: ['no', 'yes'] }, path: [1, 2, 3, 4, 5, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], outcome: /Surat Perjanjian Kerjasama/, docs: ['surat_persetujuan', 'draft_pks_opini_hukum', 'draft_pks_final', 'pks_final'] },
    { id: 'kunjungan', name: 'visit accepted', decisions: { 6: ['yes'] }, path: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], outcome: /terlaksana/, docs: ['surat_kunjungan', 'agenda_surat_masuk', 'lembar_disposisi', 'surat_jawaban_kunjungan'] },
    { id: 'kunjungan', name: 'another time asked', decisions: { 6: ['no'] }, path: [1, 2, 3, 4, 5, 6, 7], outcome: /pergantian waktu/, docs: ['surat_balasan_pergantian_waktu'] },
    { id: 'burt', name: 'strictly in order', decisions: {}, path: [1, 2, 3, 4, 5, 6], outcome: /gemar membaca/, docs: ['mou', 'balasan_surat'] },
    { id: 'kitapun', name: 'monev to accreditation', decisions: {}, path: [1, 2, 3, 4, 5, 6, 7, 8, 9], outcome: /nilai akreditasi/, docs: ['surat_pemberitahuan_monev', 'jadwal_monev', 'laporan_monev', 'jadwal_pembinaan'] },
  ];
  for (const w of walks) {
    it(`walks ${w.id} through the engine: ${w.name}`, () => {
      const def = catalogById(w.id);
      let now = new Date('2026-11-23T01:00:00Z');
      const ctx = (roles: string[]) => ({ def, actor: { email: 'staf@example.org', roles }, now, calendar: cal });
      const created = createCase(ctx(def.createRoles ?? def.steps.find((s) => s.no === def.startStep)!.actors), { id: 'c', agencyId: 'a', nomor: 'X/1', partner: { name: 'Mitra' } });
      if (!created.ok) throw new Error(created.error.message);
      let state: CaseState = created.value.state;
      const path: number[] = [];
      const queue = Object.fromEntries(Object.entries(w.decisions).map(([k, v]) => [k, [...v]]));
      while (state.status === 'open' && path.length < 50) {
        const step = def.steps.find((s) => s.no === state.currentStep)!;
        path.push(step.no);
        // System-assigned fields (the agenda number) are reserved by the store; here a fixed one.
        const assigned = Object.fromEntries(step.kelengkapan.flatMap((k) => (k.type === 'data' && k.assign ? [[k.id, '7']] : [])));
        const input = fullInput(step);
        now = new Date(now.getTime() + 60_000);
        const action =
          step.kind === 'decision' && step.branchFrom === undefined
            ? ((decision: 'yes' | 'no') => ({ type: 'decide' as const, step: step.no, decision, input: { ...input, ...reasonFor(step, decision) } }))(queue[step.no]?.shift() ?? 'yes')
            : { type: 'complete' as const, step: step.no, input };
        const r = transition({ ...ctx(step.actors), assigned }, state, action);
        if (!r.ok) throw new Error(`${w.id} step ${step.no}: ${r.error.message}`);
        state = r.value.state;
      }
      expect(path).toEqual(w.path);
      expect(state.status).toBe('closed');
      expect(state.outcome).toMatch(w.outcome);
      for (const d of w.docs) expect(Object.keys(state.documents)).toContain(d);
    });
  }
});
