// Firestore adapter. Layout (all under the agency, so security rules can scope by agency):
//   agencies/{agencyId}                         name, time zone, letterhead
//   agencies/{agencyId}/staff/{email}           name, roles, active
//   agencies/{agencyId}/sops/{sopId}            activeVersion
//   agencies/{agencyId}/sops/{sopId}/versions/{v}   the definition (immutable once written)
//   agencies/{agencyId}/cases/{caseId}          current state
//   agencies/{agencyId}/cases/{caseId}/events/{seq}  append-only history, id = zero-padded sequence
//   agencies/{agencyId}/counters/{name}         running numbers (case numbers)
//   agencies/{agencyId}/idempotency/{hash}      first result of each idempotency key
//   holidays/{year}                             national holidays and cuti bersama
import { createHash } from 'node:crypto';
import { FieldValue, type DocumentSnapshot, type Firestore, type Transaction } from '@google-cloud/firestore';
import { z } from 'zod';
import type { AgencyZone } from '../sop/calendar.ts';
import type { CaseEvent, CaseState, Transition } from '../sop/engine.ts';
import { DomainFailure, domainError, type Result } from '../sop/errors.ts';
import { loadDefinition, type SopDefinition } from '../sop/schema.ts';
import type { OutboxEntry } from '../outbox/types.ts';

export const agencySchema = z.object({
  name: z.string().min(1),
  shortName: z.string().min(1),
  timeZone: z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']),
  /** Agency-specific non-working days on top of the national list (local cuti bersama, etc.). */
  extraHolidays: z.array(z.string()).default([]),
  /**
   * Letter numbers: the format uses {klasifikasi} {urut} {unit} {bulan_romawi} {bulan} {tahun};
   * klasifikasi overrides a template's default classification code, by template id.
   */
  numbering: z
    .object({
      format: z.string().min(1).default('{klasifikasi}/{urut}/{unit}/{bulan_romawi}/{tahun}'),
      unit: z.string().min(1).default('DISPUSIP'),
      pad: z.number().int().min(0).max(6).default(0),
      klasifikasi: z.record(z.string(), z.string()).default({}),
    })
    .default({ format: '{klasifikasi}/{urut}/{unit}/{bulan_romawi}/{tahun}', unit: 'DISPUSIP', pad: 0, klasifikasi: {} }),
  /** The agency's sending address (the Gmail user the function sends as). */
  mail: z.object({ fromName: z.string().min(1), fromAddress: z.email() }).optional(),
  /** Production documents: the Drive folder for generated letters and each template's Google Doc id. */
  google: z.object({ folderId: z.string().min(1), templates: z.record(z.string(), z.string()).default({}) }).optional(),
  letterhead: z
    .object({
      pemerintah: z.string(),
      dinas: z.string(),
      alamat: z.string(),
      telepon: z.string().optional(),
      email: z.string().optional(),
      laman: z.string().optional(),
      kota: z.string(),
    })
    .optional(),
});
export type Agency = z.infer<typeof agencySchema> & { id: string; timeZone: AgencyZone };

export const staffSchema = z.object({
  email: z.string(),
  name: z.string().min(1),
  nip: z.string().optional(),
  /** Pangkat and golongan, printed under the signer's name (e.g. "Pembina Tk. I (IV/b)"). */
  pangkat: z.string().optional(),
  jabatan: z.string().optional(),
  roles: z.array(z.string()),
  active: z.boolean().default(true),
});
export type Staff = z.infer<typeof staffSchema>;

const caseStateSchema = z.looseObject({
  id: z.string(),
  nomor: z.string(),
  sopId: z.string(),
  sopVersion: z.number().int(),
  status: z.enum(['open', 'closed', 'cancelled']),
  currentStep: z.number().int().nullable(),
  currentRoles: z.array(z.string()),
  version: z.number().int().positive(),
  data: z.record(z.string(), z.unknown()),
  documents: z.record(z.string(), z.unknown()),
  decisions: z.record(z.string(), z.enum(['yes', 'no'])),
});

