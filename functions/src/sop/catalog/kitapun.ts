// KITAPUN SENAPAS (Kita Tata Perpustakaan Sesuai Standar Nasional Perpustakaan), Dinas Perpustakaan
// dan Kearsipan Kabupaten Sukoharjo (seed 004): monitoring and evaluation of libraries against the
// SNP, then coaching and accreditation assistance. The seed gives no per-step time or output, only
// the service standard (7 hours, free of charge, products, complaint channels).
import type { SopDefinitionInput } from '../schema.ts';
import { petugas, sifat } from './shared.ts';

const SPREADING_INSTITUTIONS =
  'Dinas Pendidikan dan Kebudayaan serta Kantor Kementerian Agama Kabupaten Sukoharjo atau institusi lain penyelenggara perpustakaan';

export const kitapun = {
  id: 'kitapun',
  version: 1,
  title: 'KITAPUN SENAPAS (Kita Tata Perpustakaan Sesuai Standar Nasional Perpustakaan)',
  code: 'KITAPUN',
  source: 'seeds/004_2beeee5828519a3a.txt: KITAPUN SENAPAS, Kabupaten Sukoharjo',
  legalBasis: ['SK Nomor 041/155/2023'],
  serviceStandard: {
    waktu: '7 Jam',
    biaya: 'Tidak dipungut biaya',
    produk: [
      'Laporan monitoring dan evaluasi perpustakaan',
      'Layanan konseling dan pembinaan administrasi serta automasi untuk akreditasi perpustakaan',
      'Pendampingan akreditasi perpustakaan',
      'Nilai akreditasi perpustakaan institusi pendidikan/pemerintahan/kelompok masyarakat',
    ],
    pengaduan: [
      'Kotak saran dan pengaduan',
      'Telp. (0271) 593068',
      'Fax (0271) 5991146',
      'Email : perpussukoharjo@gmail.com',
      'Website : https://dispusip.sukoharjokab.go.id',
      'Instagram : @dispusip_sukoharjo',
      'Youtube : Dispusip Sukoharjo',
      'WhatsApp : 0856 4011 7950',
      'Aplikasi LAPOR!',
    ],
  },
  roles: [
    { id: 'kabid_perpustakaan', label: 'Kepala Bidang Perpustakaan', jabatan: 'Kepala Bidang Perpustakaan', relation: 'direct' },
    { id: 'sub_koordinator', label: 'Subkoordinator', jabatan: 'Subkoordinator Pembinaan Perpustakaan', relation: 'indirect', reportsTo: 'kabid_perpustakaan' },
    { id: 'petugas_monev', label: 'Petugas (monev dan pembinaan perpustakaan)', jabatan: 'Pustakawan' },
  ],
  startStep: 1,
  cancelRoles: ['kabid_perpustakaan', 'sub_koordinator'],
  steps: [
    {
      no: 1,
      kind: 'process',
      activity:
        'Kepala bidang perpustakaan, sub koordinator serta petugas melakukan koordinasi terkait pelaksanaan monitoring dan evaluasi (monev) penyelenggaraan perpustakaan di wilayah Kabupaten Sukoharjo.',
      actors: ['kabid_perpustakaan', 'sub_koordinator', 'petugas_monev'],
      actorNote: 'Tertulis dalam kegiatan: Kepala bidang perpustakaan, sub koordinator serta petugas; salah satunya mencatat hasil koordinasi.',
      kelengkapan: [
        {
          type: 'data',
          id: 'perpustakaan_sasaran',
          label: 'Perpustakaan sasaran monev (sekolah, instansi, kelompok masyarakat)',
          dataType: 'list',
        },
      ],
      waktu: null,
      output: null,
      next: 2,
    },
    {
      no: 2,
      kind: 'process',
      activity:
        'Petugas membuat surat pemberitahuan dilampiri dengan jadwal monev untuk dikirimkan ke Dinas Pendidikan dan Kebudayaan serta Kantor Kementerian Agama Kabupaten Sukoharjo atau institusi lain penyelenggara perpustakaan.',
      actors: ['petugas_monev'],
      actorNote: 'Tertulis dalam kegiatan: "Petugas".',
      kelengkapan: [
        {
          type: 'data',
          id: 'rincian_jadwal_monev',
          label: 'Jadwal monev: tanggal dan perpustakaan yang dikunjungi (satu baris per kunjungan)',
          dataType: 'list',
        },
        {
          type: 'data',
          id: 'penerima_pemberitahuan',
          label: 'Penerima surat pemberitahuan: instansi atau jabatan, satu per baris (misalnya Dinas Pendidikan dan Kebudayaan Kabupaten Sukoharjo)',
          dataType: 'list',
        },
        sifat('sifat_pemberitahuan_monev'),
        { type: 'document', id: 'surat_pemberitahuan_monev', label: 'Surat pemberitahuan monev', source: 'produced' },
        { type: 'document', id: 'jadwal_monev', label: 'Jadwal monev (lampiran surat)', source: 'produced' },
      ],
      waktu: null,
      output: null,
      produces: [
        {
          id: 'surat_pemberitahuan_monev',
          label: 'Surat pemberitahuan monev',
          template: 'surat_pemberitahuan_monev',
          variant: 'monev',
          lampiran: ['jadwal_monev'],
          fields: { penerima: 'penerima_pemberitahuan', sifat: 'sifat_pemberitahuan_monev', jadwal: 'rincian_jadwal_monev' },
        },
        { id: 'jadwal_monev', label: 'Jadwal monev', template: 'jadwal_kegiatan', variant: 'monev', fields: { jadwal: 'rincian_jadwal_monev' } },
      ],
      next: 3,
    },
    {
      no: 3,
      kind: 'process',
      activity:
        'Dinas Pendidikan dan Kebudayaan serta Kantor Kementerian Agama Kabupaten Sukoharjo atau institusi lain penyelenggara perpustakaan menyebarluaskan surat dan jadwal monev perpustakaan.',
      performer: 'institution',
      performerLabel: SPREADING_INSTITUTIONS,
      actors: ['petugas_monev'],
      actorNote:
        'Dilakukan oleh Dinas Pendidikan dan Kebudayaan / Kantor Kementerian Agama (di luar dinas); Petugas yang mengirim surat (langkah 2) mencatat bahwa surat dan jadwal telah disebarluaskan.',
      kelengkapan: [
        { type: 'document', id: 'surat_pemberitahuan_monev', label: 'Surat pemberitahuan monev', source: 'case' },
        { type: 'document', id: 'jadwal_monev', label: 'Jadwal monev', source: 'case' },
        {
          type: 'data',
          id: 'bukti_penyebarluasan',
          label: 'Tautan bukti penyebarluasan (surat edaran/pesan, bila ada)',
          dataType: 'url',
          optional: true,
        },
      ],
      waktu: null,
      output: null,
      next: 4,
    },
    {
      no: 4,
      kind: 'process',
      activity:
        'Petugas datang ke perpustakaan untuk melakukan monev dengan membawa surat tugas sesuai jadwal yang telah diinformasikan.',
      actors: ['petugas_monev'],
      actorNote: 'Tertulis dalam kegiatan: "Petugas".',
      kelengkapan: [
        petugas('nama_petugas', 'Petugas monev yang ditugaskan'),
        { type: 'document', id: 'surat_tugas_monev', label: 'Surat tugas monev', source: 'produced' },
        { type: 'document', id: 'jadwal_monev', label: 'Jadwal monev', source: 'case' },
      ],
      waktu: null,
      output: null,
      keterangan: 'Surat tugas yang dibawa petugas dibuat di langkah ini dari templat (ditandatangani Kepala Bidang), dengan dasar surat pemberitahuan monev.',
      produces: [
        {
          id: 'surat_tugas_monev',
          label: 'Surat tugas monev',
          template: 'surat_tugas',
          variant: 'monev',
          dasar: ['surat_pemberitahuan_monev'],
          fields: { petugas: 'nama_petugas', jadwal: 'rincian_jadwal_monev' },
        },
      ],
      next: 5,
    },
    {
      no: 5,
      kind: 'process',
      activity: 'Petugas melakukan monev dan melaporkan hasil monev.',
      actors: ['petugas_monev'],
      actorNote: 'Tertulis dalam kegiatan: "Petugas".',
      kelengkapan: [
        {
          type: 'data',
          id: 'hasil_monev',
          label: 'Hasil monev per perpustakaan terhadap Standar Nasional Perpustakaan',
          dataType: 'longtext',
        },
        { type: 'document', id: 'laporan_monev', label: 'Laporan monitoring dan evaluasi perpustakaan', source: 'produced' },
      ],
      waktu: null,
      output: null,
      produces: [{ id: 'laporan_monev', label: 'Laporan monitoring dan evaluasi perpustakaan', template: 'laporan_monev', fields: { jadwal: 'rincian_jadwal_monev' } }],
      next: 6,
    },
    {
      no: 6,
      kind: 'process',
      activity:
        'Kepala bidang perpustakaan, sub koordinator serta petugas berkoordinasi terkait perpustakaan yang akan dibina untuk pengajuan akreditasi berdasarkan laporan monev.',
      actors: ['kabid_perpustakaan', 'sub_koordinator', 'petugas_monev'],
      actorNote: 'Tertulis dalam kegiatan: Kepala bidang perpustakaan, sub koordinator serta petugas.',
      kelengkapan: [
        { type: 'document', id: 'laporan_monev', label: 'Laporan monev', source: 'case' },
        {
          type: 'data',
          id: 'perpustakaan_dibina',
          label: 'Perpustakaan yang akan dibina untuk pengajuan akreditasi',
          dataType: 'list',
        },
      ],
      waktu: null,
      output: null,
      next: 7,
    },
    {
      no: 7,
      kind: 'process',
      activity:
        'Petugas menyusun surat pemberitahuan serta jadwal pembinaan dan pendampingan perpustakaan yang akan dibina dalam rangka pengajuan akreditasi.',
      actors: ['petugas_monev'],
      actorNote: 'Tertulis dalam kegiatan: "Petugas".',
      kelengkapan: [
        {
          type: 'data',
          id: 'rincian_jadwal_pembinaan',
          label: 'Jadwal pembinaan dan pendampingan: tanggal dan perpustakaan (satu baris per kunjungan)',
          dataType: 'list',
        },
        sifat('sifat_pemberitahuan_pembinaan'),
        { type: 'document', id: 'surat_pemberitahuan_pembinaan', label: 'Surat pemberitahuan pembinaan', source: 'produced' },
        { type: 'document', id: 'jadwal_pembinaan', label: 'Jadwal pembinaan dan pendampingan', source: 'produced' },
      ],
      waktu: null,
      output: null,
      produces: [
        {
          id: 'surat_pemberitahuan_pembinaan',
          label: 'Surat pemberitahuan pembinaan dan pendampingan akreditasi',
          template: 'surat_pemberitahuan_monev',
          variant: 'pembinaan',
          lampiran: ['jadwal_pembinaan'],
          fields: { penerima: 'perpustakaan_dibina', sifat: 'sifat_pemberitahuan_pembinaan', jadwal: 'rincian_jadwal_pembinaan', tembusan: 'penerima_pemberitahuan' },
        },
        { id: 'jadwal_pembinaan', label: 'Jadwal pembinaan dan pendampingan perpustakaan', template: 'jadwal_kegiatan', variant: 'pembinaan', fields: { jadwal: 'rincian_jadwal_pembinaan' } },
      ],
      next: 8,
    },
    {
      no: 8,
      kind: 'process',
      activity: 'Petugas datang untuk melakukan pembinaan dan pendampingan untuk akreditasi dengan membawa surat tugas.',
      actors: ['petugas_monev'],
      actorNote: 'Tertulis dalam kegiatan: "Petugas".',
      kelengkapan: [
        petugas('nama_petugas_pembinaan', 'Petugas pembinaan yang ditugaskan'),
        { type: 'document', id: 'surat_tugas_pembinaan', label: 'Surat tugas pembinaan', source: 'produced' },
        { type: 'document', id: 'jadwal_pembinaan', label: 'Jadwal pembinaan dan pendampingan', source: 'case' },
        {
          type: 'data',
          id: 'catatan_pembinaan',
          label: 'Catatan konseling dan pembinaan administrasi serta automasi',
          dataType: 'longtext',
          optional: true,
        },
      ],
      waktu: null,
      output: null,
      keterangan: 'Surat tugas yang dibawa petugas dibuat di langkah ini dari templat (ditandatangani Kepala Bidang), dengan dasar surat pemberitahuan pembinaan.',
      produces: [
        {
          id: 'surat_tugas_pembinaan',
          label: 'Surat tugas pembinaan',
          template: 'surat_tugas',
          variant: 'pembinaan',
          dasar: ['surat_pemberitahuan_pembinaan'],
          fields: { petugas: 'nama_petugas_pembinaan', jadwal: 'rincian_jadwal_pembinaan' },
        },
      ],
      next: 9,
    },
    {
      no: 9,
      kind: 'terminator',
      activity: 'Pendampingan saat proses akreditasi oleh perwakilan dari Dinas Perpustakaan dan Kearsipan Kabupaten Sukoharjo.',
      actors: ['petugas_monev', 'sub_koordinator', 'kabid_perpustakaan'],
      actorNote:
        'Kegiatan menyebut "perwakilan dari Dinas Perpustakaan dan Kearsipan"; disimpulkan petugas yang membina (langkah 8), atau sub koordinator / kepala bidang.',
      kelengkapan: [
        {
          type: 'data',
          id: 'nilai_akreditasi',
          label: 'Nilai akreditasi perpustakaan (predikat dan/atau skor)',
          dataType: 'text',
        },
      ],
      waktu: null,
      output: null,
      outcome: 'Pendampingan akreditasi selesai; nilai akreditasi perpustakaan tercatat',
    },
  ],
} satisfies SopDefinitionInput;
