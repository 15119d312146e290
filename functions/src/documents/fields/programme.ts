// A training programme's documents (programme/documents.ts): the facts are captured when the
// document is requested (the event, its sessions, the participants, the figures) and carried on
// the context's data as `bimtek`; these builders word them: the trainer's surat tugas (the
// `bimtek` variant of the surat tugas), the invitation with its list of participants, the
// attendance list of a session with each participant's check-in code, and the event's report.
import { z } from 'zod';
import { hariRentang, hariTanggal, numberedLines, rentangTanggal, tanggalPanjang } from '../format.ts';
import type { Fields } from '../types.ts';
import type { Builder, Helpers } from './helpers.ts';
import { BLANK, count } from './readers.ts';

const session = z.object({ no: z.number().int(), title: z.string(), jp: z.number().int() });

/** What the documents of one event say, as captured at the request. */
export const programmeDocDataSchema = z.object({
  programme: z.object({ name: z.string(), organiser: z.string() }),
  event: z.object({
    label: z.string(),
    provinceName: z.string(),
    mode: z.enum(['luring', 'daring']),
    start: z.string(),
    end: z.string(),
    place: z.string().nullable(),
    meetingUrl: z.string().nullable(),
    /** The host agency's name. */
    host: z.string(),
  }),
  sessions: z.array(session),
  /** Surat tugas: the sessions the trainer teaches. */
  taught: z.array(z.number().int()).optional(),
  /** Undangan: the start time as typed ("08.00"), and what participants bring. */
  pukul: z.string().nullable().optional(),
  bring: z.array(z.string()).optional(),
  /** Undangan, daftar hadir: the participants, in the order printed. */
  participants: z.array(z.object({ nama: z.string(), perpustakaan: z.string(), desa: z.string(), kabupaten: z.string(), kode: z.string().optional() })).optional(),
  /** Daftar hadir: the session, its date (or null: written by hand) and where a code is used. */
  session: session.optional(),
  tanggal: z.string().nullable().optional(),
  checkIn: z.string().optional(),
  /** Laporan: the trainers, the figures, the completion rule in words, and the organiser's notes. */
  trainers: z.array(z.string()).optional(),
  figures: z
    .object({
      registered: z.number().int(),
      attendedAny: z.number().int(),
      completed: z.number().int(),
      certificates: z.number().int(),
      perSession: z.record(z.string(), z.number().int()),
    })
    .optional(),
  completionRule: z.string().optional(),
  kendala: z.string().nullable().optional(),
  rekomendasi: z.string().nullable().optional(),
});
export type ProgrammeDocData = z.infer<typeof programmeDocDataSchema>;

