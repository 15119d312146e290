// What each letter says: the placeholder values of a template, built from the step's LetterContext
// (case data by the catalog's field ids, the partner, the agency's letterhead, the signer, the
// reserved number, the step's date and note). Every placeholder of the template gets a non-empty
// string; optional data that is missing prints "-". Dates are shown in the agency's time zone.
import { capitalizeFirst, hariTanggal, jam, numberedLines, pembukaanPerjanjian, tanggalPanjang, tempatTanggal, terbilang, BULAN } from './format.ts';
import { DDC_CLASSES, templateById, type TemplateSpec } from './templates.ts';
import type { Fields, LetterContext } from './types.ts';

const DASH = '-';
/** A blank filled in by hand on the printed document (the other party's signatory). */
const BLANK = '..............................';

const ZONE_LABEL = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' } as const;

const PENUTUP = 'Demikian disampaikan, atas perhatian dan kerja sama Saudara diucapkan terima kasih.';
const KASI = 'Kepala Seksi Layanan, Otomasi dan Kerja Sama';
const KABID = 'Kepala Bidang Perpustakaan';

/**
 * The placeholder values of `templateId` for this context. Throws for an unknown template, and when a
 * builder leaves a placeholder of the template without a value (a programming error).
 */
export function buildFields(templateId: string, ctx: LetterContext): Fields {
  const spec = templateById(templateId);
  const builder = BUILDERS[templateId];
  if (!spec || !builder) throw new Error(`Templat surat "${templateId}" tidak dikenal`);
  const h = new Helpers(ctx, spec);
  const all: Record<string, string | undefined> = { ...common(h), ...builder(h) };
  const out: Fields = {};
  for (const p of spec.placeholders) {
    const v = all[p];
    if (v === undefined) throw new Error(`Templat surat "${templateId}": isian {{${p}}} tidak dibuat oleh buildFields`);
    out[p] = v.trim() === '' ? DASH : v;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading the context
// ---------------------------------------------------------------------------------------------

/** A value as one line of text, or undefined when it is missing or empty. */
function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return v ? 'Ya' : 'Tidak';
  if (Array.isArray(v)) {
    const items = listOf(v);
    return items.length ? items.join(', ') : undefined;
  }
  return undefined;
}

/** A list value (array, or one item per line of a string). */
function listOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(textOf).filter((x): x is string => x !== undefined);
  if (typeof v === 'string') return v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  return [];
}

