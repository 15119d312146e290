// The partner forms of the seed SOPs, as data (Bahasa Indonesia): one per partner entry point, and
// one per step a partner performs or answers. Steps performed by a partner or another institution
// that have no form are listed in STAFF_RECORDED with the reason staff record them instead.
import { KUESIONER, UNSUR } from '../standards/ikm.ts';
import { SURVEY_SCALE, type Question } from './schema.ts';

/** The IKM survey form: one per agency, sent when a case closes, for every SOP. */
export const SURVEY_FORM_ID = 'survei_ikm';

const ref: Question = {
  id: 'kode_kasus',
  title: 'Kode kasus (terisi otomatis dari tautan; jangan diubah)',
  kind: 'reference',
  required: true,
  to: ['reference'],
};

const contact = (required: boolean): Question[] => [
  { id: 'nama_kontak', title: 'Nama narahubung', kind: 'short', required: true, to: ['data.nama_kontak'] },
  { id: 'email', title: 'Alamat e-mail (tanda terima dikirim ke sini)', kind: 'email', required, to: ['partner.email'] },
  { id: 'telepon', title: 'Nomor telepon/WhatsApp', help: 'Contoh: 0812 3456 7890 atau +62 812 3456 7890', kind: 'phone', required: true, to: ['partner.phone'] },
];

