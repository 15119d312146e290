// Registrants, trainer assignments and attendance for a demo programme, for `npm start` (the small
// programme) and `npm run admin -- seed-programme` (the seed's national size). Registrants go
// through the registration service exactly as the intake hands it a form response, so places,
// waiting lists, merged duplicates and the confirmation e-mails in the outbox are the real ones.
// Everything is deterministic (seeded) and each response has a fixed id: running it again on the
// same Firestore replays every response (the registration record answers, nothing changes).
import type { IncomingResponse } from '../forms/service.ts';
import type { Programme, ProgrammeStore } from '../model/programme.ts';
import type { SetupStore } from '../model/store.ts';
import { seedProgramme } from './demo.ts';
import { eventsOf } from './events.ts';
import { PROVINCES } from './provinces.ts';
import { registrationForm, registrationFormId, type RegistrationService } from './registration.ts';
import { prng } from '../dev/prng.ts';

const FIRST = ['Siti', 'Ahmad', 'Dewi', 'Budi', 'Nur', 'Rudi', 'Fitri', 'Agus', 'Rina', 'Hendra', 'Yuliana', 'Joko', 'Maya', 'Irfan', 'Lina', 'Wahyu', 'Sri', 'Eko', 'Ratna', 'Bambang', 'Ayu', 'Dedi', 'Endang', 'Fajar'];
const LAST = ['Rahmawati', 'Hidayat', 'Lestari', 'Santoso', 'Aini', 'Hartono', 'Handayani', 'Salim', 'Wulandari', 'Gunawan', 'Putri', 'Prasetyo', 'Sari', 'Hakim', 'Marlina', 'Nugroho', 'Susanti', 'Kurniawan'];
/** Kabupaten/kota of the small programme's provinces; elsewhere the province's capital. */
const REGENCIES: Record<string, string[]> = {
  babel: ['Kabupaten Bangka', 'Kabupaten Belitung', 'Kabupaten Bangka Barat', 'Kabupaten Bangka Tengah', 'Kota Pangkalpinang'],
  kalsel: ['Kabupaten Balangan', 'Kabupaten Banjar', 'Kabupaten Tabalong', 'Kabupaten Hulu Sungai Tengah', 'Kota Banjarmasin'],
  jateng: ['Kabupaten Sukoharjo', 'Kabupaten Klaten', 'Kabupaten Boyolali', 'Kota Semarang', 'Kota Surakarta'],
};


export interface DemoResponses {
  responses: IncomingResponse[];
  /** How many of them repeat an earlier registrant's phone or e-mail (merged), and how many are refused. */
  duplicates: number;
  rejected: number;
}

/**
 * `n` registration form responses for `p`: about 3% repeat an earlier person's phone (written
 * another way) or e-mail (in capitals), and 1 in 200 has a phone that is not a number. Provinces
 * are skewed (the first ones get more registrants than places, so waiting lists fill there), or
 * spread in proportion to the places.
 */