function intOf(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** "25 (dua puluh lima) orang": numbers in naskah dinas are written in figures and words. */
function count(n: number, unit = ''): string {
  return `${n} (${terbilang(n)})${unit ? ` ${unit}` : ''}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('id-ID') + s.slice(1);
}

const SMALL_WORDS = new Set(['dan', 'atau', 'di', 'ke', 'dari', 'yang', 'untuk', 'pada']);

/** "KEPULAUAN BANGKA BELITUNG" -> "Kepulauan Bangka Belitung". */
function titleCase(s: string): string {
  return s
    .toLocaleLowerCase('id-ID')
    .split(/\s+/)
    .filter(Boolean)
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : capitalizeFirst(w)))
    .join(' ');
}

/** The jabatan of whoever heads an organisation, for "Yth. ...": "SMA Negeri 1 Paringin" -> "Kepala SMA Negeri 1 Paringin". */
export function pimpinanOf(name: string): string {
  const n = name.trim().replace(/^yth\.?\s+/i, '');
  if (/^(kepala|ketua|direktur|pimpinan|pengelola|rektor|camat|lurah|bupati|wali kota|walikota|gubernur|sekretaris|koordinator)\b/i.test(n)) return n;
  const kec = /^kecamatan\s+(.+)$/i.exec(n);
  if (kec) return `Camat ${kec[1]}`;
  const kel = /^kelurahan\s+(.+)$/i.exec(n);
  if (kel) return `Lurah ${kel[1]}`;
  if (/^(tbm|taman bacaan|taman baca|rumah baca|pojok baca)\b/i.test(n)) return `Pengelola ${n}`;
  if (/^(komunitas|yayasan|organisasi|forum|kelompok|perkumpulan|ikatan|himpunan|karang taruna|pkk|tim penggerak|rt|rw|rukun)\b/i.test(n)) return `Ketua ${n}`;
  if (/^(universitas|institut)\b/i.test(n)) return `Rektor ${n}`;
  if (/^(sd|smp|sma|smk|slb|mi|mts|ma|man|min|mtsn|sdn|smpn|sman|smkn|sekolah|madrasah|desa|dinas|kantor|badan|perpustakaan|puskesmas|upt|uptd|balai|bagian|bidang|seksi|lembaga)\b/i.test(n)) {
    return `Kepala ${n}`;
  }
  return `Pimpinan ${n}`;
}

/** One helper per build: the context plus the lookups every builder needs. */
class Helpers {
  readonly ctx: LetterContext;
  readonly spec: TemplateSpec;
  readonly zone: LetterContext['agency']['timeZone'];
  readonly zoneLabel: 'WIB' | 'WITA' | 'WIT';

  constructor(ctx: LetterContext, spec: TemplateSpec) {
    this.ctx = ctx;
    this.spec = spec;
    this.zone = ctx.agency.timeZone;
    this.zoneLabel = ZONE_LABEL[ctx.agency.timeZone] ?? 'WIB';
  }

  data(id: string): unknown {
    return this.ctx.case.data[id];
  }

  text(...ids: string[]): string | undefined {
    for (const id of ids) {
      const t = textOf(this.data(id));
      if (t !== undefined) return t;
    }
    return undefined;
  }

  list(id: string): string[] {
    return listOf(this.data(id));
  }

  /** The case's other party: the SOP's own field for it, else the case partner. */
  mitra(): string | undefined {
    return this.text('pengguna_layanan', 'nama_instansi', 'nama_pihak_lain', 'pihak_terkait') ?? textOf(this.ctx.case.partner?.name);
  }

  /** "Kabupaten Balangan", from the letterhead's "PEMERINTAH KABUPATEN BALANGAN". */
  wilayah(): string {
    const p = this.ctx.agency.letterhead.pemerintah.trim().replace(/^pemerintah\s+/i, '');
    return p ? titleCase(p) : this.ctx.agency.letterhead.kota;
  }

  /** "Bupati Balangan", "Wali Kota ...", "Gubernur ...". */
  kepalaDaerah(): string {
    const w = this.wilayah();
    const m = /^(kabupaten|kota|provinsi)\s+(.+)$/i.exec(w);
    if (!m) return `Kepala Daerah ${w}`;
    const kind = m[1]!.toLowerCase();
    return `${kind === 'kabupaten' ? 'Bupati' : kind === 'kota' ? 'Wali Kota' : 'Gubernur'} ${m[2]}`;
  }

  /** "Kepala Dinas Perpustakaan dan Kearsipan Kabupaten Balangan". */
  kepalaDinas(): string {
    return `Kepala ${this.ctx.agency.name}`;
  }

  /** The programme named by the SOP title, e.g. "Bu RT (Buku Rumah Tangga)". */
  program(): string {
    return this.ctx.case.sopTitle.replace(/^(SOP|Prosedur)\s+/i, '').trim();
  }

  /** Dates: undefined when the value is missing or not a date. */
  longDate(v: unknown): string | undefined {
    return this.tryDate(v, (s) => tanggalPanjang(s, this.zone));
  }

  dayDate(v: unknown): string | undefined {
    return this.tryDate(v, (s) => hariTanggal(s, this.zone));
  }

  /** "09.00 WITA"; undefined for a calendar date (no clock time). */
  clock(v: unknown): string | undefined {
    return this.tryDate(v, (s) => jam(s, this.zone, this.zoneLabel));
  }

  private tryDate(v: unknown, f: (s: string) => string): string | undefined {
    if (typeof v !== 'string' || v.trim() === '') return undefined;
    try {
      return f(v.trim());
    } catch {
      return undefined;
    }
  }

  /** The one who signs: the template's signer role when someone holds it, else the step's actor. */
  signer(): { name: string; jabatan: string; nip: string | undefined; pangkat: string | undefined } {
    const s = this.ctx.signer;
    if (s) return { name: s.name, jabatan: this.fullJabatan(s.jabatan), nip: s.nip, pangkat: s.pangkat };
    const a = this.ctx.actor;
    return { name: a.name, jabatan: this.fullJabatan(a.jabatan ?? ''), nip: a.nip, pangkat: a.pangkat };
  }

  private fullJabatan(j: string): string {
    const t = j.trim();
    if (t === '') return 'Petugas';
    if (/^kepala dinas$/i.test(t)) return this.kepalaDinas();
    return t;
  }

  signerIsHead(): boolean {
    return /^kepala dinas\b/i.test(this.signer().jabatan);
  }

  /** A schedule, one numbered line per visit; a line starting with an ISO date gets its day and date spelled out. */
  jadwal(items: string[]): string {
    return numberedLines(
      items.map((line) => {
        const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?\s*[-–—:,;|]?\s*(.*)$/.exec(line);
        if (!m) return line;
        const day = this.dayDate(m[1]);
        if (!day) return line;
        let when = day;
        if (m[2] !== undefined) {
          const zoned = m[5] !== undefined ? this.clock(`${m[1]}T${m[2]}:${m[3]}${m[4] ?? ''}${m[5]}`) : undefined;
          when += `, pukul ${zoned ?? `${m[2]}.${m[3]} ${this.zoneLabel}`}`;
        }
        return m[6] ? `${when}: ${m[6]}` : when;
      }),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Fields every template may use
// ---------------------------------------------------------------------------------------------

function common(h: Helpers): Record<string, string> {
  const { ctx } = h;
  const lh = ctx.agency.letterhead;
  const kontak = [lh.telepon && `Telepon ${lh.telepon}`, lh.email && `Pos-el ${lh.email}`, lh.laman && `Laman ${lh.laman}`].filter(Boolean).join(', ');
  const s = h.signer();
  const atasNama = h.spec.atasNama && !h.signerIsHead();
  return {
    kop_pemerintah: lh.pemerintah.toLocaleUpperCase('id-ID'),
    kop_dinas: lh.dinas.toLocaleUpperCase('id-ID'),
    kop_alamat: lh.alamat,
    kop_kontak: kontak || lh.kota.toLocaleUpperCase('id-ID'),
    nomor: ctx.nomor ?? DASH,
    sifat: 'Biasa',
    lampiran: DASH,
    tanggal: tanggalPanjang(ctx.at, h.zone),
    tempat_tanggal: tempatTanggal(lh.kota, ctx.at, h.zone),
    nama_dinas: ctx.agency.name,
    tujuan_alamat: ctx.case.partner?.address?.trim() || 'di Tempat',
    isi_penutup: PENUTUP,
    ttd_jabatan: atasNama ? `a.n. ${h.kepalaDinas()}\n${s.jabatan},` : `${s.jabatan},`,
    ttd_nama: s.name,
    // The lines under the name: pangkat/golongan when recorded (Permendagri 1/2023), then the NIP.
    ttd_nip: `${s.pangkat?.trim() ? `${s.pangkat.trim()}\n` : ''}NIP. ${s.nip?.trim() || DASH}`,
  };
}

type Builder = (h: Helpers) => Record<string, string | undefined>;

// ---------------------------------------------------------------------------------------------
// Per template
// ---------------------------------------------------------------------------------------------

/** Visit date, time and place of the mobile library (pusling) or an official visit (kunjungan). */
function kunjunganWaktu(h: Helpers): { hariTanggal: string; jam: string } {
  const dt = h.data('waktu_kunjungan');
  const day = h.dayDate(dt) ?? h.dayDate(h.data('tanggal_kunjungan'));
  const clock = h.clock(dt);
  return { hariTanggal: day ?? DASH, jam: clock ? `${clock} sampai dengan selesai` : DASH };
}

function petugas(h: Helpers): string {
  const names = h.list('nama_petugas');
  return names.length ? numberedLines(names) : DASH;
}

const perubahan = (h: Helpers) => /perubahan|perbaikan|pengalihan/i.test(h.ctx.step.activity);
const pembinaan = (h: Helpers) => /pembinaan/i.test(h.ctx.step.activity);

function agreementFields(h: Helpers): Record<string, string> {
  const { ctx } = h;
  const lh = ctx.agency.letterhead;
  const s = h.signer();
  const lembaga = h.mitra() ?? DASH;
  const burt = ctx.case.sopId === 'burt';
  const tentang = h.text('tentang_kerja_sama') ?? (burt ? 'Gerakan Gemar Membaca melalui Program Buku Rumah Tangga (Bu RT)' : 'Pengembangan Layanan Perpustakaan');
  const signingDate = h.dayDate(h.data('waktu_penandatanganan')) ? String(h.data('waktu_penandatanganan')).trim() : ctx.at;
  const lingkup = h.list('ruang_lingkup');
  const ruangLingkup = lingkup.length
    ? numberedLines(lingkup)
    : burt
      ? numberedLines([
          'peminjaman kolektif buku bacaan bagi masyarakat;',
          'penyaluran dan distribusi buku kepada masyarakat;',
          'pembinaan perpustakaan; dan',
          'pendampingan kegiatan gemar membaca masyarakat.',
        ])
      : (h.text('ide_gagasan_peluang') ?? DASH);
  return {
    pihak_pertama_lembaga: ctx.agency.name,
    pihak_pertama_lembaga_kapital: ctx.agency.name.toLocaleUpperCase('id-ID'),
    pihak_kedua_lembaga: lembaga,
    pihak_kedua_lembaga_kapital: lembaga.toLocaleUpperCase('id-ID'),
    tentang,
    tentang_kapital: tentang.toLocaleUpperCase('id-ID'),
    nomor_pihak_pertama: h.text('nomor_pks_dinas') ?? ctx.nomor ?? DASH,
    nomor_pihak_kedua: h.text('nomor_pks_pihak_lain') ?? DASH,
    pembukaan: pembukaanPerjanjian(signingDate, h.zone),
    tempat_penandatanganan: h.text('tempat_penandatanganan') ?? lh.kota,
    pihak_pertama_nama: s.name,
    pihak_pertama_jabatan: s.jabatan,
    pihak_pertama_nip: `NIP. ${s.nip?.trim() || DASH}`,
    pihak_pertama_alamat: lh.alamat,
    pihak_kedua_nama: h.text('nama_penandatangan_pihak_lain') ?? BLANK,
    pihak_kedua_jabatan: h.text('jabatan_penandatangan_pihak_lain') ?? (lembaga === DASH ? BLANK : pimpinanOf(lembaga)),
    pihak_kedua_alamat: ctx.case.partner?.address?.trim() || BLANK,
    ruang_lingkup: ruangLingkup,
    jangka_waktu: h.text('jangka_waktu_kerja_sama') ?? '1 (satu) tahun',
  };
}

function monevOrPembinaan(h: Helpers) {
  const isPembinaan = pembinaan(h);
  return {
    isPembinaan,
    judul: isPembinaan ? 'JADWAL PEMBINAAN DAN PENDAMPINGAN AKREDITASI PERPUSTAKAAN' : 'JADWAL MONITORING DAN EVALUASI PENYELENGGARAAN PERPUSTAKAAN',
    jadwal: h.jadwal(h.list(isPembinaan ? 'rincian_jadwal_pembinaan' : 'rincian_jadwal_monev')) || DASH,
  };
}

const BUILDERS: Record<string, Builder> = {
  surat_tugas(h) {
    const { ctx } = h;
    const w = kunjunganWaktu(h);
    if (ctx.case.sopId === 'pusling') {
      const pengguna = h.mitra() ?? 'pengguna layanan';
      const lokasi = h.text('lokasi_kunjungan') ?? pengguna;
      return {
        dasar: numberedLines([
          `${ctx.case.sopTitle} pada ${ctx.agency.name};`,
          `${perubahan(h) ? 'Perubahan rencana' : 'Rencana'} kunjungan perpustakaan keliling ke ${pengguna} yang telah disetujui ${KABID}.`,
        ]),
        daftar_petugas: petugas(h),
        untuk: numberedLines([
          `melaksanakan layanan perpustakaan keliling bagi ${pengguna} di ${lokasi}${w.hariTanggal === DASH ? '' : ` pada ${w.hariTanggal}`}${w.jam === DASH ? '' : ` pukul ${w.jam}`};`,
          'membawa Buku Besar dan surat tugas ini, mengisi buku tamu, serta meminta cap dan tanda tangan pengguna layanan sebagai laporan;',
          `melaksanakan tugas ini dengan penuh tanggung jawab dan melaporkan hasilnya kepada ${KABID}.`,
        ]),
      };
    }
    const names = [...h.list('nama_petugas'), ...h.list('nama_pendamping')];
    return {
      dasar: numberedLines([`${ctx.case.sopTitle} pada ${ctx.agency.name}.`]),
      daftar_petugas: names.length ? numberedLines(names) : DASH,
      untuk: numberedLines([`${lowerFirst(ctx.step.activity.replace(/[.;]+$/, ''))};`, 'melaporkan hasil pelaksanaan tugas kepada atasan langsung.']),
    };
  },

  lembar_disposisi(h) {
    const { ctx } = h;
    const s = h.signer();
    const base = {
      nomor_agenda: h.text('nomor_agenda') ?? DASH,
      tanggal_disposisi: tanggalPanjang(ctx.at, h.zone),
      paraf: `${s.jabatan}\n${s.name}`,
    };
    if (ctx.case.sopId === 'kunjungan') {
      const pendamping = h.list('nama_pendamping').map((n) => `${n} (pustakawan pendamping)`);
      const diminta = h.longDate(h.data('tanggal_kunjungan'));
      return {
        ...base,
        surat_dari: h.mitra() ?? DASH,
        nomor_surat: h.text('nomor_surat_kunjungan') ?? DASH,
        tanggal_surat: h.longDate(h.data('tanggal_surat_kunjungan')) ?? DASH,
        diterima_tanggal: h.longDate(h.data('tanggal_diterima')) ?? DASH,
        hal: `Permohonan Izin Kunjungan${diminta ? ` pada ${diminta}` : ''}`,
        diteruskan_kepada: numberedLines([KASI, ...pendamping, 'Petugas Front Office']),
        isi_disposisi: h.text('isi_disposisi') ?? ctx.step.note ?? DASH,
      };
    }
    if (ctx.case.sopId === 'pusling') {
      const change = perubahan(h);
      return {
        ...base,
        surat_dari: KASI,
        nomor_surat: DASH,
        tanggal_surat: DASH,
        diterima_tanggal: tanggalPanjang(ctx.at, h.zone),
        hal: `Konsep ${change ? 'Perubahan ' : ''}Rencana Kunjungan Perpustakaan Keliling ke ${h.mitra() ?? 'Pengguna Layanan'}`,
        diteruskan_kepada: KASI,
        isi_disposisi:
          h.text('catatan_kabid') ??
          ctx.step.note ??
          `Setuju. Sebarluaskan jadwal kunjungan perpustakaan keliling kepada pengguna layanan dan laksanakan kegiatan sesuai dengan ${change ? 'perubahan ' : ''}rencana.`,
      };
    }
    return {
      ...base,
      surat_dari: h.mitra() ?? DASH,
      nomor_surat: DASH,
      tanggal_surat: DASH,
      diterima_tanggal: tanggalPanjang(ctx.at, h.zone),
      hal: ctx.case.title || ctx.case.sopTitle,
      diteruskan_kepada: KASI,
      isi_disposisi: h.text('isi_disposisi') ?? ctx.step.note ?? 'Untuk ditindaklanjuti.',
    };
  },

  rencana_kunjungan_pusling(h) {
    const w = kunjunganWaktu(h);
    const change = perubahan(h);
    const jumlah = h.data('jumlah_pemustaka');
    const n = intOf(jumlah);
    return {
      judul: `${change ? 'PERUBAHAN ' : ''}RENCANA KUNJUNGAN PERPUSTAKAAN KELILING`,
      hari_tanggal_kunjungan: w.hariTanggal,
      jam_kunjungan: w.jam,
      lokasi_kunjungan: h.text('lokasi_kunjungan') ?? DASH,
      pengguna_layanan: h.mitra() ?? DASH,
      daftar_petugas: petugas(h),
      jumlah_pemustaka: n !== undefined ? count(n, 'orang') : DASH,
      keterangan: h.ctx.step.note ?? (change ? 'Perubahan rencana kegiatan/pengalihan lokasi sesuai kesepakatan dengan pengguna layanan.' : DASH),
    };
  },

  pemberitahuan_jadwal_pusling(h) {
    const w = kunjunganWaktu(h);
    const pengguna = h.mitra();
    return {
      hal: 'Jadwal Kunjungan Perpustakaan Keliling',
      tujuan: pengguna ? pimpinanOf(pengguna) : 'Pengguna Layanan Perpustakaan Keliling',
      isi_pembuka: `Menindaklanjuti koordinasi antara petugas kami dan pihak Saudara mengenai layanan perpustakaan keliling, dengan ini kami sampaikan jadwal kunjungan Mobil Perpustakaan Keliling ${h.ctx.agency.name} sebagai berikut:`,
      hari_tanggal_kunjungan: w.hariTanggal,
      jam_kunjungan: w.jam,
      lokasi_kunjungan: h.text('lokasi_kunjungan') ?? DASH,
      daftar_petugas: petugas(h),
      isi_utama:
        'Sehubungan dengan hal tersebut, kami mohon Saudara memeriksa kesesuaian waktu dan tempat kegiatan serta kesiapan penerimaan layanan, kemudian menyampaikan konfirmasi kepada kami. Apabila waktu atau tempat tersebut tidak sesuai, Saudara dapat mengusulkan perubahan jadwal.',
    };
  },

  surat_jawaban_kunjungan(h) {
    const w = kunjunganWaktu(h);
    const instansi = h.mitra();
    const n = intOf(h.data('jumlah_pengunjung'));
    const pendamping = h.list('nama_pendamping');
    return {
      hal: 'Jawaban Permohonan Izin Kunjungan',
      tujuan: instansi ? pimpinanOf(instansi) : 'Pimpinan Instansi Pemohon Kunjungan',
      isi_pembuka: `Menindaklanjuti surat Saudara perihal permohonan izin kunjungan ke ${h.ctx.agency.name}, dengan ini kami sampaikan bahwa kami menerima kunjungan tersebut, yang akan dilaksanakan pada:`,
      hari_tanggal_kunjungan: w.hariTanggal,
      jam_kunjungan: w.jam,
      tempat_kunjungan: h.text('tempat_kunjungan') ?? h.ctx.agency.name,
      jumlah_pengunjung: n !== undefined ? count(n, 'orang') : DASH,
      pendamping: pendamping.length > 1 ? numberedLines(pendamping) : (pendamping[0] ?? DASH),
      isi_utama:
        'Selama kunjungan, rombongan Saudara akan didampingi oleh pustakawan kami. Kami mohon rombongan hadir tepat waktu dan mengisi buku tamu kunjungan elektronik pada saat kedatangan.',
    };
  },

  surat_balasan_pergantian_waktu(h) {
    const instansi = h.mitra();
    const diminta = h.dayDate(h.data('tanggal_kunjungan'));
    const usulan = h.data('waktu_kunjungan');
    const clock = h.clock(usulan);
    return {
      hal: 'Permintaan Pergantian Waktu Kunjungan',
      tujuan: instansi ? pimpinanOf(instansi) : 'Pimpinan Instansi Pemohon Kunjungan',
      isi_pembuka: `Menindaklanjuti surat Saudara perihal permohonan izin kunjungan ke ${h.ctx.agency.name}${diminta ? ` pada ${diminta}` : ''}, dengan ini kami sampaikan bahwa kami belum dapat menerima kunjungan pada waktu tersebut karena jadwal layanan kami tidak tersedia. Oleh karena itu, kami mengusulkan pergantian waktu kunjungan sebagai berikut:`,
      hari_tanggal_usulan: h.dayDate(usulan) ?? DASH,
      jam_usulan: clock ? `${clock} sampai dengan selesai` : DASH,
      tempat_kunjungan: h.text('tempat_kunjungan') ?? h.ctx.agency.name,
      jadwal_alternatif: h.text('jadwal_alternatif') ?? DASH,
      isi_utama: 'Kami mohon Saudara menyampaikan konfirmasi atas usulan waktu tersebut, atau mengajukan kembali permohonan kunjungan pada waktu lain yang sesuai.',
      isi_penutup: 'Demikian disampaikan, atas perhatian dan pengertian Saudara diucapkan terima kasih.',
    };
  },

  draft_pks: agreementFields,
  pks_final: agreementFields,
  nota_kesepahaman: agreementFields,

  surat_pemberitahuan_monev(h) {
    const { ctx } = h;
    const m = monevOrPembinaan(h);
    const wilayah = h.wilayah();
    const dinasPendidikan = `Kepala Dinas Pendidikan dan Kebudayaan ${wilayah}`;
    const kemenag = `Kepala Kantor Kementerian Agama ${wilayah}`;
    const partner = textOf(ctx.case.partner?.name);
    const program = ` melalui program ${h.program()}`;
    let tujuan: string;
    if (partner) tujuan = pimpinanOf(partner);
    else if (!m.isPembinaan) tujuan = numberedLines([dinasPendidikan, kemenag]);
    else {
      const dibina = h.list('perpustakaan_dibina');
      tujuan = dibina.length > 0 && dibina.length <= 5 ? numberedLines(dibina.map(pimpinanOf)) : 'Pimpinan Lembaga Penyelenggara Perpustakaan\n(daftar terlampir)';
    }
    const fields = m.isPembinaan
      ? {
          hal: 'Pemberitahuan Pembinaan dan Pendampingan Akreditasi Perpustakaan',
          isi_pembuka: `Berdasarkan hasil monitoring dan evaluasi penyelenggaraan perpustakaan${program}, perpustakaan Saudara termasuk perpustakaan yang akan dibina dalam rangka pengajuan akreditasi perpustakaan.`,
          isi_utama:
            'Sehubungan dengan hal tersebut, petugas kami akan melaksanakan pembinaan dan pendampingan administrasi serta otomasi perpustakaan sesuai dengan jadwal sebagaimana tercantum dalam lampiran surat ini. Kami mohon Saudara menugaskan pengelola perpustakaan untuk mendampingi petugas kami. Kegiatan ini tidak dipungut biaya.',
          tembusan: numberedLines([dinasPendidikan, kemenag]),
        }
      : {
          hal: 'Pemberitahuan Monitoring dan Evaluasi Penyelenggaraan Perpustakaan',
          isi_pembuka: `Dalam rangka pembinaan penyelenggaraan perpustakaan agar sesuai dengan Standar Nasional Perpustakaan${program}, ${ctx.agency.name} akan melaksanakan monitoring dan evaluasi (monev) penyelenggaraan perpustakaan sekolah/madrasah, instansi, dan kelompok masyarakat di wilayah ${wilayah}.`,
          isi_utama:
            'Sehubungan dengan hal tersebut, kami mohon bantuan Saudara untuk menyebarluaskan surat ini beserta jadwal monev sebagaimana tercantum dalam lampiran kepada perpustakaan di lingkungan Saudara. Kegiatan ini tidak dipungut biaya.',
          tembusan: `${h.kepalaDaerah()} (sebagai laporan)`,
        };
    return {
      ...fields,
      tujuan,
      lampiran: '1 (satu) lembar',
      lampiran_dari: `Surat ${h.kepalaDinas()}`,
      judul_jadwal: m.judul,
      jadwal_rincian: m.jadwal,
    };
  },

  jadwal_kegiatan(h) {
    const m = monevOrPembinaan(h);
    const program = ` melalui program ${h.program()}`;
    return {
      judul_jadwal: m.judul,
      keterangan_jadwal: m.isPembinaan
        ? `Jadwal pembinaan dan pendampingan perpustakaan yang akan dibina dalam rangka pengajuan akreditasi${program} oleh ${h.ctx.agency.name}, sebagai berikut:`
        : `Jadwal monitoring dan evaluasi (monev) penyelenggaraan perpustakaan di wilayah ${h.wilayah()}${program} oleh ${h.ctx.agency.name}, sebagai berikut:`,
      jadwal_rincian: m.jadwal,
    };
  },

  laporan_monev(h) {
    const sasaran = h.list('perpustakaan_sasaran');
    const note = h.ctx.step.note;
    return {
      pendahuluan: `Monitoring dan evaluasi penyelenggaraan perpustakaan dilaksanakan melalui program ${h.program()} untuk menilai kesesuaian penyelenggaraan perpustakaan sekolah/madrasah, instansi, dan kelompok masyarakat di wilayah ${h.wilayah()} dengan Standar Nasional Perpustakaan.`,
      jadwal_rincian: h.jadwal(h.list('rincian_jadwal_monev')) || DASH,
      perpustakaan_sasaran: sasaran.length ? numberedLines(sasaran) : DASH,
      hasil_monev: h.text('hasil_monev') ?? DASH,
      tindak_lanjut: `Berdasarkan laporan ini, ${KABID}, sub koordinator, dan petugas berkoordinasi untuk menentukan perpustakaan yang akan dibina dalam rangka pengajuan akreditasi perpustakaan.${note ? `\nCatatan: ${note}` : ''}`,
    };
  },

  balasan_peminjaman_kolektif(h) {
    const peminjam = h.mitra();
    const titles = h.list('list_judul_buku');
    return {
      hal: 'Balasan Permohonan Peminjaman Kolektif Buku',
      tujuan: peminjam ? pimpinanOf(peminjam) : 'Pemohon Peminjaman Kolektif Buku',
      isi_pembuka: `Menindaklanjuti surat Saudara perihal permohonan peminjaman kolektif buku dalam rangka program ${h.program()}, dengan ini kami sampaikan bahwa kami menyetujui permohonan tersebut.`,
      pengantar_daftar_buku: titles.length
        ? `Adapun buku yang dipinjamkan sebanyak ${count(titles.length)} judul, yaitu:`
        : 'Daftar judul buku yang dipinjamkan akan disampaikan tersendiri.',
      daftar_judul_buku: titles.length ? numberedLines(titles) : DASH,
      isi_utama:
        'Buku tersebut akan disalurkan oleh penyuluh perpustakaan kami. Kami mohon buku-buku tersebut dijaga dengan baik, dimanfaatkan untuk menumbuhkan budaya gemar membaca masyarakat, dan dikembalikan dalam keadaan baik sesuai dengan waktu yang disepakati.',
    };
  },

  laporan_bulanan_referensi(h) {
    const { ctx } = h;
    const periode = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(h.text('periode') ?? '');
    const bulan = periode ? `${BULAN[Number(periode[2]) - 1]} ${periode[1]}` : tanggalPanjang(ctx.at, h.zone).replace(/^\d+\s+/, '');
    const rekap = recapOf(h.data('rekap'));
    const n = (v: number | undefined) => (rekap ? String(v ?? 0) : DASH);
    const fields: Record<string, string> = {
      periode: bulan,
      periode_kapital: bulan.toLocaleUpperCase('id-ID'),
      pengunjung_pelajar: n(rekap?.byCategory['pelajar']),
      pengunjung_mahasiswa: n(rekap?.byCategory['mahasiswa']),
      pengunjung_umum: n(rekap?.byCategory['umum']),
      pengunjung_instansi: n(rekap?.byCategory['instansi']),
      jumlah_pengunjung: n(rekap?.visits),
      jumlah_buku: n(rekap?.booksRead),
      judul_terbanyak: rekap && rekap.titles.length ? numberedLines(rekap.titles.slice(0, 10).map((t) => `${t.title} (${t.count} kali)`)) : DASH,
      rekap_harian:
        rekap && rekap.byDay.length
          ? rekap.byDay.map(([date, d]) => `${h.dayDate(date) ?? date}: ${d.visits} pengunjung, ${d.books} eksemplar dibaca`).join('\n')
          : DASH,
      tautan_rekapitulasi: ctx.case.documents['buku_rekapitulasi']?.url ?? DASH,
    };
    for (const [code] of DDC_CLASSES) fields[`buku_${code}`] = n(rekap?.byClassification[code === 'lain' ? 'tanpa klasifikasi' : code]);
    return fields;
  },

  surat_dinas(h) {
    const { ctx } = h;
    const mitra = h.mitra();
    if (ctx.case.sopId === 'pks' || /kerja ?sama/i.test(ctx.step.activity)) {
      const nama = mitra ?? 'Saudara';
      const ide = h.text('ide_gagasan_peluang');
      const penawaran = h.text('surat_penawaran_pihak_lain') !== undefined;
      return {
        hal: 'Permohonan Kerja Sama',
        tujuan: mitra ? pimpinanOf(mitra) : DASH,
        isi_pembuka: penawaran
          ? `Menindaklanjuti surat penawaran kerja sama dari Saudara, ${ctx.agency.name} menyambut baik dan bermaksud menjalin kerja sama dengan ${nama} di bidang perpustakaan.`
          : `Dalam rangka meningkatkan mutu layanan perpustakaan dan budaya gemar membaca masyarakat, ${ctx.agency.name} bermaksud menjalin kerja sama dengan ${nama} di bidang perpustakaan.`,
        isi_utama: `${ide ? `Adapun gagasan kerja sama yang kami usulkan adalah sebagai berikut:\n${ide}\n` : ''}Sehubungan dengan hal tersebut, kami mohon kesediaan Saudara untuk bekerja sama dan membahas rencana tersebut lebih lanjut, yang selanjutnya akan dituangkan dalam perjanjian kerja sama.`,
        tembusan: `${h.kepalaDaerah()} (sebagai laporan)`,
      };
    }
    return {
      hal: capitalizeFirst(ctx.case.title || ctx.case.sopTitle),
      tujuan: mitra ? pimpinanOf(mitra) : DASH,
      isi_pembuka: `Sehubungan dengan ${lowerFirst(ctx.step.activity.replace(/[.;]+$/, ''))}, dengan ini kami sampaikan hal-hal sebagai berikut.`,
      isi_utama: ctx.step.note ?? DASH,
      tembusan: `${h.kepalaDaerah()} (sebagai laporan)`,
    };
  },

  nota_dinas_permohonan_izin(h) {
    const { ctx } = h;
    const mitra = h.mitra() ?? 'pihak lain';
    const rapat = h.longDate(h.data('waktu_rapat_internal'));
    const ide = h.text('ide_gagasan_peluang');
    const manfaat = h.text('manfaat_dan_resiko');
    return {
      tujuan: h.kepalaDinas(),
      dari: h.signer().jabatan,
      tembusan: DASH,
      lampiran: ctx.case.documents['notulensi_rapat'] ? '1 (satu) berkas' : DASH,
      hal: 'Permohonan Izin Persetujuan Kerja Sama Bidang Perpustakaan',
      isi_pembuka: `Berdasarkan hasil rapat internal${rapat ? ` pada tanggal ${rapat}` : ''} yang membahas peluang kerja sama dengan ${mitra} beserta manfaat dan risikonya, kerja sama tersebut dinilai bermanfaat bagi pengembangan layanan perpustakaan.`,
      isi_utama: [
        ide && `Gagasan kerja sama: ${ide}`,
        manfaat && `Manfaat dan risiko: ${manfaat}`,
        `Sehubungan dengan hal tersebut, kami mohon izin dan persetujuan untuk melaksanakan kerja sama bidang perpustakaan dengan ${mitra}.${ctx.case.documents['notulensi_rapat'] ? ' Bersama ini kami lampirkan notula rapat internal.' : ''}`,
      ]
        .filter(Boolean)
        .join('\n'),
      isi_penutup: 'Demikian disampaikan untuk mendapat persetujuan.',
    };
  },

  nota_dinas_persetujuan(h) {
    const mitra = h.mitra() ?? 'pihak lain';
    const catatan = h.text('catatan_kepala_dinas') ?? h.ctx.step.note ?? undefined;
    return {
      tujuan: KABID,
      dari: h.kepalaDinas(),
      tembusan: DASH,
      hal: 'Persetujuan Kerja Sama Bidang Perpustakaan',
      isi_pembuka: `Menindaklanjuti nota dinas ${KABID} perihal permohonan izin persetujuan kerja sama bidang perpustakaan dengan ${mitra}, dengan ini disampaikan bahwa kerja sama tersebut disetujui untuk dilaksanakan.`,
      isi_utama: `Selanjutnya, Saudara agar memerintahkan ${KASI} untuk menyusun draf perjanjian kerja sama bersama ${mitra} dan memprosesnya sesuai dengan ketentuan peraturan perundang-undangan.${catatan ? `\nCatatan: ${catatan}` : ''}`,
      isi_penutup: 'Demikian disampaikan untuk dilaksanakan.',
    };
  },

  notula_rapat(h) {
    const waktu = h.data('waktu_rapat_internal');
    const peserta = h.list('peserta_rapat');
    const note = h.ctx.step.note;
    return {
      hari_tanggal_rapat: h.dayDate(waktu) ?? hariTanggal(h.ctx.at, h.zone),
      jam_rapat: h.clock(waktu) ?? DASH,
      tempat_rapat: h.text('tempat_rapat') ?? DASH,
      acara: `Pembahasan peluang kerja sama dengan ${h.mitra() ?? 'pihak lain'} beserta manfaat dan risikonya`,
      pimpinan_rapat: h.text('pimpinan_rapat') ?? KABID,
      peserta_rapat: peserta.length ? numberedLines(peserta) : DASH,
      pembahasan: h.text('ide_gagasan_peluang') ?? DASH,
      hasil_rapat: h.text('manfaat_dan_resiko') ?? DASH,
      tindak_lanjut: `${KABID} menyampaikan permohonan izin persetujuan kerja sama bidang perpustakaan kepada Kepala Dinas.${note ? `\nCatatan: ${note}` : ''}`,
    };
  },
};

// ---------------------------------------------------------------------------------------------
// The desk recap (in-house reading) carried on the monthly report's case
// ---------------------------------------------------------------------------------------------

interface Recap {
  visits: number;
  booksRead: number;
  byCategory: Record<string, number>;
  byClassification: Record<string, number>;
  byDay: [string, { visits: number; books: number }][];
  titles: { title: string; count: number }[];
}

/** The shape desk/service.ts recap() returns, read defensively; null when absent. */
function recapOf(v: unknown): Recap | null {
  if (typeof v !== 'object' || v === null) return null;
  const r = v as Record<string, unknown>;
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
  const counts = (x: unknown): Record<string, number> =>
    typeof x === 'object' && x !== null ? Object.fromEntries(Object.entries(x).map(([k, n]) => [k, num(n)])) : {};
  const byDay =
    typeof r.byDay === 'object' && r.byDay !== null
      ? Object.entries(r.byDay as Record<string, unknown>)
          .map(([date, d]): [string, { visits: number; books: number }] => {
            const o = (typeof d === 'object' && d !== null ? d : {}) as Record<string, unknown>;
            return [date, { visits: num(o.visits), books: num(o.books) }];
          })
          .sort(([a], [b]) => a.localeCompare(b))
      : [];
  const titles = Array.isArray(r.titles)
    ? r.titles
        .map((t) => (typeof t === 'object' && t !== null ? (t as Record<string, unknown>) : {}))
        .filter((t) => typeof t.title === 'string' && t.title.trim() !== '')
        .map((t) => ({ title: String(t.title).trim(), count: num(t.count) }))
    : [];
  return {
    visits: num(r.visits),
    booksRead: num(r.booksRead),
    byCategory: counts(r.byCategory),
    byClassification: counts(r.byClassification),
    byDay,
    titles,
  };
}