export interface Idempotency {
  key: string;
  /** Hash of what was asked; the same key with a different request is refused, not replayed. */
  requestHash: string;
}

export interface Stored<T> {
  value: T;
  replayed: boolean;
}

export interface StoreStats {
  reads: number;
  writes: number;
}

export type CaseStore = ReturnType<typeof createCaseStore>;

/** The reading desk's month: visitors and books read, by day, category, class and title. */
export interface DeskRecap {
  month: string;
  visits: number;
  booksRead: number;
  byDay: Record<string, { visits: number; books: number }>;
  byCategory: Record<string, number>;
  byClassification: Record<string, number>;
  titles: { title: string; count: number }[];
}

/** Reads a transition may make inside its transaction, before it writes. */
export interface TxTools {
  /** The last value of a per-agency counter (0 when it was never used). */
  counter(name: string): Promise<number>;
  /** An active staff member holding `role` (the signer of a letter), or null. */
  signer(role: string): Promise<Staff | null>;
}

/** What a transition writes besides the case and its event. */
export interface Effects {
  transition: Transition;
  /** New last values of counters read through TxTools.counter. */
  counters?: Record<string, number>;
  outbox?: OutboxEntry[];
}

export function requestHash(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** Firestore rejects `undefined`; our state is plain JSON data, so a JSON round trip is exact. */
function plain<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

export function eventId(seq: number): string {
  return String(seq).padStart(6, '0');
}

const CACHE_MS = 60_000;

export function createCaseStore(db: Firestore, opts: { now?: () => number } = {}) {
  const now = opts.now ?? Date.now;
  const agencies = new Map<string, { at: number; agency: Agency | null }>();
  const definitions = new Map<string, SopDefinition>();
  let holidayCache: { at: number; dates: string[] } | undefined;
  /** Document reads and writes this store made, so the benchmark can report them per transition. */
  const stats: StoreStats = { reads: 0, writes: 0 };

  const agencyRef = (a: string) => db.collection('agencies').doc(a);
  const casesCol = (a: string) => agencyRef(a).collection('cases');
  const staffRef = (a: string, email: string) => agencyRef(a).collection('staff').doc(email.toLowerCase());
  const idemRef = (a: string, email: string, key: string) =>
    agencyRef(a).collection('idempotency').doc(requestHash([email.toLowerCase(), key]));

  async function agency(agencyId: string): Promise<Agency | null> {
    const hit = agencies.get(agencyId);
    if (hit && now() - hit.at < CACHE_MS) return hit.agency;
    const snap = await agencyRef(agencyId).get();
    stats.reads++;
    let value: Agency | null = null;
    if (snap.exists) {
      const parsed = agencySchema.safeParse(snap.data());
      if (!parsed.success) throw new Error(`agencies/${agencyId} is malformed: ${parsed.error.message}`);
      value = { ...parsed.data, id: agencyId };
    }
    agencies.set(agencyId, { at: now(), agency: value });
    return value;
  }

  async function holidays(): Promise<string[]> {
    if (holidayCache && now() - holidayCache.at < CACHE_MS) return holidayCache.dates;
    const snap = await db.collection('holidays').get();
    stats.reads += Math.max(1, snap.size);
    const dates = snap.docs.flatMap((d) => {
      const v = d.get('dates');
      return Array.isArray(v) ? v.map((x: unknown) => String(x)) : [];
    });
    holidayCache = { at: now(), dates };
    return dates;
  }

  async function staff(agencyId: string, email: string): Promise<Staff | null> {
    const snap = await staffRef(agencyId, email).get();
    stats.reads++;
    return parseStaff(snap, agencyId);
  }

  async function definition(agencyId: string, sopId: string, version?: number): Promise<SopDefinition | null> {
    let v = version;
    if (v === undefined) {
      const head = await agencyRef(agencyId).collection('sops').doc(sopId).get();
      stats.reads++;
      if (!head.exists) return null;
      v = Number(head.get('activeVersion'));
    }
    const key = `${agencyId}/${sopId}/${v}`;
    const cached = definitions.get(key);
    if (cached) return cached;
    const snap = await agencyRef(agencyId).collection('sops').doc(sopId).collection('versions').doc(String(v)).get();
    stats.reads++;
    if (!snap.exists) return null;
    const def = loadDefinition(snap.get('definition'));
    definitions.set(key, def);
    return def;
  }

  async function deskRecap(agencyId: string, month: string): Promise<DeskRecap> {
    const [visits, reads] = await Promise.all([
      agencyRef(agencyId).collection('desk_visits').where('month', '==', month).get(),
      agencyRef(agencyId).collection('desk_reads').where('month', '==', month).get(),
    ]);
    const byDay: Record<string, { visits: number; books: number }> = {};
    const byCategory: Record<string, number> = {};
    const byTitle = new Map<string, number>();
    const byClass: Record<string, number> = {};
    for (const v of visits.docs) {
      const d = String(v.get('date'));
      (byDay[d] ??= { visits: 0, books: 0 }).visits++;
      const cat = String(v.get('category'));
      byCategory[cat] = (byCategory[cat] ?? 0) + 1;
    }
    let books = 0;
    for (const r of reads.docs) {
      const n = Number(r.get('copies') ?? 1);
      books += n;
      const d = String(r.get('date'));
      (byDay[d] ??= { visits: 0, books: 0 }).books += n;
      const title = String(r.get('title'));
      byTitle.set(title, (byTitle.get(title) ?? 0) + n);
      const cls = r.get('classification') ? String(r.get('classification')).slice(0, 1) + '00' : 'tanpa klasifikasi';
      byClass[cls] = (byClass[cls] ?? 0) + n;
    }
    stats.reads += visits.size + reads.size;
    return {
      month,
      visits: visits.size,
      booksRead: books,
      byDay: Object.fromEntries(Object.entries(byDay).sort(([a], [b]) => a.localeCompare(b))),
      byCategory,
      byClassification: byClass,
      titles: [...byTitle.entries()].map(([title, count]) => ({ title, count })).sort((a, b) => b.count - a.count || a.title.localeCompare(b.title, 'id')),
    };
  }

  async function activeDefinitions(agencyId: string): Promise<SopDefinition[]> {
    const heads = await agencyRef(agencyId).collection('sops').get();
    const defs = await Promise.all(heads.docs.map((h) => definition(agencyId, h.id, Number(h.get('activeVersion')))));
    return defs.filter((d): d is SopDefinition => d !== null).sort((a, b) => a.title.localeCompare(b.title, 'id'));
  }

  function checkReplay(snap: DocumentSnapshot, idem: Idempotency): Transition | null {
    if (!snap.exists) return null;
    if (snap.get('requestHash') !== idem.requestHash) {
      throw new DomainFailure(
        domainError('IDEMPOTENCY_KEY_REUSED', 'Kunci idempotensi ini sudah dipakai untuk permintaan lain. Gunakan kunci baru untuk setiap tindakan.', [
          { path: 'Idempotency-Key', message: 'Kunci sudah dipakai untuk permintaan yang berbeda.' },
        ]),
      );
    }
    return JSON.parse(String(snap.get('result'))) as Transition;
  }

  function parseStaff(snap: DocumentSnapshot, agencyId: string): Staff | null {
    if (!snap.exists) return null;
    const parsed = staffSchema.safeParse(snap.data());
    if (!parsed.success) throw new Error(`staff ${snap.id} of ${agencyId} is malformed: ${parsed.error.message}`);
    return parsed.data;
  }

  function write(tx: Transaction, agencyId: string, actorEmail: string, idem: Idempotency, t: Transition): void {
    const caseRef = casesCol(agencyId).doc(t.state.id);
    tx.set(caseRef, plain(t.state));
    // create(), not set(): two transitions that computed the same sequence number cannot both commit.
    tx.create(caseRef.collection('events').doc(eventId(t.event.seq)), plain(t.event));
    tx.create(idemRef(agencyId, actorEmail, idem.key), {
      requestHash: idem.requestHash,
      caseId: t.state.id,
      seq: t.event.seq,
      result: JSON.stringify(t),
      createdAt: FieldValue.serverTimestamp(),
    });
    stats.writes += 3;
  }

  function unwrap<T>(r: Result<T>): T {
    if (!r.ok) throw new DomainFailure(r.error);
    return r.value;
  }

  async function run<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    try {
      return await db.runTransaction(fn);
    } catch (err) {
      // Contention that outlived the client's retries: the case moved under us.
      if ((err as { code?: number }).code === 10) {
        throw new DomainFailure(domainError('VERSION_CONFLICT', 'Kasus sedang diubah oleh orang lain. Muat ulang lalu coba lagi.'));
      }
      throw err;
    }
  }

  return {
    stats,
    agency,
    holidays,
    staff,
    definition,
    activeDefinitions,
    deskRecap,

    /** Creates a case numbered from a per-agency, per-year counter in the same transaction. */
    async create(
      agencyId: string,
      actorEmail: string,
      idem: Idempotency,
      counterName: string,
      build: (id: string, serial: number) => Result<Transition>,
    ): Promise<Stored<Transition>> {
      const id = casesCol(agencyId).doc().id;
      const counterRef = agencyRef(agencyId).collection('counters').doc(counterName);
      return run(async (tx) => {
        const [idemSnap, counter] = await tx.getAll(idemRef(agencyId, actorEmail, idem.key), counterRef);
        stats.reads += 2;
        const first = checkReplay(idemSnap!, idem);
        if (first) return { value: first, replayed: true };
        const serial = (counter!.exists ? Number(counter!.get('last')) : 0) + 1;
        const t = unwrap(build(id, serial));
        tx.set(counterRef, { last: serial });
        stats.writes++;
        write(tx, agencyId, actorEmail, idem, t);
        return { value: t, replayed: false };
      });
    },

    /**
     * One transition = one transaction: read the case, run the engine, write the case and the
     * event, and with them any counters the step reserved and the outbox entries of its side effects.
     */
    async update(
      agencyId: string,
      caseId: string,
      actorEmail: string,
      idem: Idempotency,
      step: (state: CaseState, member: Staff | null, tools: TxTools) => Promise<Result<Effects>> | Result<Effects>,
    ): Promise<Stored<Transition>> {
      return run(async (tx) => {
        // One round trip for everything a transition depends on.
        const [idemSnap, snap, member] = await tx.getAll(idemRef(agencyId, actorEmail, idem.key), casesCol(agencyId).doc(caseId), staffRef(agencyId, actorEmail));
        stats.reads += 3;
        const first = checkReplay(idemSnap!, idem);
        if (first) return { value: first, replayed: true };
        if (!snap!.exists) throw new DomainFailure(domainError('NOT_FOUND', `Kasus ${caseId} tidak ditemukan.`, [{ path: 'caseId', message: 'Kasus tidak ditemukan.' }]));
        const tools: TxTools = {
          async counter(name) {
            const c = await tx.get(agencyRef(agencyId).collection('counters').doc(name));
            stats.reads++;
            return c.exists ? Number(c.get('last')) : 0;
          },
          async signer(role) {
            const q = await tx.get(agencyRef(agencyId).collection('staff').where('roles', 'array-contains', role).where('active', '==', true).limit(1));
            stats.reads++;
            return q.empty ? null : parseStaff(q.docs[0]!, agencyId);
          },
        };
        const fx = unwrap(await step(parseCase(snap!.data(), caseId), parseStaff(member!, agencyId), tools));
        for (const [name, last] of Object.entries(fx.counters ?? {})) {
          tx.set(agencyRef(agencyId).collection('counters').doc(name), { last });
          stats.writes++;
        }
        for (const entry of fx.outbox ?? []) {
          tx.create(agencyRef(agencyId).collection('outbox').doc(entry.id), plain(entry));
          stats.writes++;
        }
        write(tx, agencyId, actorEmail, idem, fx.transition);
        return { value: fx.transition, replayed: false };
      });
    },

    async read(agencyId: string, caseId: string): Promise<{ state: CaseState; events: CaseEvent[] } | null> {
      const ref = casesCol(agencyId).doc(caseId);
      const [snap, events] = await Promise.all([ref.get(), ref.collection('events').orderBy('seq').get()]);
      if (!snap.exists) return null;
      return { state: parseCase(snap.data(), caseId), events: events.docs.map((d) => d.data() as CaseEvent) };
    },

    /** Agencies where this e-mail is staff (the add-on's agency picker). */
    async memberships(email: string): Promise<{ agencyId: string; staff: Staff }[]> {
      const snap = await db.collectionGroup('staff').where('email', '==', email.toLowerCase()).get();
      stats.reads += Math.max(1, snap.size);
      return snap.docs.map((d) => ({ agencyId: d.ref.parent.parent!.id, staff: parseStaff(d, d.ref.parent.parent!.id)! }));
    },

    /** The agency's cases, newest first (the dashboard). */
    async list(agencyId: string, limit: number): Promise<CaseState[]> {
      const snap = await casesCol(agencyId).orderBy('createdAt', 'desc').limit(limit).get();
      stats.reads += Math.max(1, snap.size);
      return snap.docs.map((d) => parseCase(d.data(), d.id));
    },

    /** Open cases whose current step one of these roles can take. */
    async tasks(agencyId: string, roles: string[]): Promise<CaseState[]> {
      if (roles.length === 0) return [];
      const snap = await casesCol(agencyId).where('currentRoles', 'array-contains-any', roles.slice(0, 30)).limit(500).get();
      return snap.docs.map((d) => parseCase(d.data(), d.id));
    },

    // --- set-up (catalog installation, demo data, tests) ---

    async putAgency(agencyId: string, agency: z.input<typeof agencySchema>): Promise<void> {
      await agencyRef(agencyId).set(plain(agencySchema.parse(agency)));
      agencies.delete(agencyId);
    },

    async putStaff(agencyId: string, member: z.input<typeof staffSchema>): Promise<void> {
      const s = staffSchema.parse({ ...member, email: member.email.toLowerCase() });
      await agencyRef(agencyId).collection('staff').doc(s.email).set(plain(s));
    },

    async putHolidays(year: number, dates: string[]): Promise<void> {
      const bad = dates.filter((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || !d.startsWith(`${year}-`) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)) || new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d);
      if (bad.length) throw new Error(`holidays for ${year}: not dates of that year (yyyy-mm-dd): ${bad.join(', ')}`);
      await db.collection('holidays').doc(String(year)).set({ dates });
      holidayCache = undefined;
    },

    /**
     * Installs definitions for an agency. A version already stored is never overwritten (running
     * cases stay on the version they started with); the highest version becomes active.
     */
    async installDefinitions(agencyId: string, defs: SopDefinition[]): Promise<void> {
      for (const def of defs) {
        const head = agencyRef(agencyId).collection('sops').doc(def.id);
        await db.runTransaction(async (tx) => {
          const [h, v] = await Promise.all([tx.get(head), tx.get(head.collection('versions').doc(String(def.version)))]);
          if (!v.exists) tx.create(v.ref, { definition: plain(def) });
          const active = h.exists ? Number(h.get('activeVersion')) : 0;
          if (def.version > active) tx.set(head, { activeVersion: def.version, title: def.title, code: def.code });
        });
      }
    },
  };
}

function parseCase(data: unknown, caseId: string): CaseState {
  const r = caseStateSchema.safeParse(data);
  if (!r.success) throw new Error(`case ${caseId} is malformed in Firestore: ${r.error.message}`);
  return r.data as unknown as CaseState;
}
