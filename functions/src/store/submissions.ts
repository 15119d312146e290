// Partner form submissions in Firestore: one document per form response, created once (a second
// delivery finds it and gets the first record back), listed newest first for staff review.
import { FieldPath, type Query } from '@google-cloud/firestore';
import { submissionSchema, type Submission } from '../model/records.ts';
import type { StoreStats, SubmissionStore } from '../model/store.ts';
import { parseSnap, plain, type Paths } from './paths.ts';
import { createWriteBudget } from './size.ts';

/** Firestore's ALREADY_EXISTS. */
const ALREADY_EXISTS = 6;

export function createSubmissionRepository(p: Paths, stats: StoreStats): SubmissionStore {
  async function get(agencyId: string, id: string): Promise<Submission | null> {
    const snap = await p.submission(agencyId, id).get();
    stats.reads++;
    return snap.exists ? parseSnap(submissionSchema, snap) : null;
  }

  return {
    async recordSubmission(s) {
      const ref = p.submission(s.agencyId, s.id);
      const data = plain(s) as unknown as Record<string, unknown>;
      createWriteBudget().add(ref.path, data, 'Kiriman mitra');
      try {
        await ref.create(data);
        stats.writes++;
        return { submission: s, replayed: false };
      } catch (err) {
        if ((err as { code?: number }).code !== ALREADY_EXISTS) throw err;
      }
      return { submission: (await get(s.agencyId, s.id))!, replayed: true };
    },

    submission: get,

    async listSubmissions(agencyId, opts) {
      const base: Query = opts.status ? p.submissions(agencyId).where('status', '==', opts.status) : p.submissions(agencyId);
      const q = base.orderBy('receivedAt', 'desc').orderBy(FieldPath.documentId(), 'desc');
      // One more than asked: whether older ones follow.
      const snap = await (opts.after ? q.startAfter(opts.after.key, opts.after.id) : q).limit(opts.limit + 1).get();
      stats.reads += Math.max(1, snap.size);
      const items = snap.docs.slice(0, opts.limit).map((d) => parseSnap(submissionSchema, d));
      const last = items.at(-1);
      return { items, next: snap.size > opts.limit && last ? { key: last.receivedAt, id: last.id } : null, total: null };
    },

    async recentFrom(agencyId, contact, since) {
      const counts = await Promise.all(
        (
          [
            ['contact.email', contact.email],
            ['contact.phone', contact.phone],
          ] as const
        )
          .filter(([, v]) => v)
          .map(async ([field, v]) => (await p.submissions(agencyId).where(field, '==', v).where('receivedAt', '>=', since).count().get()).data().count),
      );
      stats.reads += counts.length;
      return Math.max(0, ...counts);
    },

    async lastWithFingerprint(agencyId, fingerprint) {
      const snap = await p.submissions(agencyId).where('fingerprint', '==', fingerprint).orderBy('receivedAt', 'desc').limit(1).get();
      stats.reads++;
      return snap.empty ? null : parseSnap(submissionSchema, snap.docs[0]!);
    },

    async markHandled(agencyId, id, by, at, caseId) {
      await p.submission(agencyId, id).update({ handledBy: by, handledAt: at, ...(caseId ? { caseId } : {}) });
      stats.writes++;
    },
  };
}
