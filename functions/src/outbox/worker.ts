// Drains outbox entries: copy the template, fill it in one batchUpdate, export the PDF, e-mail it
// when the SOP says so. Exactly once: each non-idempotent call (copy, send) is preceded by a
// recorded intent and, after a crash inside that window, looked up by key instead of repeated.
// Failures back off exponentially with full jitter, honour Retry-After, and after `maxAttempts`
// the entry is dead-lettered and the document marked failed on the case, where staff see it.
import { buildFields, buildRows, droppedRows } from '../documents/fields/index.ts';
import { EffectError, fillNames, type CopiedDocument, type DocumentBackend, type MailSender } from '../documents/types.ts';
import { effectKey, type Agency, type OutboxEntry, type OutboxProgress } from '../model/records.ts';
import type { Store } from '../model/store.ts';
import type { Pacer } from './pacer.ts';

export interface WorkerDeps {
  store: Store;
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
  const outbox = deps.store.outbox;

  async function record(e: OutboxEntry, progress: OutboxProgress): Promise<void> {
    Object.assign(e.progress, progress);
    await outbox.progress(e, progress, clock());
  }

  /** The letter: copy, fill and export it once each; the file to attach. */
  async function render(e: OutboxEntry & { context: NonNullable<OutboxEntry['context']> }, agency: Agency, key: string) {
    const backend = deps.backendFor(agency);
    // 1. The document: copy once.
    let doc: CopiedDocument | null = e.progress.documentId ? { documentId: e.progress.documentId, url: e.progress.url! } : null;
    if (!doc && e.progress.copyIntent) doc = await backend.findCopy(key);
    if (!doc) {
      await record(e, { copyIntent: true });
      doc = await backend.copy({ key, templateId: e.templateId, title: e.title });
    }
    if (!e.progress.documentId) await record(e, { documentId: doc.documentId, url: doc.url });

    // 2. Fill it: one batchUpdate (after one documents.get when unused table rows are removed; a
    //    growing table adds a write of its rows and a read), safe to repeat.
    if (!e.progress.filled) {
      const fields = buildFields(e.templateId, e.context);
      const rows = buildRows(e.templateId, e.context);
      const retrying = e.progress.fillIntent === true;
      if (!retrying) await record(e, { fillIntent: true });
      const pacer = deps.pacers?.docs;
      const { missingPlaceholders } = await backend.fill(doc, fields, { dropRows: droppedRows(e.templateId, fields), rows, ...(pacer ? { pace: () => pacer.take() } : {}) });
      // After a lost reply the document holds no placeholder any more: that fill did happen.
      const alreadyFilled = retrying && missingPlaceholders.length === fillNames(fields, rows).length;
      if (missingPlaceholders.length > 0 && !alreadyFilled) {
        throw new Permanent(`Templat ${e.templateId} tidak memuat isian ${missingPlaceholders.map((p) => `{{${p}}}`).join(', ')}; perbaiki templat lalu ulangi.`);
      }
      await record(e, { filled: true, missingPlaceholders: [] });
    }

    // 3. The PDF.
    const file = await backend.export(doc);
    if (e.progress.pdfUrl === undefined) await record(e, { pdfUrl: file.url });
    return file;
  }

  async function perform(e: OutboxEntry, agency: Agency): Promise<void> {
    const key = effectKey(e);
    const file = e.kind === 'letter' && e.context ? await render({ ...e, context: e.context }, agency, key) : null;
    if (e.kind === 'letter' && !file) throw new Permanent(`Antrean surat ${e.id} tidak memuat isi surat.`);
    // 4. The e-mail, when the SOP sends this letter to the partner (or the entry is only an e-mail).
    if (e.email && !e.progress.messageId) {
      const mailer = deps.mailerFor(agency);
      if (!mailer || !agency.mail) throw new Permanent(`Instansi ${agency.name} belum mengatur alamat pengirim e-mail; surat tidak dapat dikirim ke mitra.`);
      const sent = e.progress.sendIntent ? await mailer.findSent(key) : null;
      if (sent) {
        await record(e, { messageId: sent.id });
      } else {
        await record(e, { sendIntent: true });
        await deps.pacers?.mail?.take();
        const attachments = file ? [{ ...file, filename: attachmentName(e.title, file.filename) }] : [];
        const r = await mailer.send({ key, from: { name: agency.mail.fromName, address: agency.mail.fromAddress }, to: e.email.to, subject: e.email.subject, text: e.email.text, attachments });
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
    const e = await outbox.lease(agencyId, id, clock(), leaseMs);
    if (!e) return 'skipped';
    const agency = await deps.store.agency(agencyId);
    try {
      if (!agency) throw new Permanent(`Instansi ${agencyId} tidak ditemukan.`);
      await perform(e, agency);
      await outbox.settle(
        e,
        { status: 'done', lastError: null },
        { status: 'ready', url: e.progress.url, pdfUrl: e.progress.pdfUrl ?? null, ...(e.email ? { emailedTo: e.email.to } : {}) },
        clock(),
      );
      return 'done';
    } catch (err) {
      const attempts = e.attempts + 1;
      const message = err instanceof Error ? err.message : String(err);
      const retryable = !(err instanceof Permanent) && (!(err instanceof EffectError) || err.retryable);
      if (!retryable || attempts >= maxAttempts) {
        console.error(JSON.stringify({ severity: 'ERROR', message: 'outbox entry dead-lettered', agencyId, id, attempts, error: message }));
        await outbox.settle(e, { status: 'dead', attempts, lastError: message }, { status: 'failed', error: `Gagal dibuat setelah ${attempts} percobaan: ${message}` }, clock());
        return 'dead';
      }
      const next = new Date(clock().getTime() + delayFor(attempts, err)).toISOString();
      await outbox.retryLater(e, { attempts, nextAttemptAt: next, lastError: message }, clock());
      return 'retry';
    }
  }

  /** Drains every entry that is due: new ones whose notification was lost, retries, expired leases. */
  async function sweep(limit = 100): Promise<Record<DrainResult, number>> {
    const counts: Record<DrainResult, number> = { done: 0, retry: 0, dead: 0, skipped: 0 };
    for (const d of await outbox.due(clock(), limit)) counts[await drain(d.agencyId, d.id)]++;
    return counts;
  }

  /** Puts a dead entry back in the queue after its cause was fixed (a template, the sender address). */
  const requeue = (agencyId: string, id: string) => outbox.requeue(agencyId, id, clock());

  return { drain, sweep, requeue };
}
