// Reading partner forms from Google Forms: the link from a Google form id to the agency and our
// form, and each form's read cursor, which only ever moves forward.
import type { Firestore } from '@google-cloud/firestore';
import { formCursorSchema, formLinkSchema, type FormCursor } from '../model/records.ts';
import type { FormIntakeStore, StoreStats } from '../model/store.ts';
import { parseSnap, plain, type Paths } from './paths.ts';

export function createFormIntakeRepository(db: Firestore, p: Paths, stats: StoreStats): FormIntakeStore {
  return {
    async formLink(googleFormId) {
      // Notification attributes come from outside: an id Firestore would refuse is simply unknown.
      if (!/^[A-Za-z0-9_-]{1,200}$/.test(googleFormId)) return null;
      const snap = await p.formLink(googleFormId).get();
      stats.reads++;
      return snap.exists ? parseSnap(formLinkSchema, snap) : null;
    },

    async formLinks() {
      const snap = await p.formLinks().get();
      stats.reads += Math.max(1, snap.size);
      return snap.docs.map((d) => parseSnap(formLinkSchema, d));
    },

    async formCursor(agencyId, formId) {
      const snap = await p.formCursor(agencyId, formId).get();
      stats.reads++;
      return snap.exists ? parseSnap(formCursorSchema, snap) : null;
    },

    async advanceFormCursor(agencyId, formId, cursor) {
      const ref = p.formCursor(agencyId, formId);
      await db.runTransaction(async (tx) => {
        const snap = await tx.get(ref);
        const before: FormCursor | null = snap.exists ? parseSnap(formCursorSchema, snap) : null;
        // A cursor of another Google form (the form was replaced) starts over.
        if (before && before.googleFormId === cursor.googleFormId && Date.parse(before.since) >= Date.parse(cursor.since)) return;
        tx.set(ref, plain(formCursorSchema.parse(cursor)));
      });
      stats.reads++;
      stats.writes++;
    },
  };
}
