// What the SOP performance report reads: the SOP's cases created before the period's end (an
// equality and a range on one composite index), the events of those that bear on the period, and
// the SOP's cases open now. Events are read per case, 20 cases at a time.
import type { Firestore } from '@google-cloud/firestore';
import type { CaseEvent, CaseState } from '../contract.ts';
import { caseEventSchema, caseStateSchema, outboxEntrySchema, submissionSchema, surveyRecordSchema } from '../model/records.ts';
import type { ReportStore, StoreStats } from '../model/store.ts';
import { parseSnap, plain, type Paths } from './paths.ts';
import { createWriteBudget } from './size.ts';

const PARALLEL = 20;

export function createReportRepository(db: Firestore, p: Paths, stats: StoreStats): ReportStore {
  return {
    async casesCreatedBefore(agencyId, sopId, before) {
      const snap = await p.cases(agencyId).where('sopId', '==', sopId).where('createdAt', '<', before.toISOString()).get();
      stats.reads += Math.max(1, snap.size);
      return snap.docs.map((d) => parseSnap(caseStateSchema, d));
    },

    async openCasesOf(agencyId, sopId) {
      const snap = await p.cases(agencyId).where('sopId', '==', sopId).where('status', '==', 'open').get();
      stats.reads += Math.max(1, snap.size);
      return snap.docs.map((d) => parseSnap(caseStateSchema, d));
    },

    async eventsOf(agencyId, cases) {
      const out: { state: CaseState; events: CaseEvent[] }[] = [];
      for (let i = 0; i < cases.length; i += PARALLEL) {
        const batch = await Promise.all(
          cases.slice(i, i + PARALLEL).map(async (state) => {
            const snap = await p.events(agencyId, state.id).orderBy('seq').get();
            stats.reads += Math.max(1, snap.size);
            return { state, events: snap.docs.map((d) => parseSnap(caseEventSchema, d)) };
          }),
        );
        out.push(...batch);
      }
      return out;
    },

    async enqueueDocument(entry) {
      const ref = p.outbox(entry.agencyId, entry.id);
      return db.runTransaction(async (tx) => {
        const snap = await tx.get(ref);
        stats.reads++;
        if (snap.exists) return { entry: parseSnap(outboxEntrySchema, snap), replayed: true };
        tx.create(ref, plain(entry) as unknown as Record<string, unknown>);
        stats.writes++;
        return { entry, replayed: false };
      });
    },

    async recordSurvey(record) {
      const ref = p.agency(record.agencyId).collection('surveys').doc(record.id);
      return db.runTransaction(async (tx) => {
        const snap = await tx.get(ref);
        stats.reads++;
        if (snap.exists) return { record: parseSnap(surveyRecordSchema, snap), replayed: true };
        tx.create(ref, plain(record));
        stats.writes++;
        return { record, replayed: false };
      });
    },

    async recordCaseSurvey(record, accepted, refused) {
      const ref = p.agency(record.agencyId).collection('surveys').doc(record.id);
      const sub = p.submission(accepted.agencyId, accepted.id);
      return db.runTransaction(async (tx) => {
        const [known, first] = await Promise.all([tx.get(sub), tx.get(ref)]);
        stats.reads += 2;
        if (known.exists) return { submission: parseSnap(submissionSchema, known), replayed: true };
        const submission = first.exists ? refused(parseSnap(surveyRecordSchema, first)) : accepted;
        const data = plain(submission) as unknown as Record<string, unknown>;
        createWriteBudget().add(sub.path, data, 'Kiriman mitra');
        tx.create(sub, data);
        if (!first.exists) tx.create(ref, plain(record));
        stats.writes += first.exists ? 1 : 2;
        return { submission, replayed: false };
      });
    },

    async surveys(agencyId, from, to) {
      const snap = await p.agency(agencyId).collection('surveys').where('at', '>=', from.toISOString()).where('at', '<', to.toISOString()).orderBy('at', 'desc').get();
      stats.reads += Math.max(1, snap.size);
      return snap.docs.map((d) => parseSnap(surveyRecordSchema, d));
    },

    async documentEntry(agencyId, id) {
      const snap = await p.outbox(agencyId, id).get();
      stats.reads++;
      return snap.exists ? parseSnap(outboxEntrySchema, snap) : null;
    },
  };
}