export const FORMS = [
  {
    id: 'kunjungan_permohonan',
    version: 1,
    sopId: 'kunjungan',
    title: 'Permohonan Kunjungan Resmi ke Perpustakaan',
    description: 'Isi formulir ini untuk mengajukan kunjungan resmi rombongan instansi/lembaga Anda ke perpustakaan. Kami akan membalas dengan surat jawaban.',
    mode: 'open',
    step: 1,
    next: 'Permohonan Anda diagendakan dan diperiksa jadwalnya; Kepala Bidang memutuskan, lalu kami mengirim surat jawaban ke e-mail Anda.',
    questions: [
      { id: 'instansi', title: 'Nama instansi/lembaga', kind: 'short', required: true, to: ['partner.name', 'data.nama_instansi'] },
      ...contact(true).map((q) => (q.id === 'email' ? { ...q, to: ['partner.email', 'data.email_kontak'] } : q)),
      { id: 'tanggal', title: 'Tanggal kunjungan yang diinginkan', kind: 'date', required: true, future: true, to: ['data.tanggal_kunjungan'] },
      { id: 'jam', title: 'Jam kunjungan yang diinginkan', kind: 'time', required: true, to: ['data.jam_kunjungan'] },
      { id: 'jumlah', title: 'Jumlah pengunjung', kind: 'integer', required: true, to: ['data.jumlah_pengunjung'] },
      { id: 'tujuan', title: 'Tujuan kunjungan', kind: 'paragraph', required: true, to: ['data.tujuan_kunjungan'] },
      { id: 'surat', title: 'Tautan surat permohonan kunjungan (Google Drive atau lainnya, dapat dibuka tanpa masuk)', kind: 'url', required: true, to: ['document.surat_kunjungan'] },
    ],
  },
  {
    id: 'pusling_permintaan',
    version: 1,
    sopId: 'pusling',
    title: 'Permintaan Layanan Perpustakaan Keliling',
    description: 'Sekolah, desa, TBM atau komunitas dapat meminta kunjungan mobil Perpustakaan Keliling. Isi waktu dan tempat yang diinginkan.',
    mode: 'open',
    next: 'Kepala Seksi Layanan akan menghubungi Anda untuk koordinasi, lalu jadwal kunjungan dikirim kepada Anda untuk dikonfirmasi.',
    questions: [
      { id: 'lembaga', title: 'Nama sekolah/desa/TBM/komunitas', kind: 'short', required: true, to: ['partner.name', 'data.pengguna_layanan'] },
      { id: 'lokasi', title: 'Alamat/lokasi kunjungan', kind: 'short', required: true, to: ['partner.address', 'data.lokasi_kunjungan'] },
      { id: 'waktu', title: 'Tanggal dan jam kunjungan yang diinginkan', kind: 'datetime', required: true, future: true, to: ['data.waktu_kunjungan'] },
      ...contact(true).map((q) => (q.id === 'email' ? { ...q, to: ['partner.email', 'data.email_pengguna_layanan'] } : q)),
      { id: 'jumlah', title: 'Perkiraan jumlah pemustaka', kind: 'integer', required: false, to: ['data.jumlah_pemustaka'] },
      { id: 'catatan', title: 'Catatan (opsional)', kind: 'paragraph', required: false, to: ['data.catatan_mitra'] },
    ],
  },
  {
    id: 'burt_peminjaman',
    version: 1,
    sopId: 'burt',
    title: 'Permohonan Peminjaman Kolektif Buku Rumah Tangga (BU RT)',
    description: 'Desa atau komunitas dapat meminjam buku secara kolektif untuk rumah tangga di wilayahnya.',
    mode: 'open',
    next: 'Petugas BU RT akan menghubungi Anda untuk sosialisasi dan kerja sama, lalu menyiapkan buku yang diminta.',
    questions: [
      { id: 'desa', title: 'Desa/kelurahan', kind: 'short', required: true, to: ['data.desa'] },
      { id: 'komunitas', title: 'Nama komunitas/kelompok', kind: 'short', required: true, to: ['partner.name', 'data.pihak_terkait'] },
      ...contact(true),
      { id: 'judul', title: 'Judul atau subjek buku yang diinginkan (satu per baris)', kind: 'list', required: true, to: ['data.list_judul_buku'] },
      { id: 'rumah_tangga', title: 'Jumlah rumah tangga', kind: 'integer', required: true, to: ['data.jumlah_rumah_tangga'] },
    ],
  },
  {
    id: 'pks_penawaran',
    version: 1,
    sopId: 'pks',
    title: 'Penawaran Kerja Sama (PKS) dengan Perpustakaan',
    description: 'Instansi atau lembaga dapat menawarkan kerja sama di bidang perpustakaan.',
    mode: 'open',
    next: 'Penawaran Anda dibahas dalam rapat internal; bila disetujui Kepala Dinas, kami menyusun draf perjanjian bersama Anda.',
    questions: [
      { id: 'instansi', title: 'Nama instansi/lembaga', kind: 'short', required: true, to: ['partner.name', 'data.nama_pihak_lain'] },
      { id: 'lingkup', title: 'Ruang lingkup kerja sama yang ditawarkan', kind: 'paragraph', required: true, to: ['data.ide_gagasan_peluang'] },
      ...contact(true),
      { id: 'alamat', title: 'Alamat instansi', kind: 'paragraph', required: false, to: ['partner.address'] },
      { id: 'surat', title: 'Tautan surat penawaran (opsional)', kind: 'url', required: false, to: ['data.surat_penawaran_pihak_lain'] },
    ],
  },
  {
    id: 'kitapun_pendaftaran',
    version: 1,
    sopId: 'kitapun',
    title: 'Pendaftaran Monev dan Pembinaan Akreditasi Perpustakaan (KITAPUN SENAPAS)',
    description: 'Perpustakaan sekolah, desa, instansi atau komunitas dapat mendaftar untuk monitoring, evaluasi dan pembinaan akreditasi. Layanan ini tidak dipungut biaya.',
    mode: 'open',
    next: 'Perpustakaan Anda dimasukkan dalam jadwal monev; surat pemberitahuan dan jadwal dikirim melalui dinas terkait.',
    questions: [
      { id: 'perpustakaan', title: 'Nama perpustakaan', kind: 'short', required: true, to: ['partner.name', 'data.perpustakaan_sasaran'] },
      {
        id: 'jenis',
        title: 'Jenis perpustakaan',
        kind: 'choice',
        required: true,
        options: [
          { value: 'sekolah', label: 'Perpustakaan sekolah/madrasah' },
          { value: 'desa', label: 'Perpustakaan desa/kelurahan' },
          { value: 'instansi', label: 'Perpustakaan instansi pemerintah' },
          { value: 'umum', label: 'Perpustakaan umum/komunitas/TBM' },
          { value: 'rumah_ibadah', label: 'Perpustakaan rumah ibadah' },
        ],
        to: ['data.jenis_perpustakaan'],
      },
      { id: 'npp', title: 'NPP (Nomor Pokok Perpustakaan), bila ada', kind: 'short', required: false, to: ['data.npp'] },
      { id: 'alamat', title: 'Alamat perpustakaan', kind: 'paragraph', required: true, to: ['partner.address'] },
      ...contact(true),
    ],
  },
  {
    id: 'pusling_konfirmasi',
    version: 1,
    sopId: 'pusling',
    title: 'Konfirmasi Jadwal Perpustakaan Keliling',
    description: 'Konfirmasikan jadwal kunjungan mobil Perpustakaan Keliling, atau minta jadwal lain.',
    mode: 'answer',
    step: 6,
    next: 'Bila jadwal sesuai, mobil Pusling datang sesuai jadwal; bila tidak, kami menyusun perubahan jadwal dan mengirimnya kembali kepada Anda.',
    questions: [
      ref,
      {
        id: 'keputusan',
        title: 'Apakah waktu dan tempat kegiatan sesuai?',
        kind: 'choice',
        required: true,
        options: [
          { value: 'yes', label: 'Ya, sesuai dan kami siap menerima' },
          { value: 'no', label: 'Tidak, kami minta waktu/tempat lain' },
        ],
        to: ['decision'],
      },
      { id: 'waktu', title: 'Waktu kegiatan (yang dikonfirmasi, atau usulan waktu lain)', kind: 'datetime', required: true, future: true, to: ['data.waktu_kunjungan'] },
      { id: 'lokasi', title: 'Tempat kegiatan', kind: 'short', required: true, to: ['data.lokasi_kunjungan'] },
      { id: 'jumlah', title: 'Perkiraan jumlah pemustaka', kind: 'integer', required: false, to: ['data.jumlah_pemustaka'] },
      { id: 'catatan', title: 'Catatan (opsional)', kind: 'paragraph', required: false, to: ['note'] },
    ],
  },
  {
    id: 'pks_tanggapan',
    version: 1,
    sopId: 'pks',
    title: 'Tanggapan atas Draf Perjanjian Kerja Sama',
    description: 'Sampaikan tanggapan instansi Anda atas draf perjanjian kerja sama yang kami kirim.',
    mode: 'respond',
    steps: [7, 8, 9, 10, 11],
    next: 'Tanggapan Anda dicatat pada berkas kerja sama dan dibahas dalam penyusunan draf akhir.',
    questions: [
      ref,
      {
        id: 'setuju',
        title: 'Tanggapan atas draf',
        kind: 'choice',
        required: true,
        options: [
          { value: 'setuju', label: 'Setuju tanpa perubahan' },
          { value: 'perubahan', label: 'Setuju dengan usulan perubahan' },
          { value: 'tidak', label: 'Belum dapat menyetujui' },
        ],
        to: ['data.tanggapan_draft_mitra'],
      },
      { id: 'usulan', title: 'Usulan perubahan/catatan', kind: 'paragraph', required: false, to: ['note'] },
      { id: 'tautan', title: 'Tautan draf dengan catatan (opsional)', kind: 'url', required: false, to: ['data.draft_tanggapan_mitra'] },
    ],
  },
  {
    id: 'kunjungan_buku_tamu',
    version: 1,
    sopId: 'kunjungan',
    title: 'Buku Tamu Kunjungan Resmi',
    description: 'Terima kasih atas kunjungan Anda. Isi buku tamu ini setelah kunjungan.',
    mode: 'answer',
    step: 9,
    next: 'Kunjungan Anda tercatat. Terima kasih.',
    questions: [
      ref,
      { id: 'hadir', title: 'Jumlah pengunjung yang hadir', kind: 'integer', required: true, to: ['data.jumlah_pengunjung_hadir'] },
      { id: 'kesan', title: 'Kesan dan saran', kind: 'paragraph', required: false, to: ['note'] },
    ],
  },
  {
    id: 'pengaduan',
    version: 1,
    sopId: 'pengaduan',
    title: 'Pengaduan, Saran dan Masukan Layanan Perpustakaan',
    description: 'Sampaikan pengaduan, saran atau masukan atas layanan perpustakaan. Setiap pengaduan dicatat, diteruskan ke seksi yang bertanggung jawab, dan dijawab melalui e-mail Anda.',
    mode: 'open',
    step: 1,
    next: 'Pengaduan Anda diteruskan kepada seksi yang bertanggung jawab; jawabannya kami kirim ke e-mail Anda dalam standar waktu pelayanan.',
    questions: [
      { id: 'nama', title: 'Nama Anda atau lembaga Anda', kind: 'short', required: true, to: ['partner.name'] },
      ...contact(true).filter((q) => q.id !== 'nama_kontak'),
      { id: 'layanan', title: 'Layanan yang diadukan', help: 'Misalnya: Perpustakaan Keliling, kunjungan resmi, pembinaan perpustakaan (KITAPUN SENAPAS)', kind: 'short', required: true, to: ['data.layanan_diadukan'] },
      { id: 'nomor_kasus', title: 'Nomor kasus atau tanda terima yang diadukan (bila ada)', help: 'Contoh: PUSLING/2026/0001', kind: 'short', required: false, to: ['data.nomor_kasus_terkait'] },
      { id: 'uraian', title: 'Uraian pengaduan, saran atau masukan', kind: 'paragraph', required: true, to: ['data.uraian_pengaduan'] },
    ],
  },
  {
    id: SURVEY_FORM_ID,
    version: 1,
    title: 'Survei Kepuasan Masyarakat (IKM) Layanan Perpustakaan',
    description:
      'Terima kasih telah menggunakan layanan kami. Survei ini mengukur kepuasan Anda atas layanan yang baru selesai (Permenpan-RB Nomor 14 Tahun 2017): sembilan pertanyaan dan satu saran, sekitar dua menit. Jawaban Anda dihitung dalam Indeks Kepuasan Masyarakat layanan tersebut.',
    mode: 'survey',
    next: 'Jawaban Anda dihitung dalam Indeks Kepuasan Masyarakat layanan ini. Terima kasih.',
    questions: [
      { ...ref, title: 'Kode layanan (terisi otomatis dari tautan; jangan diubah)' },
      ...UNSUR.map((unsur, i) => ({
        id: `u${i + 1}`,
        title: `${i + 1}. ${unsur}: ${KUESIONER[i]!.tanya}`,
        kind: 'choice' as const,
        required: true,
        options: SURVEY_SCALE.map((value, k) => ({ value, label: `${KUESIONER[i]!.skala[k]}` })),
        to: [`unsur.${i + 1}`],
      })),
      { id: 'saran', title: 'Saran dan masukan untuk perbaikan layanan (opsional)', kind: 'paragraph', required: false, to: ['saran'] },
    ],
  },
] as const satisfies readonly unknown[];

/** Partner or institution steps without a form, and why staff record them instead. */
export const STAFF_RECORDED: { sopId: string; step: number; reason: string }[] = [
  ...[3, 4, 5, 6].map((step) => ({
    sopId: 'referensi',
    step,
    reason: 'Pengunjung ruang baca dilayani langsung di meja layanan; petugas sirkulasi mencatat setiap pengunjung dan buku di "Meja baca" saat itu juga.',
  })),
  {
    sopId: 'pks',
    step: 9,
    reason: 'Bagian Hukum Sekretariat Daerah adalah unit pemerintah daerah yang menjawab dengan nota dinas resmi; Kasi melampirkan opini hukumnya pada kasus.',
  },
  {
    sopId: 'kitapun',
    step: 3,
    reason: 'Dinas Pendidikan dan Kebudayaan serta Kantor Kementerian Agama menyebarluaskan pemberitahuan dengan surat mereka sendiri; petugas monev mencatat buktinya.',
  },
];
