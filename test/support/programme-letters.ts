// A training programme's documents for the page check and the .docx tests, made from the real
// contexts (programme/documents.ts) of the demo programme without Firestore: the trainer's
// surat tugas, the invitation and the daftar hadir of Bangka Belitung's first wave with `n`
// participants, and the event's report.
import { DEMO_AGENCIES, demoEmail } from '../../functions/src/dev/demo.ts';
import type { ProgrammeDocData } from '../../functions/src/documents/fields/programme.ts';
import type { ProgrammeDocumentKind } from '../../functions/src/documents/templates.ts';
import type { LetterContext } from '../../functions/src/documents/types.ts';
import { programmeSchema, type Programme } from '../../functions/src/model/programme.ts';
import { agencySchema, type Agency, type AgencyInput, type Staff } from '../../functions/src/model/records.ts';
import { OWNER, OWNER_AGENCY, smallProgramme } from '../../functions/src/programme/demo.ts';
import { programmeLetterContext, type Planned } from '../../functions/src/programme/documents.ts';
import { eventById } from '../../functions/src/programme/events.ts';
import { createProgrammeTokens } from '../../functions/src/programme/tokens.ts';

export const PROGRAMME: Programme = programmeSchema.parse(smallProgramme());
const EVENT = eventById(PROGRAMME, 'babel-1')!;
const NOW = new Date('2024-05-06T02:00:00Z');
const tokens = createProgrammeTokens('uji-rahasia-formulir-mitra-0123456789abcdef');

const agency = (id: string, input: AgencyInput): Agency => ({ id, ...agencySchema.parse(input) });
const HOST = agency('babel', { ...DEMO_AGENCIES.babel, letterhead: { ...DEMO_AGENCIES.babel.letterhead } });
const OWNER_AG = agency(OWNER_AGENCY, OWNER);
const staff = (email: string, name: string, jabatan: string, roles: string[], nip?: string, pangkat?: string): Staff => ({ email, name, jabatan, roles, active: true, ...(nip ? { nip } : {}), ...(pangkat ? { pangkat } : {}) });
const HEAD = staff(demoEmail('babel', 'kepala_dinas'), 'Fitri Handayani', `Kepala ${HOST.name}`, ['kepala_dinas'], '197607072008071007', 'Pembina Utama Muda (IV/c)');
const PANITIA = staff('panitia@babel.demo.perpustakaan.id', 'Rahmat Hidayat, S.IP.', 'Ketua Panitia Bimtek Provinsi', ['panitia_bimtek'], '198203152006041002', 'Penata Tk. I (III/d)');

const NAMES = ['Siti Aminah', 'Muhammad Rizky Pratama', 'Nurhayati', 'Ahmad Fauzan Noor', 'Dewi Kartika Sari', 'Yusuf Ramadhan', 'Rina Wulandari', 'Hendra Saputra', 'Fitriani Hasanah', 'Agus Salim'];
const REGENCIES = ['Kota Pangkalpinang', 'Kabupaten Bangka', 'Kabupaten Bangka Tengah', 'Kabupaten Bangka Selatan', 'Kabupaten Bangka Barat', 'Kabupaten Belitung', 'Kabupaten Belitung Timur'];
const VILLAGES = ['Air Itam', 'Padang Baru', 'Kace', 'Namang', 'Lubuk Besar', 'Simpang Katis', 'Tanjung Pandan', 'Manggar'];

/** `n` participants, each a little different; `long`: the longest names a library or TBM has. */
export function participants(n: number, long = false): NonNullable<ProgrammeDocData['participants']> {
  return Array.from({ length: n }, (_, i) => ({
    nama: long ? `${NAMES[i % NAMES.length]} binti Abdul Rahman Hakim Syahputra` : `${NAMES[i % NAMES.length]} ${String(i + 1).padStart(3, '0')}`,
    perpustakaan: long ? `Taman Bacaan Masyarakat Cahaya Ilmu Pengetahuan Desa ${VILLAGES[i % VILLAGES.length]}` : `TBM Cahaya ${VILLAGES[i % VILLAGES.length]}`,
    desa: VILLAGES[i % VILLAGES.length]!,
    kabupaten: REGENCIES[i % REGENCIES.length]!,
    // The widest a code can print (hex D, Crockford W) where the values are the longest.
    kode: long ? 'DDDDDD-WWWWWW' : tokens.checkInCode(PROGRAMME.id, `${(0xa1b2c3d4 + i * 7919).toString(16)}000000000000`, 2),
  }));
}

