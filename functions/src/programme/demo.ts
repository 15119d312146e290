// Programme data for the local stack, the tests and the benchmark: the national Bimtek SPP-TIK of
// seed 003 (34 provinces, 2,000 offline places in 4 waves from 19 May to 14 June 2024, 8,000
// online places from June 2024, owned by the national library, each province's event hosted by
// its provincial library agency), and a small one for `npm start`.
import type { ProgrammeInput, ProgrammeStore, TrainerInput } from '../model/programme.ts';
import type { AgencyInput } from '../model/records.ts';
import type { SetupStore } from '../model/store.ts';
import { PROVINCES } from './provinces.ts';

export const OWNER_AGENCY = 'perpusnas';

export const OWNER: AgencyInput = {
  name: 'Perpustakaan Nasional Republik Indonesia',
  shortName: 'Perpusnas RI',
  timeZone: 'Asia/Jakarta',
  numbering: { unit: 'PERPUSNAS' },
  mail: { fromName: 'Perpusnas RI', fromAddress: 'bimtek@perpusnas.demo.perpustakaan.id' },
  letterhead: { pemerintah: 'PERPUSTAKAAN NASIONAL REPUBLIK INDONESIA', dinas: 'DEPUTI BIDANG PENGEMBANGAN SUMBER DAYA PERPUSTAKAAN', alamat: 'Jl. Medan Merdeka Selatan No. 11, Jakarta Pusat', kota: 'Jakarta' },
};

/** The host agency of a province: the demo's Bangka Belitung agency, or a provincial agency made for the programme. */
export function hostAgencyId(code: string): string {
  return code === 'babel' ? 'babel' : `dispusip-${code}`;
}

export function hostAgency(code: string): AgencyInput {
  const p = PROVINCES.find((x) => x.code === code)!;
  return {
    name: `Dinas Perpustakaan dan Kearsipan Provinsi ${p.name}`,
    shortName: `Dispusip ${p.name}`,
    timeZone: p.timeZone,
    numbering: { unit: 'DISPUSIP' },
    mail: { fromName: `Dispusip ${p.name}`, fromAddress: `bimtek@${code}.demo.perpustakaan.id` },
    letterhead: { pemerintah: `PEMERINTAH PROVINSI ${p.name.toUpperCase()}`, dinas: 'DINAS PERPUSTAKAAN DAN KEARSIPAN', alamat: p.capital, kota: p.capital },
  };
}

const SESSIONS = [
  { no: 1, title: 'Pengelolaan perpustakaan desa/kelurahan dan TBM', jp: 6 },
  { no: 2, title: 'Pemanfaatan teknologi informasi dan komunikasi (SPP-TIK)', jp: 8 },
  { no: 3, title: 'Pelibatan masyarakat', jp: 6 },
  { no: 4, title: 'Advokasi perpustakaan', jp: 4 },
  { no: 5, title: 'Praktik dan rencana tindak lanjut', jp: 6 },
];

const WAVES = [
  { no: 1, mode: 'luring' as const, start: '2024-05-19', end: '2024-05-22' },
  { no: 2, mode: 'luring' as const, start: '2024-05-26', end: '2024-05-29' },
  { no: 3, mode: 'luring' as const, start: '2024-06-02', end: '2024-06-05' },
  { no: 4, mode: 'luring' as const, start: '2024-06-11', end: '2024-06-14' },
  { no: 5, mode: 'daring' as const, start: '2024-06-24', end: '2024-06-27' },
];

/** Splits `total` over `n` as evenly as whole numbers allow (the first ones get the remainder). */
function split(total: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0));
}

/** Seed 003 at full size: each province's offline event in one of the four waves, the online wave for all. */
export function nationalProgramme(opts: { id?: string; offline?: number; online?: number } = {}): ProgrammeInput {
  const offline = split(opts.offline ?? 2_000, PROVINCES.length);
  const online = split(opts.online ?? 8_000, PROVINCES.length);
  return {
    id: opts.id ?? 'spptik2024',
    ownerAgencyId: OWNER_AGENCY,
    name: 'Bimbingan Teknis SPP-TIK Program TPBIS 2024',
    year: 2024,
    organiser: 'Perpustakaan Nasional Republik Indonesia',
    certificatePrefix: 'SPPTIK24',
    provinces: PROVINCES.map((p) => ({ code: p.code, name: p.name, hostAgencyId: hostAgencyId(p.code) })),
    waves: WAVES,
    quotas: Object.fromEntries(PROVINCES.map((p, i) => [p.code, { [String((i % 4) + 1)]: offline[i]!, '5': online[i]! }])),
    sessions: SESSIONS,
    completion: { kind: 'jp', minPercent: 80 },
    signer: { name: 'Dr. Adin Bondar, S.Sos., M.Si.', jabatan: 'Deputi Bidang Pengembangan Sumber Daya Perpustakaan', nip: '197001011990031001' },
    events: PROVINCES.map((p, i) => ({ province: p.code, wave: (i % 4) + 1, place: `Hotel di ${p.capital}` })),
    bring: ['Laptop atau telepon pintar dengan pengisi daya', 'Data koleksi dan kegiatan perpustakaan/TBM Anda', 'Surat tugas dari desa/kelurahan atau pengelola TBM'],
  };
}