/** The captured facts; a document without them is a programming error, reported on the entry. */
export function programmeData(h: Helpers): ProgrammeDocData {
  const r = programmeDocDataSchema.safeParse(h.data('bimtek'));
  if (!r.success) throw new Error(`Dokumen program tanpa data kegiatan yang sah: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return r.data;
}

const totalJp = (sessions: { jp: number }[]) => sessions.reduce((n, s) => n + s.jp, 0);
const upper = (s: string) => s.toLocaleUpperCase('id-ID');
/** A name or place typed by a registrant, as printed: no `{{` a backend could take for a placeholder. */
const typed = (s: string) => s.trim().replace(/\{\{|\}\}/g, (b) => b.split('').join(' ')) || '-';

/** Where the event takes place, as a clause: "bertempat di Swiss-Belhotel Pangkalpinang", "secara daring". */
function where(d: ProgrammeDocData): string {
  const e = d.event;
  if (e.mode === 'daring') return 'secara daring';
  return `bertempat di ${e.place ?? e.provinceName}`;
}

/** The place line: the venue, or "Daring (rapat video)". */
function tempat(d: ProgrammeDocData): string {
  const e = d.event;
  if (e.mode === 'daring') return e.meetingUrl ? `Daring, rapat video ${e.meetingUrl}` : 'Daring (rapat video)';
  return e.place ?? e.provinceName;
}

const sessionText = (s: { no: number; title: string; jp: number }) => `sesi ${s.no} ${s.title} (${s.jp} JP)`;

/** The trainer's surat tugas: what they are assigned to, where and when, and the sessions they teach. */
export function bimtekTugas(h: Helpers): { dasar: string; untuk: string } {
  const d = programmeData(h);
  const e = d.event;
  const taught = d.sessions.filter((s) => (d.taught ?? d.sessions.map((x) => x.no)).includes(s.no));
  const dates = rentangTanggal(e.start, e.end, h.zone);
  const all = taught.length === d.sessions.length;
  return {
    dasar: numberedLines([`Penyelenggaraan ${d.programme.name} oleh ${d.programme.organiser} bersama dinas perpustakaan provinsi;`, `Jadwal pelaksanaan ${e.label} pada ${dates}.`]),
    untuk: numberedLines([
      `bertugas sebagai pelatih pada ${d.programme.name}, ${e.label}, yang diselenggarakan oleh ${e.host} pada ${dates} ${where(d)};`,
      `mengampu ${all ? 'seluruh materi' : 'materi'}: ${taught.map(sessionText).join('; ')}, seluruhnya ${totalJp(taught)} JP;`,
      `melaporkan pelaksanaan tugas kepada ${h.signer().jabatan} setelah kegiatan selesai.`,
    ]),
  };
}

/** Who the lampiran says the list belongs to: the letter of the head of the agency, or of its signer. */
function suratDari(h: Helpers): string {
  const s = h.signer();
  return `Surat ${s.relation === 'head' ? h.kepalaDinas() : s.jabatan}`;
}

export const programmeBuilders: Record<string, Builder> = {
  undangan_bimtek(h) {
    const d = programmeData(h);
    const e = d.event;
    const bring =
      e.mode === 'daring'
        ? ['Perangkat (laptop atau telepon pintar) dengan sambungan internet yang stabil', ...(e.meetingUrl ? [`Tautan rapat video: ${e.meetingUrl}`] : []), ...(d.bring ?? [])]
        : d.bring?.length
          ? d.bring
          : ['Kartu identitas', 'Alat tulis'];
    return {
      sifat: 'Penting',
      lampiran: count(1, 'berkas'),
      hal: `Undangan ${d.programme.name}`,
      tujuan: `Para Peserta ${d.programme.name}\n(nama-nama terlampir)`,
      tujuan_alamat: 'di Tempat',
      isi_pembuka: `Dalam rangka peningkatan kapasitas pengelola perpustakaan desa/kelurahan dan Taman Bacaan Masyarakat (TBM), ${e.host} bersama ${d.programme.organiser} menyelenggarakan ${d.programme.name} sebanyak ${totalJp(d.sessions)} jam pelajaran (JP). Sehubungan dengan hal tersebut, kami mengundang Saudara yang namanya tercantum dalam lampiran surat ini untuk mengikuti kegiatan tersebut, yang akan dilaksanakan pada:`,
      hari_tanggal: hariRentang(e.start, e.end, h.zone),
      pukul: `${d.pukul ?? '08.00'} ${h.zoneLabel} sampai dengan selesai`,
      tempat: tempat(d),
      acara: `${d.programme.name}, ${e.label}`,
      isi_utama:
        e.mode === 'daring'
          ? 'Kegiatan dilaksanakan secara daring; peserta diharapkan bergabung 15 menit sebelum acara dimulai dan menyiapkan:'
          : 'Untuk kelancaran kegiatan, peserta diharapkan hadir 30 menit sebelum acara dimulai dan membawa:',
      bawaan: numberedLines(bring),
      isi_penutup: 'Demikian undangan ini disampaikan, atas perhatian dan kehadiran Saudara diucapkan terima kasih.',
      lampiran_dari: suratDari(h),
      acara_kapital: upper(d.programme.name),
      kegiatan_kapital: upper(e.label),
    };
  },

  daftar_hadir_bimtek(h) {
    const d = programmeData(h);
    const s = d.session;
    if (!s) throw new Error('Daftar hadir tanpa sesi');
    return {
      acara_kapital: upper(d.programme.name),
      kegiatan: d.event.label,
      sesi: `Sesi ${s.no}: ${s.title} (${s.jp} JP)`,
      hari_tanggal: d.tanggal ? hariTanggal(d.tanggal, h.zone) : BLANK,
      tempat: tempat(d),
      petunjuk_presensi: `Presensi mandiri: buka ${d.checkIn ?? ''}/<kode presensi> di telepon atau komputer, lalu tekan "Saya hadir". Kode berlaku untuk sesi ini saja dan hanya untuk peserta yang namanya tertulis di sampingnya.`,
    };
  },

  laporan_pelaksanaan_bimtek(h) {
    const d = programmeData(h);
    const e = d.event;
    const f = d.figures;
    if (!f) throw new Error('Laporan pelaksanaan tanpa angka kegiatan');
    const pct = (n: number) => (f.registered ? `${Math.round((n * 100) / f.registered)}%` : '-');
    const belum = f.completed - f.certificates;
    return {
      acara_kapital: upper(d.programme.name),
      kegiatan_kapital: upper(e.label),
      pendahuluan: `${d.programme.name} diselenggarakan oleh ${d.programme.organiser} bersama dinas perpustakaan provinsi untuk meningkatkan kapasitas pengelola perpustakaan desa/kelurahan dan Taman Bacaan Masyarakat (TBM). Laporan ini menyampaikan pelaksanaan ${e.label} oleh ${e.host}, menurut data pendaftaran, presensi, dan sertifikat yang tercatat pada ${tanggalPanjang(h.docDate(), h.zone)}.`,
      penyelenggara: `${e.host} bersama ${d.programme.organiser}`,
      tanggal_kegiatan: hariRentang(e.start, e.end, h.zone),
      tempat: tempat(d),
      pelatih: d.trainers?.length ? numberedLines(d.trainers) : 'Belum ada pelatih yang ditugaskan',
      pengantar_sesi: `Materi dan kehadiran peserta per sesi (${count(d.sessions.length, 'sesi')}, ${totalJp(d.sessions)} JP):`,
      peserta_terdaftar: count(f.registered, 'orang'),
      peserta_hadir: `${count(f.attendedAny, 'orang')} (${pct(f.attendedAny)})`,
      peserta_selesai: `${count(f.completed, 'orang')} (${pct(f.completed)}), dengan ketentuan ${d.completionRule ?? 'kelulusan program'}`,
      sertifikat: count(f.certificates, 'sertifikat'),
      hasil: `Dari ${f.registered} peserta terdaftar, ${f.completed} peserta menyelesaikan pelatihan dan ${f.certificates} sertifikat telah diterbitkan${belum > 0 ? `; ${belum} peserta yang menyelesaikan pelatihan belum menerima sertifikat` : ''}.`,
      kendala: d.kendala?.trim() || 'Tidak ada kendala yang dicatat panitia.',
      rekomendasi: d.rekomendasi?.trim() || 'Tidak ada rekomendasi yang dicatat panitia.',
      penutup: 'Demikian laporan pelaksanaan kegiatan ini disampaikan sebagai bahan evaluasi dan pertanggungjawaban.',
    };
  },
};

/** The growing tables' rows: the participants of the invitation and of the attendance list, the sessions of the report. */
export const programmeRowBuilders: Record<string, (h: Helpers) => Record<string, Fields[]>> = {
  undangan_bimtek(h) {
    const people = programmeData(h).participants ?? [];
    return { peserta: people.map((p, i) => ({ peserta_no: `${i + 1}.`, peserta_nama: typed(p.nama), peserta_perpustakaan: typed(p.perpustakaan), peserta_desa: typed(p.desa), peserta_kabupaten: typed(p.kabupaten) })) };
  },
  daftar_hadir_bimtek(h) {
    const people = programmeData(h).participants ?? [];
    return { hadir: people.map((p, i) => ({ hadir_no: `${i + 1}.`, hadir_nama: typed(p.nama), hadir_perpustakaan: typed(p.perpustakaan), hadir_kode: p.kode ?? '-' })) };
  },
  laporan_pelaksanaan_bimtek(h) {
    const d = programmeData(h);
    const f = d.figures;
    return {
      sesi: d.sessions.map((s) => {
        const n = f?.perSession[String(s.no)] ?? 0;
        return { sesi_no: `${s.no}.`, sesi_materi: s.title, sesi_jp: String(s.jp), sesi_hadir: `${n} orang`, sesi_persen: f?.registered ? `${Math.round((n * 100) / f.registered)}%` : '-' };
      }),
    };
  },
};
