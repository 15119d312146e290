// Drains outbox entries: copy the template, fill it in one batchUpdate, export the PDF, e-mail it
// when the SOP says so. Exactly once: each non-idempotent call (copy, send) is preceded by a
// recorded intent and, after a crash inside that window, looked up by key instead of repeated.
// Failures back off exponentially with full jitter, honour Retry-After, and after `maxAttempts`
// the entry is dead-lettered and the document marked failed on the case, where staff see it.
import type { Firestore } from '@google-cloud/firestore';
import { buildFields } from '../documents/fields/index.ts';
import { EffectError, type CopiedDocument, type DocumentBackend, type MailSender } from '../documents/types.ts';
import type { Agency, CaseStore } from '../store/firestore.ts';
import type { Pacer } from './pacer.ts';
import { effectKey, type OutboxEntry, type OutboxProgress } from './types.ts';

export interface WorkerDeps {
  db: Firestore;
  store: CaseStore;
  /** The agency's document backend: Google Docs in production, .docx files locally. */
  backendFor(agency: Agency): DocumentBackend;
  /** The agency's mail sender, or null when it has none configured (e-mails then dead-letter). */
  mailerFor(agency: Agency): MailSender | null;
  /** Paces Docs writes and Gmail sends under Google's per-user quotas. */
  pacers?: { docs?: Pacer; mail?: Pacer };
  clock?: () => Date;
  random?: () => number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  leaseMs?: number;
}

/** The letter's title as the attachment's file name, keeping the exported file's extension. */
export function attachmentName(title: string, exported: string): string {
  const ext = /\.[a-z0-9]+$/i.exec(exported)?.[0] ?? '';
  return `${title.replace(/[\\/:*?"<>|]+/g, '-').trim()}${ext}`;
}

export type DrainResult = 'done' | 'retry' | 'dead' | 'skipped';

/** A failure no retry can fix (a template lacking placeholders, no sender configured). */
class Permanent extends Error {}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;

