// The walks of letter-texts.test.ts: one per SOP and branch, with the data a clerk would enter and
// what each letter must then say. Expected texts are written here, not derived from the builders.
import { expect } from 'vitest';
import { formatNip } from '../../functions/src/documents/format.ts';
import type { OutboxEntry, Staff } from '../../functions/src/model/records.ts';
import type { Stack } from '../support/stack.ts';

type Move = number | [number, 'yes' | 'no'];

export interface Check {
  entries: OutboxEntry[];
  data: Record<string, unknown>;
  text: (e: OutboxEntry) => Promise<string>;
  directory: (agency: string, role: string) => Promise<Staff>;
  s: Stack;
}

export interface Walk {
  name: string;
  sop: string;
  agency: string;
  partner: { name: string; email?: string; address?: string };
  route: Move[];
  /** The letters, in order, as `docId` or `docId#revision` for one made again. */
  letters: string[];
  /** What the clerk enters, by field id, on whichever step asks for it. */
  data: (s: Stack) => Record<string, unknown>;
  /** Values entered at one step only (a new time agreed after the first one failed). */
  atStep?: (s: Stack) => Record<number, Record<string, unknown>>;
  check: (c: Check) => Promise<void>;
}

const letter = (entries: OutboxEntry[], docId: string, revision = 1) => {
  const e = entries.find((x) => x.docId === docId && x.revision === revision);
  if (!e) throw new Error(`no letter ${docId}#${revision}`);
  return e;
};

const AN_BALANGAN = 'a.n. Kepala Dinas Perpustakaan dan Kearsipan Kabupaten Balangan\nKepala Bidang Perpustakaan,';

/** The row of an assignee in the surat tugas table, as the text reads it (one cell per line). */
function row(no: number, p: { name: string; nip?: string | undefined; pangkat?: string | undefined; jabatan?: string | undefined }): string {
  return [`${no}.`, p.name, p.nip ? formatNip(p.nip) : '-', p.pangkat ?? '-', p.jabatan ?? '-'].join('\n');
}

