// The reading desk's records: one document per visitor or book read, keyed by (actor,
// idempotency key) so a resent record is stored once; the month's recap is computed from them.
import type { DeskRecap } from '../contract.ts';
import { deskReadSchema, deskVisitSchema, requestHash } from '../model/records.ts';
import type { DeskRecord, DeskStore, StoreStats } from '../model/store.ts';
import { DomainFailure, domainError } from '../sop/errors.ts';
import { parseSnap, plain, type Paths } from './paths.ts';

/** Firestore's ALREADY_EXISTS: the record was stored by an earlier attempt. */
const ALREADY_EXISTS = 6;

export function createDeskRepository(p: Paths, stats: StoreStats): DeskStore {
  return {
    async recordDesk(agencyId, kind, actorEmail, idem, record) {
      const ref = p.desk(agencyId, kind).doc(requestHash([actorEmail, idem.key]).slice(0, 40));
      try {
        await ref.create(plain(record));
        stats.writes++;
        return { id: ref.id, record, replayed: false };
      } catch (err) {
        if ((err as { code?: number }).code !== ALREADY_EXISTS) throw err;
      }
      const snap = await ref.get();
      stats.reads++;
      const first = parseSnap(kind === 'visits' ? deskVisitSchema : deskReadSchema, snap) as DeskRecord<typeof kind>;
      if (first.requestHash !== idem.requestHash) {
        throw new DomainFailure(domainError('IDEMPOTENCY_KEY_REUSED', 'Kunci idempotensi ini sudah dipakai untuk catatan lain.', [{ path: 'Idempotency-Key', message: 'Kunci sudah dipakai.' }]));
      }
      return { id: ref.id, record: first, replayed: true };
    },

    async deskRecap(agencyId, month): Promise<DeskRecap> {
      const [visitSnaps, readSnaps] = await Promise.all([p.desk(agencyId, 'visits').where('month', '==', month).get(), p.desk(agencyId, 'reads').where('month', '==', month).get()]);
      stats.reads += visitSnaps.size + readSnaps.size;
      const visits = visitSnaps.docs.map((d) => parseSnap(deskVisitSchema, d));
      const reads = readSnaps.docs.map((d) => parseSnap(deskReadSchema, d));
      const byDay: Record<string, { visits: number; books: number }> = {};
      const byCategory: Record<string, number> = {};
      const byTitle = new Map<string, number>();
      const byClass: Record<string, number> = {};
      for (const v of visits) {
        (byDay[v.date] ??= { visits: 0, books: 0 }).visits++;
        byCategory[v.category] = (byCategory[v.category] ?? 0) + 1;
      }
      let books = 0;
      for (const r of reads) {
        books += r.copies;
        (byDay[r.date] ??= { visits: 0, books: 0 }).books += r.copies;
        byTitle.set(r.title, (byTitle.get(r.title) ?? 0) + r.copies);
        const cls = r.classification ? r.classification.slice(0, 1) + '00' : 'tanpa klasifikasi';
        byClass[cls] = (byClass[cls] ?? 0) + r.copies;
      }
      return {
        month,
        visits: visits.length,
        booksRead: books,
        byDay: Object.fromEntries(Object.entries(byDay).sort(([a], [b]) => a.localeCompare(b))),
        byCategory,
        byClassification: byClass,
        titles: [...byTitle.entries()].map(([title, count]) => ({ title, count })).sort((a, b) => b.count - a.count || a.title.localeCompare(b.title, 'id')),
      };
    },
  };
}
