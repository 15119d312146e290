// The outbox in Firestore: entries leased by one worker at a time, their progress recorded after
// every external call, settled together with their document on the case. The worker decides what
// to do; this only keeps it.
import type { Firestore } from '@google-cloud/firestore';
import { caseStateSchema, outboxEntrySchema } from '../model/records.ts';
import type { OutboxStore, StoreStats } from '../model/store.ts';
import { parseSnap, plain, type Paths } from './paths.ts';
import type { Transactor } from './transact.ts';

export function createOutboxRepository(db: Firestore, transact: Transactor, p: Paths, stats: StoreStats): OutboxStore {
  return {
    async lease(agencyId, id, now, leaseMs) {
      return transact([p.outbox(agencyId, id).path], async (tx) => {
        const snap = await tx.get(p.outbox(agencyId, id));
        stats.reads++;
        if (!snap.exists) return null;
        const e = parseSnap(outboxEntrySchema, snap);
        if (e.status === 'done' || e.status === 'dead' || new Date(e.nextAttemptAt) > now) return null;
        const until = new Date(now.getTime() + leaseMs).toISOString();
        // While leased, nextAttemptAt is the lease end: the sweeper takes it over only if this worker dies.
        tx.update(snap.ref, { status: 'running', leaseUntil: until, nextAttemptAt: until, updatedAt: now.toISOString() });
        stats.writes++;
        return { ...e, status: 'running' as const, leaseUntil: until, nextAttemptAt: until };
      });
    },

    async progress(e, progress, now) {
      const update: Record<string, unknown> = { updatedAt: now.toISOString() };
      for (const [k, v] of Object.entries(plain(progress))) update[`progress.${k}`] = v;
      await p.outbox(e.agencyId, e.id).update(update);
      stats.writes++;
    },

    async settle(e, outcome, document, now) {
      // The case is shared with the people taking its steps: it queues behind them here.
      await transact([p.cases(e.agencyId).doc(e.caseId).path, p.outbox(e.agencyId, e.id).path], async (tx) => {
        const c = await tx.get(p.cases(e.agencyId).doc(e.caseId));
        stats.reads++;
        tx.update(p.outbox(e.agencyId, e.id), { ...outcome, leaseUntil: null, updatedAt: now.toISOString() });
        stats.writes++;
        // A newer revision of the document was produced meanwhile: it is that entry's to settle.
        if (c.exists && parseSnap(caseStateSchema, c).documents[e.docId]?.revision === e.revision) {
          const u: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(plain(document))) u[`documents.${e.docId}.${k}`] = v;
          tx.update(c.ref, u);
          stats.writes++;
        }
      });
    },

    async retryLater(e, retry, now) {
      await p.outbox(e.agencyId, e.id).update({ status: 'pending', ...retry, leaseUntil: null, updatedAt: now.toISOString() });
      stats.writes++;
    },

    async due(now, limit) {
      const snap = await db
        .collectionGroup('outbox')
        .where('status', 'in', ['pending', 'running'])
        .where('nextAttemptAt', '<=', now.toISOString())
        .orderBy('nextAttemptAt')
        .limit(limit)
        .get();
      stats.reads += Math.max(1, snap.size);
      return snap.docs.map((d) => ({ agencyId: parseSnap(outboxEntrySchema, d).agencyId, id: d.id }));
    },

    async requeue(agencyId, id, now) {
      await transact([p.outbox(agencyId, id).path], async (tx) => {
        const snap = await tx.get(p.outbox(agencyId, id));
        if (!snap.exists || parseSnap(outboxEntrySchema, snap).status !== 'dead') throw new Error(`outbox entry ${id} is not dead-lettered`);
        // A fresh copy from the (fixed) template; the send guard stays, so no e-mail goes out twice.
        const sendIntent = snap.get('progress.sendIntent') === true;
        tx.update(snap.ref, { status: 'pending', attempts: 0, nextAttemptAt: now.toISOString(), lastError: null, progress: sendIntent ? { sendIntent } : {} });
      });
    },
  };
}
