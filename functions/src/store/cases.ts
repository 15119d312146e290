// Cases in Firestore: one transaction per transition, reading the idempotency record, the case and
// the actor's staff record in one round trip; writing the case, the event (created, so two
// transitions that computed the same sequence number cannot both commit), the idempotency record,
// and whatever counters and outbox entries the step returned.
import { FieldValue, type DocumentSnapshot, type Firestore, type Transaction } from '@google-cloud/firestore';
import type { CaseState, Transition } from '../contract.ts';
import { caseEventSchema, caseStateSchema, counterSchema, idempotencyRecordSchema, staffSchema, transitionSchema } from '../model/records.ts';
import type { CaseStore, Idempotency, StoreStats, TxTools } from '../model/store.ts';
import { DomainFailure, domainError, type Result } from '../sop/errors.ts';
import { eventId, parseSnap, parseStored, plain, type Paths } from './paths.ts';

/** Firestore's ABORTED: contention that outlived the client's retries. */
const ABORTED = 10;

export function createCaseRepository(db: Firestore, p: Paths, stats: StoreStats): CaseStore {
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

  function write(tx: Transaction, agencyId: string, actorEmail: string, idem: Idempotency, t: Transition): void {
    tx.set(p.cases(agencyId).doc(t.state.id), plain(t.state));
    tx.create(p.events(agencyId, t.state.id).doc(eventId(t.event.seq)), plain(t.event));
    tx.create(p.idempotency(agencyId, actorEmail, idem.key), {
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
      if ((err as { code?: number }).code === ABORTED) {
        throw new DomainFailure(domainError('VERSION_CONFLICT', 'Kasus sedang diubah oleh orang lain. Muat ulang lalu coba lagi.'));
      }
      throw err;
    }
  }

  function toolsFor(tx: Transaction, agencyId: string): TxTools {
    return {
      async counter(name) {
        const c = await tx.get(p.counter(agencyId, name));
        stats.reads++;
        return c.exists ? parseSnap(counterSchema, c).last : 0;
      },
      async signer(role) {
        const q = await tx.get(p.staffOf(agencyId).where('roles', 'array-contains', role).where('active', '==', true).limit(1));
        stats.reads++;
        return q.empty ? null : parseSnap(staffSchema, q.docs[0]!);
      },
    };
  }

  return {
    async createCase(agencyId, actorEmail, idem, counterName, build) {
      const id = p.cases(agencyId).doc().id;
      const counterRef = p.counter(agencyId, counterName);
      return run(async (tx) => {
        const [idemSnap, counter] = await tx.getAll(p.idempotency(agencyId, actorEmail, idem.key), counterRef);
        stats.reads += 2;
        const first = checkReplay(idemSnap!, idem);
        if (first) return { value: first, replayed: true };
        const serial = (counter!.exists ? parseSnap(counterSchema, counter!).last : 0) + 1;
        const t = unwrap(build(id, serial));
        tx.set(counterRef, { last: serial });
        stats.writes++;
        write(tx, agencyId, actorEmail, idem, t);
        return { value: t, replayed: false };
      });
    },

    async updateCase(agencyId, caseId, actorEmail, idem, step) {
      return run(async (tx) => {
        // One round trip for everything a transition depends on.
        const [idemSnap, snap, member] = await tx.getAll(p.idempotency(agencyId, actorEmail, idem.key), p.cases(agencyId).doc(caseId), p.staff(agencyId, actorEmail));
        stats.reads += 3;
        const first = checkReplay(idemSnap!, idem);
        if (first) return { value: first, replayed: true };
        if (!snap!.exists) throw new DomainFailure(domainError('NOT_FOUND', `Kasus ${caseId} tidak ditemukan.`, [{ path: 'caseId', message: 'Kasus tidak ditemukan.' }]));
        const staff = member!.exists ? parseSnap(staffSchema, member!) : null;
        const fx = unwrap(await step(parseCase(snap!), staff, toolsFor(tx, agencyId)));
        for (const [name, last] of Object.entries(fx.counters ?? {})) {
          tx.set(p.counter(agencyId, name), { last });
          stats.writes++;
        }
        for (const entry of fx.outbox ?? []) {
          tx.create(p.outbox(agencyId, entry.id), plain(entry));
          stats.writes++;
        }
        write(tx, agencyId, actorEmail, idem, fx.transition);
        return { value: fx.transition, replayed: false };
      });
    },

    async readCase(agencyId, caseId) {
      const ref = p.cases(agencyId).doc(caseId);
      const [snap, events] = await Promise.all([ref.get(), p.events(agencyId, caseId).orderBy('seq').get()]);
      if (!snap.exists) return null;
      return { state: parseCase(snap), events: events.docs.map((d) => parseSnap(caseEventSchema, d)) };
    },

    async listCases(agencyId, limit) {
      const snap = await p.cases(agencyId).orderBy('createdAt', 'desc').limit(limit).get();
      stats.reads += Math.max(1, snap.size);
      return snap.docs.map(parseCase);
    },

    async tasks(agencyId, roles) {
      if (roles.length === 0) return [];
      const snap = await p.cases(agencyId).where('currentRoles', 'array-contains-any', roles.slice(0, 30)).limit(500).get();
      return snap.docs.map(parseCase);
    },
  };
}
