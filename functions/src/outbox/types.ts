// An outbox entry: one side effect of a transition (render a letter, maybe e-mail it), written in
// the transition's own transaction and drained later by the worker. Its progress is recorded
// after every external call, so a retry resumes where the last attempt stopped.
import type { LetterContext } from '../documents/types.ts';

export type OutboxStatus = 'pending' | 'running' | 'done' | 'dead';

export interface OutboxProgress {
  /** Written before files.copy: if set without documentId, a copy may exist and is looked up by key. */
  copyIntent?: boolean;
  documentId?: string;
  url?: string;
  /** Written before the batchUpdate: a retry that finds no placeholder left knows the fill already happened. */
  fillIntent?: boolean;
  filled?: boolean;
  missingPlaceholders?: string[];
  /** Written before messages.send: if set without messageId, the message is looked up by key. */
  sendIntent?: boolean;
  messageId?: string;
  pdfUrl?: string | null;
}

export interface OutboxEntry {
  id: string;
  agencyId: string;
  caseId: string;
  docId: string;
  docLabel: string;
  revision: number;
  templateId: string;
  /** Document title, e.g. "Surat Tugas KUNJUNGAN-2026-0003". */
  title: string;
  context: LetterContext;
  /** Set when the SOP sends this letter to the partner. */
  email: { to: string[]; subject: string; text: string } | null;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  leaseUntil: string | null;
  progress: OutboxProgress;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The idempotency key of an entry's effects: the same entry never makes two documents or e-mails. */
export function effectKey(e: Pick<OutboxEntry, 'id'>): string {
  return e.id;
}
