// The case lists as Firestore queries over the derived fields of store/case-index.ts, a page at a
// time: the whole list is never read. Each query orders by its key and then by document id, so a
// cursor (key, id) resumes exactly after the last case of a page, whatever was written meanwhile.
// Indexes: firestore.indexes.json (status, search prefix, roles with the sort keys).
import { FieldPath, type DocumentSnapshot, type Firestore, type Query } from '@google-cloud/firestore';
import { caseStateSchema } from '../model/records.ts';
import { lookupPrefix, matchesAll, SEARCH_LIMITS } from '../model/search.ts';
import type { CaseQuery, CaseStore, CaseSummary, Cursor, PageOf, StoreStats, TaskQuery } from '../model/store.ts';
import { caseIndex, caseSummarySchema, INDEX_VERSION, indexReadSchema, SUMMARY_FIELDS } from './case-index.ts';
import { parseSnap, type Paths } from './paths.ts';

/** A multi-word search reads at most this many cases for one page, then returns what it found with a cursor. */
const SCAN_BUDGET = 3000;
const SCAN_BATCH = 500;
/** Cases rewritten per batch by reindex (Firestore's batch limit is 500 writes). */
const REINDEX_BATCH = 400;

type ListStore = Pick<CaseStore, 'listCases' | 'tasks' | 'reindexCases'>;

function summaryOf(doc: DocumentSnapshot): CaseSummary {
  return parseSnap(caseSummarySchema, doc);
}

function keyOf(doc: DocumentSnapshot, field: 'createdAt' | 'ix.nomor' | 'ix.due'): string {
  if (field === 'createdAt') return parseSnap(caseSummarySchema, doc).createdAt;
  const ix = parseSnap(indexReadSchema, doc).ix;
  return field === 'ix.nomor' ? ix.nomor : ix.due;
}

/** Reads `limit` + 1 to know whether a page follows. */
async function plainPage(query: Query, limit: number, field: 'createdAt' | 'ix.nomor' | 'ix.due', after: Cursor | undefined, stats: StoreStats): Promise<{ items: CaseSummary[]; next: Cursor | null }> {
  const snap = await (after ? query.startAfter(after.key, after.id) : query).limit(limit + 1).get();
  stats.reads += Math.max(1, snap.size);
  const docs = snap.docs.slice(0, limit);
  const last = docs.at(-1);
  return { items: docs.map(summaryOf), next: snap.size > limit && last ? { key: keyOf(last, field), id: last.id } : null };
}

/**
 * A search whose other words (or whose one long word) must be checked on each case: reads in
 * batches until the page is full, the list ends or the scan budget is spent; the cursor then
 * points after the last case read, so the next page carries on (a page may come back short).
 */
async function checkedPage(query: Query, q: CaseQuery, field: 'createdAt' | 'ix.nomor', stats: StoreStats): Promise<{ items: CaseSummary[]; next: Cursor | null }> {
  const items: CaseSummary[] = [];
  let after = q.after;
  let scanned = 0;
  for (;;) {
    const snap = await (after ? query.startAfter(after.key, after.id) : query).limit(SCAN_BATCH).get();
    stats.reads += Math.max(1, snap.size);
    for (const doc of snap.docs) {
      scanned++;
      after = { key: keyOf(doc, field), id: doc.id };
      if (matchesAll(parseSnap(indexReadSchema, doc).ix.words ?? [], q.words)) items.push(summaryOf(doc));
      if (items.length === q.limit) return { items, next: after };
    }
    if (snap.size < SCAN_BATCH) return { items, next: null };
    if (scanned >= SCAN_BUDGET) return { items, next: after ?? null };
  }
}

export function createCaseLists(db: Firestore, p: Paths, stats: StoreStats): ListStore {
  return {
    async listCases(agencyId, q): Promise<PageOf<CaseSummary>> {
      if (q.nomor && !q.after) {
        // A case number is unique in its agency: two equality filters, no order, no composite index.
        let exact: Query = p.cases(agencyId).where('nomor', '==', q.nomor);
        if (q.status) exact = exact.where('status', '==', q.status);
        const snap = await exact.select(...SUMMARY_FIELDS).limit(2).get();
        stats.reads += Math.max(1, snap.size);
        if (!snap.empty) return { items: snap.docs.map(summaryOf), next: null, total: snap.size };
      }
      const [first] = q.words;
      let query: Query = p.cases(agencyId);
      if (q.status) query = query.where('status', '==', q.status);
      if (first) query = query.where('ix.search', 'array-contains', lookupPrefix(first));
      const field = q.order === 'nomor' ? 'ix.nomor' : 'createdAt';
      const dir = q.order === 'nomor' ? 'asc' : 'desc';
      query = query.orderBy(field, dir).orderBy(FieldPath.documentId(), dir);
      const checked = q.words.length > 1 || (first !== undefined && [...first].length > SEARCH_LIMITS.maxPrefix);
      const total = q.count && !checked ? (await query.count().get()).data().count : null;
      const page = checked ? await checkedPage(query.select(...SUMMARY_FIELDS, 'ix.words'), q, field, stats) : await plainPage(query.select(...SUMMARY_FIELDS), q.limit, field, q.after, stats);
      return { ...page, total };
    },

    async tasks(agencyId, roles, q) {
      if (roles.length === 0) return { items: [], next: null, total: q.count ? 0 : null, overdue: q.count ? 0 : null };
      const query = p.cases(agencyId).where('currentRoles', 'array-contains-any', roles.slice(0, 30)).orderBy('ix.due').orderBy(FieldPath.documentId());
      const [page, total, overdue] = await Promise.all([
        plainPage(query.select(...SUMMARY_FIELDS), q.limit, 'ix.due', q.after, stats),
        q.count ? query.count().get().then((r) => r.data().count) : null,
        q.count ? query.where('ix.due', '<', q.now.toISOString()).count().get().then((r) => r.data().count) : null,
      ]);
      return { ...page, total, overdue };
    },

    async reindexCases(agencyId, opts = {}) {
      let read = 0;
      let written = 0;
      let after: DocumentSnapshot | undefined;
      for (;;) {
        const base = p.cases(agencyId).orderBy(FieldPath.documentId()).limit(REINDEX_BATCH);
        const snap = await (after ? base.startAfter(after) : base).get();
        read += snap.size;
        const stale = snap.docs.filter((d) => opts.all || d.get('ix.v') !== INDEX_VERSION);
        written += await rewrite(db, stale);
        if (snap.size < REINDEX_BATCH) return { read, written };
        after = snap.docs.at(-1);
      }
    },
  };
}

/**
 * Writes the index of each case, only if the case is unchanged since it was read (a step taken
 * meanwhile wrote a fresh index itself); a batch refused for that is read again and retried.
 */
async function rewrite(db: Firestore, docs: DocumentSnapshot[]): Promise<number> {
  if (docs.length === 0) return 0;
  for (let attempt = 0; ; attempt++) {
    const batch = db.batch();
    for (const d of docs) batch.update(d.ref, { ix: caseIndex(parseSnap(caseStateSchema, d)) }, { lastUpdateTime: d.updateTime! });
    try {
      await batch.commit();
      return docs.length;
    } catch (err) {
      if (attempt >= 3 || (err as { code?: number }).code !== 9) throw err;
      docs = await db.getAll(...docs.map((d) => d.ref));
      docs = docs.filter((d) => d.exists);
    }
  }
}