export function createOutboxWorker(deps: WorkerDeps) {
  const clock = deps.clock ?? (() => new Date());
  const random = deps.random ?? Math.random;
  const maxAttempts = deps.maxAttempts ?? 6;
  const baseDelayMs = deps.baseDelayMs ?? 30_000;
  const maxDelayMs = deps.maxDelayMs ?? 3_600_000;
  const leaseMs = deps.leaseMs ?? 5 * 60_000;
  const entryRef = (agencyId: string, id: string) => deps.db.collection('agencies').doc(agencyId).collection('outbox').doc(id);
  const caseRef = (agencyId: string, caseId: string) => deps.db.collection('agencies').doc(agencyId).collection('cases').doc(caseId);

  /** Takes the entry for this worker until the lease ends; null when it is done, dead, not due or taken. */
  async function lease(agencyId: string, id: string): Promise<OutboxEntry | null> {
    return deps.db.runTransaction(async (tx) => {
      const snap = await tx.get(entryRef(agencyId, id));
      if (!snap.exists) return null;
      const e = snap.data() as OutboxEntry;
      const now = clock();
      if (e.status === 'done' || e.status === 'dead' || new Date(e.nextAttemptAt) > now) return null;
      const until = new Date(now.getTime() + leaseMs).toISOString();
      // While leased, nextAttemptAt is the lease end: the sweeper takes it over only if this worker dies.
      tx.update(snap.ref, { status: 'running', leaseUntil: until, nextAttemptAt: until, updatedAt: now.toISOString() });
      return { ...e, status: 'running', leaseUntil: until };
    });
  }

  async function record(e: OutboxEntry, progress: OutboxProgress): Promise<void> {
    Object.assign(e.progress, progress);
    const update: Record<string, unknown> = { updatedAt: clock().toISOString() };
    for (const [k, v] of Object.entries(progress)) update[`progress.${k}`] = v;
    await entryRef(e.agencyId, e.id).update(update);
  }

  /** Updates the case's document, unless a newer revision of it was produced meanwhile. */
  async function settle(e: OutboxEntry, entryUpdate: Record<string, unknown>, docUpdate: Record<string, unknown>): Promise<void> {
    await deps.db.runTransaction(async (tx) => {
      const c = await tx.get(caseRef(e.agencyId, e.caseId));
      tx.update(entryRef(e.agencyId, e.id), { ...entryUpdate, leaseUntil: null, updatedAt: clock().toISOString() });
      const doc = c.get(`documents.${e.docId}`) as { revision?: number } | undefined;
      if (c.exists && doc?.revision === e.revision) {
        const u: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(docUpdate)) u[`documents.${e.docId}.${k}`] = v;
        tx.update(c.ref, u);
      }
    });
  }

  async function perform(e: OutboxEntry, agency: Agency): Promise<void> {
    const backend = deps.backendFor(agency);
    const key = effectKey(e);
    // 1. The document: copy once.
    let doc: CopiedDocument | null = e.progress.documentId ? { documentId: e.progress.documentId, url: e.progress.url! } : null;
    if (!doc && e.progress.copyIntent) doc = await backend.findCopy(key);
    if (!doc) {
      await record(e, { copyIntent: true });
      doc = await backend.copy({ key, templateId: e.templateId, title: e.title });
    }
    if (!e.progress.documentId) await record(e, { documentId: doc.documentId, url: doc.url });

    // 2. Fill it: one batchUpdate, safe to repeat.
    if (!e.progress.filled) {
      const fields = buildFields(e.templateId, e.context);
      const retrying = e.progress.fillIntent === true;
      if (!retrying) await record(e, { fillIntent: true });
      await deps.pacers?.docs?.take();
      const { missingPlaceholders } = await backend.fill(doc, fields);
      // After a lost reply the document holds no placeholder any more: that fill did happen.
      const alreadyFilled = retrying && missingPlaceholders.length === Object.keys(fields).length;
      if (missingPlaceholders.length > 0 && !alreadyFilled) {
        throw new Permanent(`Templat ${e.templateId} tidak memuat isian ${missingPlaceholders.map((p) => `{{${p}}}`).join(', ')}; perbaiki templat lalu ulangi.`);
      }
      await record(e, { filled: true, missingPlaceholders: [] });
    }

    // 3. The PDF, and 4. the e-mail when the SOP sends this letter to the partner.
    const file = await backend.export(doc);
    if (e.progress.pdfUrl === undefined) await record(e, { pdfUrl: file.url });
    if (e.email && !e.progress.messageId) {
      const mailer = deps.mailerFor(agency);
      if (!mailer || !agency.mail) throw new Permanent(`Instansi ${agency.name} belum mengatur alamat pengirim e-mail; surat tidak dapat dikirim ke mitra.`);
      const sent = e.progress.sendIntent ? await mailer.findSent(key) : null;
      if (sent) {
        await record(e, { messageId: sent.id });
      } else {
        await record(e, { sendIntent: true });
        await deps.pacers?.mail?.take();
        const r = await mailer.send({ key, from: { name: agency.mail.fromName, address: agency.mail.fromAddress }, to: e.email.to, subject: e.email.subject, text: e.email.text, attachments: [{ ...file, filename: attachmentName(e.title, file.filename) }] });
        await record(e, { messageId: r.id });
      }
    }
  }

  function delayFor(attempts: number, err: unknown): number {
    const exp = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempts - 1));
    const jittered = Math.floor(random() * exp);
    const after = err instanceof EffectError && err.retryAfterMs !== null ? err.retryAfterMs : 0;
    return Math.max(jittered, after);
  }

  async function drain(agencyId: string, id: string): Promise<DrainResult> {
    const e = await lease(agencyId, id);
    if (!e) return 'skipped';
    const agency = await deps.store.agency(agencyId);
    try {
      if (!agency) throw new Permanent(`Instansi ${agencyId} tidak ditemukan.`);
      await perform(e, agency);
      await settle(
        e,
        { status: 'done', lastError: null },
        { status: 'ready', url: e.progress.url, pdfUrl: e.progress.pdfUrl ?? null, ...(e.email ? { emailedTo: e.email.to } : {}) },
      );
      return 'done';
    } catch (err) {
      const attempts = e.attempts + 1;
      const message = err instanceof Error ? err.message : String(err);
      const retryable = !(err instanceof Permanent) && (!(err instanceof EffectError) || err.retryable);
      if (!retryable || attempts >= maxAttempts) {
        console.error(JSON.stringify({ severity: 'ERROR', message: 'outbox entry dead-lettered', agencyId, id, attempts, error: message }));
        await settle(e, { status: 'dead', attempts, lastError: message }, { status: 'failed', error: `Gagal dibuat setelah ${attempts} percobaan: ${message}` });
        return 'dead';
      }
      const next = new Date(clock().getTime() + delayFor(attempts, err)).toISOString();
      await entryRef(agencyId, id).update({ status: 'pending', attempts, nextAttemptAt: next, leaseUntil: null, lastError: message, updatedAt: clock().toISOString() });
      return 'retry';
    }
  }

  /** Drains every entry that is due: new ones whose notification was lost, retries, expired leases. */
  async function sweep(limit = 100): Promise<Record<DrainResult, number>> {
    const now = clock().toISOString();
    const due = await deps.db.collectionGroup('outbox').where('status', 'in', ['pending', 'running']).where('nextAttemptAt', '<=', now).orderBy('nextAttemptAt').limit(limit).get();
    const counts: Record<DrainResult, number> = { done: 0, retry: 0, dead: 0, skipped: 0 };
    for (const d of due.docs) counts[await drain(String(d.get('agencyId')), d.id)]++;
    return counts;
  }

  /** Puts a dead entry back in the queue after its cause was fixed (a template, the sender address). */
  async function requeue(agencyId: string, id: string): Promise<void> {
    await deps.db.runTransaction(async (tx) => {
      const snap = await tx.get(entryRef(agencyId, id));
      if (!snap.exists || snap.get('status') !== 'dead') throw new Error(`outbox entry ${id} is not dead-lettered`);
      // A fresh copy from the (fixed) template; the send guard stays, so no e-mail goes out twice.
      const sendIntent = snap.get('progress.sendIntent') === true;
      tx.update(snap.ref, { status: 'pending', attempts: 0, nextAttemptAt: clock().toISOString(), lastError: null, progress: sendIntent ? { sendIntent } : {} });
    });
  }

  return { drain, sweep, requeue };
}
