// Every document of a test project, by path: compared before and after a refused request to show
// that it changed nothing anywhere, not only where the test happens to look.
import type { DocumentReference, Firestore } from '@google-cloud/firestore';

export async function snapshotProject(db: Firestore): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const visit = async (refs: DocumentReference[]): Promise<void> => {
    const snaps = refs.length ? await db.getAll(...refs) : [];
    for (const snap of snaps) if (snap.exists) out[snap.ref.path] = snap.data();
    for (const ref of refs) {
      for (const col of await ref.listCollections()) await visit(await col.listDocuments());
    }
  };
  for (const col of await db.listCollections()) await visit(await col.listDocuments());
  return out;
}