/** A small programme for `npm start`: three provinces, two offline waves, a few places each. */
export function smallProgramme(): ProgrammeInput {
  const codes = ['babel', 'kalsel', 'jateng'];
  return {
    ...nationalProgramme({ id: 'spptikdemo' }),
    name: 'Bimtek SPP-TIK (contoh lokal)',
    certificatePrefix: 'DEMO24',
    provinces: codes.map((c) => ({ code: c, name: PROVINCES.find((p) => p.code === c)!.name, hostAgencyId: hostAgencyId(c) })),
    waves: WAVES.slice(0, 2),
    quotas: { babel: { '1': 40, '2': 30 }, kalsel: { '1': 40 }, jateng: { '2': 60 } },
    events: [
      { province: 'babel', wave: 1, place: 'Swiss-Belhotel Pangkalpinang' },
      { province: 'babel', wave: 2, place: 'Perpustakaan Daerah Provinsi Kepulauan Bangka Belitung' },
      { province: 'kalsel', wave: 1, place: 'Banjarmasin' },
      { province: 'jateng', wave: 2, place: 'Semarang' },
    ],
  };
}

const TRAINER_NAMES = ['Ahmad', 'Budi', 'Citra', 'Dewi', 'Eko', 'Fajar', 'Gita', 'Hadi', 'Indah', 'Joko', 'Kartika', 'Lukman', 'Maya', 'Nanda', 'Oki', 'Putri'];

/** `n` trainers (seed 003: 189), spread over the programme's provinces. */
export function demoTrainers(p: ProgrammeInput, n = 189): TrainerInput[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `pelatih-${String(i + 1).padStart(3, '0')}`,
    name: `${TRAINER_NAMES[i % TRAINER_NAMES.length]} ${['Pratama', 'Saputra', 'Wijaya', 'Lestari', 'Hidayat'][i % 5]}`,
    province: p.provinces[i % p.provinces.length]!.code,
    expertise: [['pengelolaan', 'tik'], ['pelibatan masyarakat', 'advokasi'], ['tik', 'advokasi']][i % 3]!,
    email: `pelatih${i + 1}@pelatih.demo.perpustakaan.id`,
    available: [],
  }));
}

/** The owner and every host agency (those not there yet), one committee member each, and the programme. */
export async function seedProgramme(setup: SetupStore & { agency(id: string): Promise<unknown> }, programmes: ProgrammeStore, p: ProgrammeInput, opts: { trainers?: number } = {}): Promise<void> {
  if (!(await setup.agency(OWNER_AGENCY))) {
    await setup.putAgency(OWNER_AGENCY, { ...OWNER, google: { folderId: `folder-${OWNER_AGENCY}`, templates: {} } });
  }
  await setup.putStaff(OWNER_AGENCY, { email: `panitia@${OWNER_AGENCY}.demo.perpustakaan.id`, name: 'Rina Kusumawati', jabatan: 'Panitia Bimtek', roles: ['panitia_bimtek'] });
  for (const pr of p.provinces) {
    if (!(await setup.agency(pr.hostAgencyId))) await setup.putAgency(pr.hostAgencyId, hostAgency(pr.code));
    await setup.putStaff(pr.hostAgencyId, { email: `panitia@${pr.hostAgencyId}.demo.perpustakaan.id`, name: `Panitia ${pr.name}`, jabatan: 'Panitia Bimtek Provinsi', roles: ['panitia_bimtek'] });
  }
  await programmes.putProgramme(p, new Date().toISOString());
  for (const t of demoTrainers(p, opts.trainers ?? 0)) await programmes.putTrainer(p.id, t);
}
