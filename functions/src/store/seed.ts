// Many cases at once, for tests, benchmarks and demo data: written with Firestore's BulkWriter
// (parallel batched writes) exactly as a transition stores them (store/cases.ts caseDocument: the
// state and its list fields), each with its creation event, and the case-number counters moved
// past them so cases opened later never reuse a number. Not a path for production data: there a
// case is only ever created by its transaction.
import type { Firestore } from '@google-cloud/firestore';
import type { CaseEvent, CaseState } from '../contract.ts';
import { caseDocument } from './cases.ts';
import { eventId, pathsOf, plain } from './paths.ts';

export async function seedCases(db: Firestore, agencyId: string, cases: { state: CaseState; event: CaseEvent }[], counters: Record<string, number>): Promise<void> {
  const p = pathsOf(db);
  // No ramp-up throttling (500 writes/s at first): the data is new, nothing else writes these documents.
  const writer = db.bulkWriter({ throttling: false });
  writer.onWriteError((err) => err.failedAttempts < 5);
  for (const { state, event } of cases) {
    void writer.set(p.cases(agencyId).doc(state.id), caseDocument(state));
    void writer.set(p.events(agencyId, state.id).doc(eventId(event.seq)), plain(event) as unknown as Record<string, unknown>);
  }
  for (const [name, last] of Object.entries(counters)) void writer.set(p.counter(agencyId, name), { last });
  await writer.close();
}