export function demoResponses(p: Programme, n: number, opts: { seed?: number; spread?: 'skewed' | 'quota' } = {}): DemoResponses {
  const r = prng(opts.seed ?? 2024);
  // 'quota': each province gets registrants in proportion to its places (every one a little over).
  const places = p.provinces.map((x) => Object.values(p.quotas[x.code] ?? {}).reduce((a, b) => a + b, 0));
  const cumulative = places.map((_, i) => places.slice(0, i + 1).reduce((a, b) => a + b, 0) / places.reduce((a, b) => a + b, 0));
  const pickProvince = (): string => {
    const x = r();
    if (opts.spread === 'quota') return p.provinces[Math.max(0, cumulative.findIndex((c) => x < c))]!.code;
    return p.provinces[Math.min(p.provinces.length - 1, Math.floor(p.provinces.length * x ** 1.6))]!.code;
  };
  const form = registrationForm(p);
  const askMode = form.questions.some((q) => q.id === 'moda');
  const formId = registrationFormId(p.id);
  const start = Date.parse(`${p.year}-04-01T01:00:00Z`);
  const responses: IncomingResponse[] = [];
  const people: Record<string, string[]>[] = [];
  let duplicates = 0;
  let rejected = 0;
  for (let i = 0; i < n; i++) {
    const roll = r();
    let answers: Record<string, string[]>;
    if (people.length > 10 && roll < 0.03) {
      const o = people[Math.floor(r() * people.length)]!;
      const phone = o.telepon![0]!;
      answers = roll < 0.015 ? { ...o, telepon: [`+62 ${phone.slice(1, 4)} ${phone.slice(4)}`], email: [`lain${i}@surel.example.org`] } : { ...o, email: [o.email![0]!.toUpperCase()], telepon: [`0857${String(20_000_000 + i)}`] };
      duplicates++;
    } else {
      const province = pickProvince();
      const name = `${FIRST[Math.floor(r() * FIRST.length)]} ${LAST[Math.floor(r() * LAST.length)]}`;
      const regency = REGENCIES[province]?.[Math.floor(r() * 5)] ?? `Kota ${PROVINCES.find((x) => x.code === province)?.capital ?? province}`;
      const village = `Desa ${['Sukamaju', 'Mekarsari', 'Sidomulyo', 'Karya Bakti', 'Tanjung Harapan', 'Sumber Rejo'][Math.floor(r() * 6)]}`;
      answers = {
        nama: [name],
        lembaga: [r() < 0.5 ? `Perpustakaan ${village}` : `TBM ${['Cahaya', 'Pelangi', 'Tunas Bangsa', 'Jendela Dunia', 'Lentera'][Math.floor(r() * 5)]} ${i + 1}`],
        desa: [village.slice(5)],
        kecamatan: [`Kecamatan ${['Kota', 'Utara', 'Selatan', 'Timur', 'Barat'][Math.floor(r() * 5)]}`],
        kabupaten: [regency],
        provinsi: [province],
        telepon: [`0812${String(10_000_000 + i)}`],
        email: [`peserta${i + 1}@desa.example.org`],
        ...(askMode ? { moda: [r() < 0.2 ? 'luring' : 'daring'] } : {}),
      };
      if (roll > 0.995) {
        answers = { ...answers, telepon: ['belum punya'] };
        rejected++;
      } else {
        people.push(answers);
      }
    }
    responses.push({ formId, responseId: `demo-${String(i + 1).padStart(6, '0')}`, submittedAt: new Date(start + i * 60_000).toISOString(), respondentEmail: null, answers });
  }
  return { responses, duplicates, rejected };
}

export interface RegisterProgress {
  done: number;
  total: number;
  outcomes: Record<string, number>;
  replayed: number;
}

/** Hands every response to the registration service, `width` at a time (as the intake's reads do). */
export async function registerAll(registration: RegistrationService, responses: IncomingResponse[], opts: { width?: number; onProgress?: (p: RegisterProgress) => void; every?: number } = {}): Promise<RegisterProgress> {
  const width = opts.width ?? 8;
  const every = opts.every ?? 1_000;
  const out: RegisterProgress = { done: 0, total: responses.length, outcomes: {}, replayed: 0 };
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, responses.length) }, async () => {
      while (next < responses.length) {
        const r = responses[next++]!;
        const res = await registration.receive('', r);
        out.outcomes[res.outcome] = (out.outcomes[res.outcome] ?? 0) + 1;
        if (res.replayed) out.replayed++;
        out.done++;
        if (opts.onProgress && out.done % every === 0) opts.onProgress(out);
      }
    }),
  );
  return out;
}