export const WALKS: Walk[] = [
  {
    name: 'Perpustakaan Keliling: approved, rescheduled at the partner\'s request, changed plan approved',
    sop: 'pusling',
    agency: 'balangan',
    partner: { name: 'SD Negeri 1 Paringin', email: 'sdn1paringin@example.sch.id', address: 'Jalan Jenderal Ahmad Yani, Paringin' },
    route: [1, 2, [3, 'yes'], 4, 5, [6, 'no'], 7, [8, 'yes'], 5, [6, 'yes'], 9, 10, 11, 12, 13, 14],
    letters: ['rencana_kunjungan', 'lembar_disposisi', 'surat_tugas', 'jadwal_kunjungan', 'rencana_kunjungan#2', 'lembar_disposisi#2', 'surat_tugas#2', 'jadwal_kunjungan#2'],
    data: (s) => ({
      pengguna_layanan: 'SD Negeri 1 Paringin',
      lokasi_kunjungan: 'Halaman SD Negeri 1 Paringin',
      waktu_kunjungan: '2026-12-03T09:00:00+08:00',
      email_pengguna_layanan: 'sdn1paringin@example.sch.id',
      nama_petugas: [s.who('balangan', 'petugas_pusling'), 'Sri Wahyuni'],
      jumlah_pemustaka: 120,
      catatan_kabid: 'Setuju; sebarluaskan jadwal dan laksanakan sesuai rencana.',
      disposisi_harap: ['proses', 'laksanakan'],
      sifat_disposisi: 'Segera',
      sifat_pemberitahuan: 'Penting',
      catatan_kabid_perubahan: 'Setuju dengan pemindahan ke aula sekolah.',
      disposisi_harap_perubahan: ['laksanakan'],
    }),
    atStep: () => ({
      6: { waktu_kunjungan: '2026-12-10T09:00:00+08:00', lokasi_kunjungan: 'Aula SD Negeri 1 Paringin' },
      7: { waktu_kunjungan: '2026-12-10T09:00:00+08:00', lokasi_kunjungan: 'Aula SD Negeri 1 Paringin' },
    }),
    async check({ entries, text, directory }) {
      const crew = await directory('balangan', 'petugas_pusling');
      const tugas = await text(letter(entries, 'surat_tugas'));
      expect(tugas).toContain(row(1, crew));
      expect(tugas).toContain(row(2, { name: 'Sri Wahyuni' }));
      expect(tugas).not.toMatch(/\n3\.\n/);
      expect(tugas).toContain(AN_BALANGAN);
      expect(tugas).toContain('Kamis, 3 Desember 2026 pukul 09.00 WITA');
      const tugas2 = await text(letter(entries, 'surat_tugas', 2));
      expect(tugas2).toContain('Perubahan rencana kunjungan perpustakaan keliling ke SD Negeri 1 Paringin');
      expect(tugas2).toContain('Kamis, 10 Desember 2026 pukul 09.00 WITA');
      const d1 = await text(letter(entries, 'lembar_disposisi'));
      const d2 = await text(letter(entries, 'lembar_disposisi', 2));
      expect(d1).toContain('Setuju; sebarluaskan jadwal dan laksanakan sesuai rencana.');
      expect(d1).toContain('☑ Proses lebih lanjut');
      expect(d1).toContain('Dengan hormat harap:');
      expect(d1).toContain('Catatan:');
      expect(d1).toContain('Segera');
      expect(d2).toContain('Setuju dengan pemindahan ke aula sekolah.');
      expect(d2).not.toContain('sebarluaskan jadwal dan laksanakan sesuai rencana');
      expect(d2).toContain('☐ Proses lebih lanjut');
      const j1 = letter(entries, 'jadwal_kunjungan');
      const j2 = letter(entries, 'jadwal_kunjungan', 2);
      expect(await text(j1)).toContain('Yth. Kepala SD Negeri 1 Paringin');
      expect(await text(j2)).toContain('Perubahan Jadwal Kunjungan Perpustakaan Keliling');
      expect(j1.email!.subject).toBe(`Jadwal Kunjungan Perpustakaan Keliling Nomor ${j1.context!.nomor} — DISPUSIP Balangan`);
      expect(j2.email!.subject).toBe(`Perubahan Jadwal Kunjungan Perpustakaan Keliling Nomor ${j2.context!.nomor} — DISPUSIP Balangan`);
      expect(j1.email!.text.split('\n')[0]).toBe('Yth. Kepala SD Negeri 1 Paringin,');
      expect(await text(letter(entries, 'rencana_kunjungan'))).toContain(`1. ${crew.name}\n2. Sri Wahyuni`);
    },
  },
  {
    name: 'Peminjaman koleksi referensi: the report of a month that is over',
    sop: 'referensi',
    agency: 'balangan',
    partner: { name: 'Layanan Referensi' },
    route: [8, 9],
    letters: ['laporan_bulanan'],
    data: () => ({ periode: '2026-10' }),
    async check({ entries, text }) {
      const t = await text(letter(entries, 'laporan_bulanan'));
      expect(t).toContain('BULAN OKTOBER 2026');
      expect(t).toContain('disampaikan kepada Kepala Seksi Layanan, Otomasi dan Kerja Sama.');
    },
  },
  {
    name: 'Perjanjian Kerja Sama: the agreement numbered in the month it is signed, the final draft a draft',
    sop: 'pks',
    agency: 'balangan',
    partner: { name: 'Politeknik Negeri Banjarmasin', email: 'humas@poliban.example.ac.id', address: 'Jalan Brigjen H. Hasan Basry, Banjarmasin' },
    route: [1, 2, 3, 4, [5, 'yes'], 6, 7, 8, 9, 10, 11, 12],
    letters: ['surat_permohonan_kerjasama', 'notulensi_rapat', 'surat_permohonan_ijin', 'surat_persetujuan', 'draft_pks', 'draft_pks_para_pihak', 'draft_pks_revisi', 'draft_pks_final', 'pks_final'],
    data: (s) => ({
      nama_pihak_lain: 'Politeknik Negeri Banjarmasin',
      ide_gagasan_peluang: 'Layanan perpustakaan digital bersama dan magang mahasiswa di perpustakaan daerah.',
      surat_penawaran_pihak_lain: 'https://drive.google.com/file/d/penawaran-poliban',
      nomor_surat_penawaran: '005/PL12/KS/2026',
      tanggal_surat_penawaran: '2026-11-02',
      alamat_pihak_lain: 'Jalan Brigjen H. Hasan Basry, Banjarmasin',
      sifat_surat_permohonan: 'Penting',
      waktu_rapat_internal: '2026-11-16T09:00:00+08:00',
      tempat_rapat: 'Ruang Rapat Bidang Perpustakaan',
      pimpinan_rapat: s.who('balangan', 'kabid_perpustakaan'),
      peserta_rapat: [s.who('balangan', 'kasi_layanan'), 'Ir. Bambang Suryadi (Politeknik Negeri Banjarmasin)'],
      manfaat_dan_resiko: 'Manfaat: koleksi digital bertambah. Risiko: beban server; diatasi dengan pembagian kapasitas.',
      tentang_kerja_sama: 'Pengembangan Perpustakaan Digital',
      ruang_lingkup: 'Berbagi koleksi digital dan magang mahasiswa.',
      jangka_waktu_kerja_sama: '2 (dua) tahun',
      nama_penandatangan_pihak_lain: 'Dr. Ir. Nurmahaludin, M.T.',
      nomor_pks_pihak_lain: '012/PL12/KS/2026',
      waktu_penandatanganan: '2026-12-08T10:00:00+08:00',
      tempat_penandatanganan: 'Paringin',
    }),
    async check({ entries, data, text, directory }) {
      const kadis = await directory('balangan', 'kepala_dinas');
      const kabid = await directory('balangan', 'kabid_perpustakaan');
      const kasi = await directory('balangan', 'kasi_layanan');
      const req = await text(letter(entries, 'surat_permohonan_kerjasama'));
      expect(req).toContain('Yth. Direktur Politeknik Negeri Banjarmasin');
      expect(req).toContain('Menindaklanjuti surat Saudara Nomor 005/PL12/KS/2026 tanggal 2 November 2026 hal penawaran kerja sama');
      expect(req).toContain('Penting');
      expect(req).toContain('Kepala Dinas Perpustakaan dan Kearsipan Kabupaten Balangan,');
      expect(req).not.toContain('a.n. Kepala Dinas');
      const notula = await text(letter(entries, 'notulensi_rapat'));
      expect(notula).toContain('Senin, 16 November 2026');
      expect(notula).toContain('Ruang Rapat Bidang Perpustakaan');
      expect(notula).toContain(`${kabid.name} (${kabid.jabatan})`);
      expect(notula).toContain(`1. ${kasi.name}, ${kasi.jabatan}\n2. Ir. Bambang Suryadi (Politeknik Negeri Banjarmasin)`);
      expect(notula).toContain('Pimpinan Rapat,');
      expect(notula).toContain('Notulis,');
      const izin = letter(entries, 'surat_permohonan_ijin');
      expect(buildLampiran(await text(izin))).toBe('1 (satu) berkas');
      const draft = letter(entries, 'draft_pks_final');
      const final = letter(entries, 'pks_final');
      expect(final.context!.nomor).toMatch(/\/DISPUSIP\/XII\/2026$/);
      expect(data.nomor_pks_dinas).toBe(final.context!.nomor);
      const pks = await text(final);
      expect(pks).toContain('Pada hari ini Selasa tanggal delapan bulan Desember tahun dua ribu dua puluh enam, bertempat di Paringin');
      expect(pks).toContain(`NOMOR: ${final.context!.nomor}`);
      expect(pks).toContain('NOMOR: 012/PL12/KS/2026');
      expect(pks).toContain('Dr. Ir. Nurmahaludin, M.T., Direktur Politeknik Negeri Banjarmasin');
      expect(pks).toContain(kadis.name);
      expect(pks).toContain('HAK DAN KEWAJIBAN');
      expect(pks).not.toContain('bermeterai cukup');
      expect(draft.email!.subject).toBe('Draf Akhir Perjanjian Kerja Sama tentang Pengembangan Perpustakaan Digital — DISPUSIP Balangan');
      expect(final.email!.subject).toBe(`Perjanjian Kerja Sama tentang Pengembangan Perpustakaan Digital Nomor ${final.context!.nomor} — DISPUSIP Balangan`);
      expect(draft.title).not.toBe(final.title);
      expect(final.email!.text.split('\n')[0]).toBe('Yth. Direktur Politeknik Negeri Banjarmasin,');
    },
  },
  {
    name: 'Kunjungan resmi YES: the reply cites the request',
    sop: 'kunjungan',
    agency: 'babel',
    partner: { name: 'SMA Negeri 1 Pangkalpinang', email: 'tu@sman1pkp.example.sch.id' },
    route: [1, 2, 3, 4, 5, [6, 'yes'], 7, 8, 9, 10],
    letters: ['lembar_disposisi', 'surat_jawaban_kunjungan'],
    data: () => KUNJUNGAN,
    async check({ entries, text }) {
      const d = await text(letter(entries, 'lembar_disposisi'));
      expect(d).toContain('421.3/112/SMAN1/XI/2026');
      expect(d).toContain('☑ Siapkan jawaban');
      expect(d).toContain('Terima; siapkan ruang baca dan pendamping.');
      expect(d).toContain('Hendra Gunawan (Pustakawan Pendamping)');
      expect(d).toMatch(/Sifat\n+Segera/);
      const reply = letter(entries, 'surat_jawaban_kunjungan');
      const t = await text(reply);
      expect(t).toContain('Yth. Kepala SMA Negeri 1 Pangkalpinang');
      expect(t).toContain('Menindaklanjuti surat Saudara Nomor 421.3/112/SMAN1/XI/2026 tanggal 18 November 2026 hal Permohonan Izin Kunjungan');
      expect(t).toContain('a.n. Kepala Dinas Kearsipan dan Perpustakaan Provinsi Kepulauan Bangka Belitung\nKepala Bidang Perpustakaan,');
      expect(reply.email!.subject).toBe(`Jawaban Permohonan Izin Kunjungan Nomor ${reply.context!.nomor} — DKPUS Babel`);
      expect(reply.email!.text.split('\n')[0]).toBe('Yth. Kepala SMA Negeri 1 Pangkalpinang,');
    },
  },
  {
    name: 'Kunjungan resmi NO: the reply gives the reason of the disposition',
    sop: 'kunjungan',
    agency: 'babel',
    partner: { name: 'SMA Negeri 1 Pangkalpinang', email: 'tu@sman1pkp.example.sch.id' },
    route: [1, 2, 3, 4, 5, [6, 'no'], 7],
    letters: ['lembar_disposisi', 'surat_balasan_pergantian_waktu'],
    data: () => ({ ...KUNJUNGAN, alasan_tidak_diterima: 'Ruang baca sedang direnovasi sampai akhir Desember 2026.', waktu_kunjungan: '2027-01-14T09:00:00+07:00' }),
    async check({ entries, text }) {
      const t = await text(letter(entries, 'surat_balasan_pergantian_waktu'));
      expect(t).toContain('surat Saudara Nomor 421.3/112/SMAN1/XI/2026 tanggal 18 November 2026');
      expect(t).toContain('belum dapat menerima kunjungan pada waktu tersebut karena ruang baca sedang direnovasi sampai akhir Desember 2026.');
      expect(t).toContain('Kamis, 14 Januari 2027');
      expect(t).not.toContain('jadwal layanan kami tidak tersedia');
    },
  },
  {
    name: 'BU RT: the nota kesepahaman with the village, signable, and the loan reply',
    sop: 'burt',
    agency: 'balangan',
    partner: { name: 'Pemerintah Desa Batu Piring', email: 'desabatupiring@example.desa.id' },
    route: [1, 2, 3, 4, 5, 6],
    letters: ['mou', 'balasan_surat'],
    data: () => ({
      sasaran_sosialisasi: 'Warga Desa Batu Piring',
      metode_sosialisasi: ['Tatap Muka', 'Sosial Media'],
      pihak_terkait: 'Pemerintah Desa Batu Piring',
      alamat_pihak_terkait: 'Desa Batu Piring, Kecamatan Paringin Selatan, Kabupaten Balangan',
      nama_penandatangan_pihak_lain: 'H. Rusdiansyah',
      nomor_mou_pihak_lain: '140/07/DS-BP/XII/2026',
      tentang_kerja_sama: 'Gerakan Gemar Membaca melalui Program Buku Rumah Tangga (Bu RT)',
      ruang_lingkup: ['peminjaman kolektif buku bacaan bagi masyarakat', 'penyaluran buku kepada rumah tangga', 'pembinaan perpustakaan desa'],
      jangka_waktu_kerja_sama: '2 (dua) tahun',
      tanggal_penandatanganan: '2026-12-04',
      tempat_penandatanganan: 'Paringin',
      nomor_surat_permintaan: '140/09/DS-BP/XI/2026',
      tanggal_surat_permintaan: '2026-11-20',
      list_judul_buku: ['Laskar Pelangi', 'Bumi Manusia', 'Negeri 5 Menara'],
      eksemplar_per_judul: 5,
      tanggal_pengembalian: '2027-02-26',
      jadwal_pembinaan: '2026-11-02T09:00:00+08:00',
      kegiatan_pendampingan: 'Gerakan membaca bersama di Desa Batu Piring',
    }),
    async check({ entries, text, directory }) {
      const kadis = await directory('balangan', 'kepala_dinas');
      const mou = letter(entries, 'mou');
      const t = await text(mou);
      expect(mou.context!.nomor).toMatch(/\/DISPUSIP\/XII\/2026$/);
      expect(t).toContain('NOTA KESEPAHAMAN');
      expect(t).toContain(`NOMOR: ${mou.context!.nomor}`);
      expect(t).toContain('NOMOR: 140/07/DS-BP/XII/2026');
      expect(t).toContain('Pada hari ini Jumat tanggal empat bulan Desember tahun dua ribu dua puluh enam, bertempat di Paringin');
      expect(t).toContain('H. Rusdiansyah, Kepala Desa Batu Piring, dalam hal ini bertindak untuk dan atas nama Pemerintah Desa Batu Piring');
      expect(t).toContain(`${kadis.name}, Kepala Dinas Perpustakaan dan Kearsipan Kabupaten Balangan`);
      expect(t).toContain('PELAKSANAAN');
      expect(t).toContain('dituangkan lebih lanjut dalam perjanjian kerja sama');
      expect(t).not.toContain('HAK DAN KEWAJIBAN');
      expect(t).not.toContain('Pimpinan Pemerintah Desa');
      expect(t).toContain('meterai Rp10.000,00');
      const reply = await text(letter(entries, 'balasan_surat'));
      expect(reply).toContain('Yth. Kepala Desa Batu Piring');
      expect(reply).toContain('Menindaklanjuti surat Saudara Nomor 140/09/DS-BP/XI/2026 tanggal 20 November 2026');
      expect(reply).toContain('masing-masing 5 (lima) eksemplar');
      expect(reply).toContain('sampai dengan tanggal 26 Februari 2027');
    },
  },
  {
    name: 'KITAPUN SENAPAS: notices, schedules, the surat tugas of both rounds and the report',
    sop: 'kitapun',
    agency: 'sukoharjo',
    partner: { name: 'Perpustakaan SMP Negeri 1 Sukoharjo', email: 'perpus@smpn1skh.example.sch.id' },
    route: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    // Letters of one step in the order of their outbox ids.
    letters: ['jadwal_monev', 'surat_pemberitahuan_monev', 'surat_tugas_monev', 'laporan_monev', 'jadwal_pembinaan', 'surat_pemberitahuan_pembinaan', 'surat_tugas_pembinaan'],
    data: (s) => ({
      perpustakaan_sasaran: ['Perpustakaan SMP Negeri 1 Sukoharjo', 'Perpustakaan SD Negeri Gayam 1'],
      rincian_jadwal_monev: ['2026-12-07 Perpustakaan SMP Negeri 1 Sukoharjo', '2026-12-08 Perpustakaan SD Negeri Gayam 1'],
      penerima_pemberitahuan: ['Dinas Pendidikan dan Kebudayaan Kabupaten Sukoharjo', 'Kantor Kementerian Agama Kabupaten Sukoharjo'],
      sifat_pemberitahuan_monev: 'Penting',
      nama_petugas: [s.who('sukoharjo', 'petugas_monev'), s.who('sukoharjo', 'sub_koordinator')],
      hasil_monev: 'Perpustakaan SMP Negeri 1 Sukoharjo memenuhi 6 dari 8 standar.',
      perpustakaan_dibina: ['Perpustakaan SMP Negeri 1 Sukoharjo'],
      rincian_jadwal_pembinaan: ['2026-12-14 Perpustakaan SMP Negeri 1 Sukoharjo'],
      nama_petugas_pembinaan: [s.who('sukoharjo', 'petugas_monev')],
      nilai_akreditasi: 'B (baik), skor 82',
    }),
    async check({ entries, text, directory }) {
      const kabid = await directory('sukoharjo', 'kabid_perpustakaan');
      const petugas = await directory('sukoharjo', 'petugas_monev');
      const sub = await directory('sukoharjo', 'sub_koordinator');
      const notice = letter(entries, 'surat_pemberitahuan_monev');
      const t = await text(notice);
      expect(t).toContain('1. Kepala Dinas Pendidikan dan Kebudayaan Kabupaten Sukoharjo\n2. Kepala Kantor Kementerian Agama Kabupaten Sukoharjo');
      expect(buildLampiran(t)).toBe('1 (satu) berkas');
      // The letter and its schedule page are both signed.
      expect(t.split(kabid.name).length - 1).toBe(2);
      expect(notice.email!.text.split('\n')[0]).toBe('Yth. Kepala SMP Negeri 1 Sukoharjo,');
      const tugas = await text(letter(entries, 'surat_tugas_monev'));
      expect(tugas).toContain(row(1, petugas));
      expect(tugas).toContain(row(2, sub));
      expect(tugas).toContain(`Surat pemberitahuan monev Nomor ${notice.context!.nomor}`);
      expect(tugas).toContain('Senin, 7 Desember 2026: Perpustakaan SMP Negeri 1 Sukoharjo');
      const coaching = await text(letter(entries, 'surat_pemberitahuan_pembinaan'));
      expect(coaching).toContain('Yth. Kepala SMP Negeri 1 Sukoharjo');
      expect(coaching).toContain('1. Kepala Dinas Pendidikan dan Kebudayaan Kabupaten Sukoharjo');
      const tugas2 = await text(letter(entries, 'surat_tugas_pembinaan'));
      expect(tugas2).toContain(row(1, petugas));
      expect(tugas2).toContain('pembinaan dan pendampingan administrasi serta otomasi perpustakaan');
      const report = await text(letter(entries, 'laporan_monev'));
      expect(report).toContain('subkoordinator');
      expect(report).not.toMatch(/sub koordinator/i);
    },
  },
];

const KUNJUNGAN = {
  nama_instansi: 'SMA Negeri 1 Pangkalpinang',
  tanggal_kunjungan: '2026-12-10',
  jumlah_pengunjung: 35,
  email_kontak: 'tu@sman1pkp.example.sch.id',
  nomor_surat_kunjungan: '421.3/112/SMAN1/XI/2026',
  tanggal_surat_kunjungan: '2026-11-18',
  sifat_surat_kunjungan: 'Segera',
  jadwal_tersedia: true,
  kecocokan_jadwal: true,
  isi_disposisi: 'Terima; siapkan ruang baca dan pendamping.',
  disposisi_harap: ['jawaban', 'laksanakan'],
  nama_pendamping: ['Hendra Gunawan'],
  waktu_kunjungan: '2026-12-10T09:00:00+07:00',
  tempat_kunjungan: 'Ruang Baca Utama DKPUS Babel',
  jumlah_pengunjung_hadir: 33,
};

/** The "Lampiran" of a letter's head, as the text reads it. */
function buildLampiran(text: string): string {
  const m = /Lampiran\n+:?\n*\t?([^\n]+)/.exec(text);
  return m ? m[1]!.replace(/^:\s*/, '').trim() : '';
}
