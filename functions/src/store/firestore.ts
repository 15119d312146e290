// The Firestore adapter of the store port (model/store.ts): the only code that knows Firestore,
// its collections and its document paths (see paths.ts for the layout).
import type { Firestore } from '@google-cloud/firestore';
import type { Store, StoreStats } from '../model/store.ts';
import { createCaseRepository } from './cases.ts';
import { createDeskRepository } from './desk.ts';
import { createDirectory } from './directory.ts';
import { createOutboxRepository } from './outbox.ts';
import { pathsOf } from './paths.ts';

export function createFirestoreStore(db: Firestore, opts: { now?: () => number } = {}): Store {
  const p = pathsOf(db);
  const stats: StoreStats = { reads: 0, writes: 0 };
  return {
    stats,
    ...createDirectory(db, p, stats, opts.now ?? Date.now),
    ...createCaseRepository(db, p, stats),
    ...createDeskRepository(p, stats),
    outbox: createOutboxRepository(db, p, stats),
  };
}
