// Reminders, escalations and morning digests in Firestore:
//   agencies/{a}/cases/{caseId}.alertAt               the next alert instant (indexed, collection group)
//   agencies/{a}/cases/{caseId}/notices/{noticeId}     one per step instance and threshold (created once)
//   agencies/{a}/digests/{date}-{hash of e-mail}       one morning digest per person and day (created once)
//   agencies/{a}/digest_days/{date}                    the agency's digests of that day are all written
// Each notice or digest is written in one transaction with its outbox e-mail, so a second run, or
// a second instance running at the same time, finds it recorded and sends nothing.
import { FieldPath, type Firestore } from '@google-cloud/firestore';
import { agencySchema, caseNoticeSchema, caseStateSchema, requestHash, staffSchema, type Agency } from '../model/records.ts';
import type { NoticeWrite, ReminderStore, StoreStats } from '../model/store.ts';
import { parseSnap, plain, type Paths } from './paths.ts';
import type { Transactor } from './transact.ts';

/** Firestore's ALREADY_EXISTS: another run created the same record first. */
const ALREADY_EXISTS = 6;

export function digestRecordId(date: string, email: string): string {
  return `${date}-${requestHash(['digest', email.toLowerCase()]).slice(0, 24)}`;
}

export function createReminderRepository(db: Firestore, transact: Transactor, p: Paths, stats: StoreStats): ReminderStore {
  const notices = (a: string, caseId: string) => p.cases(a).doc(caseId).collection('notices');
  const digests = (a: string) => p.agency(a).collection('digests');
  const digestDays = (a: string) => p.agency(a).collection('digest_days');

  return {
    async alertsDue(now, limit, after) {
      let q = db.collectionGroup('cases').where('alertAt', '<=', now.toISOString()).orderBy('alertAt').orderBy(FieldPath.documentId()).limit(limit);
      if (after) q = q.startAfter(after.alertAt, db.doc(after.path));
      const snap = await q.get();
      stats.reads += Math.max(1, snap.size);
      return snap.docs.map((d) => ({ agencyId: d.ref.parent.parent!.id, caseId: d.id, alertAt: String(d.get('alertAt')), path: d.ref.path }));
    },

    async issueNotice(agencyId, caseId, decide) {
      const caseRef = p.cases(agencyId).doc(caseId);
      try {
        return await transact([caseRef.path], async (tx) => {
          const snap = await tx.get(caseRef);
          stats.reads++;
          if (!snap.exists) return null;
          const w: NoticeWrite | null = await decide(parseSnap(caseStateSchema, snap), {
            async staffWithRoles(roles) {
              if (roles.length === 0) return [];
              const found = new Map<string, ReturnType<typeof staffSchema.parse>>();
              // Firestore's array-contains-any takes at most 30 values per query.
              for (let i = 0; i < roles.length; i += 30) {
                const q = await tx.get(p.staffOf(agencyId).where('roles', 'array-contains-any', roles.slice(i, i + 30)).where('active', '==', true));
                stats.reads += Math.max(1, q.size);
                for (const d of q.docs) found.set(d.id, parseSnap(staffSchema, d));
              }
              return [...found.values()];
            },
          });
          if (!w) return null;
          let out = w;
          if (w.notice) {
            const ref = notices(agencyId, caseId).doc(w.notice.id);
            stats.reads++;
            if ((await tx.get(ref)).exists) {
              out = { notice: null, outbox: [], alertAt: w.alertAt };
            } else {
              tx.create(ref, plain(w.notice));
              for (const e of w.outbox) tx.create(p.outbox(agencyId, e.id), plain(e) as unknown as Record<string, unknown>);
              stats.writes += 1 + w.outbox.length;
            }
          }
          // Only the alert instant: the case's version, its events and its other fields stay as they are.
          tx.update(caseRef, { alertAt: out.alertAt });
          stats.writes++;
          return out;
        });
      } catch (err) {
        if ((err as { code?: number }).code === ALREADY_EXISTS) return null;
        throw err;
      }
    },

    async notices(agencyId, caseId) {
      const snap = await notices(agencyId, caseId).orderBy('at').get();
      stats.reads += Math.max(1, snap.size);
      return snap.docs.map((d) => parseSnap(caseNoticeSchema, d));
    },

    async agencies() {
      const snap = await db.collection('agencies').get();
      stats.reads += Math.max(1, snap.size);
      return snap.docs.map((d): Agency => ({ ...parseSnap(agencySchema, d), id: d.id }));
    },

    async openCases(agencyId) {
      const snap = await p.cases(agencyId).where('status', '==', 'open').get();
      stats.reads += Math.max(1, snap.size);
      return snap.docs.map((d) => parseSnap(caseStateSchema, d));
    },

    async activeStaff(agencyId) {
      const snap = await p.staffOf(agencyId).where('active', '==', true).get();
      stats.reads += Math.max(1, snap.size);
      return snap.docs.map((d) => parseSnap(staffSchema, d));
    },

    async digestDayDone(agencyId, date) {
      const snap = await digestDays(agencyId).doc(date).get();
      stats.reads++;
      return snap.exists;
    },

    async recordDigest(agencyId, date, email, entry, counts, at) {
      const ref = digests(agencyId).doc(digestRecordId(date, email));
      try {
        return await transact([ref.path], async (tx) => {
          const snap = await tx.get(ref);
          stats.reads++;
          if (snap.exists) return false;
          tx.create(ref, { agencyId, date, email: email.toLowerCase(), ...counts, outboxId: entry.id, at });
          tx.create(p.outbox(agencyId, entry.id), plain(entry) as unknown as Record<string, unknown>);
          stats.writes += 2;
          return true;
        });
      } catch (err) {
        if ((err as { code?: number }).code === ALREADY_EXISTS) return false;
        throw err;
      }
    },

    async markDigestDay(agencyId, date, summary) {
      await digestDays(agencyId).doc(date).set({ date, ...summary });
      stats.writes++;
    },

    async setDigest(agencyId, email, on) {
      await p.staff(agencyId, email).update({ digest: on });
      stats.writes++;
    },
  };
}
