// Fields derived from a case and stored on its document under `ix`, so the lists can be queried,
// ordered and paged in Firestore instead of read whole: the due time as a sortable key ("my
// tasks": overdue first, then the nearest, none last), the case number as a sortable key (serials
// padded, so 10000 follows 9999), and the words and word prefixes a search matches
// (model/search.ts). Written with every write of a case; `npm run admin -- reindex <agency>`
// writes them on cases stored before they existed. The case's own schema ignores them on read.
import { z } from 'zod';
import type { CaseState } from '../contract.ts';
import { caseStateSchema } from '../model/records.ts';
import { searchIndex } from '../model/search.ts';

/** Bumped when what is derived changes; `reindex` rewrites cases of an older version. */
export const INDEX_VERSION = 1;

/** Sorts after every ISO instant: open steps without a due time, and cases that are over. */
export const NO_DUE = '~';

export interface CaseIndex {
  v: number;
  due: string;
  nomor: string;
  words: string[];
  search: string[];
}

/** "PUSLING/2026/0001" -> "PUSLING/2026/00000001"; anything else sorts after, as written. */
export function nomorKey(nomor: string): string {
  const m = /^([A-Z][A-Z0-9-]*)\/(\d{4})\/(\d{1,8})$/.exec(nomor);
  return m ? `${m[1]}/${m[2]}/${m[3]!.padStart(8, '0')}` : `~${nomor}`;
}

export function caseIndex(s: CaseState): CaseIndex {
  const { words, prefixes } = searchIndex([s.nomor, s.partner?.name ?? '', s.title, s.sopTitle]);
  return {
    v: INDEX_VERSION,
    due: s.status === 'open' && s.currentStep !== null && s.dueAt ? new Date(s.dueAt).toISOString() : NO_DUE,
    nomor: nomorKey(s.nomor),
    words,
    search: prefixes,
  };
}

/** The fields a list reads of each case (a projection: a case's data and history stay behind). */
export const SUMMARY_FIELDS = [
  'id',
  'nomor',
  'sopId',
  'sopVersion',
  'sopTitle',
  'title',
  'partner',
  'status',
  'currentStep',
  'stepStartedAt',
  'dueAt',
  'version',
  'documents',
  'outcome',
  'createdAt',
  'updatedAt',
  'returned',
  'ix.due',
  'ix.nomor',
] as const;

export const caseSummarySchema = caseStateSchema.pick({
  id: true,
  nomor: true,
  sopId: true,
  sopVersion: true,
  sopTitle: true,
  title: true,
  partner: true,
  status: true,
  currentStep: true,
  stepStartedAt: true,
  dueAt: true,
  version: true,
  documents: true,
  outcome: true,
  createdAt: true,
  updatedAt: true,
  returned: true,
});

/** The index fields a paged read needs back: the sort keys of its cursor, and the words when it checks more than one. */
export const indexReadSchema = z.object({ ix: z.object({ due: z.string(), nomor: z.string(), words: z.array(z.string()).optional() }) });
