// SOP Bu RT (Buku Rumah Tangga), Dinas Perpustakaan dan Kearsipan Kabupaten Balangan: the six steps
// of seed 001 (a CamScanner OCR: obvious OCR garbage corrected, each fix noted in keterangan) with the
// programme roles of seed 000. The seed warns the steps must be done strictly in order.
import type { SopDefinitionInput } from '../schema.ts';
import { jabatanPimpinan, sifat } from './shared.ts';

export const burt = {
  id: 'burt',
  version: 1,
  title: 'SOP Bu RT (Buku Rumah Tangga)',
  code: 'BURT',
  source: 'seeds/001_a09e96108cb6be02.txt (SOP, OCR) dan seeds/000_cfabd0a5c7d08a61.txt (Petunjuk Teknis: uraian tugas)',
  legalBasis: [
    'Undang-Undang Nomor 43 Tahun 2007 tentang Perpustakaan (Lembaran Negara Republik Indonesia Tahun 2007 Nomor 129, Tambahan Lembaran Negara Republik Indonesia Nomor 4774)',
    'RPJM Visi Misi Bupati Balangan Tahun 2021 - 2026',
  ],
  warnings: [
    'Tata pelaksanaan Bu RT (Buku Rumah Tangga) harus dilakukan secara berurutan dengan tahapan-tahapan yang telah disesuaikan, jika tidak maka akan Kesulitan dalam melaksanakan kegiatan tersebut karena dalam kegiatan ini setiap tahapan saling berkesinambungan. Apabila tidak sesuai maka akan mengganggu kebijakan yang akan diambil oleh pimpinan.',
  ],
  roles: [
    {
      id: 'kepala_dinas',
      label: 'Kepala Dinas Perpustakaan dan Kearsipan (ketua, penanggung jawab)',
      jabatan: 'Kepala Dinas',
      relation: 'head',
    },
    { id: 'sekretaris_dinas', label: 'Sekretaris Dinas', jabatan: 'Sekretaris', relation: 'direct' },
    { id: 'inovator', label: 'Inovator dan admin inovasi', jabatan: 'Inovator dan Admin Inovasi' },
    {
      id: 'kabid_pembinaan',
      label: 'Kepala bidang pembinaan perpustakaan, pelestarian koleksi nasional dan naskah kuno (penelaah)',
      jabatan: 'Kepala Bidang Pembinaan Perpustakaan, Pelestarian Koleksi Nasional dan Naskah Kuno',
      relation: 'direct',
    },
    { id: 'penyuluh', label: 'Penyuluh perpustakaan (tim lapangan)', jabatan: 'Penyuluh Perpustakaan' },
  ],
  startStep: 1,
  cancelRoles: ['kepala_dinas', 'sekretaris_dinas', 'kabid_pembinaan'],
  steps: [
    {
      no: 1,
      kind: 'process',
      activity: 'Sosialisasi dengan pihak terkait.',
      actors: ['inovator', 'penyuluh'],
      actorNote:
        'Disimpulkan dari uraian tugas (seed 000): inovator dan admin inovasi melaksanakan rangkaian kegiatan, penyuluh perpustakaan adalah tim lapangan; sosialisasi tatap muka dan melalui sosial media dilakukan keduanya.',
      kelengkapan: [
        { type: 'data', id: 'sasaran_sosialisasi', label: 'Pihak terkait sasaran sosialisasi', dataType: 'text' },
        {
          type: 'data',
          id: 'metode_sosialisasi',
          label: 'Metode sosialisasi: Tatap Muka dan/atau Sosial Media',
          dataType: 'list',
        },
        { type: 'data', id: 'tautan_sosial_media', label: 'Tautan unggahan sosial media (bila ada)', dataType: 'url', optional: true },
      ],
      waktu: '30 Menit',
      output: 'Adanya ketertarikan masyarakat untuk ikut serta dalam kegiatan.',
      next: 2,
    },
    {
      no: 2,
      kind: 'process',
      activity: 'Kerjasama dengan pihak terkait ataupun dengan stakeholder lainnya.',
      actors: ['inovator', 'kepala_dinas'],
      actorNote:
        'Disimpulkan: inovator dan admin inovasi menyiapkan surat-surat dan MoU; Kepala Dinas (penanggung jawab administrasi) menandatangani MoU, maka juga diizinkan. Sekretaris Dinas disebut sebagai kolom pelaksana di seed 001 tetapi tanda pelaksananya hilang; tidak diberi langkah.',
      kelengkapan: [
        { type: 'data', id: 'pihak_terkait', label: 'Nama pihak terkait / stakeholder (pihak kedua MoU), misalnya Pemerintah Desa Batu Piring', dataType: 'text' },
        {
          type: 'document',
          id: 'kelengkapan_surat',
          label: 'Kelengkapan surat (surat koordinasi / surat hasil koordinasi dengan pihak terkait)',
          source: 'input',
        },
        // What the MoU needs to be signed: both parties' numbers and signatories, when and where.
        { type: 'data', id: 'alamat_pihak_terkait', label: 'Alamat (kedudukan) pihak terkait', dataType: 'text' },
        { type: 'data', id: 'nama_penandatangan_pihak_lain', label: 'Nama penanda tangan MoU pihak terkait', dataType: 'text' },
        jabatanPimpinan('jabatan_penandatangan_pihak_lain', 'pihak_terkait', 'Jabatan penanda tangan MoU pihak terkait, misalnya Kepala Desa Batu Piring'),
        { type: 'data', id: 'nomor_mou_pihak_lain', label: 'Nomor MoU dari pihak terkait', dataType: 'text' },
        { type: 'data', id: 'tentang_kerja_sama', label: 'Perihal MoU (tentang ...)', dataType: 'text' },
        { type: 'data', id: 'ruang_lingkup', label: 'Ruang lingkup kerja sama (satu butir per baris)', dataType: 'list' },
        { type: 'data', id: 'jangka_waktu_kerja_sama', label: 'Jangka waktu MoU, misalnya 2 (dua) tahun', dataType: 'text' },
        { type: 'data', id: 'tanggal_penandatanganan', label: 'Tanggal penandatanganan MoU', dataType: 'date' },
        { type: 'data', id: 'tempat_penandatanganan', label: 'Tempat penandatanganan MoU', dataType: 'text' },
        {
          type: 'data',
          id: 'nomor_mou_dinas',
          label: 'Nomor MoU Dinas (diberikan otomatis dari register surat, dengan bulan dan tahun tanggal penandatanganan)',
          dataType: 'text',
          assign: 'surat',
        },
        { type: 'document', id: 'mou', label: 'MoU dengan pihak terkait', source: 'produced' },
      ],
      waktu: '15 menit',
      output: 'Terlaksananya kerjasama dengan pihak terkait.',
      produces: [
        {
          id: 'mou',
          label: 'MoU dengan pihak terkait',
          template: 'nota_kesepahaman',
          fields: {
            instansi: 'pihak_terkait',
            alamat: 'alamat_pihak_terkait',
            nomor: 'nomor_mou_dinas',
            nomor_pihak_kedua: 'nomor_mou_pihak_lain',
            tanggal: 'tanggal_penandatanganan',
            tempat: 'tempat_penandatanganan',
          },
        },
      ],
      keterangan: 'Perbaikan OCR: tanda koma di akhir uraian kegiatan ("lainnya,") dibaca sebagai titik.',
      next: 3,
    },
    {
      no: 3,
      kind: 'process',
      activity: 'Peminjaman kolektif buku.',
      actors: ['inovator'],
      actorNote:
        'Tanda pelaksana yang tersisa di hasil pindaian ("\u2018L") ada di kolom Pelaksana, bukan Sekretaris Dinas atau Kepala Dinas; disimpulkan inovator dan admin inovasi yang mengurus surat permintaan dan balasannya.',
      kelengkapan: [
        {
          type: 'document',
          id: 'surat_permintaan_peminjaman',
          label: 'Surat permintaan peminjaman buku dari pihak terkait',
          source: 'input',
        },
        { type: 'document', id: 'balasan_surat', label: 'Balasan surat terkait', source: 'produced' },
        // The reply cites the request, lists the titles lent with their copies and says until when.
        { type: 'data', id: 'nomor_surat_permintaan', label: 'Nomor surat permintaan peminjaman', dataType: 'text' },
        { type: 'data', id: 'tanggal_surat_permintaan', label: 'Tanggal surat permintaan peminjaman', dataType: 'date' },
        jabatanPimpinan('jabatan_penerima', 'pihak_terkait'),
        { type: 'data', id: 'list_judul_buku', label: 'Daftar judul buku yang dipinjamkan', dataType: 'list' },
        { type: 'data', id: 'eksemplar_per_judul', label: 'Jumlah eksemplar per judul', dataType: 'integer' },
        { type: 'data', id: 'tanggal_pengembalian', label: 'Batas tanggal pengembalian buku', dataType: 'date' },
        sifat('sifat_balasan'),
      ],
      waktu: '15 menit',
      output: 'Terlaksananya peminjaman kolektif dengan pihak terkait.',
      produces: [
        {
          id: 'balasan_surat',
          label: 'Balasan surat permintaan peminjaman kolektif',
          template: 'balasan_peminjaman_kolektif',
          fields: { instansi: 'pihak_terkait', nomor_surat_masuk: 'nomor_surat_permintaan', tanggal_surat_masuk: 'tanggal_surat_permintaan', sifat: 'sifat_balasan' },
        },
      ],
      keterangan:
        'Perbaikan OCR: "kolekuf" menjadi "kolektif"; tanda pelaksana "\u2018L" dihapus dari uraian kegiatan. Kata "buku." dibaca sebagai akhir uraian kegiatan (bisa juga akhir kelengkapan "Surat permintaan peminjaman buku").',
      next: 4,
    },
    {
      no: 4,
      kind: 'process',
      activity: 'Penyaluran/distribusi buku dengan pihak terkait ataupun dengan stakeholder lainnya.',
      actors: ['penyuluh', 'inovator'],
      actorNote:
        'Tanda pelaksana yang tersisa ("v") ada di kolom Pelaksana; disimpulkan penyuluh perpustakaan (tim lapangan) yang menyalurkan buku, dibantu inovator dan admin inovasi.',
      kelengkapan: [
        { type: 'checklist', id: 'buku_diperlukan', label: 'Buku yang diperlukan' },
        { type: 'data', id: 'list_judul_buku', label: 'List judul buku', dataType: 'list' },
      ],
      waktu: '30 menit',
      output: 'Terlaksananya penyaluran buku dengan pihak terkait',
      keterangan: 'Perbaikan OCR: tanda pelaksana "v" dihapus dari uraian kegiatan.',
      next: 5,
    },
    {
      no: 5,
      kind: 'process',
      activity: 'Melaksanakan kegiatan pembinaan perpustakaan.',
      actors: ['penyuluh', 'kabid_pembinaan'],
      actorNote:
        'Disimpulkan dari seed 000: penyuluh perpustakaan sebagai tim lapangan "yang dikomando langsung oleh kepala bidang"; Kepala bidang pembinaan perpustakaan juga diizinkan karena memimpin pembinaan.',
      kelengkapan: [
        {
          type: 'document',
          id: 'surat_permintaan_pembinaan',
          label: 'Surat permintaan pembinaan perpustakaan',
          source: 'input',
        },
        {
          type: 'data',
          id: 'jadwal_pembinaan',
          label: 'Jadwal kegiatan pembinaan perpustakaan',
          dataType: 'datetime',
        },
      ],
      waktu: 'ljam',
      output: 'Terlaksananya kegiatan pembinaan perpustakaan.',
      keterangan:
        'Waktu "ljam" ditulis seperti di hasil pindaian (maksudnya 1 jam). Perbaikan OCR: koma di akhir kelengkapan "Jadwal kegiatan pembinaan perpustakaan," dihapus.',
      next: 6,
    },
    {
      no: 6,
      kind: 'terminator',
      activity: 'Turut serta dalam kegiatan pendampingan masyarakat.',
      actors: ['penyuluh'],
      actorNote: 'Disimpulkan: penyuluh perpustakaan, tim lapangan yang "terjun langsung ke lapangan" (kelengkapan).',
      kelengkapan: [
        {
          type: 'document',
          id: 'surat_koordinasi',
          label: 'Surat koordinasi dengan pihak terkait',
          source: 'input',
        },
        { type: 'checklist', id: 'terjun_ke_lapangan', label: 'Terjun langsung ke lapangan' },
        {
          type: 'data',
          id: 'kegiatan_pendampingan',
          label: 'Kegiatan pendampingan yang diikuti (nama kegiatan dan desa)',
          dataType: 'text',
        },
      ],
      waktu: '30 menit',
      output: 'Terlaksananya kegiatan pendampingan masyarakat. Seperti ikut serta dalam kegiatan di desa terkait.',
      keterangan:
        'Perbaikan OCR: "kegiatan )" menjadi "kegiatan". Baris penutup tabel: "Tercapainya masyarakat gemar membaca." | "Tersedianya bahan literasi. Banyak pilihan koleksi yang ditawarkan." | "Tercapainya masyarakat gemar membaca melalui berbagai pilihan buku bacaan yang menarik." ("l\'ercapainya" dibaca "Tercapainya").',
      outcome: 'Tercapainya masyarakat gemar membaca melalui berbagai pilihan buku bacaan yang menarik.',
    },
  ],
} satisfies SopDefinitionInput;
