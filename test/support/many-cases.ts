// Thousands of realistic cases for the list tests, written at once through the store's seed helper
// (functions/src/store/seed.ts: bulk writes, the same documents and list fields a transition
// writes), never through thousands of HTTP creates. Every SOP of the catalog in turn, case numbers
// per SOP from 0001, one case a minute back in time (the first is the oldest), partners with
// accents, open cases spread over the steps with due times past, future and none, and some closed
// or cancelled.
import type { Firestore } from '@google-cloud/firestore';
import type { CaseEvent, CaseState } from '../../functions/src/contract.ts';
import { createCalendar, type AgencyZone } from '../../functions/src/sop/calendar.ts';
import { CATALOG } from '../../functions/src/sop/catalog/index.ts';
import { createCase } from '../../functions/src/sop/engine.ts';
import { seedCases } from '../../functions/src/store/seed.ts';
import { prng } from './prng.ts';

const PLACES = ['Paringin', 'Batumandi', 'Juai', 'Halong', 'Awayan', 'Lampihong', 'Tebing Tinggi', 'Paringin Selatan'];
const KINDS = ['SD Negeri', 'SMP Negeri', 'SMA Negeri', 'TBM', 'Perpustakaan Desa', 'Pondok Pesantren', 'Madrasah Aliyah', 'Kafé Baca'];

export interface SeededCase {
  id: string;
  nomor: string;
  partner: string;
  sopId: string;
  sopTitle: string;
  status: CaseState['status'];
  roles: string[];
  dueAt: string | null;
  createdAt: string;
}

/** N cases for `agencyId`, the newest `now` minus one minute, each older one a minute before. */
export async function seedManyCases(db: Firestore, agencyId: string, n: number, opts: { now: Date; seed?: number; timeZone?: AgencyZone }): Promise<SeededCase[]> {
  const random = prng(opts.seed ?? 7);
  const calendar = createCalendar({ timeZone: opts.timeZone ?? 'Asia/Makassar', holidays: [] });
  const sops = CATALOG.filter((d) => d.steps.some((s) => !s.desk));
  const serials = new Map<string, number>();
  const out: { state: CaseState; event: CaseEvent }[] = [];
  const seeded: SeededCase[] = [];
  const year = opts.now.getUTCFullYear();
  for (let i = 0; i < n; i++) {
    const def = sops[i % sops.length]!;
    const serial = (serials.get(def.code) ?? 0) + 1;
    serials.set(def.code, serial);
    const createdAt = new Date(opts.now.getTime() - (n - i) * 60_000);
    const partner = `${KINDS[i % KINDS.length]} ${1 + (i % 97)} ${PLACES[(i >> 3) % PLACES.length]}`;
    const actor = { email: 'seed@example.go.id', name: 'Seeder', roles: def.roles.map((r) => r.id) };
    const id = `seed${String(i).padStart(6, '0')}${agencyId.replace(/[^a-z0-9]/g, '').slice(0, 6)}`;
    const nomor = `${def.code}/${year}/${String(serial).padStart(4, '0')}`;
    const created = createCase({ def, actor, now: createdAt, calendar }, { id, agencyId, nomor, partner: { name: partner } });
    if (!created.ok) throw new Error(created.error.message);
    const state = created.value.state;
    const roll = random();
    if (roll < 0.08) Object.assign(state, { status: 'closed', outcome: 'Selesai', currentStep: null, currentRoles: [], stepStartedAt: null, dueAt: null });
    else if (roll < 0.12) Object.assign(state, { status: 'cancelled', outcome: 'Dibatalkan: uji', currentStep: null, currentRoles: [], stepStartedAt: null, dueAt: null });
    else {
      const steps = def.steps.filter((s) => !s.desk);
      const step = steps[Math.floor(random() * steps.length)]!;
      const due = random();
      // Past, future (both before and after `now`), or no due time at all.
      const dueAt = due < 0.3 ? new Date(opts.now.getTime() - Math.floor(random() * 30 * 86_400_000)) : due < 0.8 ? new Date(opts.now.getTime() + Math.floor(random() * 30 * 86_400_000)) : null;
      Object.assign(state, { currentStep: step.no, currentRoles: [...step.actors], dueAt: dueAt?.toISOString() ?? null });
    }
    out.push({ state, event: created.value.event });
    seeded.push({ id, nomor, partner, sopId: def.id, sopTitle: def.title, status: state.status, roles: state.currentRoles, dueAt: state.dueAt, createdAt: state.createdAt });
  }
  const counters = Object.fromEntries([...serials].map(([code, last]) => [`${code}-${year}`, last]));
  await seedCases(db, agencyId, out, counters);
  return seeded;
}
