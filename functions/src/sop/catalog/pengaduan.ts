// Penanganan pengaduan: the complaint channel the KITAPUN SENAPAS service standard (seed 004)
// promises ("Kotak saran dan pengaduan", telephone, e-mail, WhatsApp, LAPOR!), as a short SOP of
// its own: the complaint comes in (through the partner form, or recorded by the front office),
// is forwarded to the section responsible, answered, checked by the Kepala Bidang and sent back to
// the complainant. Not transcribed from a seed table: its standard times are defaults for an
// agency to set to its own maklumat pelayanan.
import type { SopDefinitionInput } from '../schema.ts';

const KANAL = [
  { value: 'formulir', label: 'Formulir pengaduan daring' },
  { value: 'kotak_saran', label: 'Kotak saran dan pengaduan' },
  { value: 'telepon', label: 'Telepon' },
  { value: 'email', label: 'E-mail' },
  { value: 'whatsapp', label: 'WhatsApp' },
  { value: 'lapor', label: 'LAPOR!' },
  { value: 'langsung', label: 'Datang langsung' },
];

export const pengaduan = {
  id: 'pengaduan',
  version: 1,
  title: 'Penanganan Pengaduan Layanan Perpustakaan',
  code: 'PENGADUAN',
  source: 'seeds/004_2beeee5828519a3a.txt: kanal pengaduan standar pelayanan KITAPUN SENAPAS (SOP disusun sistem, bukan transkripsi tabel)',
  serviceStandard: { waktu: '7 hari kerja', biaya: 'Tidak dipungut biaya', produk: ['Jawaban atas pengaduan'], pengaduan: ['Kotak saran dan pengaduan', 'Telepon', 'E-mail', 'WhatsApp', 'LAPOR!'] },
  roles: [
    { id: 'front_office', label: 'Front Office/ petugas layanan', jabatan: 'Petugas Layanan (Front Office)' },
    { id: 'kasi_layanan', label: 'Kasi Layanan, Otomasi dan Kerjasama Perpustakaan', jabatan: 'Kepala Seksi Layanan, Otomasi dan Kerja Sama', relation: 'indirect', reportsTo: 'kabid_perpustakaan' },
    { id: 'kabid_perpustakaan', label: 'Kepala Bidang Perpustakaan', jabatan: 'Kepala Bidang Perpustakaan', relation: 'direct' },
  ],
  startStep: 1,
  createRoles: ['front_office'],
  cancelRoles: ['kabid_perpustakaan'],
  // The Kasi's answer, when late by a day, goes to the Kabid; the front office's steps to the Kasi.
  reminders: { escalateAfterStandards: 1 },
  steps: [
    {
      no: 1,
      kind: 'process',
      activity: 'Menyampaikan pengaduan, saran atau masukan atas layanan perpustakaan',
      performer: 'partner',
      performerLabel: 'Pengguna layanan',
      actors: ['front_office'],
      actorNote: 'Pengadu menyampaikan melalui formulir pengaduan; pengaduan lewat telepon, WhatsApp, kotak saran atau LAPOR! dicatat Front Office.',
      kelengkapan: [
        { type: 'data', id: 'uraian_pengaduan', label: 'Uraian pengaduan', dataType: 'longtext' },
        { type: 'data', id: 'layanan_diadukan', label: 'Layanan yang diadukan', dataType: 'text' },
        { type: 'data', id: 'nomor_kasus_terkait', label: 'Nomor kasus yang diadukan (bila ada), misalnya PUSLING/2026/0001', dataType: 'text', optional: true },
        // Asked of staff recording a complaint that came another way; a form response is the online form.
        { type: 'data', id: 'kanal', label: 'Kanal pengaduan (kosongkan untuk formulir daring)', dataType: 'text', optional: true, options: KANAL },
      ],
      waktu: null,
      output: 'Pengaduan',
      next: 2,
    },
    {
      no: 2,
      kind: 'process',
      activity: 'Menerima dan mencatat pengaduan, lalu meneruskannya kepada seksi yang bertanggung jawab atas layanan yang diadukan',
      actors: ['front_office'],
      kelengkapan: [{ type: 'data', id: 'seksi_tujuan', label: 'Diteruskan kepada (seksi/bidang)', dataType: 'text' }],
      waktu: '1 hari',
      output: 'Pengaduan tercatat dan diteruskan',
      next: 3,
    },
    {
      no: 3,
      kind: 'process',
      activity: 'Menelaah pengaduan dan menyusun jawaban serta tindak lanjutnya',
      actors: ['kasi_layanan'],
      kelengkapan: [
        { type: 'data', id: 'jawaban_pengaduan', label: 'Jawaban kepada pengadu', dataType: 'longtext' },
        { type: 'data', id: 'tindak_lanjut', label: 'Tindak lanjut perbaikan layanan', dataType: 'longtext', optional: true },
      ],
      waktu: '3 hari',
      output: 'Konsep jawaban pengaduan',
      next: 4,
    },
    {
      no: 4,
      kind: 'decision',
      activity: 'Memeriksa jawaban; jika sesuai, menyetujui untuk disampaikan; jika tidak, dikembalikan untuk diperbaiki',
      question: 'Apakah jawaban pengaduan disetujui?',
      actors: ['kabid_perpustakaan'],
      kelengkapan: [{ type: 'data', id: 'catatan_perbaikan', label: 'Catatan perbaikan', dataType: 'longtext', when: 'no' }],
      waktu: '1 hari',
      output: 'Jawaban disetujui',
      ifYes: { to: 5, label: 'Setujui jawaban' },
      ifNo: { to: 3, label: 'Kembalikan untuk diperbaiki' },
    },
    {
      no: 5,
      kind: 'terminator',
      activity: 'Menyampaikan jawaban kepada pengadu melalui kanal yang digunakannya',
      actors: ['front_office'],
      kelengkapan: [{ type: 'data', id: 'tanggal_disampaikan', label: 'Tanggal jawaban disampaikan', dataType: 'date', assign: 'today' }],
      waktu: '1 hari',
      output: 'Jawaban pengaduan tersampaikan',
      outcome: 'Pengaduan dijawab',
    },
  ],
} satisfies SopDefinitionInput;
