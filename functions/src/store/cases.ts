// Cases in Firestore: one transaction per transition, reading the idempotency record, the case and
// the actor's staff record in one round trip; writing the case, the event (created, so two
// transitions that computed the same sequence number cannot both commit), the idempotency record,
// and whatever counters and outbox entries the step returned.
import { FieldValue, type DocumentReference, type DocumentSnapshot, type Transaction } from '@google-cloud/firestore';
import type { CaseState, Transition } from '../contract.ts';
import { caseEventSchema, caseStateSchema, counterSchema, idempotencyRecordSchema, staffSchema, submissionSchema, transitionSchema, type Staff } from '../model/records.ts';
import type { CaseStore, Effects, Idempotency, StoreStats, TxTools } from '../model/store.ts';
import { DomainFailure, domainError, type Result } from '../sop/errors.ts';
import { caseIndex } from './case-index.ts';
import { eventId, parseSnap, parseStored, plain, type Paths } from './paths.ts';
import { createWriteBudget } from './size.ts';
import type { LockMore, Transactor } from './transact.ts';

interface Write {
  ref: DocumentReference;
  data: Record<string, unknown>;
  what: string;
  create: boolean;
}

/** The case as stored: its state and the fields its lists are queried by. */
export function caseDocument(state: CaseState): Record<string, unknown> {
  return { ...(plain(state) as unknown as Record<string, unknown>), ix: caseIndex(state) };
}

