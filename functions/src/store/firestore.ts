// The Firestore adapter of the store port (model/store.ts): the only code that knows Firestore,
// its collections and its document paths (see paths.ts for the layout).
import type { Firestore } from '@google-cloud/firestore';
import type { Store, StoreStats } from '../model/store.ts';
import { createCaseLists } from './case-lists.ts';
import { createCaseRepository } from './cases.ts';
import { createDeskRepository } from './desk.ts';
import { createDirectory } from './directory.ts';
import { createFormIntakeRepository } from './forms.ts';
import { createOutboxRepository } from './outbox.ts';
import { pathsOf } from './paths.ts';
import { createSubmissionRepository } from './submissions.ts';
import { createTransactor, type TransactOptions } from './transact.ts';

export function createFirestoreStore(db: Firestore, opts: { now?: () => number; transactions?: TransactOptions } = {}): Store {
  const p = pathsOf(db);
  const stats: StoreStats = { reads: 0, writes: 0 };
  const transact = createTransactor(db, opts.transactions);
  return {
    stats,
    ...createDirectory(db, p, stats, opts.now ?? Date.now),
    ...createCaseRepository(transact, p, stats),
    ...createCaseLists(db, p, stats),
    ...createDeskRepository(p, stats),
    ...createSubmissionRepository(p, stats),
    ...createFormIntakeRepository(db, p, stats),
    outbox: createOutboxRepository(db, transact, p, stats),
  };
}
