// Demo data for the local stack and the tests: the three agencies of the seeds, one staff member
// per role of every SOP, and the national holidays. Names are fictitious; the holiday lists must
// be checked against each year's SKB 3 Menteri before use in production.
import { TEMPLATES } from '../documents/templates.ts';
import type { SopDefinition } from '../sop/schema.ts';
import { SERVICE_SOPS } from '../sop/catalog/index.ts';
import type { SetupStore } from '../model/store.ts';
import type { ProgrammeStore } from '../model/programme.ts';
import { OWNER_AGENCY, smallProgramme } from '../programme/demo.ts';
import { seedProgrammeDemo } from '../programme/demo-seed.ts';
import { createRegistrationService, registrationForm } from '../programme/registration.ts';
import type { ProgrammeTokens } from '../programme/tokens.ts';
import type { Agency } from '../model/records.ts';

export const DEMO_AGENCIES = {
  balangan: {
    numbering: { unit: 'DISPUSIP' },
    mail: { fromName: 'DISPUSIP Balangan', fromAddress: 'surat@balangan.demo.perpustakaan.id' },
    name: 'Dinas Perpustakaan dan Kearsipan Kabupaten Balangan',
    shortName: 'DISPUSIP Balangan',
    timeZone: 'Asia/Makassar',
    letterhead: {
      pemerintah: 'PEMERINTAH KABUPATEN BALANGAN',
      dinas: 'DINAS PERPUSTAKAAN DAN KEARSIPAN',
      alamat: 'Jl. A. Yani, Paringin, Kabupaten Balangan, Kalimantan Selatan',
      email: 'dispusip@balangan.demo.perpustakaan.id',
      // The place on letters is the seat of the kabupaten, Paringin, not the kabupaten's name.
      kota: 'Paringin',
    },
  },
  sukoharjo: {
    numbering: { unit: 'DISPUSIP' },
    mail: { fromName: 'DISPUSIP Sukoharjo', fromAddress: 'surat@sukoharjo.demo.perpustakaan.id' },
    name: 'Dinas Perpustakaan dan Kearsipan Kabupaten Sukoharjo',
    shortName: 'DISPUSIP Sukoharjo',
    timeZone: 'Asia/Jakarta',
    letterhead: {
      pemerintah: 'PEMERINTAH KABUPATEN SUKOHARJO',
      dinas: 'DINAS PERPUSTAKAAN DAN KEARSIPAN',
      alamat: 'Sukoharjo, Jawa Tengah',
      telepon: '(0271) 593068',
      email: 'perpussukoharjo@gmail.com',
      laman: 'https://dispusip.sukoharjokab.go.id',
      kota: 'Sukoharjo',
    },
  },
  babel: {
    numbering: { unit: 'DKPUS' },
    mail: { fromName: 'DKPUS Babel', fromAddress: 'surat@babel.demo.perpustakaan.id' },
    name: 'Dinas Kearsipan dan Perpustakaan Provinsi Kepulauan Bangka Belitung',
    shortName: 'DKPUS Babel',
    timeZone: 'Asia/Jakarta',
    letterhead: {
      pemerintah: 'PEMERINTAH PROVINSI KEPULAUAN BANGKA BELITUNG',
      dinas: 'DINAS KEARSIPAN DAN PERPUSTAKAAN',
      alamat: 'Pangkalpinang, Kepulauan Bangka Belitung',
      email: 'dkpus@babel.demo.perpustakaan.id',
      kota: 'Pangkalpinang',
    },
  },
} as const;

export type DemoAgencyId = keyof typeof DEMO_AGENCIES;

/** National holidays and cuti bersama (demo lists; confirm against the SKB each year). */
export const DEMO_HOLIDAYS: Record<number, string[]> = {
  2026: [
    '2026-01-01', '2026-01-16', '2026-02-17', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-23', '2026-03-24',
    '2026-04-03', '2026-05-01', '2026-05-14', '2026-05-27', '2026-05-31', '2026-06-01', '2026-06-16', '2026-08-17',
    '2026-08-25', '2026-12-24', '2026-12-25',
  ],
  2027: ['2027-01-01', '2027-02-06', '2027-03-09', '2027-03-10', '2027-03-26', '2027-05-01', '2027-05-06', '2027-06-01', '2027-08-17', '2027-12-25'],
};

/** The demo e-mail of a role at an agency, e.g. kabid_perpustakaan@balangan.demo.perpustakaan.id. */
export function demoEmail(agencyId: string, roleId: string): string {
  return `${roleId}@${agencyId}.demo.perpustakaan.id`;
}

const NAMES = ['Siti Rahmah', 'Ahmad Fauzi', 'Dewi Lestari', 'Budi Santoso', 'Nur Aini', 'Rudi Hartono', 'Fitri Handayani', 'Agus Salim', 'Rina Wulandari', 'Hendra Gunawan', 'Yuliana Putri', 'Joko Prasetyo', 'Maya Sari', 'Irfan Hakim', 'Lina Marlina'];