export function createCaseRepository(transact: Transactor, p: Paths, stats: StoreStats): Omit<CaseStore, 'listCases' | 'tasks' | 'reindexCases'> {
  function checkReplay(snap: DocumentSnapshot, idem: Idempotency): Transition | null {
    if (!snap.exists) return null;
    const rec = parseSnap(idempotencyRecordSchema, snap);
    if (rec.requestHash !== idem.requestHash) {
      throw new DomainFailure(
        domainError('IDEMPOTENCY_KEY_REUSED', 'Kunci idempotensi ini sudah dipakai untuk permintaan lain. Gunakan kunci baru untuk setiap tindakan.', [
          { path: 'Idempotency-Key', message: 'Kunci sudah dipakai untuk permintaan yang berbeda.' },
        ]),
      );
    }
    let result: unknown;
    try {
      result = JSON.parse(rec.result);
    } catch {
      result = undefined;
    }
    return parseStored(transitionSchema, result, `${snap.ref.path} (result)`);
  }

  function parseCase(snap: DocumentSnapshot): CaseState {
    return parseSnap(caseStateSchema, snap);
  }

  /** Writes the case, its event and the idempotency record; every document is sized first (nothing is written if one is too large). */
  function write(tx: Transaction, agencyId: string, actorEmail: string, idem: Idempotency, t: Transition, extra: Write[] = []): void {
    const docs = [
      { ref: p.cases(agencyId).doc(t.state.id), data: caseDocument(t.state), what: 'Data kasus', create: false },
      { ref: p.events(agencyId, t.state.id).doc(eventId(t.event.seq)), data: plain(t.event) as unknown as Record<string, unknown>, what: 'Catatan riwayat langkah', create: true },
      {
        ref: p.idempotency(agencyId, actorEmail, idem.key),
        data: { requestHash: idem.requestHash, caseId: t.state.id, seq: t.event.seq, result: JSON.stringify(t), createdAt: FieldValue.serverTimestamp() },
        what: 'Catatan hasil permintaan (idempotensi)',
        create: true,
      },
      ...extra,
    ];
    const budget = createWriteBudget();
    for (const d of docs) budget.add(d.ref.path, d.data, d.what);
    for (const d of docs) {
      if (d.create) tx.create(d.ref, d.data);
      else tx.set(d.ref, d.data);
    }
    stats.writes += docs.length;
  }

  /** The documents a transition writes besides the case, its event and the idempotency record. */
  function effects(agencyId: string, fx: Effects): Write[] {
    const caseId = fx.transition.state.id;
    return [
      ...(fx.history ?? []).map((e) => ({ ref: p.events(agencyId, caseId).doc(eventId(e.seq)), data: plain(e) as unknown as Record<string, unknown>, what: 'Catatan riwayat langkah', create: true })),
      ...Object.entries(fx.counters ?? {}).map(([name, last]) => ({ ref: p.counter(agencyId, name), data: { last }, what: 'Penghitung nomor', create: false })),
      ...(fx.outbox ?? []).map((entry) => ({ ref: p.outbox(agencyId, entry.id), data: plain(entry) as unknown as Record<string, unknown>, what: `Antrean surat ${entry.docLabel}`, create: true })),
      ...(fx.submission ? [{ ref: p.submission(agencyId, fx.submission.id), data: plain(fx.submission) as unknown as Record<string, unknown>, what: 'Kiriman mitra', create: true }] : []),
      ...(fx.handled ? [{ ref: p.submission(agencyId, fx.handled.id), data: plain(fx.handled) as unknown as Record<string, unknown>, what: 'Kiriman mitra', create: false }] : []),
    ];
  }

  function unwrap<T>(r: Result<T>): T {
    if (!r.ok) throw new DomainFailure(r.error);
    return r.value;
  }

  function toolsFor(tx: Transaction, lockMore: LockMore, agencyId: string): TxTools {
    return {
      async counters(names) {
        if (names.length === 0) return [];
        const refs = names.map((n) => p.counter(agencyId, n));
        await lockMore(refs.map((r) => r.path));
        const snaps = await tx.getAll(...refs);
        stats.reads += snaps.length;
        return snaps.map((c) => (c.exists ? parseSnap(counterSchema, c).last : 0));
      },
      async signer(role) {
        const q = await tx.get(p.staffOf(agencyId).where('roles', 'array-contains', role).where('active', '==', true).limit(1));
        stats.reads++;
        return q.empty ? null : parseSnap(staffSchema, q.docs[0]!);
      },
      async staffByRef(refs) {
        const emails = [...new Set(refs.filter((r) => r.includes('@')).map((r) => r.trim().toLowerCase()))];
        const names = [...new Set(refs.filter((r) => !r.includes('@')).map((r) => r.trim()))];
        const found = new Map<string, Staff>();
        if (emails.length) {
          const snaps = await tx.getAll(...emails.map((e) => p.staff(agencyId, e)));
          stats.reads += snaps.length;
          for (const snap of snaps) if (snap.exists) found.set(snap.id.toLowerCase(), parseSnap(staffSchema, snap));
        }
        // Firestore's "in" takes at most 30 values per query.
        for (let i = 0; i < names.length; i += 30) {
          const q = await tx.get(p.staffOf(agencyId).where('name', 'in', names.slice(i, i + 30)));
          stats.reads += Math.max(1, q.size);
          for (const d of q.docs) {
            const s = parseSnap(staffSchema, d);
            if (!found.has(s.name)) found.set(s.name, s);
          }
        }
        return refs.map((r) => {
          const s = found.get(r.includes('@') ? r.trim().toLowerCase() : r.trim());
          return s && s.active ? s : null;
        });
      },
      async submission(id) {
        const snap = await tx.get(p.submission(agencyId, id));
        stats.reads++;
        return snap.exists ? parseSnap(submissionSchema, snap) : null;
      },
    };
  }

  return {
    async createCase(agencyId, actorEmail, idem, counterName, build) {
      const id = p.cases(agencyId).doc().id;
      const counterRef = p.counter(agencyId, counterName);
      return transact([counterRef.path], async (tx, lockMore) => {
        const [idemSnap, counter] = await tx.getAll(p.idempotency(agencyId, actorEmail, idem.key), counterRef);
        stats.reads += 2;
        const first = checkReplay(idemSnap!, idem);
        if (first) return { value: first, replayed: true };
        const serial = (counter!.exists ? parseSnap(counterSchema, counter!).last : 0) + 1;
        const fx = unwrap(await build(id, serial, toolsFor(tx, lockMore, agencyId)));
        write(tx, agencyId, actorEmail, idem, fx.transition, [{ ref: counterRef, data: { last: serial }, what: 'Penghitung nomor kasus', create: false }, ...effects(agencyId, fx)]);
        return { value: fx.transition, replayed: false };
      });
    },

    async updateCase(agencyId, caseId, actorEmail, idem, step) {
      const caseRef = p.cases(agencyId).doc(caseId);
      return transact([caseRef.path], async (tx, lockMore) => {
        // One round trip for everything a transition depends on.
        const [idemSnap, snap, member] = await tx.getAll(p.idempotency(agencyId, actorEmail, idem.key), caseRef, p.staff(agencyId, actorEmail));
        stats.reads += 3;
        const first = checkReplay(idemSnap!, idem);
        if (first) return { value: first, replayed: true };
        if (!snap!.exists) throw new DomainFailure(domainError('NOT_FOUND', `Kasus ${caseId} tidak ditemukan.`, [{ path: 'caseId', message: 'Kasus tidak ditemukan.' }]));
        const staff = member!.exists ? parseSnap(staffSchema, member!) : null;
        const fx = unwrap(await step(parseCase(snap!), staff, toolsFor(tx, lockMore, agencyId)));
        write(tx, agencyId, actorEmail, idem, fx.transition, effects(agencyId, fx));
        return { value: fx.transition, replayed: false };
      });
    },

    async readCase(agencyId, caseId) {
      const ref = p.cases(agencyId).doc(caseId);
      const [snap, events] = await Promise.all([ref.get(), p.events(agencyId, caseId).orderBy('seq').get()]);
      if (!snap.exists) return null;
      return { state: parseCase(snap), events: events.docs.map((d) => parseSnap(caseEventSchema, d)) };
    },
  };
}
