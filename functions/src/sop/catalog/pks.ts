// Prosedur Pembuatan Surat Perjanjian Kerjasama Perpustakaan (seed 002, third table): 12 steps from
// the proposal to the signing schedule, with the Kepala Dinas's approval decision and the legal
// opinion of the Bagian Hukum Sekretariat Daerah.
import type { SopDefinitionInput } from '../schema.ts';
import { jabatanPimpinan, sifat } from './shared.ts';

const LEGAL_BUREAU = 'Bagian Hukum Sekretariat Daerah';

export const pks = {
  id: 'pks',
  version: 1,
  title: 'Prosedur Pembuatan Surat Perjanjian Kerjasama Perpustakaan',
  code: 'PKS',
  source: 'seeds/002_13bacb4177748aad.txt: PROSEDUR PEMBUATAN SURAT PERJANJIAN KERJASAMA PERPUSTAKAAN',
  roles: [
    { id: 'kasi_layanan', label: 'Kasi Layanan, Otomasi dan Kerjasama Perpustakaan', jabatan: 'Kepala Seksi Layanan, Otomasi dan Kerja Sama', relation: 'indirect', reportsTo: 'kabid_perpustakaan' },
    { id: 'kabid_perpustakaan', label: 'Kepala Bidang Perpustakaan', jabatan: 'Kepala Bidang Perpustakaan', relation: 'direct' },
    { id: 'kepala_dinas', label: 'Kepala Dinas', jabatan: 'Kepala Dinas', relation: 'head' },
  ],
  startStep: 1,
  cancelRoles: ['kepala_dinas', 'kabid_perpustakaan'],
  steps: [
    {
      no: 1,
      kind: 'process',
      activity:
        'Melakukan inisiatif untuk melakukan kerjasama dengan pihak lain atau menerima surat penawaran kerjasama dari pihak lain',
      actors: ['kasi_layanan'],
      actorNote:
        'Disimpulkan: Kasi Layanan, Otomasi dan Kerjasama Perpustakaan (tugas kerjasama), yang pada langkah 2 menyampaikan usulan kepada kepala bidang.',
      kelengkapan: [
        { type: 'data', id: 'nama_pihak_lain', label: 'Nama lembaga, organisasi atau perorangan pihak lain', dataType: 'text' },
        { type: 'data', id: 'ide_gagasan_peluang', label: 'Ide, Gagasan, Peluang kerjasama', dataType: 'longtext' },
        {
          type: 'data',
          id: 'surat_penawaran_pihak_lain',
          label: 'Tautan surat penawaran kerjasama dari pihak lain (bila kerjasama ditawarkan pihak lain)',
          dataType: 'url',
          optional: true,
        },
        { type: 'data', id: 'nomor_surat_penawaran', label: 'Nomor surat penawaran pihak lain (bila ada; dikutip dalam surat permohonan)', dataType: 'text', optional: true },
        { type: 'data', id: 'tanggal_surat_penawaran', label: 'Tanggal surat penawaran pihak lain (bila ada)', dataType: 'date', optional: true },
        jabatanPimpinan('jabatan_pimpinan_pihak_lain', 'nama_pihak_lain', 'Jabatan pimpinan pihak lain (Yth. ...), misalnya Kepala SMA Negeri 1 Paringin'),
        { type: 'data', id: 'alamat_pihak_lain', label: 'Alamat pihak lain', dataType: 'text' },
        sifat('sifat_surat_permohonan'),
        { type: 'document', id: 'surat_permohonan_kerjasama', label: 'Surat permohonan kerjasama', source: 'produced' },
      ],
      waktu: '60 menit',
      output: 'surat permohonan kerjasama',
      produces: [
        {
          id: 'surat_permohonan_kerjasama',
          label: 'Surat permohonan kerjasama',
          template: 'surat_dinas',
          variant: 'permohonan_kerja_sama',
          fields: {
            instansi: 'nama_pihak_lain',
            jabatan_penerima: 'jabatan_pimpinan_pihak_lain',
            alamat: 'alamat_pihak_lain',
            sifat: 'sifat_surat_permohonan',
            nomor_surat_masuk: 'nomor_surat_penawaran',
            tanggal_surat_masuk: 'tanggal_surat_penawaran',
          },
        },
      ],
      next: 2,
    },
    {
      no: 2,
      kind: 'process',
      activity:
        'Menyampaikan usulan pengajuan kerjasama kepada kepala bidang sebagai bahan masukan dan pertimbangan kepada pimpinan',
      actors: ['kasi_layanan'],
      actorNote: 'Disimpulkan: Kasi Layanan, Otomasi dan Kerjasama Perpustakaan, yang menyampaikan usulan kepada kepala bidang (atasannya).',
      kelengkapan: [
        {
          type: 'data',
          id: 'ide_gagasan_peluang',
          label: 'Ide, Gagasan, Peluang kerjasama (dari langkah 1; perbarui bila perlu)',
          dataType: 'longtext',
          optional: true,
        },
        { type: 'document', id: 'surat_permohonan_kerjasama', label: 'Surat permohonan kerjasama', source: 'case' },
        { type: 'data', id: 'waktu_rapat_internal', label: 'Waktu pelaksanaan rapat internal', dataType: 'datetime' },
      ],
      waktu: '30 menit',
      output: 'Waktu pelaksanaan rapat internal',
      next: 3,
    },
    {
      no: 3,
      kind: 'process',
      activity:
        'Melakukan koordinasi melalui penyelenggaraan rapat internal pembahasan peluang kerjasama beserta manfaat dan resiko',
      actors: ['kabid_perpustakaan', 'kasi_layanan'],
      actorNote:
        'Disimpulkan: Kepala Bidang Perpustakaan menyelenggarakan rapat internal atas usulan Kasi (langkah 2); Kasi juga diizinkan mencatat hasil rapat (notulensi).',
      kelengkapan: [
        {
          type: 'data',
          id: 'ide_gagasan_peluang',
          label: 'Ide, Gagasan, Peluang kerjasama (dari langkah 1; perbarui bila perlu)',
          dataType: 'longtext',
          optional: true,
        },
        { type: 'document', id: 'surat_permohonan_kerjasama', label: 'Surat permohonan kerjasama', source: 'case' },
        { type: 'office', id: 'atk', label: 'ATK' },
        { type: 'office', id: 'komputer', label: 'Komputer' },
        { type: 'office', id: 'jaringan_internet', label: 'jaringan Internet' },
        { type: 'office', id: 'printer', label: 'printer' },
        { type: 'data', id: 'manfaat_dan_resiko', label: 'Manfaat dan Resiko pelaksanaan kerjasama (hasil rapat)', dataType: 'longtext' },
        // What the minutes print of the meeting itself: when (from step 2, updated when it moved), where, who.
        { type: 'data', id: 'waktu_rapat_internal', label: 'Waktu rapat internal (isi bila berbeda dari rencana langkah 2)', dataType: 'datetime', optional: true },
        { type: 'data', id: 'tempat_rapat', label: 'Tempat rapat internal', dataType: 'text' },
        { type: 'data', id: 'pimpinan_rapat', label: 'Pimpinan rapat (e-mail atau nama pegawai)', dataType: 'text' },
        { type: 'data', id: 'peserta_rapat', label: 'Peserta rapat (e-mail atau nama pegawai, atau nama dan jabatan peserta dari luar; satu per baris)', dataType: 'list' },
        { type: 'document', id: 'notulensi_rapat', label: 'Hasil notulensi rapat internal', source: 'produced' },
      ],
      waktu: '120 - 180 menit',
      output: 'Manfaat dan Resiko pelaksanaan kerjasama',
      produces: [
        {
          id: 'notulensi_rapat',
          label: 'Notulensi rapat internal: manfaat dan resiko pelaksanaan kerjasama',
          template: 'notula_rapat',
          fields: { instansi: 'nama_pihak_lain', tanggal: 'waktu_rapat_internal' },
        },
      ],
      next: 4,
    },
    {
      no: 4,
      kind: 'process',
      activity: 'Menyampaikan surat permohonan ijin persetujuan kerjasama bidang perpustakaan kepada Kepala Dinas',
      actors: ['kabid_perpustakaan', 'kasi_layanan'],
      actorNote:
        'Disimpulkan: surat dari bidang perpustakaan kepada Kepala Dinas, ditandatangani Kepala Bidang Perpustakaan (langkah 5 menyebut "informasi Kepala Bidang"); konsepnya disiapkan Kasi (kelengkapan ATK, komputer, printer), maka keduanya diizinkan. Diragukan.',
      kelengkapan: [
        { type: 'document', id: 'notulensi_rapat', label: 'Hasil Notulensi rapat internal', source: 'case' },
        { type: 'office', id: 'atk', label: 'ATK' },
        { type: 'office', id: 'komputer', label: 'Komputer' },
        { type: 'office', id: 'printer', label: 'Printer' },
        sifat('sifat_nota_permohonan', 'nota dinas'),
        { type: 'document', id: 'surat_permohonan_ijin', label: 'Surat permohonan ijin persetujuan kerjasama', source: 'produced' },
      ],
      waktu: '30 menit',
      output: 'Surat permohonan ijin',
      produces: [
        {
          id: 'surat_permohonan_ijin',
          label: 'Surat permohonan ijin persetujuan kerjasama bidang perpustakaan',
          template: 'nota_dinas_permohonan_izin',
          kepada: ['kepala_dinas'],
          lampiran: ['notulensi_rapat'],
          fields: { instansi: 'nama_pihak_lain', sifat: 'sifat_nota_permohonan' },
        },
      ],
      next: 5,
    },
    {
      no: 5,
      kind: 'decision',
      activity:
        'Jika ya, maka surat ijin persetujuan diberikan untuk melaksanakan kegiatan kerjasama bidang perpustakaan, jika tidak, perlu dipertimbangkan kembali dan diperbaiki',
      actors: ['kepala_dinas'],
      actorNote: 'Disimpulkan: Kepala Dinas, penerima surat permohonan ijin pada langkah 4 dan pemberi surat ijin persetujuan.',
      question: 'Apakah Kepala Dinas menyetujui kerjasama bidang perpustakaan ini?',
      kelengkapan: [
        { type: 'document', id: 'notulensi_rapat', label: 'Hasil Notulensi rapat internal', source: 'case' },
        {
          type: 'document',
          id: 'surat_permohonan_ijin',
          label: 'informasi Kepala Bidang Perpustakaan (surat permohonan ijin)',
          source: 'case',
        },
        { type: 'data', id: 'catatan_kepala_dinas', label: 'Catatan Kepala Dinas (hal yang perlu dipertimbangkan kembali dan diperbaiki)', dataType: 'longtext', optional: true },
        sifat('sifat_nota_persetujuan', 'nota dinas persetujuan'),
      ],
      waktu: '60 - 120 Menit',
      output: 'Surat persetujuan',
      keterangan:
        'Jika tidak disetujui, usulan kembali ke rapat internal (langkah 3): "dipertimbangkan kembali" berarti manfaat dan resiko kerjasama dibahas ulang, lalu surat permohonan ijin diperbaiki (langkah 4).',
      ifYes: {
        to: 6,
        label: 'Ya: berikan surat ijin persetujuan',
        produces: [
          {
            id: 'surat_persetujuan',
            label: 'Surat ijin persetujuan kerjasama bidang perpustakaan',
            template: 'nota_dinas_persetujuan',
            kepada: ['kabid_perpustakaan'],
            fields: { instansi: 'nama_pihak_lain', sifat: 'sifat_nota_persetujuan', catatan: 'catatan_kepala_dinas' },
          },
        ],
      },
      ifNo: { to: 3, label: 'Tidak: pertimbangkan kembali dan perbaiki' },
    },
    {
      no: 6,
      kind: 'process',
      activity: 'Memerintahkan Kasi Layanan, Otomasi dan Kerjasama Perpustakaan untuk membuat draft perjanjian kerjasama',
      actors: ['kabid_perpustakaan'],
      actorNote:
        'Disimpulkan: Kepala Bidang Perpustakaan, atasan langsung Kasi, setelah menerima surat ijin persetujuan Kepala Dinas. Bisa juga Kepala Dinas melalui disposisi; diragukan.',
      kelengkapan: [
        { type: 'office', id: 'atk', label: 'ATK' },
        { type: 'document', id: 'surat_permohonan_kerjasama', label: 'surat permohonan kerjasama', source: 'case' },
        { type: 'document', id: 'notulensi_rapat', label: 'hasil notulensi rapat internal', source: 'case' },
        { type: 'office', id: 'komputer', label: 'komputer' },
        { type: 'office', id: 'printer', label: 'printer' },
        { type: 'data', id: 'catatan_perintah', label: 'Catatan perintah kepada Kasi', dataType: 'longtext', optional: true },
        { type: 'document', id: 'draft_pks', label: 'Draft PKS', source: 'produced' },
      ],
      waktu: '60-120 menit',
      output: 'draft PKS',
      produces: [{ id: 'draft_pks', label: 'Draft PKS', template: 'draft_pks', variant: 'awal', fields: { instansi: 'nama_pihak_lain', alamat: 'alamat_pihak_lain' } }],
      keterangan: 'Draft PKS dibuat dari templat sebagai bahan kerja Kasi pada langkah 7.',
      next: 7,
    },
    {
      no: 7,
      kind: 'process',
      activity: 'Membuat draft Perjanjian kerjasama bersama Pihak lain',
      actors: ['kasi_layanan'],
      actorNote:
        'Disimpulkan: Kasi Layanan, Otomasi dan Kerjasama Perpustakaan, yang diperintah membuat draft pada langkah 6; pihak lain ikut menyusun tetapi langkah ini dicatat oleh Kasi.',
      kelengkapan: [
        { type: 'office', id: 'atk', label: 'ATK' },
        { type: 'document', id: 'surat_permohonan_kerjasama', label: 'surat permohonan kerjasama', source: 'case' },
        { type: 'document', id: 'notulensi_rapat', label: 'hasil notulensi rapat internal', source: 'case' },
        { type: 'office', id: 'komputer', label: 'komputer' },
        { type: 'office', id: 'printer', label: 'printer' },
        { type: 'document', id: 'draft_pks', label: 'Draft PKS (dari langkah 6)', source: 'case' },
        { type: 'document', id: 'draft_pks_para_pihak', label: 'Draf PKS para pihak', source: 'produced' },
        // The terms the draft is written from, agreed with the other party.
        { type: 'data', id: 'tentang_kerja_sama', label: 'Perihal kerja sama (tentang ...)', dataType: 'text' },
        { type: 'data', id: 'ruang_lingkup', label: 'Ruang lingkup kerja sama', dataType: 'longtext' },
        { type: 'data', id: 'jangka_waktu_kerja_sama', label: 'Jangka waktu kerja sama', dataType: 'text' },
        { type: 'data', id: 'nama_penandatangan_pihak_lain', label: 'Nama penanda tangan pihak lain', dataType: 'text' },
        jabatanPimpinan('jabatan_penandatangan_pihak_lain', 'nama_pihak_lain', 'Jabatan penanda tangan pihak lain'),
      ],
      waktu: '120 - 180 menit',
      output: 'draf PKS PARA PIHAK',
      produces: [{ id: 'draft_pks_para_pihak', label: 'Draf PKS para pihak', template: 'draft_pks', variant: 'para_pihak', fields: { instansi: 'nama_pihak_lain', alamat: 'alamat_pihak_lain' } }],
      next: 8,
    },
    {
      no: 8,
      kind: 'process',
      activity:
        'Meminta bantuan hukum untuk memberikan opini hukum terhadap draft perjanjian kerjasama yang telah disusun kedua belah pihak',
      actors: ['kasi_layanan'],
      actorNote:
        'Disimpulkan: Kasi Layanan, Otomasi dan Kerjasama Perpustakaan, pemegang draft para pihak. Permintaan resmi ke Bagian Hukum mungkin ditandatangani pimpinan; diragukan.',
      kelengkapan: [
        { type: 'document', id: 'draft_pks_para_pihak', label: 'Draft PKS (draf PKS para pihak)', source: 'case' },
        { type: 'document', id: 'surat_permohonan_kerjasama', label: 'surat permohonan kerjasama', source: 'case' },
        { type: 'document', id: 'notulensi_rapat', label: 'hasil notulensi rapat internal', source: 'case' },
        { type: 'document', id: 'surat_persetujuan', label: 'surat ijin pimpinan (surat ijin persetujuan Kepala Dinas)', source: 'case' },
      ],
      waktu: '30 menit',
      output: 'draf PKS PARA PIHAK',
      keterangan: 'Draf PKS para pihak (langkah 7) dikirim ke Bagian Hukum Sekretariat Daerah; tidak ada dokumen baru.',
      next: 9,
    },
    {
      no: 9,
      kind: 'process',
      activity:
        'Memberikan opini hukum terhadap draft surat perjanjian kerjasama dan saran perbaikan pada diktum ketentuan pasal dan ayat yang tercantum dalam draft surat perjanjian kerjasama',
      performer: 'institution',
      performerLabel: LEGAL_BUREAU,
      actors: ['kasi_layanan'],
      actorNote:
        'Dilakukan oleh Bagian Hukum Sekretariat Daerah (di luar dinas); Kasi Layanan, Otomasi dan Kerjasama Perpustakaan mencatat dan melampirkan draft yang kembali dengan opini hukum.',
      kelengkapan: [
        { type: 'document', id: 'draft_pks_para_pihak', label: 'Draft PKS (draf PKS para pihak)', source: 'case' },
        { type: 'document', id: 'surat_permohonan_kerjasama', label: 'surat permohonan kerjasama', source: 'case' },
        { type: 'document', id: 'notulensi_rapat', label: 'hasil notulensi rapat internal', source: 'case' },
        { type: 'document', id: 'surat_persetujuan', label: 'surat ijin pimpinan (surat ijin persetujuan Kepala Dinas)', source: 'case' },
        {
          type: 'document',
          id: 'draft_pks_opini_hukum',
          label: 'Draft PKS PARA PIHAK dengan opini hukum dari Bagian Hukum (tautan atau pindaian)',
          source: 'input',
        },
      ],
      waktu: '1 hari',
      output: 'Draft PKS PARA PIHAK dengan opini hukum',
      keterangan: 'Dokumen keluaran berasal dari Bagian Hukum Sekretariat Daerah: dilampirkan (tautan) oleh pencatat, bukan dibuat dari templat.',
      next: 10,
    },
    {
      no: 10,
      kind: 'process',
      activity: 'Melakukan revisi Draft Surat Perjanjian Kerjasama',
      actors: ['kasi_layanan'],
      actorNote: 'Disimpulkan: Kasi Layanan, Otomasi dan Kerjasama Perpustakaan, penyusun draft (langkah 7).',
      kelengkapan: [
        { type: 'document', id: 'draft_pks_opini_hukum', label: 'Draft PKS PARA PIHAK dengan opini hukum', source: 'case' },
        {
          type: 'document',
          id: 'draft_pks_revisi',
          label: 'Draft PKS PARA PIHAK perbaikan pertimbangan bagian hukum',
          source: 'produced',
        },
      ],
      waktu: '15- 30 menit',
      output: 'Draft PKS PARA PIHAK perbaikan pertimbangan bagian hukum',
      produces: [
        {
          id: 'draft_pks_revisi',
          label: 'Draft PKS PARA PIHAK perbaikan pertimbangan bagian hukum',
          template: 'draft_pks',
          variant: 'revisi',
          fields: { instansi: 'nama_pihak_lain', alamat: 'alamat_pihak_lain' },
        },
      ],
      next: 11,
    },
    {
      no: 11,
      kind: 'process',
      activity:
        'Melakukan koordinasi dan pembahasan dengan pihak lain untuk membuat surat perjanjian kerjasama bersifat final dan melaksanakan kegiatan kerjasama beserta penomoran PKS Kedua belah pihak',
      actors: ['kasi_layanan'],
      actorNote:
        'Disimpulkan: Kasi Layanan, Otomasi dan Kerjasama Perpustakaan (tugas kerjasama); pihak lain ikut membahas tetapi langkah ini dicatat oleh Kasi.',
      kelengkapan: [
        {
          type: 'document',
          id: 'draft_pks_revisi',
          label: 'Draft PKS PARA PIHAK perbaikan pertimbangan bagian hukum',
          source: 'case',
        },
        { type: 'data', id: 'nomor_pks_pihak_lain', label: 'Nomor PKS pihak lain', dataType: 'text' },
        { type: 'document', id: 'draft_pks_final', label: 'Draft PKS Final', source: 'produced' },
      ],
      waktu: '60 - 120 menit',
      output: 'Draft PKS Final',
      keterangan:
        'Nomor PKS pihak lain dicatat di sini. Nomor PKS Dinas diambil dari register surat pada langkah 12, ketika tanggal penandatanganan ditetapkan, agar bulan dan tahun pada nomor sama dengan tanggal perjanjian; draf akhir ini bertanda DRAF, tanpa nomor dan tanggal.',
      produces: [
        {
          id: 'draft_pks_final',
          label: 'Draft PKS Final',
          template: 'draft_pks',
          variant: 'akhir',
          email: true,
          fields: { instansi: 'nama_pihak_lain', alamat: 'alamat_pihak_lain' },
        },
      ],
      next: 12,
    },
    {
      no: 12,
      kind: 'terminator',
      activity:
        'Menentukan waktu dan tempat pelaksanaan penandatanganan surat perjanjian kerjasama dengan pihak lain',
      actors: ['kasi_layanan'],
      actorNote:
        'Disimpulkan: Kasi Layanan, Otomasi dan Kerjasama Perpustakaan, yang menyesuaikan jadwal pimpinan kedua belah pihak; pihak lain ikut menentukan tetapi langkah ini dicatat oleh Kasi.',
      kelengkapan: [
        { type: 'document', id: 'draft_pks_final', label: 'Draft PKS Final', source: 'case' },
        {
          type: 'checklist',
          id: 'jadwal_pimpinan',
          label: 'time schedule kegiatan pimpinan kedua belah pihak telah dicocokkan',
        },
        { type: 'data', id: 'waktu_penandatanganan', label: 'Waktu penandatanganan', dataType: 'datetime' },
        { type: 'data', id: 'tempat_penandatanganan', label: 'Tempat penandatanganan', dataType: 'text' },
        {
          type: 'data',
          id: 'nomor_pks_dinas',
          label: 'Nomor PKS Dinas (diberikan otomatis dari register surat, dengan bulan dan tahun tanggal penandatanganan)',
          dataType: 'text',
          assign: 'surat',
        },
        { type: 'document', id: 'pks_final', label: 'Surat Perjanjian Kerjasama', source: 'produced' },
      ],
      waktu: '60 - 120 menit',
      output: 'Surat Perjanjian Kerjasama',
      produces: [
        {
          id: 'pks_final',
          label: 'Surat Perjanjian Kerjasama',
          template: 'pks_final',
          fields: { instansi: 'nama_pihak_lain', alamat: 'alamat_pihak_lain', nomor: 'nomor_pks_dinas', tanggal: 'waktu_penandatanganan', tempat: 'tempat_penandatanganan' },
        },
      ],
      outcome: 'Surat Perjanjian Kerjasama siap ditandatangani pada waktu dan tempat yang ditetapkan',
    },
  ],
} satisfies SopDefinitionInput;