/** A made-up 18-digit NIP (birth date, appointment month, sex, serial) so demo letters look real. */
function demoNip(i: number): string {
  const birth = `19${70 + (i % 25)}${String((i % 12) + 1).padStart(2, '0')}${String((i % 27) + 1).padStart(2, '0')}`;
  const appointed = `20${String(2 + (i % 20)).padStart(2, '0')}${String(((i * 5) % 12) + 1).padStart(2, '0')}`;
  return `${birth}${appointed}${(i % 2) + 1}${String(i + 1).padStart(3, '0')}`;
}

function demoPangkat(role: string): string {
  if (role === 'kepala_dinas') return 'Pembina Utama Muda (IV/c)';
  if (role.startsWith('kabid') || role === 'sekretaris_dinas') return 'Pembina (IV/a)';
  if (role === 'kasi_layanan' || role === 'sub_koordinator') return 'Penata Tk. I (III/d)';
  return 'Penata Muda (III/a)';
}

/** Every role of the catalog once, with the jabatan the SOPs print for it (the first SOP naming one wins). */
export function demoRoles(catalog: SopDefinition[]): { id: string; label: string; jabatan: string; head: boolean }[] {
  const roles = new Map<string, { id: string; label: string; jabatan: string; head: boolean }>();
  for (const def of catalog) {
    for (const r of def.roles) {
      const known = roles.get(r.id);
      if (!known) roles.set(r.id, { id: r.id, label: r.label, jabatan: r.jabatan ?? r.label, head: r.relation === 'head' });
      else if (known.jabatan === known.label && r.jabatan) roles.set(r.id, { ...known, jabatan: r.jabatan });
    }
  }
  return [...roles.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export async function seedDemo(store: SetupStore, catalog: SopDefinition[]): Promise<{ agencyId: DemoAgencyId; email: string; role: string; name: string }[]> {
  const people: { agencyId: DemoAgencyId; email: string; role: string; name: string }[] = [];
  for (const [year, dates] of Object.entries(DEMO_HOLIDAYS)) await store.putHolidays(Number(year), dates);
  const roles = demoRoles(catalog);
  for (const [agencyId, agency] of Object.entries(DEMO_AGENCIES) as [DemoAgencyId, (typeof DEMO_AGENCIES)[DemoAgencyId]][]) {
    await store.putAgency(agencyId, {
      ...agency,
      letterhead: { ...agency.letterhead },
      // Production keeps real Drive ids here (npm run admin -- upload-templates); the demo names them.
      google: { folderId: `folder-${agencyId}`, templates: Object.fromEntries(Object.keys(TEMPLATES).map((t) => [t, `tpl-${t}`])) },
    });
    // The complaint SOP of the service standards comes with any catalog (its roles are the catalog's own).
    await store.installDefinitions(agencyId, [...catalog, ...SERVICE_SOPS.filter((d) => !catalog.some((c) => c.id === d.id))]);
    for (const [i, role] of roles.entries()) {
      const name = NAMES[i % NAMES.length]!;
      const email = demoEmail(agencyId, role.id);
      // The directory holds the jabatan as letters print it: the head of agency by the agency's full name.
      const jabatan = role.head ? `Kepala ${agency.name}` : role.jabatan;
      await store.putStaff(agencyId, { email, name, jabatan, roles: [role.id], nip: demoNip(i), pangkat: demoPangkat(role.id) });
      people.push({ agencyId, email, role: role.id, name });
    }
  }
  return people;
}

/** The small Bimtek programme of `npm start`: registrants, trainers and attendance, as in programme/demo-seed.ts. */
export const DEMO_PROGRAMME = {
  participants: 220,
  trainers: 12,
  /** The first event of the small programme: its first three sessions already marked. */
  attendance: { event: 'babel-1', sessions: 3 },
} as const;

/**
 * Loads the small programme through the registration service (idempotent: a second start on the
 * same emulator replays every response and changes nothing). Returns the committee accounts for
 * the sidebar preview's "Masuk sebagai" and the registration form to put on the local forms server.
 */
export async function seedDemoProgramme(deps: { setup: SetupStore & { agency(id: string): Promise<Agency | null> }; programmes: ProgrammeStore; tokens: ProgrammeTokens; publicUrl: string }) {
  // The registration service without an in-process notifier: a few hundred confirmation e-mails
  // rendered during start-up would triple its time; the worker's sweep writes them to
  // .local/outbox within its first round instead.
  const registration = createRegistrationService({ programmes: deps.programmes, agency: (id) => deps.setup.agency(id), tokens: deps.tokens, publicUrl: deps.publicUrl });
  const input = smallProgramme();
  const r = await seedProgrammeDemo({ ...deps, registration }, input, { trainers: DEMO_PROGRAMME.trainers, participants: DEMO_PROGRAMME.participants, spread: 'quota', width: 16, attendance: DEMO_PROGRAMME.attendance });
  const panitia = [
    { agencyId: OWNER_AGENCY, email: `panitia@${OWNER_AGENCY}.demo.perpustakaan.id`, role: 'panitia_bimtek', name: 'Rina Kusumawati' },
    ...r.programme.provinces.map((x) => ({ agencyId: x.hostAgencyId, email: `panitia@${x.hostAgencyId}.demo.perpustakaan.id`, role: 'panitia_bimtek', name: `Panitia ${x.name}` })),
  ];
  return { ...r, panitia, form: { agencyId: r.programme.ownerAgencyId, form: registrationForm(r.programme) } };
}