/** Two trainers per event, each trainer on one event only (the event's province first), so no dates overlap. */
export async function assignDemoTrainers(programmes: ProgrammeStore, p: Programme): Promise<number> {
  const pool = await programmes.trainers(p.id);
  const used = new Set(pool.filter((t) => t.assignments.length).map((t) => t.id));
  let assigned = 0;
  for (const ev of eventsOf(p)) {
    const already = pool.filter((t) => t.assignments.some((a) => a.eventId === ev.id));
    if (already.length >= 2) continue;
    const free = pool.filter((t) => !used.has(t.id)).sort((a, b) => Number(b.province === ev.province) - Number(a.province === ev.province) || a.id.localeCompare(b.id));
    const pick = [...already, ...free].slice(0, 2);
    if (pick.length < 2) break;
    const r = await programmes.assignTrainers(p.id, { id: ev.id, start: ev.start, end: ev.end }, pick.map((t) => t.id));
    if (!r.ok) throw new Error(`trainers for ${ev.id}: ${r.conflicts.map((c) => `${c.trainerId} on ${c.eventId}`).join(', ')}`);
    for (const t of pick) used.add(t.id);
    assigned++;
  }
  return assigned;
}

/** Attendance of the first `sessions` sessions of an event for all but every tenth registered participant, marked by staff. */
export async function demoAttendance(programmes: ProgrammeStore, p: Programme, eventId: string, sessions: number, by: string): Promise<number> {
  const people = (await programmes.participants(p.id, { eventId, status: 'registered' })).sort((a, b) => a.id.localeCompare(b.id));
  const present = people.filter((_, i) => i % 10 !== 9).map((x) => x.id);
  let marked = 0;
  for (const s of p.sessions.slice(0, sessions)) {
    if (!present.length) break;
    marked += (await programmes.markAttendance(p.id, eventId, present, s.no, { at: `${eventsOf(p).find((e) => e.id === eventId)!.start}T02:00:00.000Z`, via: 'petugas', by })).marked;
  }
  return marked;
}

export interface DemoSeedResult {
  programme: Programme;
  registrations: RegisterProgress;
  duplicates: number;
  rejected: number;
  trainersAssigned: number;
  attendanceMarked: number;
  seconds: number;
}

/**
 * The owner and host agencies, the programme, its trainers (two on every event), `participants`
 * registrations through the registration service and, when `attendance` names an event, its first
 * sessions marked. Safe to run again on the same Firestore.
 */
export async function seedProgrammeDemo(
  deps: { setup: SetupStore & { agency(id: string): Promise<unknown> }; programmes: ProgrammeStore; registration: RegistrationService },
  input: Parameters<typeof seedProgramme>[2],
  opts: { trainers: number; participants: number; spread?: 'skewed' | 'quota'; width?: number; attendance?: { event: string; sessions: number }; onProgress?: (p: RegisterProgress) => void; every?: number },
): Promise<DemoSeedResult> {
  const t0 = Date.now();
  await seedProgramme(deps.setup, deps.programmes, input, { trainers: opts.trainers });
  const p = (await deps.programmes.programme(input.id))!;
  const trainersAssigned = opts.trainers >= 2 ? await assignDemoTrainers(deps.programmes, p) : 0;
  const { responses, duplicates, rejected } = demoResponses(p, opts.participants, opts.spread ? { spread: opts.spread } : {});
  const registrations = await registerAll(deps.registration, responses, { ...(opts.width ? { width: opts.width } : {}), ...(opts.onProgress ? { onProgress: opts.onProgress } : {}), ...(opts.every ? { every: opts.every } : {}) });
  const host = opts.attendance ? p.provinces.find((x) => opts.attendance!.event.startsWith(`${x.code}-`))?.hostAgencyId : undefined;
  const attendanceMarked = opts.attendance && host ? await demoAttendance(deps.programmes, p, opts.attendance.event, opts.attendance.sessions, `panitia@${host}.demo.perpustakaan.id`) : 0;
  return { programme: p, registrations, duplicates, rejected, trainersAssigned, attendanceMarked, seconds: (Date.now() - t0) / 1000 };
}