function common(): Pick<ProgrammeDocData, 'programme' | 'event' | 'sessions'> {
  const e = EVENT;
  return {
    programme: { name: PROGRAMME.name, organiser: PROGRAMME.organiser },
    event: { label: e.label, provinceName: e.provinceName, mode: e.mode, start: e.start, end: e.end, place: e.place, meetingUrl: e.meetingUrl, host: HOST.name },
    sessions: PROGRAMME.sessions.map((s) => ({ no: s.no, title: s.title, jp: s.jp })),
  };
}

function context(kind: ProgrammeDocumentKind, planned: Omit<Planned, 'suffix' | 'date'> & { date?: string }, nomor: string | null): LetterContext {
  const issuer = kind === 'surat_tugas_pelatih' ? OWNER_AG : HOST;
  const signer =
    kind === 'surat_tugas_pelatih'
      ? { name: PROGRAMME.signer.name, jabatan: PROGRAMME.signer.jabatan, ...(PROGRAMME.signer.nip ? { nip: PROGRAMME.signer.nip } : {}) }
      : kind === 'undangan'
        ? { name: HEAD.name, jabatan: HEAD.jabatan!, nip: HEAD.nip!, pangkat: HEAD.pangkat!, relation: 'head' as const }
        : { name: PANITIA.name, jabatan: PANITIA.jabatan!, nip: PANITIA.nip!, pangkat: PANITIA.pangkat! };
  return programmeLetterContext({ agency: issuer, caller: PANITIA, signer, programme: PROGRAMME, kind, planned: { suffix: '', date: NOW.toISOString(), ...planned }, nomor, requestHash: 'contoh', now: NOW });
}

export const programmeContexts = {
  suratTugas: () =>
    context('surat_tugas_pelatih', { title: 'Surat Tugas Pelatih', data: common(), people: { petugas: [{ name: 'Dra. Hj. Nurul Hidayati Rahmawati, M.Hum.', jabatan: 'Pelatih Ahli' }] } }, '800.1.11.1/1234/PERPUSNAS/V/2024'),
  undangan: (n: number, long = false) => context('undangan', { title: 'Undangan', data: { ...common(), pukul: null, bring: PROGRAMME.bring, participants: participants(n, long) } }, '000.5.2/1234/DKPUS/V/2024'),
  daftarHadir: (n: number, long = false) =>
    context('daftar_hadir', { title: 'Daftar Hadir', data: { ...common(), session: PROGRAMME.sessions[1]!, tanggal: '2024-05-20', checkIn: `https://api.example.test/h/${PROGRAMME.id}`, participants: participants(n, long) }, date: '2024-05-20' }, null),
  laporan: (long = false) =>
    context(
      'laporan_pelaksanaan',
      {
        title: 'Laporan',
        data: {
          ...common(),
          trainers: long ? ['Dra. Hj. Nurul Hidayati Rahmawati, M.Hum.', 'Dr. Muhammad Rizky Pratama, S.IP., M.Si.', 'Ahmad Fauzan Noor, S.Kom., M.Kom.', 'Siti Rahmah, S.IP.'] : ['Ahmad Pratama', 'Budi Saputra'],
          figures: { registered: 40, attendedAny: 38, completed: 35, certificates: 35, perSession: { '1': 38, '2': 37, '3': 36, '4': 35, '5': 35 } },
          completionRule: 'hadir paling sedikit 80% dari 30 JP',
          kendala: long
            ? 'Jaringan internet hotel terputus pada sesi 2 selama 40 menit sehingga praktik SPP-TIK dilanjutkan dengan tambatan telepon pintar panitia.\nSebanyak 3 peserta dari Kabupaten Belitung Timur terlambat tiba karena jadwal kapal penyeberangan berubah.\nProyektor ruang kelas B mati pada hari kedua dan diganti dengan layar televisi hotel.'
            : 'Jaringan internet hotel terputus pada sesi 2 selama 40 menit.',
          rekomendasi: long
            ? 'Sediakan modem cadangan dengan kuota yang cukup untuk seluruh peserta.\nJadwalkan kedatangan peserta dari pulau lain sehari sebelum kegiatan.\nTambah satu pelatih untuk sesi praktik SPP-TIK agar setiap pelatih mendampingi paling banyak 20 peserta.'
            : 'Sediakan modem cadangan.',
        },
      },
      null,
    ),
};
